package tui

import (
	"testing"

	"github.com/bimtek/bimtek/tui/common/pagetest"
	"github.com/bimtek/bimtek/tui/phases/briefing"
	"github.com/bimtek/bimtek/tui/phases/gaps"
	"github.com/bimtek/bimtek/tui/phases/grid"
	"github.com/bimtek/bimtek/tui/phases/opening"
	"github.com/bimtek/bimtek/tui/phases/roster"
	"github.com/bimtek/bimtek/tui/phases/scoreboard"
	"github.com/bimtek/bimtek/tui/phases/wrapup"
	"github.com/bimtek/bimtek/tui/roompanel"
)

// TestPagesKeepTheContract: every page, in both languages, with results
// hidden and shown and after a few keys, draws the same frame twice and
// stays inside the size SetSize gave it.
func TestPagesKeepTheContract(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		fx := newBdFixture(t, lang)
		s := fx.sess
		pages := map[string]Page{"opening": opening.New(s), "roster": roster.New(s), "briefing": briefing.New(s),
			"grid": grid.New(s), "scoreboard": scoreboard.New(s), "gaps": gaps.New(s), "wrapup": wrapup.New(s),
			"room": roompanel.New(s, nil)}
		for _, revealed := range []bool{false, true} {
			s.State.Revealed = revealed
			for name, p := range pages {
				p.Enter()
				pagetest.Check(t, lang+" "+name, p)
				for _, k := range []string{"down", "down", "right", "end", "v"} {
					p.Update(phKey(k))
				}
				pagetest.Check(t, lang+" "+name+" after keys", p)
			}
		}
	}
}
