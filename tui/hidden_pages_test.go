package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// openOn opens the root model on e's session at 120x40 and walks to the
// phase whose key is phase.
func openOn(t *testing.T, e *gridEnv, phase string) *Model {
	t.Helper()
	m, err := New(withStore(e.st, Options{Lang: "en", Theme: "dark", Session: e.id, Now: gridClock}))
	if err != nil {
		t.Fatal(err)
	}
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	for i := 0; m.ses().sess.Phases()[m.ses().sess.State.Phase].Key != phase; i++ {
		if i > 10 {
			t.Fatalf("no phase %q", phase)
		}
		m.Update(phKey("]"))
	}
	return m
}

// Score changes reach the phases not on screen only as "hidden" (they
// mark their layout stale); when one of them is shown it draws the same
// frame as an app opened afresh on the same file.
func TestHiddenPhasesCatchUpWhenShown(t *testing.T) {
	for _, phase := range []string{"scoreboard", "gaps"} {
		t.Run(phase, func(t *testing.T) {
			e := newGridScaleEnv(t)
			m := openOn(t, e, phase)
			m.Update(phKey("r")) // results shown, so the numbers are on screen
			before := m.View().Content
			for m.ses().sess.Phases()[m.ses().sess.State.Phase].Key != "assessment" {
				m.Update(phKey("["))
			}
			for _, k := range []string{"1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1"} {
				m.Update(phKey(k))
			}
			for m.ses().sess.Phases()[m.ses().sess.State.Phase].Key != phase {
				m.Update(phKey("]"))
			}
			got := m.View().Content
			if got == before {
				t.Fatal("fifteen 1s on the grid changed nothing on the " + phase)
			}
			m.Close()
			fresh := openOn(t, e, phase)
			defer fresh.Close()
			if want := fresh.View().Content; got != want {
				t.Errorf("the %s after the hidden changes differs from a fresh one:\n%s\n---- fresh ----\n%s", phase, got, want)
			}
		})
	}
}
