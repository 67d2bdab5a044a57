package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Screen is one phase of the workshop (or the home screen). The root model
// owns the header (city, tahap, phase stepper, timer) and the footer (keys);
// a screen draws only the body between them.
type Screen interface {
	// Update handles a message while the screen is shown. Keys the root
	// handles (phase navigation, timer, undo, export, help, quit) never
	// reach it unless Capturing is true.
	Update(msg tea.Msg) tea.Cmd
	// View draws the body in exactly w columns and at most h rows.
	View(w, h int) string
	// Help lists the keys that work on this screen, for the footer and the
	// ? help.
	Help() []key.Binding
	// Capturing is true while the screen takes text (a form, a note), so
	// the root leaves every key but ctrl+c to it.
	Capturing() bool
}

// Enterer is implemented by screens that refresh when they are shown again
// (the roster may have changed while another phase was on screen).
type Enterer interface{ Enter() tea.Cmd }

// ErrMsg carries an error to the root, which shows it as one sentence in
// the status line. Nothing on screen changes because of it.
type ErrMsg struct{ Err error }

// StatusMsg is a short confirmation for the status line ("Tersimpan").
type StatusMsg struct {
	Text  string
	Plain bool // nothing was done: no ✔ before it
}

// ScoresChangedMsg tells every screen that answers changed (after undo or
// an import), so cached layouts can be rebuilt.
type ScoresChangedMsg struct{}

// RosterChangedMsg tells every screen that the OPD list changed.
type RosterChangedMsg struct{}

// CellChangedMsg names the cell an undo or a redo changed, so the grid
// puts its cursor there.
type CellChangedMsg struct {
	OPDID        int64
	IndicatorKey string
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
