package report

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bimtek/bimtek/workshop"
)

// scaleData is the DESIGN section 10 scale session built on the shared
// fixture of package workshop: ScaleFramework (90 indicators), ScaleOPDs(80)
// and ScaleSheets(seed 1). The sheets become stored rows with an update
// time each, and every seventh answered cell carries a note, so the export
// writes what a real session holds.
func scaleData() *workshop.Data {
	f := workshop.ScaleFramework()
	opds := workshop.ScaleOPDs(80)
	sheets := workshop.ScaleSheets(f, opds, 1)
	base := time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)
	d := &workshop.Data{
		Session:    workshop.Session{ID: 42, City: "Kota Uji Skala", Stage: 2, Framework: f},
		OPDs:       opds,
		Targets:    f.Targets(),
		Priorities: []string{"governance.e1", "economy.e3", "environment.e5"},
	}
	n := 0
	for _, o := range opds {
		for _, dim := range f.Dimensions {
			for _, ind := range dim.Indicators() {
				a, ok := sheets[o.ID][ind.Key]
				if !ok {
					continue
				}
				r := workshop.ScoreRow{OPDID: o.ID, IndicatorKey: ind.Key, Answer: a, UpdatedAt: base.Add(time.Duration(n) * time.Second)}
				if n%7 == 0 {
					r.Note = "Perlu data dukung, menunggu SK kepala dinas"
				}
				d.Scores = append(d.Scores, r)
				n++
			}
		}
	}
	return d
}

// BenchmarkExportScale: the DESIGN target is <= 250 ms per export of the
// scale session (all four files, synced and renamed into place).
func BenchmarkExportScale(b *testing.B) {
	d := scaleData()
	for _, excel := range []bool{false, true} {
		name := "plain"
		if excel {
			name = "excel"
		}
		b.Run(name, func(b *testing.B) {
			dir := b.TempDir()
			for b.Loop() {
				if _, err := Export(dir, d, Options{Excel: excel}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseScoresScale reads back the scale session's scores.csv
// (7,200 rows).
func BenchmarkParseScoresScale(b *testing.B) {
	d := scaleData()
	dir := b.TempDir()
	if _, err := Export(dir, d, Options{Excel: true}); err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, ScoresFile))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		rows, err := ParseScores(ScoresFile, data, d.Session.Framework, d.OPDs)
		if err != nil || len(rows) != 80*90 {
			b.Fatalf("ParseScores: %d rows, %v", len(rows), err)
		}
	}
}
