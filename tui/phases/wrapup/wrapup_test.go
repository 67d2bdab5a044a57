package wrapup

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/tui/common/pagetest"
	"github.com/bimtek/bimtek/workshop"
)

var _ = flag.Bool("update", false, "rewrite the golden files")

// TestWrapUpKeepsThePageContract: hidden and shown, in both languages.
func TestWrapUpKeepsThePageContract(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := tuitest.NewEnv(t, lang, tuitest.OPDs, true)
		w := New(e.S)
		for _, revealed := range []bool{false, true} {
			e.S.State.Revealed = revealed
			pagetest.Check(t, lang, w)
		}
	}
}

func TestWrapUpSummary(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	w := New(e.S)
	v := ansi.Strip(tuitest.View(w, 120, 36))

	city := e.S.Board.City()
	if !city.Index.OK {
		t.Fatal("the fixture has no city index")
	}
	idx := fmt.Sprintf("%.2f", workshop.Round2(city.Index.Value))
	pred, _ := e.S.F().Predikat(city.Index.Value)
	if !strings.Contains(v, idx+" · "+pred.ID) {
		t.Errorf("no %s · %s in the summary:\n%s", idx, pred.ID, v)
	}
	comp := city.Overall
	if !strings.Contains(v, fmt.Sprintf("%d dari %d isian", comp.Done, comp.Possible)) {
		t.Errorf("completion %d/%d missing", comp.Done, comp.Possible)
	}
	// The three largest gaps, largest first, as the workshop orders them.
	gaps := e.S.F().GapsByDimension(city, e.S.Board.Targets)
	var gapLines []string
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "▼") || strings.Contains(l, "✔ tercapai") {
			gapLines = append(gapLines, l)
		}
	}
	for i, g := range gaps[:3] {
		d, _ := e.S.F().Dimension(g.DimensionKey)
		want := fmt.Sprintf("%d. %s", i+1, d.Name.ID)
		if i >= len(gapLines) || !strings.Contains(gapLines[i], want) || !strings.Contains(gapLines[i], fmt.Sprintf("%+.2f", workshop.Round2(g.Gap.Value))) {
			t.Errorf("gap line %d should be %q with its gap: %q", i+1, want, gapLines)
		}
	}
	if n := strings.Count(v, "▼") + strings.Count(v, "✔ tercapai"); n != 3 {
		t.Errorf("%d gap lines, want 3:\n%s", n, v)
	}
	for _, want := range []string{"★ Industri · Smart Economy", "★ Layanan Publik · Smart Governance",
		fmt.Sprintf("bimtek open %d --db %s", e.ID, e.Path)} {
		if !strings.Contains(v, want) {
			t.Errorf("summary lacks %q:\n%s", want, v)
		}
	}
}

func TestWrapUpExport(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	w := New(e.S)
	msgs := tuitest.Drive(t, w, tuitest.Key("x"))
	if _, ok := tuitest.Has[common.ExportRequestMsg](msgs); !ok {
		t.Fatalf("x did not ask the root to export: %v", msgs)
	}
	dir := "/home/fasilitator/bimtek/ekspor/kota-bandung-2025-06-12"
	files := tuitest.ExportFiles(dir)
	tuitest.Update(w, common.ExportedMsg{Kind: common.ExportExcel, Dir: dir, Files: files})
	v := ansi.Strip(tuitest.View(w, 120, 36))
	for _, want := range append([]string{"Excel Indonesia tersimpan"}, files...) {
		if !strings.Contains(v, want) {
			t.Errorf("export result lacks %q:\n%s", want, v)
		}
	}
	tuitest.Update(w, common.ExportedMsg{Err: fmt.Errorf("write export: %w", store.ErrDiskFull)})
	v = ansi.Strip(tuitest.View(w, 120, 36))
	if !strings.Contains(v, "✘") || strings.Contains(v, "scores.csv") {
		t.Errorf("a failed export is not shown as failed:\n%s", v)
	}
	if len(w.ShortHelp()) != 2 || w.Capturing() { // x export, r reveal
		t.Errorf("wrap-up keys: %v", w.ShortHelp())
	}
}

func TestReopenCommand(t *testing.T) {
	def, err := store.DefaultPath()
	if err != nil {
		t.Skip("no default path here:", err)
	}
	cases := []struct {
		path, want string
	}{
		{def, "bimtek open 7"},
		{"/srv/bimtek/kota.db", "bimtek open 7 --db /srv/bimtek/kota.db"},
		{`C:\Users\Siti\Bimtek Bandung\b.db`, `bimtek open 7 --db "C:\Users\Siti\Bimtek Bandung\b.db"`},
		{"", "bimtek open 7"},
	}
	for _, c := range cases {
		if got := reopenCommand(7, c.path, def); got != c.want {
			t.Errorf("reopenCommand(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}

func TestWrapUpGolden(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	w := New(e.S)
	w.reopen = reopenCommand(e.ID, "/data/bimtek.db", "") // the temp path changes each run
	tuitest.GoldenSizes(t, "wrapup", w)

	dir := "/home/fasilitator/bimtek/ekspor/kota-bandung-2025-06-12"
	tuitest.Update(w, common.ExportedMsg{Kind: common.ExportExcel, Dir: dir, Files: tuitest.ExportFiles(dir)})
	tuitest.GoldenSizes(t, "wrapup-exported", w)

	en := tuitest.NewEnv(t, "en", tuitest.OPDs, false)
	we := New(en.S)
	we.reopen = reopenCommand(en.ID, "/data/bimtek.db", "")
	tuitest.GoldenSizes(t, "wrapup-en-empty", we)
}

func TestWrapUpFitsEverySize(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	w := New(e.S)
	dir := "/a/very/long/folder/" + strings.Repeat("x", 150)
	tuitest.Update(w, common.ExportedMsg{Kind: common.ExportPack, Dir: dir, Files: []string{dir + "/kota-bandung-tahap1.xlsx", dir + "/kota-bandung-tahap1.html"}})
	for width := 80; width <= 220; width += 9 {
		for h := 16; h <= 60; h += 4 {
			tuitest.CheckSize(t, "wrapup", tuitest.View(w, width, h), width, h)
			if h >= 20 && !strings.Contains(ansi.Strip(tuitest.View(w, width, h)), "bimtek open") {
				t.Errorf("%dx%d: the reopen command is not on screen", width, h)
			}
		}
	}
}

// TestWrapUpPriorityNamesWhole: a long priority element and its dimension
// are both read whole on the wide layout (the dimension goes under the
// element when the line is too short for both).
func TestWrapUpPriorityNamesWhole(t *testing.T) {
	e := tuitest.NewEnv(t, "id", tuitest.OPDs, true)
	e.S.Data.Priorities = append(e.S.Data.Priorities, "environment.sampah_limbah")
	w := New(e.S)
	for _, size := range [][2]int{{80, 24}, {120, 36}, {200, 56}} {
		v := ansi.Strip(tuitest.View(w, size[0], size[1]))
		for _, want := range []string{"★ Tata Kelola Sampah dan Limbah", "Smart Environment", "★ Industri · Smart Economy"} {
			if !strings.Contains(v, want) {
				t.Errorf("%dx%d: no %q in:\n%s", size[0], size[1], want, v)
			}
		}
	}
}
