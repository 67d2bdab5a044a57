package tui

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/tui/phases/gaps"
	"github.com/bimtek/bimtek/tui/phases/grid"
	"github.com/bimtek/bimtek/tui/phases/roster"
)

// TestKeyLabelsReadAlike: the footer names keys the same way on every
// screen ("Enter", "Esc", "Spasi"/"Space"), and the action says what
// Enter does in that mode (importing is not saving).
func TestKeyLabelsReadAlike(t *testing.T) {
	lower := regexp.MustCompile(`(^|/)(enter|esc|spasi|space|tab)(/|$)`)
	for _, lang := range []string{"id", "en"} {
		fx := newBdFixture(t, lang)
		fx.sess.State.Revealed = true // the gaps screen offers its keys once results show
		g := gaps.New(fx.sess)
		bindings := g.ShortHelp()
		bdRun(t, g, "e")
		if !g.Capturing() {
			t.Fatal("e did not open the target editor")
		}
		bindings = append(bindings, g.ShortHelp()...)
		r := roster.New(fx.sess)
		bdRun(t, r, "i")
		if !r.Capturing() {
			t.Fatal("i did not open the import")
		}
		imp := r.ShortHelp()
		bindings = append(bindings, imp...)
		for _, b := range bindings {
			if k := b.Help().Key; lower.MatchString(k) {
				t.Errorf("%s: key label %q in lower case", lang, k)
			}
		}
		if got, want := imp[0].Help().Desc, assets.T(lang, "roster.key.import_go"); got != want {
			t.Errorf("%s: Enter while importing reads %q, want %q", lang, got, want)
		}
	}
}

// TestGridNamesUseTheSpareWidth: columns the cells do not need go to the
// OPD names, so a wide window shows them whole instead of cutting them at
// 26 characters beside empty space.
func TestGridNamesUseTheSpareWidth(t *testing.T) {
	st, id, _ := demoSession(t)
	d, err := st.Load(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	s := testSess(t, st, d, "id", NewStyles("dark"), bdClock)
	g := grid.New(s)
	cases := []struct {
		w, h int
		want string
	}{
		{200, 56, "BAPPEDA Badan Perencanaan Pembangunan Daerah"},
		{120, 36, "BAPPEDA Badan Perencanaan Pembangun"},
	}
	for _, c := range cases {
		v := ansi.Strip(view(g, c.w, c.h))
		label := ""
		for _, l := range strings.Split(v, "\n") {
			if strings.HasPrefix(strings.TrimPrefix(l, " "), "▶ BAPPEDA") && strings.Contains(l, "│") {
				label, _, _ = strings.Cut(l, "│")
				break
			}
		}
		if !strings.Contains(label, c.want) {
			t.Errorf("%dx%d: the row label %q lacks %q:\n%s", c.w, c.h, label, c.want, v)
		}
		for i, l := range strings.Split(v, "\n") {
			if ansi.StringWidth(l) > c.w {
				t.Errorf("%dx%d line %d is %d wide", c.w, c.h, i, ansi.StringWidth(l))
			}
		}
	}
}

// TestGridTabsWholeAt80: at 80 columns the six dimension tabs of the demo
// fit with whole names ("Branding", not "Brand…") once the padding between
// inactive tabs goes.
func TestGridTabsWholeAt80(t *testing.T) {
	st, id, _ := demoSession(t)
	d, err := st.Load(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"id", "en"} {
		g := grid.New(testSess(t, st, d, lang, NewStyles("dark"), bdClock))
		tabs := ansi.Strip(strings.Split(view(g, 80, 20), "\n")[0])
		for _, want := range []string{"Governance", "Branding", "Economy", "Living", "Society", "Environment"} {
			if !strings.Contains(tabs, want+" ") {
				t.Errorf("%s: tab bar %q lacks %q", lang, tabs, want)
			}
		}
		if w := ansi.StringWidth(tabs); w > 80 {
			t.Errorf("%s: tab bar %d wide", lang, w)
		}
	}
}
