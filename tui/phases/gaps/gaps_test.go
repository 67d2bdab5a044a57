package gaps

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/tui/common/pagetest"
	"github.com/bimtek/bimtek/workshop"
)

var _ = flag.Bool("update", false, "rewrite the golden files")

// TestGapsKeepsThePageContract: hidden and shown, the list moved and the
// target editor open, in both languages.
func TestGapsKeepsThePageContract(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		fx := tuitest.NewBoardEnv(t, lang)
		g := New(fx.Sess)
		for _, revealed := range []bool{false, true} {
			fx.Sess.State.Revealed = revealed
			pagetest.Check(t, lang, g)
		}
		tuitest.Run(t, g, "down", "down", "end")
		pagetest.Check(t, lang+" moved", g)
		tuitest.Run(t, g, "e")
		pagetest.Check(t, lang+" editing", g)
	}
}

// TestProjectorFooterOffersNoRefusedKey: the projector's gaps screen lists
// neither the priority toggle nor the target editor, which it refuses.
func TestProjectorFooterOffersNoRefusedKey(t *testing.T) {
	fx := tuitest.NewBoardEnv(t, "id")
	fx.Sess.ReadOnly = true
	fx.Sess.State.Revealed = true
	g := New(fx.Sess)
	g.SetSize(120, 36)
	for _, h := range g.ShortHelp() {
		for _, r := range []key.Binding{g.keys.Toggle, g.keys.Target} {
			if h.Help() == r.Help() {
				t.Errorf("projector footer offers %q %q", h.Help().Key, h.Help().Desc)
			}
		}
	}
}

func TestGapsOrder(t *testing.T) {
	fx := tuitest.NewBoardEnv(t, "id")
	fx.Sess.State.Revealed = true // the gaps are results: shown once revealed
	g := New(fx.Sess)
	// Dimensions and elements come in the framework's gap order (largest
	// first), and the disagreement list by SD, largest first.
	f := fx.Sess.F()
	c := fx.Sess.Board.City()
	want := f.GapsByElement(c, fx.Sess.Board.Targets)
	for i := range want {
		if g.els[i].ElementKey != want[i].ElementKey {
			t.Fatalf("element %d: %s, want %s", i, g.els[i].ElementKey, want[i].ElementKey)
		}
	}
	for i := 1; i < len(g.els); i++ {
		if a, b := g.els[i-1].Gap, g.els[i].Gap; a.OK && b.OK && workshop.Round2(a.Value) < workshop.Round2(b.Value) {
			t.Errorf("elements not by gap at %d: %v < %v", i, a.Value, b.Value)
		}
	}
	for i := 1; i < len(g.spread); i++ {
		if workshop.Round2(g.spread[i-1].Stat.Stdev) < workshop.Round2(g.spread[i].Stat.Stdev) {
			t.Errorf("disagreement list not by SD at %d", i)
		}
	}
	if len(g.dims) != len(f.Dimensions) || len(g.els) != 18 {
		t.Errorf("%d dimensions, %d elements", len(g.dims), len(g.els))
	}
}

func TestGapsPriorityPersists(t *testing.T) {
	fx := tuitest.NewBoardEnv(t, "id")
	fx.Sess.State.Revealed = true // the gaps are results: shown once revealed
	s := fx.Sess
	g := New(s)
	first := g.els[0].ElementKey
	third := g.els[2].ElementKey
	fourth := g.els[3].ElementKey

	tuitest.Run(t, g, "space")          // mark the first
	tuitest.Run(t, g, "down", "down")   // to the third
	tuitest.Run(t, g, "enter")          // mark it
	tuitest.Run(t, g, "j", "space")     // mark the fourth
	tuitest.Run(t, g, "up", "up", "up") // back to the first
	tuitest.Run(t, g, "space")          // unmark it
	want := []string{third, fourth}     // marking order, the unmarked one gone
	if !slices.Equal(s.Data.Priorities, want) {
		t.Errorf("in memory %v, want %v", s.Data.Priorities, want)
	}
	d := fx.Reload(t)
	if !slices.Equal(d.Priorities, want) {
		t.Errorf("in the store %v, want %v", d.Priorities, want)
	}
	if u := tuitest.SavedState(t, d); u.GapsRow != 0 {
		t.Errorf("saved gaps row %d, want 0", u.GapsRow)
	}
	tuitest.Run(t, g, "space") // mark the first again: it goes last
	want = append(want, first)
	if d := fx.Reload(t); !slices.Equal(d.Priorities, want) {
		t.Errorf("after marking again %v, want %v", d.Priorities, want)
	}
	// The view says it with a star and a word, not colour alone.
	v := ansi.Strip(tuitest.View(g, 120, 36))
	if !strings.Contains(v, "★") || !strings.Contains(v, assets.T("id", "gaps.priorities", 3)) {
		t.Errorf("no priority marks in:\n%s", v)
	}
	// Read-only: refused, nothing changes.
	s.ReadOnly = true
	msgs := tuitest.Exec(tuitest.Update(g, tuitest.Key("space")))
	if len(msgs) != 1 {
		t.Fatalf("read-only toggle answered %v", msgs)
	}
	if _, ok := msgs[0].(common.ErrMsg); !ok || len(s.Data.Priorities) != 3 {
		t.Errorf("read-only toggle: %T, priorities %v", msgs[0], s.Data.Priorities)
	}
}

func TestGapsCursorFollowsElement(t *testing.T) {
	fx := tuitest.NewBoardEnv(t, "id")
	fx.Sess.State.Revealed = true // the gaps are results: shown once revealed
	s := fx.Sess
	g := New(s)
	tuitest.Run(t, g, "down", "down")
	k := g.els[2].ElementKey
	// Push that element to the top: every present OPD answers 1.
	ref := g.elements[k]
	for _, o := range s.Board.Present() {
		for _, ind := range ref.Indicators {
			if err := s.SetAnswer(o.ID, ind.Key, workshop.Answer{Level: 1}); err != nil {
				t.Fatal(err)
			}
		}
	}
	tuitest.Exec(tuitest.Update(g, common.ScoresChangedMsg{}))
	if cur, _ := g.current(); cur.ElementKey != k || s.State.GapsRow != 0 {
		t.Errorf("cursor on %s row %d, want %s row 0", cur.ElementKey, s.State.GapsRow, k)
	}
}

func TestParseTarget(t *testing.T) {
	fx := tuitest.NewBoardEnv(t, "en")
	fx.Sess.State.Revealed = true // the gaps are results: shown once revealed
	tests := []struct {
		in     string
		want   float64
		errHas string
	}{
		{"3.5", 3.5, ""},
		{"4,25", 4.25, ""},
		{" 5 ", 5, ""},
		{"1", 1, ""},
		{"3.456", 3.46, ""},
		{"7", 0, "outside the scale"},
		{"0.99", 0, "outside the scale"},
		{"-2", 0, "outside the scale"},
		{"abc", 0, "is not a number"},
		{"NaN", 0, "is not a number"},
		{"Inf", 0, "is not a number"},
	}
	for _, tc := range tests {
		got, msg := ParseTarget(fx.Sess, tc.in, 1, 5)
		if tc.errHas == "" {
			if msg != "" || got != tc.want {
				t.Errorf("%q: %v %q, want %v", tc.in, got, msg, tc.want)
			}
			continue
		}
		if !strings.Contains(msg, tc.errHas) || strings.Count(msg, ".") > 2 || !strings.Contains(msg, "between 1 and 5") {
			t.Errorf("%q: message %q, want one sentence with %q and the scale", tc.in, msg, tc.errHas)
		}
	}
}

func TestGapsTargetEdit(t *testing.T) {
	fx := tuitest.NewBoardEnv(t, "id")
	fx.Sess.State.Revealed = true // the gaps are results: shown once revealed
	s := fx.Sess
	g := New(s)
	row, _ := g.current()
	dim := row.DimensionKey
	before := s.Board.Target(dim)

	// Outside the scale: refused with one sentence, the editor stays open.
	tuitest.Run(t, g, "e")
	if !g.Capturing() {
		t.Fatal("the target editor did not open")
	}
	tuitest.Run(t, g, "7", "enter")
	if !g.Capturing() || g.editErr == "" {
		t.Fatalf("7 accepted as a target (editing=%v, err=%q)", g.Capturing(), g.editErr)
	}
	if !strings.Contains(ansi.Strip(tuitest.View(g, 80, 20)), g.editErr) {
		t.Errorf("the refusal is not on screen")
	}
	if got := fx.Reload(t).Targets[dim]; got != before || s.Board.Target(dim) != before {
		t.Errorf("target changed to %v after a refused value", got)
	}
	tuitest.Golden(t, "gaps-edit-80x20", tuitest.View(g, 80, 20))
	// Esc leaves everything as it was.
	tuitest.Run(t, g, "esc")
	if g.Capturing() || s.Board.Target(dim) != before {
		t.Errorf("esc: editing=%v target=%v", g.Capturing(), s.Board.Target(dim))
	}
	// A valid value with a decimal comma is saved and shown.
	tuitest.Run(t, g, "e", "4", ",", "2", "x", "backspace", "5", "enter")
	if g.Capturing() {
		t.Fatalf("editor still open: %q", g.editErr)
	}
	if got := fx.Reload(t).Targets[dim]; got != 4.25 {
		t.Errorf("stored target %v, want 4.25", got)
	}
	if s.Board.Target(dim) != 4.25 || s.Data.Targets[dim] != 4.25 {
		t.Errorf("board target %v, data %v", s.Board.Target(dim), s.Data.Targets[dim])
	}
	for _, r := range g.dims {
		if r.DimensionKey == dim && r.Target != 4.25 {
			t.Errorf("gaps table still shows target %v", r.Target)
		}
	}
	// Empty input closes without a change.
	tuitest.Run(t, g, "e", "enter")
	if g.Capturing() || s.Board.Target(dim) != 4.25 {
		t.Errorf("empty input: editing=%v target=%v", g.Capturing(), s.Board.Target(dim))
	}
}

func TestGapsGolden(t *testing.T) {
	fx := tuitest.NewBoardEnv(t, "id")
	fx.Sess.State.Revealed = true // the gaps are results: shown once revealed
	s := fx.Sess
	g := New(s)
	tuitest.Run(t, g, "space", "down", "down", "space", "down")
	for _, sz := range tuitest.Sizes {
		tuitest.Golden(t, fmt.Sprintf("gaps-%dx%d", sz[0], sz[1]), tuitest.View(g, sz[0], sz[1]))
	}
	en := tuitest.NewBoardEnv(t, "en")
	en.Sess.State.Revealed = true // the gaps are results: shown once revealed
	ge := New(en.Sess)
	tuitest.Run(t, ge, "end", "space")
	tuitest.Golden(t, "gaps-en-120x36", tuitest.View(ge, 120, 36))
}

// TestGapsCursorStaysOnTopUntilMoved: a cursor the facilitator never moved
// stays on the largest gap when the scores change (the screen is built
// when the session opens, long before the assessment ends); once moved, it
// follows its element.
func TestGapsCursorStaysOnTopUntilMoved(t *testing.T) {
	fx := tuitest.NewBoardEnv(t, "id")
	fx.Sess.State.Revealed = true // the gaps are results: shown once revealed
	s := fx.Sess
	g := New(s)
	k := g.els[5].ElementKey
	for _, o := range s.Board.Present() {
		for _, ind := range g.elements[k].Indicators {
			if err := s.SetAnswer(o.ID, ind.Key, workshop.Answer{Level: 1}); err != nil {
				t.Fatal(err)
			}
		}
	}
	tuitest.Exec(g.Enter())
	if cur, _ := g.current(); cur.ElementKey != k || s.State.GapsRow != 0 {
		t.Errorf("untouched cursor on %s row %d, want the new largest gap %s on row 0", cur.ElementKey, s.State.GapsRow, k)
	}
	// Reopened with a saved row below the top: that element is kept.
	s.State.GapsRow = 3
	g = New(s)
	kept := g.els[3].ElementKey
	for _, o := range s.Board.Present() {
		for _, ind := range g.elements[kept].Indicators {
			if err := s.SetAnswer(o.ID, ind.Key, workshop.Answer{Level: 5}); err != nil {
				t.Fatal(err)
			}
		}
	}
	tuitest.Exec(tuitest.Update(g, common.ScoresChangedMsg{}))
	if cur, _ := g.current(); cur.ElementKey != kept {
		t.Errorf("saved cursor moved to %s, want %s", cur.ElementKey, kept)
	}
}

// TestGapsLegendInTheLegendColour: the line that says what the gap and
// its marks mean is drawn in the legend colour (the text's), not the
// muted grey, in every theme.
func TestGapsLegendInTheLegendColour(t *testing.T) {
	for _, theme := range common.Themes {
		fx := tuitest.NewBoardEnv(t, "id")
		st := common.NewStyles(theme)
		fx.Sess.Styles = st
		fx.Sess.State.Revealed = true
		r, g, b, _ := st.P.Legend.RGBA()
		sgr := fmt.Sprintf("38;2;%d;%d;%d", r>>8, g>>8, b>>8)
		text := fx.Sess.T("gaps.legend")[:20]
		found := false
		for _, l := range strings.Split(tuitest.View(New(fx.Sess), 120, 36), "\n") {
			if strings.Contains(ansi.Strip(l), text) {
				found = true
				if !strings.Contains(l, sgr) {
					t.Errorf("%s: the gaps legend is not in the legend colour: %q", theme, l)
				}
			}
		}
		if !found {
			t.Errorf("%s: no gaps legend at 120x36", theme)
		}
	}
}

// TestSpreadNameBreaks: a name too wide for the spread list breaks under
// itself, the dimension after the element's last words when they fit, on
// a line of its own otherwise (never a "·" left at a line's end).
func TestSpreadNameBreaks(t *testing.T) {
	cases := []struct {
		el, dim string
		w       int
		want    []string
	}{
		{"Environmental protection", "Environment", 37, []string{"Environmental protection", "· Environment"}},
		{"Industry ecosystem", "Economy", 38, []string{"Industry ecosystem · Economy"}},
		{"Financial transaction ecosystem", "Economy", 24, []string{"Financial transaction", "ecosystem · Economy"}},
		{"Financial transaction ecosystem", "Environment", 24, []string{"Financial transaction", "ecosystem", "· Environment"}},
	}
	for _, c := range cases {
		if got := spreadName(c.el, c.dim, c.w); !slices.Equal(got, c.want) {
			t.Errorf("spreadName(%q, %q, %d) = %q, want %q", c.el, c.dim, c.w, got, c.want)
		}
	}
}

// TestSpreadListShowsWholeNamesAt120: at 120 columns the dimension table
// takes the width its names need and the spread list the rest, so every
// element of the list is named whole (wrapped, not cut with …) in both
// languages, and the element table keeps all its rows.
func TestSpreadListShowsWholeNamesAt120(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		fx := tuitest.NewBoardEnv(t, lang)
		fx.Sess.State.Revealed = true
		g := New(fx.Sess)
		v := ansi.Strip(tuitest.View(g, 120, 36))
		if strings.Contains(v, "…") {
			t.Errorf("%s: a name is cut:\n%s", lang, v)
		}
		lines := strings.Split(v, "\n")
		for _, r := range g.spread[:len(g.dims)] {
			el := g.elementName(r.ElementKey)
			found := false
			for _, l := range lines {
				if _, right, ok := strings.Cut(l, "│"); ok && strings.Contains(right, el) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: the spread list does not name %q whole:\n%s", lang, el, v)
			}
		}
		for _, r := range g.els {
			if !strings.Contains(v, g.elementName(r.ElementKey)) {
				t.Errorf("%s: the element table lost %q:\n%s", lang, g.elementName(r.ElementKey), v)
			}
		}
	}
}
