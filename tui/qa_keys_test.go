package tui

import (
	"regexp"
	"testing"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/tui/phases/gaps"
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
