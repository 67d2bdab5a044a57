package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/tui/home"
	"github.com/bimtek/bimtek/tui/roompanel"
)

// homeScreen is the home page as the root frames it before a session is
// open: the title bar above it, the theme, help and quit keys around it,
// and the hand-over to a session when one is opened from it.
type homeScreen struct {
	*home.Home
	styles   *Styles
	keys     GlobalKeys
	open     Opener
	readOnly bool
	// start shows a loaded session in the home page's place.
	start func(sessionLoadedMsg) (framed, tea.Cmd)
}

func newHomeScreen(m *Model) *homeScreen {
	return &homeScreen{
		Home:   home.New(m.opt.Sessions, m.opt.Lang, m.styles, m.opt.Now),
		styles: m.styles, keys: m.keys, open: m.opt.Open, readOnly: m.opt.ReadOnly,
		start: m.openSession,
	}
}

// init reads the session list.
func (h *homeScreen) init() tea.Cmd { return h.Load() }

// Update gives the home page its messages; a session it asks for is
// loaded (and locked) in the background. What concerns an open session
// (the clock, room mode, a change made elsewhere) does not concern it.
func (h *homeScreen) Update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case OpenSessionMsg:
		open, ro := h.open, h.readOnly
		return h, func() tea.Msg { return loadSession(open, msg.ID, ro) }
	case tickMsg, changesMsg, followMsg, ExportRequestMsg, roompanel.StartedMsg, roompanel.CloseMsg, roompanel.StoppedMsg, roompanel.PhonesMsg:
		return h, nil
	}
	_, cmd := h.Home.Update(msg)
	return h, cmd
}

// opened: the home page gives way to the session loaded.
func (h *homeScreen) opened(msg sessionLoadedMsg) (framed, tea.Cmd) { return h.start(msg) }

// header is the title bar.
func (h *homeScreen) header(w int) string {
	return h.styles.Header.Width(w).Render(ansi.Truncate(" bimtek · Smart City Bimtek", w, "…"))
}

func (h *homeScreen) headerLines() int { return 1 }

// globals are what works on the home page besides its own keys.
func (h *homeScreen) globals() []key.Binding {
	g := h.keys
	return []key.Binding{g.Theme, g.Help, g.Quit}
}

func (h *homeScreen) footerKeys() (optional, always []key.Binding) {
	return nil, []key.Binding{h.keys.Help, h.keys.Quit}
}

func (h *homeScreen) setStyles(st *Styles) {
	h.styles = st
	h.SetStyles(st)
}

// No session is open: nothing to export from its owner, to listen to or
// to release.
func (h *homeScreen) exportFrom(int64) Live  { return nil }
func (h *homeScreen) listenTo(func(tea.Msg)) {}
func (h *homeScreen) id() int64              { return 0 }
func (h *homeScreen) close() error           { return nil }

// The home page commits no answer: no digit's commit to overlap.
func (h *homeScreen) beginOverlap() {}
func (h *homeScreen) pending() bool { return false }
func (h *homeScreen) settle() error { return nil }
