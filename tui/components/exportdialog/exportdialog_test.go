package exportdialog

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/tui/common"
)

// TestDialogKeys: the remembered choice is highlighted, arrows and digits
// choose, Enter asks for the export chosen (and then takes no key until
// its answer), Esc cancels, an empty folder is refused with one sentence
// and nothing is asked for.
func TestDialogKeys(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		d := New(PrefsMsg{id: 7, name: "Kota Uji · Tahap II", kind: common.ExportCSV, dir: "/tmp/ekspor"}, lang, common.NewStyles("dark"))
		d.SetSize(120, 36)
		if d.Kind() != common.ExportCSV {
			t.Fatalf("%s: the remembered choice is %v, want csv", lang, d.Kind())
		}
		for _, k := range []string{"down", "up", "up"} {
			d.Update(tuitest.Key(k))
		}
		if d.Kind() != common.ExportExcel {
			t.Errorf("%s: down, up, up from csv is %v, want excel", lang, d.Kind())
		}
		d.Update(tuitest.Key("3"))
		if d.Kind() != common.ExportPack {
			t.Errorf("%s: 3 is %v, want the report pack", lang, d.Kind())
		}
		if got := tuitest.Exec(d.Update(tuitest.Key("esc"))); len(got) != 1 || got[0] != (CancelledMsg{}) {
			t.Errorf("%s: Esc sent %v, want CancelledMsg", lang, got)
		}
		got := tuitest.Exec(d.Update(tuitest.Key("enter")))
		if len(got) != 1 || got[0] != (ChosenMsg{ID: 7, Kind: common.ExportPack, Dir: "/tmp/ekspor"}) {
			t.Fatalf("%s: Enter sent %v, want the pack into /tmp/ekspor", lang, got)
		}
		if got := tuitest.Exec(d.Update(tuitest.Key("enter"))); len(got) != 0 {
			t.Errorf("%s: a second Enter while the export runs sent %v", lang, got)
		}
		d.Failed("Folder tidak ada.")
		if v := ansi.Strip(d.View()); !strings.Contains(v, "✘ Folder tidak ada.") {
			t.Errorf("%s: the dialog does not say why nothing was written:\n%s", lang, v)
		}
		// The folder field has the focus after a failure: empty it.
		d.Update(tuitest.Key("ctrl+u"))
		if got := tuitest.Exec(d.Update(tuitest.Key("enter"))); len(got) != 0 {
			t.Errorf("%s: Enter with no folder sent %v", lang, got)
		}
		if v := ansi.Strip(d.View()); !strings.Contains(v, "✘ "+assets.T(lang, "export.no_folder")) {
			t.Errorf("%s: no folder is not refused with a sentence:\n%s", lang, v)
		}
	}
}

// TestExportStatusShortensFromTheLeft: a long folder keeps its end (the
// export's own folder name) and the file names; a line still too wide
// says the number of files instead of cutting names.
func TestExportStatusShortensFromTheLeft(t *testing.T) {
	dir := "/home/fasilitator/Dokumen/Bimtek 2026/Kota Bengkulu/ekspor/bimtek-kota-bengkulu-tahap2-3-20261202-1030"
	msg := common.ExportedMsg{Kind: common.ExportExcel, Dir: dir, Files: tuitest.ExportFiles(dir)}
	for _, w := range []int{80, 120, 200} {
		got := Status("id", msg, w)
		if width := len([]rune(got)) + 2; width > w { // after "✔ "
			t.Errorf("%d wide: %q is %d wide", w, got, width)
		}
		if !strings.Contains(got, "tahap2-3-20261202-1030") {
			t.Errorf("%d wide: %q lost the export folder's name", w, got)
		}
	}
	if got := Status("id", msg, 200); got != "Excel Indonesia di "+dir+": scores.csv, opd_dimensions.csv, city_summary.csv, priorities.csv" {
		t.Errorf("200 wide: %q", got)
	}
	if got := Status("id", msg, 120); !strings.HasPrefix(got, "Excel Indonesia di …") || !strings.HasSuffix(got, "priorities.csv") {
		t.Errorf("120 wide: %q, want the folder shortened from the left and every file name", got)
	}
	if got := Status("id", msg, 80); !strings.HasPrefix(got, "Excel Indonesia: 4 berkas di …") {
		t.Errorf("80 wide: %q, want the count and the folder shortened from the left", got)
	}
}
