package grid

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/tui/common"
)

// The grid on the session `bimtek demo` makes.

// TestGridNamesUseTheSpareWidth: columns the cells do not need go to the
// OPD names, so a wide window shows them whole instead of cutting them at
// 26 characters beside empty space.
func TestGridNamesUseTheSpareWidth(t *testing.T) {
	st, id, _ := tuitest.Demo(t)
	d := tuitest.Load(t, st, id)
	s := tuitest.Sess(t, st, d, "id", common.NewStyles("dark"), tuitest.BoardClock)
	g := New(s)
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
	st, id, _ := tuitest.Demo(t)
	d := tuitest.Load(t, st, id)
	for _, lang := range []string{"id", "en"} {
		g := New(tuitest.Sess(t, st, d, lang, common.NewStyles("dark"), tuitest.BoardClock))
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
