// Package tui is the root model of bimtek's screens: the frame (header with
// the phase stepper and the clock, the body, the footer), phase navigation,
// the clock, undo and redo, the export, the theme, the `?` help, the
// projector view's following and room mode's panel. Each page (a phase,
// the home screen, the room panel) keeps the contract of tui/common.Page;
// the phases that have a package of their own live in tui/phases/<phase>.
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
