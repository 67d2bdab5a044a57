package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/tui/common/pagetest"
)

// TestHomeAndSessionKeepThePageContract: the two screens the root frames,
// the home page and an open session (every phase, the phase chooser, the
// room panel), draw the same frame twice and stay inside the body they
// are given, in both languages.
func TestHomeAndSessionKeepThePageContract(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := newAppEnv(t)
		h, err := New(withStore(e.st, Options{Lang: lang, Theme: "dark", Now: e.clock.now}))
		if err != nil {
			t.Fatal(err)
		}
		runCmd(h, h.scr.init())
		if _, ok := h.scr.(*homeScreen); !ok {
			t.Fatalf("%s: the app without a session starts on %T, want the home page", lang, h.scr)
		}
		pagetest.Check(t, lang+" home", h.scr)

		m, err := New(withStore(e.st, Options{Lang: lang, Theme: "dark", Session: e.id, Now: e.clock.now}))
		if err != nil {
			t.Fatal(err)
		}
		s := m.ses()
		for p := range s.sess.Phases() {
			s.goPhase(p)
			pagetest.Check(t, lang+" session phase "+s.sess.Phase().Key, s)
		}
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		e.keys(m, "g")
		if !s.jumping {
			t.Fatalf("%s: g opened no phase chooser", lang)
		}
		pagetest.Check(t, lang+" session chooser", s)
		e.keys(m, "esc", "ctrl+r")
		if !s.roomOpen {
			t.Fatalf("%s: ctrl+r showed no room panel", lang)
		}
		pagetest.Check(t, lang+" session room panel", s)
		m.Close()
	}
}

// globalKey is a key of GlobalKeys as the terminal sends it.
func globalKey(t *testing.T, name string) tea.KeyPressMsg {
	t.Helper()
	k := phKey(name)
	if c, ok := strings.CutPrefix(name, "ctrl+"); ok && len(c) == 1 {
		k = tea.KeyPressMsg{Code: rune(c[0]), Mod: tea.ModCtrl}
	}
	if k.String() != name {
		t.Fatalf("key %q is sent as %q", name, k.String())
	}
	return k
}

// TestRootOnHomeHandlesEveryGlobalKey: on the home page, with no session
// open, every key of a session's global keys reaches the root. The ones
// home's ? help offers do what it says (ctrl+t the theme, ? the help, q
// and ctrl+c quit); the others belong to an open session and change
// nothing: the same frame, no session opened, no message sent. None
// panics.
func TestRootOnHomeHandlesEveryGlobalKey(t *testing.T) {
	e := newAppEnv(t)
	start := func() *Model {
		m, err := New(withStore(e.st, Options{Lang: "id", Theme: "dark", Now: e.clock.now}))
		if err != nil {
			t.Fatal(err)
		}
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		runCmd(m, m.scr.init())
		return m
	}
	m := start()
	if v := screen(m); !strings.Contains(v, "Kota Uji") {
		t.Fatalf("home does not list the session:\n%s", v)
	}

	// What home's ? help offers besides its own keys: theme, help, quit.
	e.keys(m, "?")
	help := screen(m)
	for _, want := range []string{"ctrl+t", "?", "q"} {
		if !strings.Contains(help, want) {
			t.Errorf("home's help lacks %q:\n%s", want, help)
		}
	}
	for _, session := range []string{"]/PgDn", "[/PgUp", "ctrl+z", "ctrl+e", "ctrl+r"} {
		if strings.Contains(help, session) {
			t.Errorf("home's help offers the session key %q:\n%s", session, help)
		}
	}
	e.keys(m, "?")
	if m.showHelp {
		t.Fatal("? did not close the help")
	}

	g := newGlobalKeys("id")
	theme := m.styles.Theme
	_, cmd := m.Update(globalKey(t, "ctrl+t"))
	runCmd(m, cmd)
	if m.styles.Theme == theme || !strings.Contains(screen(m), "Tema") {
		t.Errorf("ctrl+t on home: theme %s (was %s):\n%s", m.styles.Theme, theme, screen(m))
	}
	e.keys(m, "ctrl+t", "ctrl+t") // back to dark
	m.Update(StatusMsg{})         // every key clears the last status: start without one

	for _, b := range []struct {
		name string
		keys []string
	}{
		{"next", g.Next.Keys()}, {"prev", g.Prev.Keys()}, {"jump", g.Jump.Keys()},
		{"timer", g.Timer.Keys()}, {"plus", g.Plus.Keys()}, {"minus", g.Minus.Keys()},
		{"undo", g.Undo.Keys()}, {"redo", g.Redo.Keys()}, {"room", g.Room.Keys()}, {"export", g.Export.Keys()},
	} {
		for _, name := range b.keys {
			before := screen(m)
			_, cmd := m.Update(globalKey(t, name))
			if msgs := phCmdMsgs(cmd); len(msgs) != 0 {
				t.Errorf("%s (%s) on home sent %v", b.name, name, msgs)
			}
			if after := screen(m); after != before {
				t.Errorf("%s (%s) on home changed the screen:\n%s\n---\n%s", b.name, name, before, after)
			}
			if _, ok := m.scr.(*homeScreen); !ok {
				t.Errorf("%s (%s) on home left it for %T", b.name, name, m.scr)
			}
		}
	}

	for _, name := range g.Quit.Keys() {
		m := start()
		_, cmd := m.Update(globalKey(t, name))
		if cmd == nil {
			t.Fatalf("%s on home returned no command", name)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok || !m.quitting {
			t.Errorf("%s on home does not quit", name)
		}
		if m.Opened != 0 {
			t.Errorf("%s on home: the command line would name session %d to reopen", name, m.Opened)
		}
	}
}

// TestOpeningFromHomeSwitchesToTheSession: Enter on home loads the session
// in the background and the root shows it, on the phase where it stopped;
// quitting from it names it for the command line and frees its lock.
func TestOpeningFromHomeSwitchesToTheSession(t *testing.T) {
	e := newAppEnv(t)
	first := e.open(120, 40)
	e.keys(first, "]", "]", "]")
	first.Close()

	m, err := New(withStore(e.st, Options{Lang: "en", Theme: "dark", Now: e.clock.now}))
	if err != nil {
		t.Fatal(err)
	}
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	runCmd(m, m.scr.init())
	e.keys(m, "enter")
	s, ok := m.scr.(*Session)
	if !ok {
		t.Fatalf("Enter on home shows %T, want the session", m.scr)
	}
	if s.sess.State.Phase != 3 || m.Opened != e.id {
		t.Errorf("opened on phase %d (session %d), want phase 4 of session %d", s.sess.State.Phase+1, m.Opened, e.id)
	}
	if head := strings.SplitN(screen(m), "\n", 3); !strings.Contains(head[0], "Kota Uji") || !strings.Contains(head[1], "▶ 4") {
		t.Errorf("the header is not the session's:\n%s", ansi.Strip(strings.Join(head[:2], "\n")))
	}
	// A second session loaded meanwhile (a second Enter) gives its lock
	// back at once: the session on show stays.
	second := loadSession(m.opt.Open, e.id, true)
	if second.err != nil {
		t.Fatal(second.err)
	}
	m.Update(second)
	if m.scr != s {
		t.Errorf("a second loaded session replaced the open one")
	}
	_, cmd := m.Update(globalKey(t, "q"))
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q in the session does not quit")
	}
	again, err := New(withStore(e.st, Options{Lang: "en", Session: e.id, Now: e.clock.now}))
	if err != nil {
		t.Fatalf("after quitting the session's lock is still held: %v", err)
	}
	again.Close()
}
