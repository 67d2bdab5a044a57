package grid

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/tui/common/pagetest"
)

// TestGridKeepsThePageContract: View only draws and stays inside the size
// SetSize gave, hidden and revealed, moved, with the detail panel, a
// refusal standing, every OPD, the per-OPD view and the note editor open,
// in both languages, at the terminal sizes and a short side panel.
func TestGridKeepsThePageContract(t *testing.T) {
	sizes := append([][2]int{{160, 26}}, pagetest.Sizes...)
	for _, lang := range []string{"id", "en"} {
		e := newGridEnv(t, lang, gridOPDs, gridAnswers)
		for _, revealed := range []bool{false, true} {
			e.s.State.Revealed = revealed
			pagetest.Check(t, lang, e.g, sizes...)
		}
		g := e.g
		steps := []struct {
			name string
			keys []tea.KeyPressMsg
			on   func() bool // the state the keys were meant to reach
		}{
			{"moved", []tea.KeyPressMsg{gkDown, gkDown, gkRight, gkEnd}, func() bool { return e.s.State.Row == 2 && e.s.State.Col == 2 }},
			{"detail", []tea.KeyPressMsg{gkSpace}, func() bool { return g.detail }},
			{"refused", gridTyped("9"), func() bool { return g.hold != nil }},
			{"all OPDs", gridTyped("a"), func() bool { return e.s.State.GridAll }},
			{"per OPD", []tea.KeyPressMsg{gkEsc, gkText("o")}, func() bool { return e.s.State.ByOPD && g.hold == nil }},
			{"note", []tea.KeyPressMsg{gkEnter}, g.Capturing},
		}
		for _, st := range steps {
			e.press(st.keys...)
			if !st.on() {
				t.Fatalf("%s %s: the keys did not reach that state", lang, st.name)
			}
			pagetest.Check(t, lang+" "+st.name, g, sizes...)
		}
	}
}
