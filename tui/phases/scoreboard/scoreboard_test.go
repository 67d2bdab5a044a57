package scoreboard

import (
	"flag"
	"fmt"
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

// TestScoreboardKeepsThePageContract: every panel, hidden and shown, in
// both languages and every sort.
func TestScoreboardKeepsThePageContract(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		fx := tuitest.NewBoardEnv(t, lang)
		s := fx.Sess
		b := New(s)
		for _, revealed := range []bool{false, true} {
			s.State.Revealed = revealed
			for _, sort := range []string{SortName, SortOverall, SortWeakest} {
				for _, v := range []int{ViewSummary, ViewHeatmap, ViewRadar} {
					s.State.Sort, s.State.BoardView = sort, v
					pagetest.Check(t, lang, b)
				}
			}
		}
	}
}

// TestProjectorFooterOffersNoRefusedKey: the projector's scoreboard lists
// neither the reveal nor the sort, which it refuses (the facilitator's
// choice comes back a second later), in either layout.
func TestProjectorFooterOffersNoRefusedKey(t *testing.T) {
	fx := tuitest.NewBoardEnv(t, "id")
	s := fx.Sess
	s.ReadOnly = true
	b := New(s)
	b.SetSize(200, 56)
	shown := b.ShortHelp()
	b.SetSize(80, 19)
	if !b.Compact() {
		t.Fatal("80x19 is not the one-panel layout")
	}
	shown = append(shown, b.ShortHelp()...)
	before := s.State.Sort
	msgs := tuitest.Exec(tuitest.Update(b, tuitest.Key("s")))
	if _, refused := tuitest.Has[common.ErrMsg](msgs); !refused || s.State.Sort != before {
		t.Errorf("s changed the projector's sort to %s", s.State.Sort)
	}
	for _, h := range shown {
		for _, r := range []key.Binding{b.keys.Reveal, b.keys.Sort} {
			if h.Help() == r.Help() {
				t.Errorf("projector footer offers %q %q", h.Help().Key, h.Help().Desc)
			}
		}
	}
}

func TestSortOPDs(t *testing.T) {
	f, err := assets.Framework("elemen")
	if err != nil {
		t.Fatal(err)
	}
	// Each OPD answers every indicator of a dimension with one level, so
	// its dimension scores are exactly those levels.
	levels := map[int64][]int{ // per dimension in framework order; 0 = unanswered
		1: {3, 3, 3, 3, 3, 3}, // overall 3, weakest 3
		2: {1, 5, 5, 5, 5, 5}, // overall 4.33, weakest 1
		3: {4, 4, 4, 4, 4, 4}, // overall 4, weakest 4
		4: {0, 0, 0, 0, 0, 0}, // nothing: last in every score order
		5: {2, 2, 2, 2, 2, 2}, // overall 2, weakest 2
		6: {3, 3, 3, 3, 3, 3}, // ties with 1: the name decides
		7: {5, 5, 5, 5, 5, 2}, // overall 4.5, weakest 2 (ties with 5 on weakest)
	}
	opds := []workshop.OPD{
		{ID: 1, Code: "DINKES", Name: "Dinas Kesehatan", Present: true},
		{ID: 2, Code: "BAPPEDA", Name: "Badan Perencanaan", Present: true},
		{ID: 3, Code: "dlh", Name: "Dinas Lingkungan Hidup", Present: true},
		{ID: 4, Code: "DPMPTSP", Name: "Penanaman Modal", Present: true},
		{ID: 5, Code: "SATPOLPP", Name: "Satuan Polisi", Present: true},
		{ID: 6, Code: "DISDIK", Name: "Dinas Pendidikan", Present: true},
		{ID: 7, Code: "DISPAR", Name: "Dinas Pariwisata", Present: true},
	}
	sheets := map[int64]workshop.Sheet{}
	for id, lv := range levels {
		sh := workshop.Sheet{}
		for di, d := range f.Dimensions {
			if lv[di] == 0 {
				continue
			}
			for _, ind := range d.Indicators() {
				sh[ind.Key] = workshop.Answer{Level: lv[di]}
			}
		}
		sheets[id] = sh
	}
	b := workshop.NewBoard(f, opds, sheets, nil)
	tests := []struct {
		by   string
		want []int64
	}{
		// name: code then name, ignoring case ("dlh" among the D's).
		{SortName, []int64{2, 1, 6, 7, 3, 4, 5}},
		// overall high to low: 4.5, 4.33, 4, 3 (DINKES before DISDIK), 2, none.
		{SortOverall, []int64{7, 2, 3, 1, 6, 5, 4}},
		// weakest first: 1, 2 (DISPAR before SATPOLPP), 3, 3, 4, none.
		{SortWeakest, []int64{2, 7, 5, 1, 6, 3, 4}},
		// an unknown sort falls back to the name.
		{"", []int64{2, 1, 6, 7, 3, 4, 5}},
	}
	for _, tc := range tests {
		got := SortOPDs(f, b, opds, tc.by)
		var ids []int64
		for _, o := range got {
			ids = append(ids, o.ID)
		}
		if fmt.Sprint(ids) != fmt.Sprint(tc.want) {
			t.Errorf("sort %q: %v, want %v", tc.by, ids, tc.want)
		}
	}
	if opds[0].ID != 1 {
		t.Errorf("SortOPDs reordered its input")
	}
}

func TestScoreboardRevealAndSortPersist(t *testing.T) {
	fx := tuitest.NewBoardEnv(t, "id")
	sb := New(fx.Sess)
	if fx.Sess.State.Revealed {
		t.Fatal("a new session starts with the results hidden")
	}
	hidden := ansi.Strip(tuitest.View(sb, 120, 36))
	if !strings.Contains(hidden, assets.T("id", "board.hidden_title")) || strings.Contains(hidden, assets.T("id", "board.index")) {
		t.Fatalf("hidden view shows results:\n%s", hidden)
	}
	tuitest.Run(t, sb, "r")
	if u := tuitest.SavedState(t, fx.Reload(t)); !u.Revealed {
		t.Errorf("reveal not saved: %+v", u)
	}
	shown := ansi.Strip(tuitest.View(sb, 120, 36))
	if !strings.Contains(shown, assets.T("id", "board.index")) {
		t.Errorf("revealed view has no city index:\n%s", shown)
	}
	tuitest.Run(t, sb, "s", "s")
	u := tuitest.SavedState(t, fx.Reload(t))
	if u.Sort != SortWeakest || !u.Revealed {
		t.Errorf("after two sorts saved %+v, want sort %q and revealed", u, SortWeakest)
	}
	tuitest.Run(t, sb, "s", "r")
	u = tuitest.SavedState(t, fx.Reload(t))
	if u.Sort != SortName || u.Revealed {
		t.Errorf("after a third sort and hiding saved %+v, want sort %q and hidden", u, SortName)
	}
	// Reopening restores both.
	fx.Sess.State.Sort, fx.Sess.State.Revealed = SortOverall, true
	if err := fx.Sess.SaveState(); err != nil {
		t.Fatal(err)
	}
	again := tuitest.Sess(t, fx.St, fx.Reload(t), "id", common.NewStyles("dark"), tuitest.BoardClock)
	if again.State.Sort != SortOverall || !again.State.Revealed {
		t.Errorf("reopened state %+v", again.State)
	}
}

func TestScoreboardReadOnlyRefusesReveal(t *testing.T) {
	fx := tuitest.NewBoardEnv(t, "id")
	fx.Sess.ReadOnly = true
	sb := New(fx.Sess)
	msgs := tuitest.Exec(tuitest.Update(sb, tuitest.Key("r")))
	if len(msgs) != 1 || fx.Sess.State.Revealed {
		t.Fatalf("read-only reveal: %v, revealed=%v", msgs, fx.Sess.State.Revealed)
	}
	if _, ok := msgs[0].(common.ErrMsg); !ok {
		t.Errorf("read-only reveal answered %T, want ErrMsg", msgs[0])
	}
}

func TestScoreboardScrollAndLiveUpdate(t *testing.T) {
	// 80 OPDs x 90 indicators: the heatmap scrolls, and a changed answer
	// shows at once.
	fx := tuitest.NewBoardEnv(t, "id")
	s := fx.Sess
	f := workshop.ScaleFramework()
	opds := workshop.ScaleOPDs(80)
	s.Data.Session.Framework = f
	s.Board = workshop.NewBoard(f, opds, workshop.ScaleSheets(f, opds, 1), nil)
	s.State.Revealed = true
	sb := New(s)
	v := ansi.Strip(tuitest.View(sb, 120, 36))
	if !strings.Contains(v, "OPD 1–") || !strings.Contains(v, "dari 80") {
		t.Fatalf("no scroll position in:\n%s", v)
	}
	first := sb.rows[0]
	tuitest.Run(t, sb, "down", "down", "j")
	if sb.offset != 3 {
		t.Errorf("offset after 3 downs = %d", sb.offset)
	}
	tuitest.Run(t, sb, "k")
	if sb.offset != 2 {
		t.Errorf("offset after up = %d", sb.offset)
	}
	tuitest.Run(t, sb, "end")
	_ = tuitest.View(sb, 120, 36)
	if last := sb.offset + sb.heatVisible; last != 80 {
		t.Errorf("end shows rows up to %d, want 80", last)
	}
	tuitest.Run(t, sb, "down")
	if sb.offset+sb.heatVisible > 80 {
		t.Errorf("scrolled past the last OPD")
	}
	// A changed answer (the board is what the grid writes through) shows
	// without any message: the frame is rebuilt from the new numbers.
	before := tuitest.View(sb, 120, 36)
	for _, ind := range f.Dimensions[0].Indicators() {
		s.Board.Set(first.ID, ind.Key, workshop.Answer{Level: 5})
	}
	if after := tuitest.View(sb, 120, 36); after == before {
		t.Errorf("the view did not change after new answers")
	}
}

func TestScoreboardGolden(t *testing.T) {
	fx := tuitest.NewBoardEnv(t, "id")
	s := fx.Sess
	sb := New(s)
	for _, revealed := range []bool{true, false} {
		s.State.Revealed = revealed
		for _, sz := range tuitest.Sizes {
			name := fmt.Sprintf("scoreboard-%dx%d", sz[0], sz[1])
			if !revealed {
				name = fmt.Sprintf("scoreboard-hidden-%dx%d", sz[0], sz[1])
			}
			tuitest.Golden(t, name, tuitest.View(sb, sz[0], sz[1]))
		}
	}
	// The small window shows one panel at a time.
	s.State.Revealed = true
	tuitest.Run(t, sb, "v")
	tuitest.Golden(t, "scoreboard-heatmap-80x20", tuitest.View(sb, 80, 20))
	tuitest.Run(t, sb, "v")
	tuitest.Golden(t, "scoreboard-radar-80x20", tuitest.View(sb, 80, 20))
	// Sorted by weakest dimension, in English.
	en := tuitest.NewBoardEnv(t, "en")
	en.Sess.State.Revealed = true
	en.Sess.State.Sort = SortWeakest
	tuitest.Golden(t, "scoreboard-en-weakest-120x36", tuitest.View(New(en.Sess), 120, 36))
}

// BenchmarkScoreboardChange is one answer changing while the scoreboard
// is on screen (a projector view following the grid): rescoring plus a
// full redraw at 200x60.
func BenchmarkScoreboardChange(b *testing.B) {
	s := tuitest.ScaleSess(b)
	sb := New(s)
	ind := s.F().Dimensions[0].Indicators()[0].Key
	_ = tuitest.View(sb, 200, 56)
	for i := 0; b.Loop(); i++ {
		s.Board.Set(1, ind, workshop.Answer{Level: 1 + i%5})
		_ = tuitest.View(sb, 200, 56)
	}
}

// BenchmarkScoreboardFrame is a frame with nothing changed (the cache).
func BenchmarkScoreboardFrame(b *testing.B) {
	s := tuitest.ScaleSess(b)
	sb := New(s)
	_ = tuitest.View(sb, 200, 56)
	for b.Loop() {
		_ = tuitest.View(sb, 200, 56)
	}
}

// TestRadarLegendInTheChartColours: the chart is braille dots, so "━" and
// "╌" in the legend only say which is which through their colour; each
// legend entry is drawn in the colour of its polygon.
func TestRadarLegendInTheChartColours(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		fx := tuitest.NewBoardEnv(t, lang)
		s := fx.Sess
		s.State.Revealed = true
		b := New(s)
		out := strings.Join(b.radarPanel(60, 30), "\n")
		city := s.Styles.Accent.Render(assets.T(lang, "board.radar_city"))
		target := s.Styles.Warn.Render(assets.T(lang, "board.radar_target"))
		if !strings.Contains(out, city) || !strings.Contains(out, target) {
			t.Errorf("%s: legend not in the chart colours:\n%q", lang, out)
		}
	}
}

// TestBarsLegendInTheLegendColour: the line under the city bars that says
// what ┃, the gap and ✔ mean is drawn in the legend colour (the text's),
// not the muted grey, in every theme.
func TestBarsLegendInTheLegendColour(t *testing.T) {
	for _, theme := range common.Themes {
		fx := tuitest.NewBoardEnv(t, "id")
		st := common.NewStyles(theme)
		fx.Sess.Styles = st
		fx.Sess.State.Revealed = true
		r, g, b, _ := st.P.Legend.RGBA()
		sgr := fmt.Sprintf("38;2;%d;%d;%d", r>>8, g>>8, b>>8)
		text := fx.Sess.T("board.bars_legend")[:20]
		found := false
		for _, l := range strings.Split(tuitest.View(New(fx.Sess), 80, 20), "\n") {
			if strings.Contains(ansi.Strip(l), text) {
				found = true
				if !strings.Contains(l, sgr) {
					t.Errorf("%s: the bars legend is not in the legend colour: %q", theme, l)
				}
			}
		}
		if !found {
			t.Errorf("%s: no bars legend at 80x20", theme)
		}
	}
}
