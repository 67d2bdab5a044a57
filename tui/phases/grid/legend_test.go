package grid

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// sidePanelText is the side panel of a grid frame (right of the last bar
// of each line), its lines joined by spaces with runs of spaces collapsed.
func sidePanelText(frame string) (text string, lines []string) {
	for _, l := range strings.Split(ansi.Strip(frame), "\n") {
		if i := strings.LastIndex(l, "│"); i >= 0 {
			lines = append(lines, strings.TrimSpace(l[i+len("│"):]))
		}
	}
	return strings.Join(strings.Fields(strings.Join(lines, " ")), " "), lines
}

// TestGridSidePanelKeepsEveryLevel: when the side panel has fewer rows
// than the level descriptions wrapped in full, every level of the scale
// is still named; the level of the cell's answer keeps its whole
// description; a level whose description is cut on one line ends in …;
// and nothing is cut at the panel's foot.
func TestGridSidePanelKeepsEveryLevel(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := newGridEnv(t, lang, gridOPDs, gridAnswers)
		scale := e.s.F().Scale
		// DISKOMINFO's Manajemen Birokrasi is level 3, its Kebijakan
		// Publik level 5 (the last, first to go when the foot is cut).
		for _, c := range []struct{ col, level int }{{1, 3}, {2, 5}} {
			e.at(0, 0, c.col)
			for _, size := range [][2]int{{152, 26}, {160, 26}, {160, 30}, {200, 36}, {200, 40}, {200, 56}} {
				w, h := size[0], size[1]
				v := view(e.g, w, h)
				text, lines := sidePanelText(v)
				panel := strings.Join(lines, "\n")
				if !strings.Contains(text, e.s.T("grid.item", c.col+1, 3)) {
					t.Fatalf("%s %dx%d: no side panel:\n%s", lang, w, h, ansi.Strip(v))
				}
				for _, lv := range scale {
					label := lv.Label.In(lang)
					if !strings.Contains(text, label) {
						t.Errorf("%s %dx%d: level %d %q is not in the side panel:\n%s", lang, w, h, lv.Value, label, panel)
					}
					// A level on one line shows its description whole or
					// cut with …, never cut without saying so.
					for _, l := range lines {
						if strings.Contains(l, label+": ") && !strings.Contains(l, lv.Description.In(lang)) && !strings.HasSuffix(l, "…") {
							t.Errorf("%s %dx%d: level %d is cut without …: %q", lang, w, h, lv.Value, l)
						}
					}
				}
				if want := scale[c.level-1].Description.In(lang); !strings.Contains(text, want) {
					t.Errorf("%s %dx%d: the answer's level %d lacks its description %q:\n%s", lang, w, h, c.level, want, panel)
				}
			}
		}
	}
}

// TestGridDetailPanelKeepsEveryLevel: the detail panel Space opens under
// a small grid names every level of the scale, on every item of the
// dimension: the item's description gives up lines before a level is
// dropped at the panel's foot (level 5 was gone at 80x24 on Kebijakan
// Publik).
func TestGridDetailPanelKeepsEveryLevel(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := newGridEnv(t, lang, gridOPDs, gridAnswers)
		e.press(gkSpace)
		for col := 0; col < 3; col++ {
			e.at(0, 0, col)
			for _, size := range [][2]int{{80, 19}, {80, 20}, {90, 18}, {100, 19}} {
				w, h := size[0], size[1]
				v := ansi.Strip(view(e.g, w, h))
				if !strings.Contains(v, e.s.T("grid.levels")) {
					t.Fatalf("%s %dx%d: no detail panel:\n%s", lang, w, h, v)
				}
				for _, lv := range e.s.F().Scale {
					if want := lv.Label.In(lang); !strings.Contains(v, want) {
						t.Errorf("%s %dx%d item %d: level %d %q is not in the panel:\n%s", lang, w, h, col+1, lv.Value, want, v)
					}
				}
			}
		}
	}
}
