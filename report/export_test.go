package report

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/workshop"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var allFiles = []string{ScoresFile, OPDDimensionsFile, CitySummaryFile, PrioritiesFile}

// exportFixture exports testData into a fresh folder and returns the folder.
func exportFixture(t *testing.T, opt Options) (Result, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out")
	res, err := Export(dir, testData(), opt)
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	return res, dir
}

// TestExportGolden compares all four files, in both flavours and both
// languages, with testdata/<flavour>-<lang>/. Run with -update to rewrite
// them and review the diff.
func TestExportGolden(t *testing.T) {
	for _, excel := range []bool{false, true} {
		for _, lang := range []string{"id", "en"} {
			flavour := "plain"
			if excel {
				flavour = "excel"
			}
			t.Run(flavour+"-"+lang, func(t *testing.T) {
				res, dir := exportFixture(t, Options{Excel: excel, Lang: lang})
				want := make([]string, len(allFiles))
				for i, name := range allFiles {
					want[i] = filepath.Join(dir, name)
				}
				if !reflect.DeepEqual(res.Files, want) || res.Dir != dir {
					t.Fatalf("Result = %+v, want dir %s and files %v", res, dir, want)
				}
				for _, name := range allFiles {
					got, err := os.ReadFile(filepath.Join(dir, name))
					if err != nil {
						t.Fatal(err)
					}
					golden := filepath.Join("testdata", flavour+"-"+lang, name)
					if *update {
						if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
							t.Fatal(err)
						}
						if err := os.WriteFile(golden, got, 0o644); err != nil {
							t.Fatal(err)
						}
						continue
					}
					want, err := os.ReadFile(golden)
					if err != nil {
						t.Fatalf("%v (run go test ./report -update to create it)", err)
					}
					if !bytes.Equal(got, want) {
						t.Errorf("%s differs from %s:\n%s", name, golden, firstDiff(got, want))
					}
				}
			})
		}
	}
}

// firstDiff shows the first differing line of two files.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + "\n got: " + strconv.Quote(gl) + "\nwant: " + strconv.Quote(wl)
		}
	}
	return "(same lines, different bytes)"
}

// readCSV parses an exported file in either flavour.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, utf8BOM)))
	if hasBOM(b) {
		r.Comma = ';'
	}
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// TestExportNumbers checks opd_dimensions.csv and city_summary.csv against
// numbers worked out by hand for testData (see fixture_test.go).
//
// Per OPD (weighted means, N/A and unanswered left out):
//
//	DISKOMINFO  layanan = (4*1 + 3*3)/4 = 3.25; birokrasi = 5
//	            governance = (3.25*1 + 5*2)/3 = 4.41666.. -> 4.42
//	            sampah: only N/A, no score; energi = env-2 = 2 (env-3 unanswered)
//	            environment = 2 -> 2.00
//	            overall = (4.41666..*2 + 2*1)/3 = 3.61111.. -> 3.61 Sangat Baik
//	            completion = 5 of 6 (env-1 N/A counts, env-3 not) = 0.83
//	BAPPEDA     layanan = gov-1 = 2 (gov-2 has a note only); birokrasi = 3
//	            governance = (2*1 + 3*2)/3 = 2.66666.. -> 2.67
//	            sampah = 4; energi: N/A and unanswered, no score
//	            environment = 4 -> 4.00
//	            overall = (2.66666..*2 + 4)/3 = 3.11111.. -> 3.11 Baik
//	            completion = 4 of 6 = 0.67
//	DINKES      governance = 1 (layanan 1, birokrasi 1) -> 1.00
//	(absent)    energi = (4*1 + 2*2)/3 = 2.66666..; environment = (5 + 2.66666..)/2 = 3.83333.. -> 3.83
//	            overall = (1*2 + 3.83333..)/3 = 1.94444.. -> 1.94 Cukup
//	            completion = 5 of 6 = 0.83
//
// City, over the OPDs in scope: DISKOMINFO and BAPPEDA (present) and
// DINKES, absent today but with answers, which still count (DESIGN 3):
//
//	governance  mean (4.41666.. + 2.66666.. + 1)/3 = 2.69444.. -> 2.69 Baik
//	            target 3.5 (session, not the framework's 4.0); gap 3.5 - 2.69444.. = 0.80555.. -> 0.81
//	            min 1.00, max 4.42; deviations 1.72222.., -0.02777.., -1.69444..;
//	            population stdev = sqrt(5.83796../3) = 1.39499.. -> 1.39
//	            completion (3 + 2 + 2) of (3 OPDs x 3 items) = 7/9 -> 0.78
//	environment mean (2 + 4 + 3.83333..)/3 = 3.27777.. -> 3.28 Baik; target 3.00; gap -0.27777.. -> -0.28
//	            min 2.00, max 4.00; deviations -1.27777.., 0.72222.., 0.55555..;
//	            stdev sqrt(2.46296../3) = 0.90609.. -> 0.91; completion (2 + 2 + 3) of 9 -> 0.78
//	index       (2.69444..*2 + 3.27777..*1)/3 = 2.88888.. -> 2.89 Baik
//	            target (3.5*2 + 3*1)/3 = 3.33333.. -> 3.33; gap 0.44444.. -> 0.44
//	            overall scores 3.61111.., 3.11111.., 1.94444..: n 3, min 1.94, max 3.61,
//	            mean 2.88888..; stdev sqrt(1.46296../3) = 0.69832.. -> 0.70
//	            completion 14 of 18 = 0.77777.. -> 0.78
//
// Priorities (marking order), city element means over the OPDs in scope:
//
//	sampah      BAPPEDA 4, DINKES 5 (DISKOMINFO only N/A): 4.50; target 3.00; gap -1.50
//	layanan     (3.25 + 2 + 1)/3 = 2.08333.. -> 2.08; target 3.50; gap 1.41666.. -> 1.42
func TestExportNumbers(t *testing.T) {
	cases := []struct {
		file  string
		excel bool
		want  [][]string
	}{
		{OPDDimensionsFile, false, [][]string{
			{"opd_code", "opd_name", "governance", "environment", "overall", "predikat", "completion"},
			{"DISKOMINFO", "Dinas Komunikasi dan Informatika", "4.42", "2.00", "3.61", "Sangat Baik", "0.83"},
			{"BAPPEDA", "'=Badan Perencanaan Pembangunan Daerah", "2.67", "4.00", "3.11", "Baik", "0.67"},
			{"DINKES", "Dinas Kesehatan ꦢꦶꦤꦱ꧀ ꦏꦺꦱꦺꦲꦠꦤ꧀", "1.00", "3.83", "1.94", "Cukup", "0.83"},
		}},
		{CitySummaryFile, false, [][]string{
			{"dimension_key", "dimension", "score", "predikat", "target", "gap", "n_opd", "min", "max", "stdev", "completion"},
			{"governance", "Smart Governance", "2.69", "Baik", "3.50", "0.81", "3", "1.00", "4.42", "1.39", "0.78"},
			{"environment", "Smart Environment", "3.28", "Baik", "3.00", "-0.28", "3", "2.00", "4.00", "0.91", "0.78"},
			{"index", "Indeks kota", "2.89", "Baik", "3.33", "0.44", "3", "1.94", "3.61", "0.70", "0.78"},
		}},
		{PrioritiesFile, false, [][]string{
			{"dimension_key", "dimension", "element_key", "element", "score", "target", "gap"},
			{"environment", "Smart Environment", "sampah", "Tata Kelola Sampah dan Limbah", "4.50", "3.00", "-1.50"},
			{"governance", "Smart Governance", "layanan", "Layanan Publik", "2.08", "3.50", "1.42"},
		}},
		{CitySummaryFile, true, [][]string{
			{"dimension_key", "dimension", "score", "predikat", "target", "gap", "n_opd", "min", "max", "stdev", "completion"},
			{"governance", "Smart Governance", "2,69", "Baik", "3,50", "0,81", "3", "1,00", "4,42", "1,39", "0,78"},
			{"environment", "Smart Environment", "3,28", "Baik", "3,00", "-0,28", "3", "2,00", "4,00", "0,91", "0,78"},
			{"index", "Indeks kota", "2,89", "Baik", "3,33", "0,44", "3", "1,94", "3,61", "0,70", "0,78"},
		}},
	}
	for _, c := range cases {
		name := c.file
		if c.excel {
			name += "/excel"
		}
		t.Run(name, func(t *testing.T) {
			_, dir := exportFixture(t, Options{Excel: c.excel})
			got := readCSV(t, filepath.Join(dir, c.file))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("%s:\n got %q\nwant %q", c.file, got, c.want)
			}
		})
	}
}

// TestExportEmptyScores: a session with nobody present and nothing answered
// gives empty score cells, never zeros.
func TestExportEmptyScores(t *testing.T) {
	d := testData()
	d.Scores = nil
	for i := range d.OPDs {
		d.OPDs[i].Present = false
	}
	dir := t.TempDir()
	if _, err := Export(dir, d, Options{}); err != nil {
		t.Fatal(err)
	}
	wantCity := [][]string{
		{"dimension_key", "dimension", "score", "predikat", "target", "gap", "n_opd", "min", "max", "stdev", "completion"},
		{"governance", "Smart Governance", "", "", "3.50", "", "0", "", "", "", ""},
		{"environment", "Smart Environment", "", "", "3.00", "", "0", "", "", "", ""},
		{"index", "Indeks kota", "", "", "3.33", "", "0", "", "", "", ""},
	}
	if got := readCSV(t, filepath.Join(dir, CitySummaryFile)); !reflect.DeepEqual(got, wantCity) {
		t.Errorf("city_summary:\n got %q\nwant %q", got, wantCity)
	}
	opd := readCSV(t, filepath.Join(dir, OPDDimensionsFile))
	if want := []string{"DISKOMINFO", "Dinas Komunikasi dan Informatika", "", "", "", "", "0.00"}; !reflect.DeepEqual(opd[1], want) {
		t.Errorf("opd_dimensions row = %q, want %q", opd[1], want)
	}
	scores := readCSV(t, filepath.Join(dir, ScoresFile))
	if len(scores) != 1+3*6 {
		t.Fatalf("scores.csv has %d records, want a header and 18 rows", len(scores))
	}
	for _, r := range scores[1:] {
		if r[11] != "" || r[12] != "" || r[13] != "0" || r[14] != "" || r[15] != "" {
			t.Errorf("unanswered row = %q, want empty level, label, note, time and not_applicable 0", r)
		}
	}
}

// TestExportFlavours checks the byte-level promises of each flavour.
func TestExportFlavours(t *testing.T) {
	cases := []struct {
		excel   bool
		bom     bool
		header  string
		someRow string
	}{
		{false, false, "session_id,city,stage,opd_code,opd_name,dimension_key,", "7,Kota Bandung,1,BAPPEDA,'=Badan Perencanaan Pembangunan Daerah,governance,Smart Governance,birokrasi,Manajemen Birokrasi,gov-3,Reformasi birokrasi,3,Terdefinisi,0,'+62 812-3456-7890 (Pak Budi),2025-03-04T03:02:00Z\r\n"},
		{true, true, "session_id;city;stage;opd_code;opd_name;dimension_key;", "7;Kota Bandung;1;BAPPEDA;'=Badan Perencanaan Pembangunan Daerah;governance;Smart Governance;birokrasi;Manajemen Birokrasi;gov-3;Reformasi birokrasi;3;Terdefinisi;0;'+62 812-3456-7890 (Pak Budi);2025-03-04T03:02:00Z\r\n"},
	}
	for _, c := range cases {
		_, dir := exportFixture(t, Options{Excel: c.excel})
		for _, name := range allFiles {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			if hasBOM(b) != c.bom {
				t.Errorf("excel=%v %s: BOM = %v, want %v", c.excel, name, hasBOM(b), c.bom)
			}
			body := string(bytes.TrimPrefix(b, utf8BOM))
			// Every record ends in CRLF; bare LF only inside the quoted note.
			if !strings.HasSuffix(body, "\r\n") || strings.Count(body, "\n") != strings.Count(body, "\r\n") {
				t.Errorf("excel=%v %s: line ends are not all CRLF", c.excel, name)
			}
		}
		b, _ := os.ReadFile(filepath.Join(dir, ScoresFile))
		body := string(bytes.TrimPrefix(b, utf8BOM))
		if !strings.HasPrefix(body, c.header) {
			t.Errorf("excel=%v: header starts %q, want %q", c.excel, body[:len(c.header)], c.header)
		}
		if !strings.Contains(body, c.someRow) {
			t.Errorf("excel=%v: scores.csv lacks the row %q", c.excel, c.someRow)
		}
	}
}

func TestExportLanguage(t *testing.T) {
	_, dir := exportFixture(t, Options{Lang: "en"})
	scores := readCSV(t, filepath.Join(dir, ScoresFile))
	if !reflect.DeepEqual(scores[0], scoresHeader) {
		t.Errorf("English header = %q, want the same column names %q", scores[0], scoresHeader)
	}
	// DISKOMINFO gov-1, then env-3 whose English name is empty (falls back).
	if got := scores[1][6:13]; !reflect.DeepEqual(got, []string{"Smart Governance", "layanan", "Public Service", "gov-1", "Online public services", "4", "Integrated and Measured"}) {
		t.Errorf("English row = %q", got)
	}
	if got := scores[6][10]; got != "Efisiensi energi" {
		t.Errorf("env-3 name in English = %q, want the Indonesian fallback", got)
	}
	city := readCSV(t, filepath.Join(dir, CitySummaryFile))
	if got := city[3][:4]; !reflect.DeepEqual(got, []string{"index", "City index", "2.89", "Good"}) {
		t.Errorf("English index row = %q", got)
	}
}

func TestExportRejects(t *testing.T) {
	d := testData()
	noFramework := testData()
	noFramework.Session.Framework = nil
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		dir  string
		d    *workshop.Data
		opt  Options
		want string
	}{
		{"unknown language", t.TempDir(), d, Options{Lang: "fr"}, `unknown language "fr"`},
		{"no framework", t.TempDir(), noFramework, Options{}, "no framework"},
		{"nil data", t.TempDir(), nil, Options{}, "no framework"},
		{"folder under a file", filepath.Join(file, "out", "x"), d, Options{}, "create the export folder"},
		{"the folder is a file", file, d, Options{}, "not a directory"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Export(c.dir, c.d, c.opt)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Export error = %v, want one containing %q", err, c.want)
			}
		})
	}
}

// TestExportOverwrites: a second export into the same folder replaces the
// older export whole and leaves nothing else beside it.
func TestExportOverwrites(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	d := testData()
	if _, err := Export(dir, d, Options{}); err != nil {
		t.Fatal(err)
	}
	d.Session.City = "Kota Cimahi"
	if _, err := Export(dir, d, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := readCSV(t, filepath.Join(dir, ScoresFile))[1][1]; got != "Kota Cimahi" {
		t.Errorf("city after the second export = %q", got)
	}
	assertOnly(t, dir, allFiles...)
	assertOnly(t, parent, "out")
}

// assertOnly fails unless dir holds exactly the named files.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := append([]string(nil), names...)
	if len(want) == 0 {
		want = nil
	}
	slices.Sort(got)
	slices.Sort(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

func TestTextGuard(t *testing.T) {
	cases := []struct{ in, out string }{
		{"Bappeda", "Bappeda"},
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"+62 812", "'+62 812"},
		{"-tidak ada", "'-tidak ada"},
		{"@dinkes", "'@dinkes"},
		{"\tbertab", "'\tbertab"},
		{"\rbaris", "'\nbaris"}, // CR becomes LF, then guarded
		{"\nbaris", "'\nbaris"},
		{"'kutip", "''kutip"}, // so that the import can tell the guard from the text
		{"a=b", "a=b"},
		{"it's", "it's"},
		{"satu\r\ndua\rtiga", "satu\ndua\ntiga"},
		{"", ""},
		{"ꦢꦶꦤꦱ꧀", "ꦢꦶꦤꦱ꧀"},
	}
	for _, c := range cases {
		if got := text(c.in); got != c.out {
			t.Errorf("text(%q) = %q, want %q", c.in, got, c.out)
		}
		back := strings.ReplaceAll(strings.ReplaceAll(c.in, "\r\n", "\n"), "\r", "\n")
		if got := unguard(text(c.in)); got != back {
			t.Errorf("unguard(text(%q)) = %q, want %q", c.in, got, back)
		}
	}
}

func TestFormatNum(t *testing.T) {
	cases := []struct {
		x     float64
		excel bool
		want  string
	}{
		{3.541666666, false, "3.54"},
		{2.625, false, "2.63"},
		{4.195, false, "4.20"},
		{-0.041666, false, "-0.04"},
		{-0.041666, true, "-0,04"},
		{-0.001, false, "0.00"}, // no "-0.00"
		{-0.005, false, "-0.01"},
		{0, true, "0,00"},
		{5, false, "5.00"},
	}
	for _, c := range cases {
		if got := formatNum(c.x, c.excel); got != c.want {
			t.Errorf("formatNum(%v, excel=%v) = %q, want %q", c.x, c.excel, got, c.want)
		}
	}
}

func TestDefaultDir(t *testing.T) {
	now := time.Date(2025, 3, 4, 16, 5, 0, 0, time.FixedZone("WIB", 7*3600))
	cases := []struct {
		city  string
		stage int
		id    int64
		want  string
	}{
		{"Kota Bandung", 1, 7, "bimtek-kota-bandung-tahap1-7-20250304-1605"},
		{"Kab. Bandung Barat", 2, 12, "bimtek-kab-bandung-barat-tahap2-12-20250304-1605"},
		{"  Kota   Pématangsiantar!! ", 3, 1, "bimtek-kota-pematangsiantar-tahap3-1-20250304-1605"},
		{"ꦔꦪꦺꦴꦒꦾꦏꦂꦠ", 4, 2, "bimtek-kota-tahap4-2-20250304-1605"},
		{"", 1, 3, "bimtek-kota-tahap1-3-20250304-1605"},
		{strings.Repeat("Sangat Panjang ", 10), 1, 4, "bimtek-sangat-panjang-sangat-panjang-sangat-tahap1-4-20250304-1605"},
	}
	for _, c := range cases {
		d := &workshop.Data{Session: workshop.Session{ID: c.id, City: c.city, Stage: c.stage}}
		got := DefaultDir("exports", d, now)
		if want := filepath.Join("exports", c.want); got != want {
			t.Errorf("DefaultDir(%q) = %q, want %q", c.city, got, want)
		}
	}
}
