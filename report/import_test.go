package report

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/i18n"
	"github.com/bimtek/bimtek/workshop"
)

// TestRoundTrip: export, then ParseScores of scores.csv gives back exactly
// the stored rows (levels, N/A, notes with guards, quotes and line breaks,
// times in UTC), and an empty row for every cell that was never written.
// The fixture's note that starts with a tab (for the export's guard) is one
// an import refuses like a typed one, so it is left out here.
func TestRoundTrip(t *testing.T) {
	for _, opt := range []Options{{}, {Excel: true}, {Lang: "en"}, {Excel: true, Lang: "en"}} {
		d := importableData()
		dir := filepath.Join(t.TempDir(), "out")
		if _, err := Export(dir, d, opt); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, ScoresFile))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := ParseScores(ScoresFile, b, d.Session.Framework, d.OPDs)
		if err != nil {
			t.Fatalf("%+v: ParseScores: %v", opt, err)
		}
		if want := len(d.OPDs) * d.Session.Framework.ItemCount(); len(rows) != want {
			t.Fatalf("%+v: %d rows, want one per OPD x indicator (%d)", opt, len(rows), want)
		}
		stored := map[pair]workshop.ScoreRow{}
		codes := map[int64]string{}
		for _, o := range d.OPDs {
			codes[o.ID] = o.Code
		}
		for _, r := range d.Scores {
			r.UpdatedAt = r.UpdatedAt.UTC()
			stored[pair{codes[r.OPDID], r.IndicatorKey}] = r
		}
		found := 0
		for _, r := range rows {
			want, ok := stored[pair{codes[r.OPDID], r.IndicatorKey}]
			if ok {
				found++
			} else {
				want = workshop.ScoreRow{OPDID: r.OPDID, IndicatorKey: r.IndicatorKey}
			}
			if !reflect.DeepEqual(r, want) {
				t.Errorf("%+v: row %s/%s\n got %+v\nwant %+v", opt, codes[r.OPDID], r.IndicatorKey, r, want)
			}
		}
		if found != len(d.Scores) {
			t.Errorf("%+v: %d of %d stored rows came back", opt, found, len(d.Scores))
		}
	}
}

// A minimal valid file for the error cases: line numbers are what the cases
// say. Line 3's note spans two lines, so DISKOMINFO gov-3 is on line 5.
const importBase = "opd_code,indicator_key,level,not_applicable,note\r\n" + // 1
	"DISKOMINFO,gov-1,4,0,\r\n" + // 2
	"DISKOMINFO,gov-2,3,0,\"dua\r\nbaris\"\r\n" + // 3-4
	"DISKOMINFO,gov-3,5,0,\r\n" // 5

func TestParseScoresProblems(t *testing.T) {
	d := testData()
	type want struct {
		line int
		msg  string
	}
	cases := []struct {
		name string
		data string
		want []want
	}{
		{"level above the scale", importBase + "BAPPEDA,gov-1,7,0,\r\n", []want{{6, `level "7" is not on the scale 1-5`}}},
		{"level zero", importBase + "BAPPEDA,gov-1,0,0,\r\n", []want{{6, `level "0" is not on the scale 1-5`}}},
		{"level not a number", importBase + "BAPPEDA,gov-1,tiga,0,\r\n", []want{{6, `level "tiga" is not on the scale`}}},
		{"unknown OPD", importBase + "DISHUB,gov-1,3,0,\r\n", []want{{6, `OPD code "DISHUB" is not in this session`}}},
		{"empty OPD code", importBase + ",gov-1,3,0,\r\n", []want{{6, "opd_code is empty"}}},
		{"unknown indicator", importBase + "BAPPEDA,gov-9,3,0,\r\n", []want{{6, `indicator key "gov-9" is not in the session's framework`}}},
		{"duplicate pair", importBase + "DISKOMINFO,gov-2,2,0,\r\n", []want{{6, "already appear on line 3"}}},
		{"bad not_applicable", importBase + "BAPPEDA,env-1,,mungkin,\r\n", []want{{6, `not_applicable value "mungkin" is not understood`}}},
		{"N/A with a level", importBase + "BAPPEDA,env-1,3,1,\r\n", []want{{6, "marked not applicable and also has a level"}}},
		{"short row", importBase + "BAPPEDA,env-1,3\r\n", []want{{6, "the row has 3 cells but the header has 5"}}},
		{"unquoted separator in a note", importBase + "BAPPEDA,env-1,3,0,satu, dua\r\n", []want{{6, "the row has 6 cells"}}},
		{"broken quote", importBase + "BAPPEDA,env-1,3,0,kata \"kutip\r\n", []want{{6, "quoting is broken"}}},
		{"missing column", "opd_code,level\r\nBAPPEDA,3\r\n", []want{{1, "column indicator_key is missing"}}},
		{"column twice", "opd_code,indicator_key,level,level\r\nBAPPEDA,gov-1,3,3\r\n", []want{{1, "column level appears twice"}}},
		{"empty file", "", []want{{1, "the file is empty"}}},
		{"only a header", "opd_code,indicator_key,level\r\n", []want{{2, "a header but no rows of scores"}}},
		{"only a header and blank lines", "opd_code,indicator_key,level\r\n,,\r\n\r\n", []want{{2, "a header but no rows of scores"}}},
		{"a tab in a note", importBase + "BAPPEDA,env-1,3,0,\"satu\tdua\"\r\n", []want{{6, "control character"}}},
		{"an escape sequence in a note", importBase + "BAPPEDA,env-1,3,0,\"\x1b]0;PWNED\a\"\r\n", []want{{6, "control character"}}},
		{"only a BOM", "\xEF\xBB\xBF", []want{{1, "the file is empty"}}},
		{"UTF-16", "\xFF\xFEo\x00p\x00", []want{{1, "UTF-16"}}},
		{"not UTF-8 (ANSI)", importBase + "BAPPEDA,gov-1,3,0,Cat\xe9\r\n", []want{{6, "not UTF-8"}}},
		{"every problem at once", importBase +
			"BAPPEDA,gov-1,9,0,\r\n" + // 6
			"\r\n" + // 7: blank, skipped
			"DISHUB,gov-1,3,0,\r\n" + // 8
			"BAPPEDA,gov-7,x,ya,\r\n" + // 9: unknown key, bad level, N/A with level
			"DISKOMINFO,gov-1,,1,\r\n", // 10: duplicate of line 2
			[]want{
				{6, `level "9"`},
				{8, `OPD code "DISHUB"`},
				{9, `indicator key "gov-7"`},
				{9, `level "x"`},
				{9, "also has a level"},
				{10, "already appear on line 2"},
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, err := ParseScores("nilai.csv", []byte(c.data), d.Session.Framework, d.OPDs)
			if rows != nil {
				t.Errorf("rows = %v, want none (all or nothing)", rows)
			}
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("error = %v, want an *ImportError", err)
			}
			if len(ie.Problems) != len(c.want) {
				t.Fatalf("problems = %v, want %d", ie.Problems, len(c.want))
			}
			for i, w := range c.want {
				p := ie.Problems[i]
				if p.Line != w.line || !strings.Contains(p.In("en"), w.msg) {
					t.Errorf("problem %d = %v, want line %d with %q", i, p, w.line, w.msg)
				}
			}
			if !strings.HasPrefix(err.Error(), "nilai.csv ") {
				t.Errorf("error text %q does not name the file", err)
			}
		})
	}
}

func TestParseScoresAccepts(t *testing.T) {
	d := testData()
	at := time.Date(2025, 3, 4, 2, 15, 0, 0, time.UTC)
	cases := []struct {
		name string
		data string
		want []workshop.ScoreRow
	}{
		{
			"columns in another order, extras ignored, minimal set",
			"catatan,LEVEL, indicator_key ,opd_code\r\nx,4,gov-1,DISKOMINFO\r\n",
			[]workshop.ScoreRow{{OPDID: idKominfo, IndicatorKey: "gov-1", Answer: workshop.Answer{Level: 4}}},
		},
		{
			"Excel flavour with BOM, ';' and spaces around values",
			"\xEF\xBB\xBFopd_code;indicator_key;level;not_applicable;note;updated_at\r\n" +
				" BAPPEDA ;gov-3; 3 ;0;'+62 812;2025-03-04T02:15:00Z\r\n" +
				"BAPPEDA;env-1;;ya;;\r\n",
			[]workshop.ScoreRow{
				{OPDID: idBappeda, IndicatorKey: "gov-3", Answer: workshop.Answer{Level: 3}, Note: "+62 812", UpdatedAt: at},
				{OPDID: idBappeda, IndicatorKey: "env-1", Answer: workshop.Answer{NA: true}},
			},
		},
		{
			"not_applicable spellings, empty level clears, blank lines skipped",
			"opd_code,indicator_key,level,not_applicable\n" +
				"DINKES,gov-1,,TRUE\n" +
				",,,\n" +
				"DINKES,gov-2,2,tidak\n" +
				"DINKES,gov-3,,\n" +
				"DINKES,env-1,5,false\n",
			[]workshop.ScoreRow{
				{OPDID: idDinkes, IndicatorKey: "gov-1", Answer: workshop.Answer{NA: true}},
				{OPDID: idDinkes, IndicatorKey: "gov-2", Answer: workshop.Answer{Level: 2}},
				{OPDID: idDinkes, IndicatorKey: "gov-3"},
				{OPDID: idDinkes, IndicatorKey: "env-1", Answer: workshop.Answer{Level: 5}},
			},
		},
		{
			"updated_at that Excel reformatted is ignored, guards undone in keys and notes",
			"opd_code,indicator_key,level,note,updated_at\r\n" +
				"DISKOMINFO,gov-2,1,''kutip,04/03/2025 9:15\r\n" +
				"DISKOMINFO,gov-3,2,'=1+1,\r\n",
			[]workshop.ScoreRow{
				{OPDID: idKominfo, IndicatorKey: "gov-2", Answer: workshop.Answer{Level: 1}, Note: "'kutip"},
				{OPDID: idKominfo, IndicatorKey: "gov-3", Answer: workshop.Answer{Level: 2}, Note: "=1+1"},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, err := ParseScores("nilai.csv", []byte(c.data), d.Session.Framework, d.OPDs)
			if err != nil {
				t.Fatalf("ParseScores: %v", err)
			}
			if !reflect.DeepEqual(rows, c.want) {
				t.Errorf("rows\n got %+v\nwant %+v", rows, c.want)
			}
		})
	}
}

func TestImportErrorText(t *testing.T) {
	one := &ImportError{Name: "a.csv", Problems: []Problem{{Line: 4, Code: "import.level_not_scale", Args: []any{"7", "1-5"}}}}
	if got, want := one.Error(), `a.csv line 4: the level "7" is not on the scale 1-5; use one of those levels or leave it empty; nothing was imported`; got != want {
		t.Errorf("one problem: %q\nwant %q", got, want)
	}
	two := &ImportError{Name: "a.csv", Problems: []Problem{{Line: 4, Code: "import.opd_code_empty"}, {Line: 9, Code: "import.empty"}}}
	if got, want := two.Error(), "a.csv has 2 problems, nothing was imported: line 4: the opd_code is empty; fill in the code of an OPD of this session; line 9: the file is empty; export the scores first and fill in that file"; got != want {
		t.Errorf("two problems: %q\nwant %q", got, want)
	}
}

// Every import problem is in the catalogue: each code import.go names has
// an entry (whose two languages TestCatalogue holds to the same verbs).
func TestImportProblemsTranslated(t *testing.T) {
	src, err := os.ReadFile("import.go")
	if err != nil {
		t.Fatal(err)
	}
	codes := regexp.MustCompile(`"(import\.[a-z0-9_.]+)"`).FindAllStringSubmatch(string(src), -1)
	for _, m := range codes {
		if !i18n.Has(m[1]) {
			t.Errorf("%s is not in the catalogue", m[1])
		}
	}
	if len(codes) < 15 {
		t.Fatalf("found only %d problem codes in import.go; the pattern is out of date", len(codes))
	}
}
