package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui/phases/gaps"
	"github.com/bimtek/bimtek/tui/phases/scoreboard"
	"github.com/bimtek/bimtek/workshop"
)

// TestBoardViewsFit renders both screens at many sizes, languages, states
// and themes: never wider than the body, never taller.
func TestBoardViewsFit(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		fx := newBdFixture(t, lang)
		s := fx.sess
		s.Data.Priorities = []string{"governance.layanan_publik", "living.mobilitas"}
		sb := scoreboard.New(s)
		gp := gaps.New(s)
		for _, revealed := range []bool{false, true} {
			s.State.Revealed = revealed
			for _, bv := range []int{scoreboard.ViewSummary, scoreboard.ViewHeatmap, scoreboard.ViewRadar} {
				s.State.BoardView = bv
				for w := 60; w <= 220; w += 16 {
					for h := 12; h <= 64; h += 8 {
						for name, v := range map[string]string{"scoreboard": view(sb, w, h), "gaps": view(gp, w, h)} {
							lines := strings.Split(v, "\n")
							if len(lines) > h {
								t.Errorf("%s %s %dx%d: %d lines", name, lang, w, h, len(lines))
							}
							for i, l := range lines {
								if lw := ansi.StringWidth(l); lw > w {
									t.Errorf("%s %s %dx%d line %d: width %d: %q", name, lang, w, h, i, lw, ansi.Strip(l))
								}
							}
						}
					}
				}
			}
		}
	}
}

// BenchmarkGapsChange is one answer changing with the gaps screen shown.
func BenchmarkGapsChange(b *testing.B) {
	s := bdScaleSess(b)
	g := gaps.New(s)
	ind := s.F().Dimensions[0].Indicators()[0].Key
	_ = view(g, 200, 56)
	for i := 0; b.Loop(); i++ {
		s.Board.Set(1, ind, workshop.Answer{Level: 1 + i%5})
		_ = view(g, 200, 56)
	}
}

// TestScoreboardFooterKeepsItsKeysAt80x24: on the smallest window the
// scoreboard shows one panel at a time and every key of the screen, v
// first, is on the footer (the room sees the footer, not the help).
func TestScoreboardFooterKeepsItsKeysAt80x24(t *testing.T) {
	st, id, _ := demoSession(t)
	for _, lang := range []string{"id", "en"} {
		m, err := New(withStore(st, Options{Lang: lang, Theme: "dark", Session: id, Now: bdClock}))
		if err != nil {
			t.Fatal(err)
		}
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		for p, ph := range m.ses().sess.Phases() {
			if ph.Kind == workshop.PhaseScoreboard {
				m.ses().goPhase(p)
			}
		}
		m.ses().sess.State.Revealed = true
		m.render() // the first frame decides the layout
		lines := strings.Split(ansi.Strip(m.render()), "\n")
		footer := strings.Join(lines[len(lines)-2:], "\n")
		b := m.ses().current().(*scoreboard.Scoreboard)
		if !b.Compact() {
			t.Fatalf("%s: not the one-panel layout at 80x24", lang)
		}
		for _, k := range b.ShortHelp() {
			if want := k.Help().Key + " " + k.Help().Desc; !strings.Contains(footer, want) {
				t.Errorf("%s: footer lacks %q:\n%s", lang, want, footer)
			}
		}
		m.Close()
	}
}

// bdFixture is tuitest's BoardEnv under the names the tests of the screens
// still in package tui use.
type bdFixture struct {
	path string
	st   *store.Store
	id   int64
	sess *Sess
}

var bdClock = tuitest.BoardClock

func newBdFixture(t *testing.T, lang string) *bdFixture {
	t.Helper()
	e := tuitest.NewBoardEnv(t, lang)
	return &bdFixture{path: e.Path, st: e.St, id: e.ID, sess: e.Sess}
}

func bdRun(t *testing.T, sc Page, keys ...string) []tea.Msg {
	t.Helper()
	return tuitest.Run(t, sc, keys...)
}

func bdScaleSess(b testing.TB) *Sess { return tuitest.ScaleSess(b) }
