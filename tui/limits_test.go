package tui

import (
	"fmt"
	"runtime/debug"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// limitShape is a framework's size: how many of each, and how long its
// texts are.
type limitShape struct {
	dims, els, inds, levels, phases int
	nameRunes, descRunes            int
}

// longText is n characters of Indonesian-looking words, ending in a mark
// that shows where it was cut.
func longText(prefix string, n int) string {
	if n <= 0 {
		return ""
	}
	s := prefix + " " + strings.Repeat("Pelayanan publik terpadu ", n/25+1)
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	r[len(r)-1] = '#'
	return string(r)
}

// limitFramework builds a framework of that shape that passes Validate.
func limitFramework(s limitShape) *workshop.Framework {
	tx := func(p string, n int) workshop.Text {
		return workshop.Text{ID: longText(p, n), EN: longText(p+" en", n)}
	}
	f := &workshop.Framework{Key: "batas", Name: tx("Kerangka batas", s.nameRunes), Description: tx("Uraian", s.descRunes)}
	for v := 1; v <= s.levels; v++ {
		f.Scale = append(f.Scale, workshop.Level{Value: v, Label: tx(fmt.Sprintf("Level %d", v), workshop.MaxLabelRunes), Description: tx("Uraian level", s.descRunes)})
		f.Bands = append(f.Bands, workshop.Band{Min: float64(v), Predikat: tx(fmt.Sprintf("Predikat %d", v), workshop.MaxLabelRunes)})
	}
	for d := 1; d <= s.dims; d++ {
		dim := workshop.Dimension{Key: fmt.Sprintf("dimensi%02d", d), Name: tx(fmt.Sprintf("Dimensi %d", d), s.nameRunes), Description: tx("Uraian dimensi", s.descRunes), Target: float64(s.levels+1) / 2}
		for e := 1; e <= s.els; e++ {
			el := workshop.Element{Key: fmt.Sprintf("%s.e%02d", dim.Key, e), Name: tx(fmt.Sprintf("Elemen %d.%d", d, e), s.nameRunes), Description: tx("Uraian elemen", s.descRunes)}
			for i := 1; i <= s.inds; i++ {
				el.Indicators = append(el.Indicators, workshop.Indicator{Key: fmt.Sprintf("%s.%02d", el.Key, i), Name: tx(fmt.Sprintf("Indikator %d.%d.%d", d, e, i), s.nameRunes), Description: tx("Uraian indikator", s.descRunes)})
			}
			dim.Elements = append(dim.Elements, el)
		}
		f.Dimensions = append(f.Dimensions, dim)
	}
	kinds := workshop.PhaseKinds
	for p := 0; p < s.phases; p++ {
		k := kinds[p%len(kinds)]
		f.Agenda = append(f.Agenda, workshop.Phase{Key: fmt.Sprintf("fase%02d", p+1), Kind: k, Name: tx(fmt.Sprintf("Fase %d", p+1), workshop.MaxLabelRunes), Minutes: workshop.MaxPhaseMinutes})
	}
	return f
}

// drawEveryPhase opens a session of f with opds OPDs (every OPD answering
// every item), and draws every phase at 80x24 and 200x60, the scoreboard
// revealed, after each of keys, in each of langs; a panic fails with its
// stack.
func drawEveryPhase(t *testing.T, f *workshop.Framework, opds int, keys, langs []string) {
	t.Helper()
	st, _ := openTestStore(t, "limits.db")
	var in []store.OPDInput
	for i := 1; i <= opds; i++ {
		in = append(in, store.OPDInput{Code: longText(fmt.Sprintf("K%03d", i), workshop.MaxOPDCodeRunes), Name: longText(fmt.Sprintf("Dinas %d", i), workshop.MaxOPDNameRunes)})
	}
	for i := range in {
		in[i].Code = strings.ToUpper(strings.ReplaceAll(in[i].Code, " ", ""))
	}
	id, d := createTestSession(t, st, store.NewSession{City: longText("Kabupaten", workshop.MaxCityRunes), Stage: 4, Date: "2026-11-28",
		Venue: longText("Aula", workshop.MaxVenueRunes), Facilitator: longText("Fasilitator", workshop.MaxFacilitatorRunes), Framework: f, OPDs: in})
	var rows []store.ScoreRow
	for k, o := range d.OPDs {
		n := 0
		for _, dim := range f.Dimensions {
			for _, ind := range dim.Indicators() {
				n++
				rows = append(rows, store.ScoreRow{OPDID: o.ID, IndicatorKey: ind.Key, Answer: workshop.Answer{Level: 1 + (k+n)%len(f.Scale)}, Note: longText("Catatan", 200)})
			}
		}
	}
	importTestScores(t, st, id, rows)
	for _, lang := range langs {
		m, err := New(withStore(st, Options{Lang: lang, Theme: "dark", Session: id}))
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range [][2]int{{80, 24}, {200, 60}} {
			m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			for p, ph := range m.ses().sess.Phases() {
				name := fmt.Sprintf("%s %dx%d phase %d (%s)", lang, size[0], size[1], p+1, ph.Kind)
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Fatalf("%s panics: %v\n%s", name, r, debug.Stack())
						}
					}()
					m.ses().goPhase(p)
					if ph.Kind == workshop.PhaseScoreboard {
						m.ses().sess.State.Revealed = true
					}
					checkFrame(t, name, m.render(), size[0], size[1])
					for _, k := range keys {
						_, cmd := m.Update(phKey(k))
						runCmd(m, cmd)
						checkFrame(t, name+" after "+k, m.render(), size[0], size[1])
					}
				}()
			}
		}
		m.Close()
	}
}

func checkFrame(t *testing.T, name, frame string, w, h int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) != h {
		t.Errorf("%s: %d lines, want %d", name, len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%s: line %d is %d wide", name, i, lw)
			return
		}
	}
}

// allKeys move through a screen: the next tab, the cursor, the views and
// sort orders of the scoreboard, the last row.
var bothLangs = []string{"id", "en"}

var allKeys = []string{"tab", "down", "right", "v", "s", "s", "s", "end"}

// TestEveryScreenDrawsFrameworksAtTheLimits: every framework that
// framework check accepts opens and draws every phase at 80x24 and 200x60
// without a panic, in both languages: the largest (12 dimensions x 12
// elements x 12 indicators, 9 levels, 12 phases, every text at its
// longest), the smallest, the widest scoreboard with 80 OPDs, and a
// session of 40 dimensions made before the limits existed (it panicked
// the scoreboard in bdJoin, then every reopen).
func TestEveryScreenDrawsFrameworksAtTheLimits(t *testing.T) {
	longest := limitShape{dims: workshop.MaxDimensions, els: workshop.MaxElements, inds: workshop.MaxIndicators, levels: 9,
		phases: workshop.MaxPhases, nameRunes: workshop.MaxNameRunes, descRunes: workshop.MaxDescriptionRunes}
	cases := []struct {
		name  string
		shape limitShape
		opds  int
		keys  []string // pressed on every phase, a frame drawn after each
		langs []string
	}{
		// The largest is slow to draw (the briefing lays out every long
		// description), so it is drawn in one language with fewer keys.
		{"largest framework, longest texts", longest, 3, []string{"tab", "v", "end"}, []string{"id"}},
		{"smallest framework", limitShape{dims: 1, els: 1, inds: 1, levels: 1, phases: 1, nameRunes: 1}, 1, allKeys, bothLangs},
		{"most dimensions, 80 OPDs", limitShape{dims: workshop.MaxDimensions, els: 1, inds: 2, levels: 5, phases: 7, nameRunes: workshop.MaxNameRunes, descRunes: 80}, 80, allKeys, bothLangs},
		{"old session of 40 dimensions", limitShape{dims: 40, els: 1, inds: 1, levels: 5, phases: 7, nameRunes: 20, descRunes: 50}, 3, allKeys, bothLangs},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := limitFramework(c.shape)
			if c.shape.dims <= workshop.MaxDimensions {
				if probs := f.Validate(); len(probs) > 0 {
					t.Fatalf("the generated framework is not within the limits: %v", probs)
				}
			}
			drawEveryPhase(t, f, c.opds, c.keys, c.langs)
		})
	}
}
