package tui

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// demoSession creates the session `bimtek demo` makes (20 preset OPDs,
// seed 1) in a new database.
func demoSession(t *testing.T) (*store.Store, int64, string) {
	t.Helper()
	return tuitest.Demo(t)
}

// TestFrameGolden keeps the whole window of every phase of the demo
// session, header and footer included, at the three sizes a facilitator's
// laptop and projector give: 80x24, 120x40 and 200x60 (and every phase in
// English at 120x40). The scoreboard is shown revealed.
func TestFrameGolden(t *testing.T) {
	st, id, path := demoSession(t)
	clock := func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC) }
	cases := []struct {
		lang string
		w, h int
	}{{"id", 80, 24}, {"id", 120, 40}, {"id", 200, 60}, {"en", 120, 40}}
	for _, c := range cases {
		m, err := New(withStore(st, Options{Lang: c.lang, Theme: "dark", Session: id, Now: clock}))
		if err != nil {
			t.Fatal(err)
		}
		m.Update(tea.WindowSizeMsg{Width: c.w, Height: c.h})
		for p, ph := range m.ses().sess.Phases() {
			m.ses().goPhase(p)
			if ph.Kind == workshop.PhaseScoreboard {
				m.ses().sess.State.Revealed = true
			}
			frame := ansi.Strip(m.render())
			frame = strings.ReplaceAll(frame, path, "<db>")
			lines := strings.Split(frame, "\n")
			if len(lines) != c.h {
				t.Errorf("%s %dx%d %s: %d lines", c.lang, c.w, c.h, ph.Kind, len(lines))
			}
			golden(t, fmt.Sprintf("frame-%s-%d-%s-%dx%d", c.lang, p+1, ph.Kind, c.w, c.h), frame)
		}
		m.Close()
	}
}

// TestHiddenResultsOnEveryScreen is DESIGN section 4: while the results
// are hidden, no phase shows an aggregate (an OPD or city score, the
// index, a predikat, a gap, a spread: every one of them is written with
// two decimals), at 80x24, 120x40 and 200x60, in the facilitator's window
// and in the projector view; revealed, the gaps and wrap-up show them.
func TestHiddenResultsOnEveryScreen(t *testing.T) {
	st, id, path := demoSession(t)
	clock := func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC) }
	aggregate := regexp.MustCompile(`\d\.\d\d|\b(Sangat Baik|Baik|Cukup|Kurang|Memuaskan)\b`)
	target := regexp.MustCompile(`Target kota: \d\.\d\d`)
	ro, err := store.OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		for _, readOnly := range []bool{false, true} {
			opt := withStore(st, Options{Lang: "id", Theme: "dark", Session: id, Now: clock})
			if readOnly {
				opt = withStore(ro, Options{Lang: "id", Theme: "dark", Session: id, Now: clock, ReadOnly: true})
			}
			m, err := New(opt)
			if err != nil {
				t.Fatal(err)
			}
			m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			for p, ph := range m.ses().sess.Phases() {
				m.ses().goPhase(p)
				m.ses().sess.State.Revealed = false
				// A target is the session's goal, set before any answer: not a result.
				frame := target.ReplaceAllString(ansi.Strip(m.render()), "")
				if hit := aggregate.FindString(frame); hit != "" {
					t.Errorf("%dx%d read-only=%v %s shows %q while hidden:\n%s", size[0], size[1], readOnly, ph.Kind, hit, frame)
				}
				if ph.Kind == workshop.PhaseGaps || ph.Kind == workshop.PhaseWrapUp {
					m.ses().sess.State.Revealed = true
					if frame := ansi.Strip(m.render()); !aggregate.MatchString(frame) {
						t.Errorf("%dx%d %s revealed shows no score:\n%s", size[0], size[1], ph.Kind, frame)
					}
				}
			}
			m.Close()
		}
	}
}

// TestEveryScreenKeepsTheMargin: every phase leaves the window's first
// column free, as the header and the footer do (the grid, the scoreboard
// and the gaps screen used to start at column 0). Only a cursor marker
// (▶, the roster's selected row) may stand in it. Checked at the three
// sizes, revealed and hidden, with the grid also in its per-OPD view.
func TestEveryScreenKeepsTheMargin(t *testing.T) {
	st, id, _ := demoSession(t)
	clock := func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC) }
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		m, err := New(withStore(st, Options{Lang: "id", Theme: "dark", Session: id, Now: clock}))
		if err != nil {
			t.Fatal(err)
		}
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		check := func(what string) {
			t.Helper()
			lines := strings.Split(ansi.Strip(m.render()), "\n")
			for i, l := range lines {
				if l == "" {
					continue
				}
				if r := []rune(l)[0]; r != ' ' && r != '▶' {
					t.Errorf("%dx%d %s line %d starts at column 0: %q", size[0], size[1], what, i, l)
					return
				}
			}
		}
		for p, ph := range m.ses().sess.Phases() {
			m.ses().goPhase(p)
			m.ses().sess.State.Revealed = false
			check(string(ph.Kind) + " hidden")
			m.ses().sess.State.Revealed = true
			check(string(ph.Kind))
			if ph.Kind == workshop.PhaseAssessment {
				m.ses().sess.State.ByOPD = true
				check("per-OPD view")
				m.ses().sess.State.ByOPD = false
			}
		}
		m.Close()
	}
}
