package report

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/bimtek/bimtek/workshop"
)

// writeTestPack writes d's pack and its plain CSV export (same language)
// into fresh folders.
func writeTestPack(t *testing.T, d *workshop.Data, lang string) (Pack, string) {
	t.Helper()
	p, err := WritePack(filepath.Join(t.TempDir(), "pack"), d, lang)
	if err != nil {
		t.Fatalf("WritePack: %v", err)
	}
	csvDir := filepath.Join(t.TempDir(), "csv")
	if _, err := Export(csvDir, d, Options{Lang: lang}); err != nil {
		t.Fatalf("Export: %v", err)
	}
	return p, csvDir
}

func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// partialData is testData with one dimension left unanswered by everyone
// and one present OPD that has not answered anything.
func partialData() *workshop.Data {
	d := testData()
	var kept []workshop.ScoreRow
	for _, r := range d.Scores {
		if !strings.HasPrefix(r.IndicatorKey, "env-") {
			kept = append(kept, r)
		}
	}
	d.Scores = kept
	d.OPDs = append(d.OPDs, workshop.OPD{ID: 14, Code: "DISHUB", Name: "Dinas Perhubungan", Present: true})
	d.Priorities = nil
	return d
}

// emptyData is testData before anyone answered.
func emptyData() *workshop.Data {
	d := testData()
	d.Scores = nil
	d.Priorities = nil
	return d
}

// packCases are the sessions every pack test runs on.
var packCases = []struct {
	name string
	data func() *workshop.Data
}{
	{"fixture", testData},
	{"partial", partialData},
	{"empty", emptyData},
	{"scale", scaleData}, // one language only (below): the names change, not the numbers
}

// sheetView is one sheet read back once: every cell's raw value, its shown
// text (number format applied, as Excel shows it), its type and whether it
// holds a formula, read from the file's XML and through excelize.
type sheetView struct {
	name       string
	raw, shown [][]string
	typ        map[string]string // cell reference -> the t attribute ("" = number)
	formula    map[string]bool
}

func readSheet(t *testing.T, f *excelize.File, path, name string) *sheetView {
	t.Helper()
	v := &sheetView{name: name, typ: map[string]string{}, formula: map[string]bool{}}
	var err error
	if v.raw, err = f.GetRows(name, excelize.Options{RawCellValue: true}); err != nil {
		t.Fatal(err)
	}
	if v.shown, err = f.GetRows(name); err != nil {
		t.Fatal(err)
	}
	idx := slices.Index(f.GetSheetList(), name)
	body, ok := zipEntries(t, path, "xl/worksheets/")[fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1)]
	if !ok {
		t.Fatalf("no worksheet XML for %s", name)
	}
	var ws struct {
		Rows []struct {
			Cells []struct {
				R string  `xml:"r,attr"`
				T string  `xml:"t,attr"`
				F *string `xml:"f"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := xml.Unmarshal([]byte(body), &ws); err != nil {
		t.Fatal(err)
	}
	for _, r := range ws.Rows {
		for _, c := range r.Cells {
			v.typ[c.R] = c.T
			v.formula[c.R] = c.F != nil
		}
	}
	return v
}

func at(rows [][]string, col, row int) string {
	if row-1 < len(rows) && col-1 < len(rows[row-1]) {
		return rows[row-1][col-1]
	}
	return ""
}

// is checks one workbook cell against the CSV's text for it: a number column
// must hold a number cell whose value and shown text (number format applied)
// are the CSV's; a text column a string cell holding the CSV's text without
// its formula guard; an empty CSV cell an empty workbook cell. No cell is a
// formula.
func (v *sheetView) is(t *testing.T, col, row int, want string, number bool) {
	t.Helper()
	ref := cell(col, row)
	raw, shown, typ := at(v.raw, col, row), at(v.shown, col, row), v.typ[ref]
	if v.formula[ref] {
		t.Errorf("%s!%s is a formula", v.name, ref)
	}
	switch {
	case want == "":
		if raw != "" {
			t.Errorf("%s!%s = %q, want an empty cell", v.name, ref, raw)
		}
	case number:
		if typ != "" && typ != "n" {
			t.Errorf("%s!%s has type %q, want a number", v.name, ref, typ)
		}
		w, err := strconv.ParseFloat(want, 64)
		if err != nil {
			t.Fatalf("CSV cell for %s!%s is not a number: %q", v.name, ref, want)
		}
		if g, err := strconv.ParseFloat(raw, 64); err != nil || g != w {
			t.Errorf("%s!%s = %q, want the number %s", v.name, ref, raw, want)
		}
		if shown != want {
			t.Errorf("%s!%s shows %q, the CSV %q", v.name, ref, shown, want)
		}
	default:
		if typ != "s" && typ != "inlineStr" {
			t.Errorf("%s!%s has type %q, want a string", v.name, ref, typ)
		}
		if w := unguard(want); raw != w {
			t.Errorf("%s!%s = %q, want %q", v.name, ref, raw, w)
		}
	}
}

// table checks the rows from firstRow on against a CSV file's data rows
// (header left out); numeric tells the CSV columns that hold numbers.
func (v *sheetView) table(t *testing.T, firstRow int, recs [][]string, numeric func(col string) bool) {
	t.Helper()
	header := recs[0]
	for i, rec := range recs[1:] {
		for c, val := range rec {
			v.is(t, c+1, firstRow+i, val, numeric(header[c]))
		}
	}
}

// TestPackMatchesCSV reads every table of the workbook back with excelize
// and compares it cell by cell with the CSV export of the same session, in
// both languages: the scores sheet with scores.csv, the heatmap with
// opd_dimensions.csv, the summary's dimension table with city_summary.csv
// and the priorities with priorities.csv; the gaps sheet's dimension rows
// with city_summary.csv by key.
func TestPackMatchesCSV(t *testing.T) {
	for _, tc := range packCases {
		for _, lang := range []string{"id", "en"} {
			if tc.name == "scale" && lang == "en" {
				continue
			}
			t.Run(tc.name+"-"+lang, func(t *testing.T) {
				d := tc.data()
				p, csvDir := writeTestPack(t, d, lang)
				f := openBook(t, p.XLSX)
				sheet := func(k string) *sheetView { return readSheet(t, f, p.XLSX, tr(lang, k)) }

				scores := readCSV(t, filepath.Join(csvDir, ScoresFile))
				if n := len(scores) - 1; n != len(d.OPDs)*d.Session.Framework.ItemCount() {
					t.Fatalf("scores.csv has %d rows", n)
				}
				sc := sheet("report.sheet.scores")
				sc.table(t, 2, scores, func(c string) bool {
					return c == "session_id" || c == "stage" || c == "level" || c == "not_applicable"
				})
				if len(sc.raw) != len(scores) {
					t.Errorf("scores sheet has %d rows, scores.csv %d", len(sc.raw), len(scores))
				}

				numbers := func(c string) bool {
					return !slices.Contains([]string{"opd_code", "opd_name", "predikat", "dimension_key", "dimension", "element_key", "element"}, c)
				}
				sheet("report.sheet.heatmap").table(t, 2, readCSV(t, filepath.Join(csvDir, OPDDimensionsFile)), numbers)
				city := readCSV(t, filepath.Join(csvDir, CitySummaryFile))
				sheet("report.sheet.summary").table(t, summaryTableRow+1, city, numbers)
				sheet("report.sheet.priorities").table(t, 2, readCSV(t, filepath.Join(csvDir, PrioritiesFile)), numbers)

				// The gaps sheet's dimension table: rows by key, in gap order.
				byKey := map[string][]string{}
				for _, r := range city[1:] {
					byKey[r[0]] = r
				}
				gs := sheet("report.sheet.gaps")
				for i := range d.Session.Framework.Dimensions {
					row := 3 + i
					key := at(gs.raw, 1, row)
					r, ok := byKey[key]
					if !ok {
						t.Fatalf("%s!A%d = %q, not a dimension key", gs.name, row, key)
					}
					// score, target, gap, n, min, max, stdev
					for j, c := range []int{2, 4, 5, 6, 7, 8, 9} {
						gs.is(t, 3+j, row, r[c], true)
					}
				}
			})
		}
	}
}

// tr is a catalogue string, for naming the sheets in tests.
func tr(lang, key string) string { return newPackModel(testData(), lang).t(key) }

// TestPackTextStaysText: what users typed, however it begins, is a string
// cell in the workbook, never a formula; the workbook has no formula at all.
func TestPackTextStaysText(t *testing.T) {
	d := testData()
	d.Session.City = `=HYPERLINK("http://contoh.invalid","klik")`
	d.Session.Venue = "+62 812-3456-7890"
	d.Session.Facilitator = "@fasilitator"
	d.OPDs[0].Name = "-1+2"
	d.OPDs[1].Code = "=1+1"
	p, _ := writeTestPack(t, d, "id")
	f := openBook(t, p.XLSX)

	sum := readSheet(t, f, p.XLSX, tr("id", "report.sheet.summary"))
	for ref, want := range map[string]string{"B4": d.Session.City, "B7": d.Session.Venue, "B8": d.Session.Facilitator} {
		sum.is(t, col(ref), row(ref), want, false)
	}
	sc := readSheet(t, f, p.XLSX, tr("id", "report.sheet.scores"))
	sc.is(t, 2, 2, d.Session.City, false)
	sc.is(t, 5, 2, "-1+2", false)
	readSheet(t, f, p.XLSX, tr("id", "report.sheet.heatmap")).is(t, 1, 3, "=1+1", false)
	notes := tr("id", "report.sheet.notes")
	found := map[string]bool{}
	rows, _ := f.GetRows(notes)
	for _, r := range rows {
		if len(r) >= 7 {
			found[r[6]] = true
		}
	}
	for _, n := range []string{"+62 812-3456-7890 (Pak Budi)", "@dinkes tanya lagi", "-tidak ada bank sampah", "\tcatatan bertab", "'menunggu kepala dinas"} {
		if !found[n] {
			t.Errorf("note %q is not on the notes sheet as it was typed", n)
		}
	}

	// No sheet of the file holds a formula element.
	for name, body := range zipEntries(t, p.XLSX, "xl/worksheets/") {
		if regexp.MustCompile(`<f[ >]`).MatchString(body) {
			t.Errorf("%s holds a formula", name)
		}
	}
}

func col(ref string) int { c, _, _ := excelize.CellNameToCoordinates(ref); return c }
func row(ref string) int { _, r, _ := excelize.CellNameToCoordinates(ref); return r }

// zipEntries returns the text of the entries under prefix of an .xlsx.
func zipEntries(t *testing.T, path, prefix string) map[string]string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	out := map[string]string{}
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, prefix) {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(b)
	}
	return out
}

// TestPackCharts: the summary sheet carries a native radar chart (city and
// target series over the dimension table) and a bar chart of the gaps.
func TestPackCharts(t *testing.T) {
	p, _ := writeTestPack(t, testData(), "en")
	charts := zipEntries(t, p.XLSX, "xl/charts/chart")
	if len(charts) != 2 {
		t.Fatalf("%d charts, want 2: %v", len(charts), keys(charts))
	}
	var radar, bar string
	for _, c := range charts {
		c = html.UnescapeString(c)
		switch {
		case strings.Contains(c, "<radarChart>"):
			radar = c
		case strings.Contains(c, "<barChart>"):
			bar = c
		}
	}
	first, last := summaryTableRow+1, summaryTableRow+2 // the fixture's two dimensions
	for _, want := range []string{
		fmt.Sprintf("'Summary'!$C$%d:$C$%d", first, last), // city score
		fmt.Sprintf("'Summary'!$E$%d:$E$%d", first, last), // target
		fmt.Sprintf("'Summary'!$B$%d:$B$%d", first, last), // dimension names
	} {
		if !strings.Contains(radar, want) {
			t.Errorf("the radar chart does not read %s", want)
		}
	}
	if want := fmt.Sprintf("'Summary'!$F$%d:$F$%d", first, last); !strings.Contains(bar, want) {
		t.Errorf("the bar chart does not read the gaps %s", want)
	}
	if !strings.Contains(bar, `<barDir val="bar">`) {
		t.Errorf("the gap chart is not a bar chart")
	}
	for _, name := range []string{fmt.Sprintf("'Summary'!$C$%d", summaryTableRow), fmt.Sprintf("'Summary'!$E$%d", summaryTableRow)} {
		if !strings.Contains(radar, "<tx><strRef><f>"+name+"</f>") {
			t.Errorf("a radar series is not named by the header %s (Score, Target)", name)
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestPackSheetFeatures: the heatmap's 3-colour scale over the scores, the
// frozen header and filter of the score table.
func TestPackSheetFeatures(t *testing.T) {
	p, _ := writeTestPack(t, testData(), "id")
	f := openBook(t, p.XLSX)
	hm := tr("id", "report.sheet.heatmap")
	cf, err := f.GetConditionalFormats(hm)
	if err != nil {
		t.Fatal(err)
	}
	// 3 OPDs in rows 2-4; 2 dimensions and the overall in C-E.
	opts, ok := cf["C2:E4"]
	if !ok || len(opts) != 1 || opts[0].Type != "3_color_scale" || opts[0].MinValue != "1" || opts[0].MaxValue != "5" {
		t.Errorf("heatmap conditional formats = %+v, want one 3_color_scale 1..5 on C2:E4", cf)
	}
	sc := tr("id", "report.sheet.scores")
	panes, err := f.GetPanes(sc)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("score sheet panes = %+v, want the header row frozen", panes)
	}
	tables, err := f.GetTables(sc)
	if err != nil {
		t.Fatal(err)
	}
	// 3 OPDs x 6 indicators below the header: A1:P19, with filter buttons.
	if len(tables) != 1 || tables[0].Range != "A1:P19" {
		t.Errorf("score sheet tables = %+v, want one over A1:P19", tables)
	}
	body := zipEntries(t, p.XLSX, "xl/tables/")
	if len(body) != 1 || !strings.Contains(strings.Join(slices.Collect(maps.Values(body)), ""), `<autoFilter ref="A1:P19"`) {
		t.Errorf("the score table has no filter over A1:P19: %v", body)
	}
}

// TestPackSaysWhatIsMissing: an empty and a partly answered session give a
// report whose summary and page say what is missing, and whose numbers are
// empty where nothing was answered.
func TestPackSaysWhatIsMissing(t *testing.T) {
	cases := []struct {
		name string
		data *workshop.Data
		want []string // sentences on the summary sheet and the page
	}{
		{"empty", emptyData(), []string{
			"Belum ada isian yang terjawab (0 dari 12): semua skor di laporan ini masih kosong.",
			"OPD yang belum lengkap (terjawab/isian): DISKOMINFO 0/6, BAPPEDA 0/6",
		}},
		{"partial", partialData(), []string{
			// in scope: 3 present OPDs and the absent DINKES, which answered:
			// 4 x 6 items = 24; answered: DISKOMINFO gov-1..3, BAPPEDA gov-1
			// and gov-3 (gov-2 holds a note only), DINKES gov-1 and gov-3
			"17 dari 24 isian belum terjawab; skor dihitung dari isian yang sudah ada.",
			"Dimensi tanpa skor: Smart Environment.",
			"OPD yang belum lengkap (terjawab/isian): DISKOMINFO 3/6, BAPPEDA 2/6, DINKES 2/6, DISHUB 0/6",
		}},
		{"nobody present, nothing answered", func() *workshop.Data {
			d := emptyData()
			for i := range d.OPDs {
				d.OPDs[i].Present = false
			}
			return d
		}(), []string{"Belum ada OPD yang hadir atau menjawab (sesi ini punya 3 OPD), jadi belum ada skor kota."}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, _ := writeTestPack(t, tc.data, "id")
			f := openBook(t, p.XLSX)
			rows, _ := f.GetRows(tr("id", "report.sheet.summary"))
			var sheetText []string
			for _, r := range rows {
				sheetText = append(sheetText, strings.Join(r, " "))
			}
			page, err := os.ReadFile(p.HTML)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				// The waiting list is one line on the page; on the sheet it is
				// a table.
				if !strings.HasPrefix(w, "OPD yang belum") && !slices.Contains(sheetText, w) {
					t.Errorf("summary sheet does not say %q:\n%s", w, strings.Join(sheetText, "\n"))
				}
				if !strings.Contains(string(page), w) {
					t.Errorf("page does not say %q", w)
				}
			}
			if tc.name == "empty" {
				if v, _ := f.GetCellValue(tr("id", "report.sheet.summary"), "B11"); v != "belum ada skor" {
					t.Errorf("index cell = %q, want the sentence for no score", v)
				}
				if !strings.Contains(string(page), `<div class="big">–</div>`) {
					t.Errorf("the page shows an index for an empty session")
				}
			}
		})
	}
}

// TestPackNames: the files are named after the city and the tahap, and the
// default folder after them too, in the report language.
func TestPackNames(t *testing.T) {
	d := testData()
	p, err := WritePack(t.TempDir(), d, "en")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(p.XLSX) != "kota-bandung-tahap1.xlsx" || filepath.Base(p.HTML) != "kota-bandung-tahap1.html" {
		t.Errorf("files = %v", p.Files())
	}
	assertOnly(t, p.Dir, "kota-bandung-tahap1.html", "kota-bandung-tahap1.xlsx")
	now := time.Date(2025, 3, 4, 15, 30, 0, 0, time.UTC)
	if got, want := DefaultPackDir("/base", d, "id", now), filepath.Join("/base", "laporan-kota-bandung-tahap1-7-20250304-1530"); got != want {
		t.Errorf("DefaultPackDir id = %q, want %q", got, want)
	}
	if got, want := DefaultPackDir("/base", d, "en", now), filepath.Join("/base", "report-kota-bandung-tahap1-7-20250304-1530"); got != want {
		t.Errorf("DefaultPackDir en = %q, want %q", got, want)
	}
	if _, err := WritePack(t.TempDir(), d, "fr"); err == nil {
		t.Errorf("an unknown language was accepted")
	}
	if _, err := WritePack(t.TempDir(), &workshop.Data{}, "id"); err == nil {
		t.Errorf("a session without framework was accepted")
	}
}

// TestPackFullDisk: a pack that fails on a full disk (the workbook or the
// page) says so, leaves an older pack of the same folder as it was, and
// leaves nothing else behind.
func TestPackFullDisk(t *testing.T) {
	for _, n := range []int{0, 1} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "pack")
			if _, err := WritePack(dir, testData(), "id"); err != nil {
				t.Fatal(err)
			}
			before := folderContent(t, dir)
			_, err := writePack(dir, partialData(), "en", &failingFS{n: n, step: "write"})
			var full *DiskFullError
			if !errors.As(err, &full) || full.Dir != dir {
				t.Fatalf("pack on a full disk: %v, want a *DiskFullError for %s", err, dir)
			}
			if after := folderContent(t, dir); !sameContent(before, after) {
				t.Errorf("the older pack changed")
			}
			assertOnly(t, parent, "pack")
		})
	}
}
