package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// TestReadScoresLineEnds: the same file with CR LF, LF or CR-only line ends
// (old Mac Excel) gives the same rows, and a problem the same line number.
func TestReadScoresLineEnds(t *testing.T) {
	d := testData()
	lines := []string{
		"opd_code,indicator_key,level,not_applicable,note",
		"DISKOMINFO,gov-1,4,0,",
		`BAPPEDA,gov-2,3,0,"dua` + "\n" + `baris"`,
		"DINKES,env-1,,1,",
	}
	var want []ImportRow
	for _, end := range []string{"\r\n", "\n", "\r"} {
		data := strings.ReplaceAll(strings.Join(lines, "\n")+"\n", "\n", end)
		sf, err := ReadScores("nilai.csv", []byte(data), d.Session.Framework, d.OPDs)
		if err != nil {
			t.Fatalf("%q line ends: %v", end, err)
		}
		if len(sf.Rows) != 3 {
			t.Fatalf("%q line ends: %d rows, want 3", end, len(sf.Rows))
		}
		if want == nil {
			want = sf.Rows
			if got := []int{want[0].Line, want[1].Line, want[2].Line}; !reflect.DeepEqual(got, []int{2, 3, 5}) {
				t.Errorf("lines %v, want [2 3 5]", got)
			}
			if want[1].Note != "dua\nbaris" {
				t.Errorf("the two-line note reads %q", want[1].Note)
			}
		} else if !reflect.DeepEqual(sf.Rows, want) {
			t.Errorf("%q line ends give\n%+v\nwant %+v", end, sf.Rows, want)
		}

		bad := strings.ReplaceAll(strings.Join(append(lines, "DINKES,gov-9,2,0,"), "\n")+"\n", "\n", end)
		_, err = ReadScores("nilai.csv", []byte(bad), d.Session.Framework, d.OPDs)
		var ie *ImportError
		if !errors.As(err, &ie) || len(ie.Problems) != 1 || ie.Problems[0].Line != 6 {
			t.Errorf("%q line ends: a bad last row gives %v, want one problem on line 6", end, err)
		}
	}
}

// TestProblemsGrouped: 180 rows naming one unknown OPD are one problem with
// 180 lines; another problem stays its own.
func TestProblemsGrouped(t *testing.T) {
	d := testData()
	var b strings.Builder
	b.WriteString("opd_code,indicator_key,level\n")
	keys := []string{"gov-1", "gov-2", "gov-3", "env-1", "env-2", "env-3"}
	for i := range 180 {
		fmt.Fprintf(&b, "DISHUB%d,%s,3\n", i/len(keys), keys[i%len(keys)])
	}
	// every DISHUBn is its own code: 30 codes of 6 rows each
	b.WriteString("BAPPEDA,gov-1,9\n") // line 182
	_, err := ReadScores("nilai.csv", []byte(b.String()), d.Session.Framework, d.OPDs)
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v, want an *ImportError", err)
	}
	if len(ie.Problems) != 31 {
		t.Fatalf("%d problems, want 30 unknown codes and one level", len(ie.Problems))
	}
	first := ie.Problems[0]
	if first.Line != 2 || !reflect.DeepEqual(first.Lines, []int{2, 3, 4, 5, 6, 7}) || !strings.Contains(first.In("en"), `"DISHUB0"`) {
		t.Errorf("first problem %+v, want DISHUB0 on lines 2-7", first)
	}
	if last := ie.Problems[30]; last.Line != 182 || last.Lines != nil {
		t.Errorf("last problem %+v, want the level on line 182 alone", last)
	}

	// One unknown code on every line: one problem.
	b.Reset()
	b.WriteString("opd_code,indicator_key,level\n")
	for i := range 180 {
		fmt.Fprintf(&b, "DISHUB,%s,%d\n", keys[i%len(keys)], 1+i%5)
	}
	_, err = ReadScores("nilai.csv", []byte(b.String()), d.Session.Framework, d.OPDs)
	if !errors.As(err, &ie) {
		t.Fatalf("error %v, want an *ImportError", err)
	}
	// (The repeated pairs are problems of their own, after this one.)
	p := ie.Problems[0]
	if len(p.Lines) != 180 || p.Lines[0] != 2 || p.Lines[179] != 181 {
		t.Fatalf("the unknown code: %d lines from %v, want 180 (2..181)", len(p.Lines), p.Lines[:min(3, len(p.Lines))])
	}
	if want := `180 lines (2, 3, 4 and 177 more): the OPD code "DISHUB" is not in this session`; !strings.HasPrefix(p.String(), want) {
		t.Errorf("problem text %q, want it to start %q", p.String(), want)
	}
}

// TestCheckSession: a file says which session it came from; another
// session id, city or tahap is refused naming the first row that says so.
func TestCheckSession(t *testing.T) {
	d := testData() // session 7, Kota Bandung, tahap 1
	head := "session_id,city,stage,opd_code,indicator_key,level\n"
	cases := []struct {
		name string
		rows string
		line int // 0: accepted
	}{
		{"the same session", "7,Kota Bandung,1,BAPPEDA,gov-1,3\n", 0},
		{"city in other case and spacing, tahap in Roman numerals", "7, kota  BANDUNG ,I,BAPPEDA,gov-1,3\n", 0},
		{"empty cells say nothing", ",,,BAPPEDA,gov-1,3\n", 0},
		{"another session id", "8,Kota Bandung,1,BAPPEDA,gov-1,3\n", 2},
		{"another city", "7,Kota Cimahi,1,BAPPEDA,gov-1,3\n", 2},
		{"another tahap", "7,Kota Bandung,2,BAPPEDA,gov-1,3\n", 2},
		{"a tahap that is not one", "7,Kota Bandung,x,BAPPEDA,gov-1,3\n", 2},
		{"rows of two sessions", "7,Kota Bandung,1,BAPPEDA,gov-1,3\n7,Kota Bandung,1,BAPPEDA,gov-2,3\n9,Kota Bogor,2,BAPPEDA,gov-3,3\n", 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sf, err := ReadScores("nilai.csv", []byte(head+c.rows), d.Session.Framework, d.OPDs)
			if err != nil {
				t.Fatal(err)
			}
			err = sf.CheckSession(d.Session)
			var oe *OtherSessionError
			switch {
			case c.line == 0 && err != nil:
				t.Errorf("refused: %v", err)
			case c.line != 0 && (!errors.As(err, &oe) || oe.Line != c.line || oe.Session.ID != 7):
				t.Errorf("got %v, want an OtherSessionError for line %d", err, c.line)
			}
		})
	}
	// A file without those columns (typed by hand) says nothing either.
	sf, err := ReadScores("nilai.csv", []byte("opd_code,indicator_key,level\nBAPPEDA,gov-1,3\n"), d.Session.Framework, d.OPDs)
	if err != nil || sf.CheckSession(d.Session) != nil {
		t.Errorf("a file without session columns: %v", err)
	}
	// An export of this very session is its own.
	dir := filepath.Join(t.TempDir(), "out")
	if _, err := Export(dir, importableData(), Options{Excel: true}); err != nil {
		t.Fatal(err)
	}
	sf = readExported(t, dir, d)
	if err := sf.CheckSession(d.Session); err != nil {
		t.Errorf("the session's own export refused: %v", err)
	}
	other := d.Session
	other.ID = 8
	if err := sf.CheckSession(other); err == nil {
		t.Error("the export of session 7 was accepted by session 8")
	}
}

// TestPlanImport works out by hand what a file does to the fixture's cells
// (see testData), with and without clearBlank.
func TestPlanImport(t *testing.T) {
	d := testData()
	file := "opd_code,indicator_key,level,not_applicable,note\n" +
		"DISKOMINFO,gov-1,,0,\n" + // 2: blank level and note: 4 and its note kept
		"DISKOMINFO,gov-2,4,0,\n" + // 3: 3 -> 4
		"DISKOMINFO,env-1,2,0,\n" + // 4: N/A -> 2, note kept
		"BAPPEDA,gov-2,,1,\n" + // 5: unanswered -> N/A, note kept
		"BAPPEDA,gov-3,3,0,baru\n" + // 6: same level, note changes
		"DINKES,gov-2,,0,\n" + // 7: unanswered stays unanswered
		"DINKES,env-1,5,0,\n" // 8: same level, the tab note kept
	sf, err := ReadScores("nilai.csv", []byte(file), d.Session.Framework, d.OPDs)
	if err != nil {
		t.Fatal(err)
	}
	a := func(level int, na bool) workshop.Answer { return workshop.Answer{Level: level, NA: na} }

	p := PlanImport(sf, d.Scores, false)
	want := []Change{
		{Line: 3, OPDID: idKominfo, OPDCode: "DISKOMINFO", IndicatorKey: "gov-2", Old: a(3, false), New: a(4, false)},
		{Line: 4, OPDID: idKominfo, OPDCode: "DISKOMINFO", IndicatorKey: "env-1", Old: a(0, true), New: a(2, false),
			OldNote: "-tidak ada bank sampah", NewNote: "-tidak ada bank sampah"},
		{Line: 5, OPDID: idBappeda, OPDCode: "BAPPEDA", IndicatorKey: "gov-2", Old: a(0, false), New: a(0, true),
			OldNote: "'menunggu kepala dinas", NewNote: "'menunggu kepala dinas"},
		{Line: 6, OPDID: idBappeda, OPDCode: "BAPPEDA", IndicatorKey: "gov-3", Old: a(3, false), New: a(3, false),
			OldNote: "+62 812-3456-7890 (Pak Budi)", NewNote: "baru"},
	}
	if !reflect.DeepEqual(p.Changes, want) {
		t.Errorf("changes\n got %+v\nwant %+v", p.Changes, want)
	}
	if p.Rows != 7 || p.Levels != 2 || p.Cleared != 0 || p.NA != 1 || p.Notes != 1 || p.Kept != 1 || p.KeptNotes != 4 {
		t.Errorf("counts %+v, want rows 7, levels 2, N/A 1, notes 1, kept 1 answer and 4 notes", p)
	}
	if rows := p.ScoreRows(); len(rows) != 4 || rows[1].Answer != a(2, false) || rows[1].Note != "-tidak ada bank sampah" {
		t.Errorf("rows to store %+v", rows)
	}

	p = PlanImport(sf, d.Scores, true)
	// Now line 2 clears the answer 4 and its note, line 4 and 5 clear their
	// notes too, line 8 clears the tab note; line 7 changes nothing.
	var got []string
	for _, c := range p.Changes {
		got = append(got, fmt.Sprintf("%d:%v->%v %q->%q", c.Line, c.Old, c.New, c.OldNote, c.NewNote))
	}
	wantText := []string{
		fmt.Sprintf("2:%v->%v %q->%q", a(4, false), a(0, false), "Perlu SK Walikota, \"draf\" sudah ada\nbaris kedua", ""),
		fmt.Sprintf("3:%v->%v %q->%q", a(3, false), a(4, false), "", ""),
		fmt.Sprintf("4:%v->%v %q->%q", a(0, true), a(2, false), "-tidak ada bank sampah", ""),
		fmt.Sprintf("5:%v->%v %q->%q", a(0, false), a(0, true), "'menunggu kepala dinas", ""),
		fmt.Sprintf("6:%v->%v %q->%q", a(3, false), a(3, false), "+62 812-3456-7890 (Pak Budi)", "baru"),
		fmt.Sprintf("8:%v->%v %q->%q", a(5, false), a(5, false), "\tcatatan bertab", ""),
	}
	if !reflect.DeepEqual(got, wantText) {
		t.Errorf("with clearBlank\n got %q\nwant %q", got, wantText)
	}
	if p.Levels != 2 || p.Cleared != 1 || p.NA != 1 || p.Notes != 5 || p.Kept != 0 || p.KeptNotes != 0 {
		t.Errorf("counts with clearBlank %+v, want levels 2, cleared 1, N/A 1, notes 5", p)
	}
}

// readExported reads back the scores.csv of an export folder.
func readExported(t *testing.T, dir string, d *workshop.Data) *ScoreFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, ScoresFile))
	if err != nil {
		t.Fatal(err)
	}
	sf, err := ReadScores(ScoresFile, b, d.Session.Framework, d.OPDs)
	if err != nil {
		t.Fatal(err)
	}
	return sf
}

// importableData is testData without the tab in a note that the export's
// guard test needs and an import refuses like a typed one.
func importableData() *workshop.Data {
	d := testData()
	for i := range d.Scores {
		d.Scores[i].Note = strings.ReplaceAll(d.Scores[i].Note, "\t", "")
	}
	return d
}
