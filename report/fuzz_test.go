package report

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/bimtek/bimtek/i18n"
	"github.com/bimtek/bimtek/workshop"
)

func locates(fw *workshop.Framework, key string) bool {
	_, ok := fw.Locate(key)
	return ok
}

// FuzzReadScores: whatever a scores.csv holds, ReadScores never panics; it
// refuses with an *ImportError of at least one problem, or returns rows
// that name known OPDs and indicators once each with answers on the scale,
// notes a typed note could hold, and line numbers in file order; the session
// check and the merge plan take any such file. Seeds:
// testdata/fuzz/FuzzReadScores (run by plain go test) and the golden
// exports.
func FuzzReadScores(f *testing.F) {
	for _, flavour := range []string{"plain-id", "excel-en"} {
		if b, err := os.ReadFile(filepath.Join("testdata", flavour, ScoresFile)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(importBase))
	d := testData()
	fw := d.Session.Framework
	f.Fuzz(func(t *testing.T, data []byte) {
		sf, err := ReadScores("fuzz.csv", data, fw, d.OPDs)
		if err != nil {
			var ie *ImportError
			if sf != nil || !errors.As(err, &ie) || len(ie.Problems) == 0 {
				t.Fatalf("file %v with error %v, want none and an *ImportError with problems", sf, err)
			}
			for _, p := range ie.Problems {
				if !i18n.Has(p.Code) || p.In("en") == "" || p.In("id") == "" {
					t.Fatalf("problem %+v lacks a language", p)
				}
			}
			_ = err.Error()
			return
		}
		if len(sf.Rows) == 0 {
			t.Fatal("accepted a file without rows")
		}
		known := map[int64]bool{}
		for _, o := range d.OPDs {
			known[o.ID] = true
		}
		seen := map[pair]bool{}
		last := 0
		for _, r := range sf.Rows {
			if !known[r.OPDID] || !locates(fw, r.IndicatorKey) {
				t.Fatalf("accepted row %+v of an unknown OPD or indicator", r)
			}
			k := pair{r.OPDCode, r.IndicatorKey}
			if seen[k] {
				t.Fatalf("accepted %v twice", k)
			}
			seen[k] = true
			if r.Answer.Level != 0 {
				if _, ok := fw.LevelOf(r.Answer.Level); !ok || r.Answer.NA {
					t.Fatalf("accepted answer %+v", r.Answer)
				}
			}
			if r.BlankLevel && (r.Answer.Level != 0 || r.Answer.NA) {
				t.Fatalf("a blank level with answer %+v", r.Answer)
			}
			if r.Line <= last {
				t.Fatalf("line %d after line %d", r.Line, last)
			}
			last = r.Line
		}
		_ = sf.CheckSession(d.Session)
		p := PlanImport(sf, d.Scores, false)
		if len(p.Changes) > len(sf.Rows) || p.Levels+p.Cleared+p.NA > len(p.Changes) {
			t.Fatalf("plan %+v for %d rows", p, len(sf.Rows))
		}
		_ = PlanImport(sf, d.Scores, true).ScoreRows()
	})
}
