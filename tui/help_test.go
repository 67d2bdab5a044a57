package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/workshop"
)

// TestHelpWrapsInsteadOfCutting: at 80x24 the help of every phase, in
// both languages, shows every key with its whole description: nothing
// ends in "…" while the window has rows to spare.
func TestHelpWrapsInsteadOfCutting(t *testing.T) {
	st, id, _ := demoSession(t)
	for _, lang := range []string{"id", "en"} {
		m, err := New(Options{Store: st, Lang: lang, Theme: "dark", Session: id, Now: bdClock})
		if err != nil {
			t.Fatal(err)
		}
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		for p := range m.sess.Phases() {
			m.goPhase(p)
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
			if strings.Contains(v, "…") {
				t.Errorf("%s phase %d: the help cuts a line:\n%s", lang, p+1, ansi.Strip(v))
			}
			for _, b := range m.current().Help() {
				if d := strings.Join(strings.Fields(b.Help().Desc), " "); !strings.Contains(flat, d) {
					t.Errorf("%s phase %d: help lacks %q", lang, p+1, d)
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
		m, err := New(Options{Store: st, Lang: lang, Theme: "dark", Session: id, Now: bdClock})
		if err != nil {
			t.Fatal(err)
		}
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		for p, ph := range m.sess.Phases() {
			if ph.Kind == workshop.PhaseRoster {
				m.goPhase(p)
			}
		}
		lines := strings.Split(ansi.Strip(m.render()), "\n")
		footer := strings.Join(lines[len(lines)-2:], "\n")
		for _, k := range m.current().Help() {
			if want := k.Help().Key + " " + k.Help().Desc; !strings.Contains(footer, want) {
				t.Errorf("%s: roster footer lacks %q:\n%s", lang, want, footer)
			}
		}
		m.Close()
	}
}
