package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReportCommand: `bimtek report ID` on the demo writes the workbook and
// the page into the folder it prints, in the UI language, with the city
// index of the CSV export; bad input gets one sentence.
func TestReportCommand(t *testing.T) {
	cleanEnv(t)
	db := filepath.Join(t.TempDir(), "b.db")
	id := mustDemo(t, db, 3)
	csv := readCSV(t, filepath.Join(exportTo(t, db, id), "city_summary.csv"), false)
	index := csv.rows[len(csv.rows)-1]

	for _, lang := range []string{"id", "en"} {
		t.Run(lang, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "pack")
			r := bt(t, "--db", db, "--lang", lang, "report", strconv.FormatInt(id, 10), "--dir", dir)
			mustOK(t, r)
			if r.stdout != dir+"\n" {
				t.Fatalf("report printed %q, want the folder %q", r.stdout, dir)
			}
			page, err := os.ReadFile(filepath.Join(dir, "kota-contoh-tahap1.html"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(page), tr(lang, "report.title")) {
				t.Errorf("the page is not in %s", lang)
			}
			f, err := excelize.OpenFile(filepath.Join(dir, "kota-contoh-tahap1.xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheet := tr(lang, "report.sheet.summary")
			if got := f.GetSheetName(0); got != sheet {
				t.Errorf("first sheet %q, want %q", got, sheet)
			}
			if got, _ := f.GetCellValue(sheet, "B11"); got != csv.get(index, "score") {
				t.Errorf("workbook index %q, CSV export %q", got, csv.get(index, "score"))
			}
		})
	}

	// Without --dir: a new folder named after city and tahap in the
	// current directory.
	cwd := t.TempDir()
	t.Chdir(cwd)
	r := bt(t, "--db", db, "--lang", "en", "report", strconv.FormatInt(id, 10))
	mustOK(t, r)
	dir := strings.TrimSuffix(r.stdout, "\n")
	if filepath.Dir(dir) != cwd || !strings.HasPrefix(filepath.Base(dir), "report-kota-contoh-tahap1-"+strconv.FormatInt(id, 10)+"-") {
		t.Errorf("default report folder %q, want report-kota-contoh-tahap1-%d-... in %s", dir, id, cwd)
	}

	said(t, bt(t, "--db", db, "report"), 2, tr("id", "cli.err.need_id"))
	said(t, bt(t, "--db", db, "report", "x"), 2, tr("id", "cli.err.bad_id", "x"))
	said(t, bt(t, "--db", db, "--lang", "en", "report", "99"), 1, tr("en", "err.no_session"))
}
