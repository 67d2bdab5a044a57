package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/workshop"
)

// TestHelpWrapsInsteadOfCutting: at 80x24 the help of every phase, in
// both languages, wraps its descriptions: a line ends in "…" only when
// the help already fills every row, and then only a few do.
func TestHelpWrapsInsteadOfCutting(t *testing.T) {
	st, id, _ := demoSession(t)
	for _, lang := range []string{"id", "en"} {
		m, err := New(withStore(st, Options{Lang: lang, Theme: "dark", Session: id, Now: bdClock}))
		if err != nil {
			t.Fatal(err)
		}
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		for p := range m.ses().sess.Phases() {
			m.ses().goPhase(p)
			m.showHelp = true
			v := m.helpView(80, 24-5)
			// Read it as a person does: the whole width, or column by
			// column when it is laid out in two (each 41 cells).
			plain := ansi.Strip(v)
			var left, right []string
			for _, l := range strings.Split(plain, "\n") {
				left = append(left, ansi.Cut(l, 0, 41))
				right = append(right, ansi.Cut(l, 41, 80))
			}
			flat := strings.Join(strings.Fields(plain), " ") + " | " +
				strings.Join(strings.Fields(strings.Join(left, " ")), " ") + " | " +
				strings.Join(strings.Fields(strings.Join(right, " ")), " ")
			cut := strings.Count(v, "…")
			if cut > 0 && (strings.Count(v, "\n")+1 < 24-5 || cut > 4) {
				t.Errorf("%s phase %d: the help cuts %d lines with rows to spare:\n%s", lang, p+1, cut, ansi.Strip(v))
			}
			for _, b := range m.ses().current().ShortHelp() {
				if cut > 0 {
					break // full: the keys are all there (checked below), not every word
				}
				if d := strings.Join(strings.Fields(b.Help().Desc), " "); !strings.Contains(flat, d) {
					t.Errorf("%s phase %d: help lacks %q", lang, p+1, d)
				}
			}
			for _, b := range m.ses().current().ShortHelp() {
				if !strings.Contains(plain, b.Help().Key) {
					t.Errorf("%s phase %d: help lacks the key %q", lang, p+1, b.Help().Key)
				}
			}
			m.showHelp = false
		}
		m.Close()
	}
}

// TestRosterFooterKeepsEveryKeyAt80x24: on the smallest window the
// roster's footer still offers every roster key, import CSV included.
func TestRosterFooterKeepsEveryKeyAt80x24(t *testing.T) {
	st, id, _ := demoSession(t)
	for _, lang := range []string{"id", "en"} {
		m, err := New(withStore(st, Options{Lang: lang, Theme: "dark", Session: id, Now: bdClock}))
		if err != nil {
			t.Fatal(err)
		}
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		for p, ph := range m.ses().sess.Phases() {
			if ph.Kind == workshop.PhaseRoster {
				m.ses().goPhase(p)
			}
		}
		lines := strings.Split(ansi.Strip(m.render()), "\n")
		footer := strings.Join(lines[len(lines)-2:], "\n")
		for _, k := range m.ses().current().ShortHelp() {
			if want := k.Help().Key + " " + k.Help().Desc; !strings.Contains(footer, want) {
				t.Errorf("%s: roster footer lacks %q:\n%s", lang, want, footer)
			}
		}
		m.Close()
	}
}

// TestNothingDoneCarriesNoTick: a status that says nothing happened
// ("nothing removed", "nothing to undo", "this is the last phase") is
// never marked ✔, and ] on the last phase says so and is not offered.
func TestNothingDoneCarriesNoTick(t *testing.T) {
	st, id, _ := demoSession(t)
	m, err := New(withStore(st, Options{Lang: "en", Theme: "dark", Session: id, Now: bdClock}))
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	last := len(m.ses().sess.Phases()) - 1
	m.ses().goPhase(last)
	press := func(k string) {
		_, cmd := m.Update(phKey(k))
		for _, msg := range phCmdMsgs(cmd) {
			m.Update(msg)
		}
	}
	lines := strings.Split(ansi.Strip(m.render()), "\n")
	footer := strings.Join(lines[len(lines)-2:], "\n")
	if strings.Contains(footer, "]/PgDn") {
		t.Errorf("the last phase offers ] in its footer:\n%s", footer)
	}
	press("]")
	if m.ses().sess.State.Phase != last {
		t.Fatalf("] moved off the last phase")
	}
	out := ansi.Strip(m.render())
	if want := assets.T("en", "frame.last_phase"); !strings.Contains(out, want) {
		t.Errorf("] on the last phase does not say %q:\n%s", want, out)
	}
	if strings.Contains(out, "✔ "+assets.T("en", "frame.last_phase")) {
		t.Errorf("the last-phase notice carries ✔")
	}
	m.Update(noticeCmd(assets.T("en", "roster.kept"))())
	if out := ansi.Strip(m.render()); strings.Contains(out, "✔ "+assets.T("en", "roster.kept")) || !strings.Contains(out, assets.T("en", "roster.kept")) {
		t.Errorf("nothing removed is shown with ✔ or not at all:\n%s", out)
	}
}
