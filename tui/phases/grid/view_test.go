package grid

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// Hand-computed: two present OPDs, the city score of governance is the
// mean of their dimension scores, completion counts answered + N/A.
func TestGridViewUpdatesCityScoreOnEveryKey(t *testing.T) {
	e := newGridEnv(t, "id", []store.OPDInput{{Code: "A", Name: "Dinas A"}, {Code: "B", Name: "Dinas B"}}, nil)
	e.s.State.Revealed = true
	steps := []struct {
		keys []tea.KeyPressMsg
		want []string
	}{
		{nil, []string{"skor kota – – (n=0 OPD) · kelengkapan 0/6 (0%)", "Smart Governance 0%"}},
		{[]tea.KeyPressMsg{gkText("4")}, []string{"skor kota 4.00 Sangat Baik (n=1 OPD) · kelengkapan 1/6 (17%)"}},
		{[]tea.KeyPressMsg{gkText("2")}, []string{"skor kota 3.00 Baik (n=1 OPD) · kelengkapan 2/6 (33%)"}},
		{[]tea.KeyPressMsg{gkText("0")}, []string{"skor kota 3.00 Baik (n=1 OPD) · kelengkapan 3/6 (50%)"}},
		// B: 1 -> city = (3.00 + 1.00) / 2 = 2.00
		{[]tea.KeyPressMsg{gkText("1")}, []string{"skor kota 2.00 Cukup (n=2 OPD) · kelengkapan 4/6 (67%)", "Smart Governance 67%"}},
		{[]tea.KeyPressMsg{gkText("2"), gkText("2")}, []string{"skor kota 2.33 Cukup (n=2 OPD) · kelengkapan 6/6 (100%)", "Smart Governance 100%"}},
		// Clearing B's last cell: B = (1+2)/2 = 1.50, city (3.00+1.50)/2 = 2.25.
		{[]tea.KeyPressMsg{gkBackspace}, []string{"skor kota 2.25 Cukup (n=2 OPD) · kelengkapan 5/6 (83%)"}},
	}
	for i, st := range steps {
		for _, m := range e.press(st.keys...) {
			if em, ok := m.(common.ErrMsg); ok {
				t.Fatal(em.Err)
			}
		}
		v := ansi.Strip(view(e.g, 120, 36))
		for _, w := range st.want {
			if !strings.Contains(v, w) {
				t.Errorf("step %d: the view lacks %q:\n%s", i, w, v)
			}
		}
	}
	// The OPD's own dimension score sits on its row.
	v := ansi.Strip(view(e.g, 120, 36))
	for _, w := range []string{"A Dinas A", "3.00", "B Dinas B", "1.50"} {
		if !strings.Contains(v, w) {
			t.Errorf("the view lacks %q:\n%s", w, v)
		}
	}
}

func TestGridGolden(t *testing.T) {
	tests := []struct {
		name          string
		lang          string
		w, h          int
		tab, row, col int
		keys          []tea.KeyPressMsg
	}{
		{name: "grid-80x20", lang: "id", w: 80, h: 20, row: 1, col: 1},
		{name: "grid-120x36", lang: "id", w: 120, h: 36, row: 2, col: 0},
		{name: "grid-200x56", lang: "id", w: 200, h: 56, row: 1, col: 1},
		{name: "grid-en-120x36", lang: "en", w: 120, h: 36, row: 3, col: 2},
		{name: "grid-branding-80x20", lang: "id", w: 80, h: 20, tab: 1, row: 0, col: 0},
		{name: "grid-note-80x20", lang: "id", w: 80, h: 20, row: 2, col: 0, keys: append([]tea.KeyPressMsg{gkEnter}, gridTyped(" minggu ini")...)},
		{name: "grid-detail-80x20", lang: "id", w: 80, h: 20, row: 6, col: 1, keys: []tea.KeyPressMsg{gkSpace}},
		{name: "grid-hidden-120x36", lang: "id", w: 120, h: 36, row: 2, col: 0, keys: []tea.KeyPressMsg{gkText("r")}},
		{name: "grid-refused-80x24", lang: "id", w: 80, h: 24, row: 6, col: 0, keys: gridTyped("38")},
		{name: "grid-all-opds-120x36", lang: "en", w: 120, h: 36, row: 7, col: 0, keys: gridTyped("a")},
		{name: "grid-by-opd-80x24", lang: "id", w: 80, h: 24, row: 1, col: 1, keys: gridTyped("o")},
		{name: "grid-by-opd-200x60", lang: "en", w: 200, h: 60, row: 0, col: 2, keys: gridTyped("o")},
		// The side panel with fewer rows than the levels wrapped in full:
		// the answer's level 5 wrapped, the others on one line each.
		{name: "grid-side-tight-160x26", lang: "id", w: 160, h: 26, row: 0, col: 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newGridEnv(t, tc.lang, gridOPDs, gridAnswers)
			e.s.State.Revealed = true
			e.at(tc.tab, tc.row, tc.col)
			e.press(tc.keys...)
			v := view(e.g, tc.w, tc.h)
			phCheckSize(t, "grid", v, tc.w, tc.h)
			golden(t, tc.name, v)
		})
	}
}

func TestGridGoldenEmpty(t *testing.T) {
	e := newGridEnv(t, "id", gridOPDs[7:8], nil) // only SATPOLPP, absent
	v := view(e.g, 80, 20)
	phCheckSize(t, "grid", v, 80, 20)
	if !strings.Contains(ansi.Strip(v), "tandai OPD yang hadir di fase Daftar OPD") {
		t.Errorf("no sentence for an empty room:\n%s", ansi.Strip(v))
	}
	golden(t, "grid-empty-80x20", v)
	// Keys do nothing harmful on an empty grid.
	for _, m := range e.press(gkText("3"), gkDown, gkBackspace, gkEnter, gkTab) {
		if _, ok := m.(common.ErrMsg); ok {
			t.Errorf("a key on the empty grid failed: %v", m)
		}
	}
	if e.g.Capturing() {
		t.Errorf("enter opened an editor without a cell")
	}
}

// The scale fixture: 80 OPDs x 15 items per dimension, the grid scrolls
// both ways to keep the cursor in sight.
func TestGridGoldenScale(t *testing.T) {
	e := newGridScaleEnv(t)
	e.s.State.Revealed = true
	tests := []struct {
		name     string
		w, h     int
		row, col int
		want     []string
	}{
		{"grid-scale-80x20", 80, 20, 40, 12, []string{"OPD 28-41/80", "item 7-13/15", "OPD41"}},
		{"grid-scale-200x56", 200, 56, 79, 14, []string{"OPD 43-80/80", "OPD80"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e.g.rowTop, e.g.colLeft = 0, 0
			e.at(0, tc.row, tc.col)
			v := view(e.g, tc.w, tc.h)
			phCheckSize(t, "grid", v, tc.w, tc.h)
			plain := ansi.Strip(v)
			for _, w := range tc.want {
				if !strings.Contains(plain, w) {
					t.Errorf("the view lacks %q", w)
				}
			}
			if !strings.Contains(plain, "▶") {
				t.Errorf("the cursor is off screen")
			}
			golden(t, tc.name, v)
		})
	}
}

// Every size from the minimum body up, in both fixtures, with the detail
// box and the note editor open: nothing spills over.
func TestGridViewFitsEverySize(t *testing.T) {
	small := newGridEnv(t, "en", gridOPDs, gridAnswers)
	scale := newGridScaleEnv(t)
	sizes := [][2]int{{80, 20}, {80, 24}, {90, 30}, {100, 30}, {110, 34}, {120, 36}, {120, 40}, {140, 40}, {150, 44}, {160, 50}, {200, 56}, {200, 60}, {240, 70}, {60, 12}, {40, 8}}
	for _, e := range []*gridEnv{small, scale} {
		for tab := range e.g.tabs {
			for _, sz := range sizes {
				for _, mode := range []string{"plain", "detail", "note"} {
					e.at(tab, len(e.g.present)-1, len(e.g.tab().cols)-1)
					e.g.detail = mode == "detail"
					e.g.note = nil
					if mode == "note" {
						e.press(gkEnter)
					}
					v := view(e.g, sz[0], sz[1])
					t.Run(fmt.Sprintf("%d-tab%d-%dx%d-%s", len(e.g.present), tab, sz[0], sz[1], mode), func(t *testing.T) {
						phCheckSize(t, "grid", v, sz[0], sz[1])
						if sz[1] >= 20 && mode == "plain" && !strings.Contains(ansi.Strip(v), "▶") {
							t.Errorf("the cursor is not on screen:\n%s", ansi.Strip(v))
						}
					})
					if mode == "note" {
						e.press(gkEsc)
					}
				}
			}
		}
	}
}

// heat must follow common.Styles.HeatFor, the one rule of heat colours.
func TestGridHeatIndexFollowsHeatFor(t *testing.T) {
	st := common.NewStyles("dark")
	for _, v := range []float64{0, 0.4, 1, 1.49, 1.5, 2.2, 2.5, 3.49, 3.5, 4.5, 5, 6.3} {
		for _, ok := range []bool{true, false} {
			want := st.HeatFor(v, ok).Render("x")
			if got := st.Heat[heat(v, ok)].Render("x"); got != want {
				t.Errorf("heat(%v, %v) = %d: %q, HeatFor gives %q", v, ok, heat(v, ok), got, want)
			}
		}
	}
}

// The theme can change under the screen (ctrl+t): the caches follow.
func TestGridThemeChange(t *testing.T) {
	e := newGridEnv(t, "id", gridOPDs, gridAnswers)
	dark := view(e.g, 120, 36)
	e.s.Styles = common.NewStyles("light")
	light := view(e.g, 120, 36)
	if dark == light {
		t.Errorf("the view did not follow the theme")
	}
	if ansi.Strip(dark) != ansi.Strip(light) {
		t.Errorf("the theme changed the text")
	}
}

// Space shows the item's description and level scale where the window is
// too small to show them always; Space or Esc hides them again.
func TestGridDetailToggle(t *testing.T) {
	e := newGridEnv(t, "en", gridOPDs, gridAnswers)
	has := func() bool { return strings.Contains(ansi.Strip(view(e.g, 80, 20)), "Level scale") }
	if has() {
		t.Fatalf("the level scale is shown at 80x20 before Space")
	}
	for _, close := range []tea.KeyPressMsg{gkSpace, gkEsc} {
		e.press(gkSpace)
		if !has() {
			t.Fatalf("Space did not show the detail")
		}
		if v := ansi.Strip(view(e.g, 80, 20)); !strings.Contains(v, "5  Optimised") || !strings.Contains(v, "▶ DISKOMINFO") {
			t.Errorf("the detail lacks the scale or hides the cursor row:\n%s", v)
		}
		e.press(close)
		if has() {
			t.Errorf("%s did not hide the detail", close.String())
		}
	}
	// At 120x36 the panel is always there.
	if v := ansi.Strip(view(e.g, 120, 36)); !strings.Contains(v, "Level scale") {
		t.Errorf("no level scale at 120x36:\n%s", v)
	}
}

// TestGridHidesAggregatesWhileHidden is DESIGN section 4: with the results
// hidden, the grid shows the cells being entered and no OPD or city score
// nor predikat.
func TestGridHidesAggregatesWhileHidden(t *testing.T) {
	e := newGridEnv(t, "id", gridOPDs, gridAnswers)
	e.at(0, 0, 0)
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		e.s.State.Revealed = false
		v := ansi.Strip(view(e.g, size[0], size[1]))
		// DISKOMINFO: (4+3+5)/3 = 4.00 Sangat Baik; any two-decimal number is an aggregate.
		if m := regexp.MustCompile(`\d\.\d\d|Sangat Baik|Cukup|Kurang|Memuaskan`).FindString(v); m != "" {
			t.Errorf("%dx%d hidden grid shows %q:\n%s", size[0], size[1], m, v)
		}
		if !strings.Contains(v, "▶4◀") {
			t.Errorf("%dx%d hidden grid lacks the cell being entered:\n%s", size[0], size[1], v)
		}
		e.s.State.Revealed = true
		if v := ansi.Strip(view(e.g, size[0], size[1])); !strings.Contains(v, "4.00") {
			t.Errorf("%dx%d revealed grid lacks DISKOMINFO's 4.00:\n%s", size[0], size[1], v)
		}
	}
	// The per-OPD view hides its dimension scores too.
	e.s.State.Revealed = false
	e.press(gkText("o"))
	if v := ansi.Strip(view(e.g, 120, 40)); regexp.MustCompile(`\d\.\d\d`).MatchString(v) {
		t.Errorf("hidden per-OPD view shows a score:\n%s", v)
	}
}

// TestGridHeadersFullAt200Columns: a 200-column window gives every column
// of every dimension its whole heading (the side panel keeps its room).
func TestGridHeadersFullAt200Columns(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := newGridEnv(t, lang, tuitest.OPDs, nil)
		for tab, d := range e.s.F().Dimensions {
			e.s.State.Tab = tab
			v := ansi.Strip(view(e.g, 200, 55))
			head := strings.Split(v, "\n")[1]
			for i, el := range d.Elements {
				want := fmt.Sprint(i+1) + " " + el.Name.In(lang)
				if !strings.Contains(head, want) {
					t.Errorf("%s %s: heading lacks %q:\n%s", lang, d.Key, want, head)
				}
			}
			phCheckSize(t, "grid", view(e.g, 200, 55), 200, 55)
		}
	}
}

// TestLegendsExplainTheMarksInTheTextColour: the grid's legend says what
// * (a note) and ° (a phone's answer) mean, and the ? help lists them;
// the gaps and scoreboard legends are drawn in the legend colour: their
// own packages' tests.
func TestLegendsExplainTheMarksInTheTextColour(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := newGridEnv(t, lang, gridOPDs, gridAnswers)
		v := strings.Join(strings.Fields(strings.ReplaceAll(ansi.Strip(view(e.g, 200, 56)), "│", " ")), " ")
		if want := e.s.T("grid.marks", PhoneMark); !strings.Contains(v, want) {
			t.Errorf("%s: the grid's legend lacks %q:\n%s", lang, want, v)
		}
		var marks bool
		for _, group := range e.g.FullHelp() {
			for _, b := range group {
				if b.Help().Key == "* "+PhoneMark {
					marks = true
				}
			}
		}
		if !marks {
			t.Errorf("%s: the ? help does not explain * and %s", lang, PhoneMark)
		}
	}
}

// TestGridEmojiRowsLineUp: an OPD named with an emoji and its variation
// selector (📡🏙️) and a note with one keep their rows in line: the
// selector is gone before the layout measures (xterm draws 🏙️ one column
// wide, the width tables say two), so every row's first │ stands in the
// same column. Kept as a golden frame.
func TestGridEmojiRowsLineUp(t *testing.T) {
	opds := []store.OPDInput{
		{Code: "DISKOMINFO", Name: "Dinas Kominfo \U0001F4E1\U0001F3D9\uFE0F"},
		{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah"},
		{Code: "DLH", Name: "Dinas Lingkungan Hidup \U0001F333\uFE0F"},
	}
	e := newGridEnv(t, "id", opds, []gridCell{{OPD: 0, Key: gkLayanan, A: workshop.Answer{Level: 3}, Note: "Sudah daring \U0001F3D9\uFE0F"}})
	v := view(e.g, 120, 20)
	plain := ansi.Strip(v)
	if strings.ContainsRune(plain, '\uFE0F') {
		t.Errorf("a variation selector reached the screen:\n%s", plain)
	}
	bar := -1
	for _, l := range strings.Split(plain, "\n") {
		if !strings.Contains(l, "Dinas") && !strings.Contains(l, "Badan") {
			continue
		}
		i := strings.Index(l, "│")
		if i < 0 {
			continue
		}
		col := ansi.StringWidth(l[:i])
		if bar >= 0 && col != bar {
			t.Errorf("row %q has its │ at column %d, the others at %d", l, col, bar)
		}
		bar = col
	}
	if bar < 0 {
		t.Fatalf("no OPD rows:\n%s", plain)
	}
	golden(t, "grid-emoji-120x20", v)
}
