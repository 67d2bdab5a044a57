package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui/phases/gaps"
	"github.com/bimtek/bimtek/tui/phases/grid"
	"github.com/bimtek/bimtek/tui/phases/opening"
	"github.com/bimtek/bimtek/tui/phases/roster"
	"github.com/bimtek/bimtek/tui/phases/scoreboard"
	"github.com/bimtek/bimtek/tui/phases/wrapup"
	"github.com/bimtek/bimtek/workshop"
)

// TestJavaneseNameKeepsRowsInTheWindow: an OPD named in Javanese script
// counts 5 cells more by wcwidth (the renderer's count on tmux and the
// Windows console) than by graphemes; no line of any table may run past
// the window by either count, or its columns slide right and the last one
// is cut.
func TestJavaneseNameKeepsRowsInTheWindow(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "jv.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f, err := assets.Framework("elemen")
	if err != nil {
		t.Fatal(err)
	}
	opds := []store.OPDInput{
		{Code: "BAPPEDA", Name: "ꦧꦥ꧀ꦥꦼꦢ ꦏꦸꦛ ꦔꦪꦺꦴꦒꦾꦏꦂꦠ"},
		{Code: "ꦢꦶꦤꦱ꧀", Name: "ꦢꦶꦤꦱ꧀ ꦏꦼꦱꦺꦲꦠꦤ꧀"},
		{Code: "DATA-YK", Name: "数据局 日惹市 数据管理局"},
		{Code: "DISKOMINFO", Name: "Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Yogyakarta"},
	}
	id, err := st.CreateSession(ctx, store.NewSession{City: "Kota Yogyakarta ꦔꦪꦺꦴꦒꦾꦏꦂꦠ", Stage: 1, Date: "2026-11-28", Framework: f, OPDs: opds})
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.Load(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range d.OPDs {
		for j, dim := range f.Dimensions {
			for _, ind := range dim.Indicators() {
				if _, err := st.SetAnswer(ctx, id, o.ID, ind.Key, workshop.Answer{Level: 1 + (i+j)%5}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if d, err = st.Load(ctx, id); err != nil {
		t.Fatal(err)
	}
	clock := func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC) }
	for _, lang := range []string{"id", "en"} {
		s := testSess(t, st, d, lang, NewStyles("dark"), clock)
		s.State.Revealed = true
		screens := map[string]Page{"roster": roster.New(s), "grid": grid.New(s), "scoreboard": scoreboard.New(s),
			"gaps": gaps.New(s), "wrapup": wrapup.New(s), "opening": opening.New(s)}
		for name, sc := range screens {
			for _, size := range [][2]int{{80, 20}, {120, 36}, {200, 56}} {
				w := size[0]
				for i, line := range strings.Split(view(sc, w, size[1]), "\n") {
					if g, wc := ansi.StringWidth(line), ansi.StringWidthWc(line); g > w || wc > w {
						t.Errorf("%s %s %dx%d line %d: %d/%d cells (grapheme/wcwidth) > %d: %q", lang, name, w, size[1], i, g, wc, w, ansi.Strip(line))
					}
				}
			}
		}
		// The scoreboard in its one-panel layout, heatmap view.
		b := scoreboard.New(s)
		s.State.BoardView = 1
		view(b, 80, 20)
		for i, line := range strings.Split(view(b, 80, 20), "\n") {
			if g, wc := ansi.StringWidth(line), ansi.StringWidthWc(line); g > 80 || wc > 80 {
				t.Errorf("%s heatmap 80x20 line %d: %d/%d cells: %q", lang, i, g, wc, ansi.Strip(line))
			}
		}
	}
}
