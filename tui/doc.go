// Package tui is the root model of bimtek's screens. The root (Model)
// frames the screen on show, the home page (tui/home, framed by
// homeScreen) or an open session (Session), with the header, the footer
// and the `?` help, and owns what both share: the theme, the language, the
// window's size, the status line, the export dialog and quitting. The
// open session holds its phases' pages, the phase stepper and the clock,
// phase navigation, undo and redo, the projector view's following and
// room mode's panel; it is made when a session opens and always has its
// session. Each page (a phase, the home screen, the room panel) keeps the
// contract of tui/common.Page, and so do the two screens; the phases live
// in tui/phases/<phase>.
//
// The footer and the `?` help are drawn here by hand from each page's
// help.KeyMap rather than by bubbles' help.Model, because they must keep
// what help.Model does not do: the footer is two lines, not one; when the
// keys do not fit, next/previous phase give way first and the page's own
// keys last, while `?` and `q` always stay (help.Model cuts the tail with
// "…", which would drop quit first); the `?` page picks one or two columns
// and wraps each description under itself to fit the window's height
// (help.Model lays its columns side by side and cuts). Frames stay as the
// golden files keep them.
package tui
