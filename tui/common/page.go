package common

import (
	"strings"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// Page is one screen: a phase of the workshop, the home screen or the
// room panel. The root model owns the header (city, tahap, phase stepper,
// timer) and the footer (status and keys); a page draws only the body
// between them.
//
// Layout is decided in SetSize and Update, never in View: View only
// draws, so drawing twice gives the same frame, and the keys the footer
// lists (ShortHelp) are those of the layout on screen before it is drawn.
type Page interface {
	// Update handles a message while the page is shown (and the roster
	// and score changes always). Keys the root handles (phase navigation,
	// timer, undo, export, help, quit) never reach it unless Capturing is
	// true. It returns the page itself.
	Update(msg tea.Msg) (Page, tea.Cmd)
	// View draws the body in at most the size given by SetSize: no line
	// wider, no more lines.
	View() string
	// SetSize gives the page the body's size: the window less the header
	// and the footer.
	SetSize(w, h int)
	// ShortHelp lists the keys of this page for the footer; FullHelp
	// groups them for the ? help.
	help.KeyMap
	// Capturing is true while the page takes text (a form, a note), so
	// the root leaves every key but ctrl+c to it.
	Capturing() bool
	// Enter is called each time the page is shown (the roster may have
	// changed while another phase was on screen).
	Enter() tea.Cmd
}

// Size is the body a page draws in. Pages whose layout depends only on
// the size embed it; the others set it in their own SetSize.
type Size struct{ W, H int }

// SetSize records the body's size.
func (s *Size) SetSize(w, h int) { s.W, s.H = w, h }

// ErrMsg carries an error to the root, which shows it as one sentence in
// the status line. Nothing on screen changes because of it.
type ErrMsg struct{ Err error }

// StatusMsg is a short confirmation for the status line ("Tersimpan").
type StatusMsg struct {
	Text  string
	Plain bool // nothing was done: no ✔ before it
}

// ScoresChangedMsg tells every screen that answers changed (a keystroke,
// a phone, an undo or an import), so cached layouts can be rebuilt.
// Hidden is set for the screens not on show: they only mark their layout
// stale and rebuild it in Enter, so 80 phones saving while the grid is on
// screen do not lay out the scoreboard and the gaps 80 times.
type ScoresChangedMsg struct{ Hidden bool }

// RosterChangedMsg tells every screen that the OPD list changed.
type RosterChangedMsg struct{}

// CellChangedMsg names the cell an undo or a redo changed, so the grid
// puts its cursor there.
type CellChangedMsg struct {
	OPDID        int64
	IndicatorKey string
}

// Margin is the column every screen keeps free at its left edge, as the
// header and the footer do. The grid, the scoreboard and the gaps screen
// lay themselves out Margin columns narrower than SetSize gives and get
// the margin from WithMargin in View.
const Margin = 1

// WithMargin puts the left margin before every line of a body drawn
// Margin columns narrower than the window.
func WithMargin(body string) string {
	return " " + strings.ReplaceAll(body, "\n", "\n ")
}

func ErrCmd(err error) tea.Cmd {
	return func() tea.Msg { return ErrMsg{Err: err} }
}

func StatusCmd(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text} }
}

// NoticeCmd says that nothing was done (a cancel, nothing to undo): the
// line carries no ✔, which would read as a success.
func NoticeCmd(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text, Plain: true} }
}

// OpenSessionMsg asks the root to open a session (from the home list or
// right after the new-session form created it).
type OpenSessionMsg struct{ ID int64 }

// ExportSessionMsg asks the root to export a session of the home list; the
// root answers with ExportedMsg.
type ExportSessionMsg struct {
	ID   int64
	Name string // "Kota Bandung · Tahap II", for the dialog
}

// ExportRequestMsg asks the root to export the open session (the wrap-up's
// x key; ctrl+e anywhere does the same through the root).
type ExportRequestMsg struct{}

// ExportedMsg is the root's answer to an export: the folder and the file
// names written, or the error.
type ExportedMsg struct {
	ID    int64 // the session
	Kind  ExportKind
	Dir   string
	Files []string // full paths
	Err   error
}
