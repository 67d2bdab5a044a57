package grid

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/workshop"
)

// TestGridByOPDView: o shows one OPD's items of every dimension; digits
// advance through all of them, across the dimensions, and the last one
// holds the next digit.
func TestGridByOPDView(t *testing.T) {
	e := newGridEnv(t, "en", gridOPDs, nil)
	e.at(0, 5, 0) // DPMPTSP
	e.press(gkText("o"))
	v := ansi.Strip(view(e.g, 120, 40))
	for _, want := range []string{"DPMPTSP", "Smart Governance", "Smart Environment", "OPD 6/8", "done 0/18"} {
		if !strings.Contains(v, want) {
			t.Errorf("per-OPD view lacks %q:\n%s", want, v)
		}
	}
	// 18 items of one paper form, in one pass.
	e.press(gridTyped("123451234512345123")...)
	f := e.s.F()
	i := 0
	for _, d := range f.Dimensions {
		for _, el := range d.Elements {
			for _, ind := range el.Indicators {
				want := []int{1, 2, 3, 4, 5}[i%5]
				if a, _ := e.stored("DPMPTSP", ind.Key); a.Level != want {
					t.Errorf("item %d %s = %+v, want %d", i+1, ind.Key, a, want)
				}
				i++
			}
		}
	}
	if i != 18 {
		t.Fatalf("%d items, want 18", i)
	}
	// Every other OPD is untouched.
	if a, _ := e.stored("DLH", gkLayanan); a.Answered() {
		t.Errorf("the next OPD got %+v", a)
	}
	// The last item holds the next digit.
	e.press(gkText("4"))
	last := f.Dimensions[len(f.Dimensions)-1]
	lastKey := last.Elements[len(last.Elements)-1].Indicators[0].Key
	if a, _ := e.stored("DPMPTSP", lastKey); a.Level != 3 {
		t.Errorf("the last item = %+v, want 3 (the 4 held)", a)
	}
	if v := ansi.Strip(view(e.g, 120, 40)); !strings.Contains(v, e.s.T("grid.opd_last")[:40]) {
		t.Errorf("no word about the last item:\n%s", v)
	}
	// → is the next OPD; the view state is saved.
	e.press(gkRight)
	if e.g.present[e.s.State.Row].Code != "DLH" || !e.storedState().ByOPD {
		t.Errorf("after →: row %d, saved %+v", e.s.State.Row, e.storedState())
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		phCheckSize(t, "per-OPD", view(e.g, size[0], size[1]), size[0], size[1])
	}
}

// TestGridByOPDNextEmptyStaysInTheForm: n in the per-OPD view finds the
// next unanswered item of the same OPD's form first (in the next
// dimension too), and only then the next OPD's first open item, round to
// the start of the first form; in the table view n still goes down the
// dimension's rows.
func TestGridByOPDNextEmptyStaysInTheForm(t *testing.T) {
	f := tuitest.Elemen(t)
	var rows []gridCell
	for _, d := range f.Dimensions {
		for _, el := range d.Elements {
			for _, ind := range el.Indicators {
				// DISKOMINFO leaves Manajemen Birokrasi (governance item
				// 2) and Industri (economy item 1) open.
				if ind.Key != gkBirokrasi && ind.Key != "economy.industri.1" {
					rows = append(rows, gridCell{OPD: 0, Key: ind.Key, A: workshop.Answer{Level: 3}})
				}
			}
		}
	}
	e := newGridEnv(t, "id", gridOPDs, rows)
	e.at(1, 0, 0) // DISKOMINFO, branding item 1
	e.press(gkText("o"))
	steps := []struct {
		what          string
		tab, row, col int
	}{
		{"the open item after the cursor in the same form, a dimension on", 2, 0, 0},
		{"the rest of the form answered: the next OPD's first open item", 0, 1, 0},
		{"on in that form", 0, 1, 1},
	}
	for _, s := range steps {
		e.press(gkText("n"))
		if st := e.s.State; st.Tab != s.tab || st.Row != s.row || st.Col != s.col {
			t.Fatalf("%s: cursor at tab %d row %d col %d, want %d/%d/%d", s.what, st.Tab, st.Row, st.Col, s.tab, s.row, s.col)
		}
	}
	// From the last OPD's last item: round to the first form.
	e.at(5, len(e.g.present)-1, 2)
	e.press(gkText("n"))
	if st := e.s.State; st.Tab != 0 || st.Row != 0 || st.Col != 1 {
		t.Errorf("round from the last form: cursor at %d/%d/%d, want 0/0/1", st.Tab, st.Row, st.Col)
	}
	// Back in the table, n goes down the rows of the dimension.
	e.press(gkText("o"))
	e.at(1, 0, 0)
	e.press(gkText("n"))
	if st := e.s.State; st.Tab != 1 || st.Row != 1 || st.Col != 0 {
		t.Errorf("table view n: cursor at %d/%d/%d, want 1/1/0", st.Tab, st.Row, st.Col)
	}
}

// TestGridByOPDFooterSaysEachKeyOnce: in the per-OPD view every key hint
// names its key once (the move keys read "↑↓ ←→ ↑↓ item, ←→ OPD") and o
// says that it goes back to the table.
func TestGridByOPDFooterSaysEachKeyOnce(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := newGridEnv(t, lang, gridOPDs, gridAnswers)
		e.press(gkText("o"))
		for _, b := range e.g.ShortHelp() {
			h := b.Help()
			if strings.ContainsAny(h.Desc, "↑↓←→") {
				t.Errorf("%s: hint %q %q repeats its keys in the description", lang, h.Key, h.Desc)
			}
			if h.Key == "o" && h.Desc != e.s.T("grid.key.by_opd_back") {
				t.Errorf("%s: o in the per-OPD view reads %q", lang, h.Desc)
			}
		}
	}
}
