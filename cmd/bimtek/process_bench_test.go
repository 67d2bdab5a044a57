//go:build !windows

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// scaleFiles are the scale databases made in this test process, by number
// of sessions; each benchmark run gets its own copy.
var scaleFiles = struct {
	sync.Mutex
	path map[int]string
	last map[int]int64
}{path: map[int]string{}, last: map[int]int64{}}

// scaleDB is a copy of a database of n scale-size sessions (80 OPDs x the
// 90-indicator framework, about 87% answered, DESIGN section 10) in the
// test's own folder, its path and the id of the last session. The first
// call for n writes it (a minute for 50 sessions); later runs of the same
// process copy that file.
func scaleDB(b testing.TB, n int) (string, int64) {
	b.Helper()
	scaleFiles.Lock()
	defer scaleFiles.Unlock()
	src, ok := scaleFiles.path[n]
	if !ok {
		dir, err := os.MkdirTemp(filepath.Dir(binPath), "scale")
		if err != nil {
			b.Fatal(err)
		}
		src = filepath.Join(dir, "scale.db")
		scaleFiles.last[n] = writeScaleDB(b, src, n)
		scaleFiles.path[n] = src
	}
	raw, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	db := filepath.Join(b.TempDir(), "scale.db")
	if err := os.WriteFile(db, raw, 0o600); err != nil {
		b.Fatal(err)
	}
	return db, scaleFiles.last[n]
}

// writeScaleDB writes n scale-size sessions into a new database at db.
func writeScaleDB(b testing.TB, db string, n int) int64 {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	f := workshop.ScaleFramework()
	opds := workshop.ScaleOPDs(80)
	in := make([]store.OPDInput, len(opds))
	for i, o := range opds {
		in[i] = store.OPDInput{Code: o.Code, Name: o.Name}
	}
	var id int64
	for s := 1; s <= n; s++ {
		id, err = st.CreateSession(ctx, store.NewSession{City: fmt.Sprintf("Kota Skala %02d", s), Stage: 2, Date: "2026-11-28", Framework: f, OPDs: in})
		if err != nil {
			b.Fatal(err)
		}
		d, err := st.Load(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		sheets := workshop.ScaleSheets(f, opds, int64(s))
		var rows []store.ScoreRow
		for i, o := range opds {
			for k, a := range sheets[o.ID] {
				rows = append(rows, store.ScoreRow{OPDID: d.OPDs[i].ID, IndicatorKey: k, Answer: a})
			}
		}
		if _, err := st.ImportScores(ctx, id, rows); err != nil {
			b.Fatal(err)
		}
	}
	return id
}

// BenchmarkExportProcess is DESIGN section 10's export target: the built
// binary started as a process, `bimtek export ID --dir DIR` of the scale
// session (its four CSV files written, synced and renamed into place),
// until it exits. One iteration is one process.
func BenchmarkExportProcess(b *testing.B) {
	db, id := scaleDB(b, 1)
	out := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(binPath, "--db", db, "export", strconv.FormatInt(id, 10), "--dir", out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("export: %v\n%s", err, msg)
		}
	}
}

// BenchmarkSqlite3CSV is the export's floor: the sqlite3 shell started as
// a process, writing the same session's stored score rows (with the OPD
// code and name) as CSV to a file. It does less than the export (no
// unanswered rows, names, scores or other files), which makes it a floor.
func BenchmarkSqlite3CSV(b *testing.B) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Skip("sqlite3 is not installed (apt-get install sqlite3)")
	}
	db, id := scaleDB(b, 1)
	out := filepath.Join(b.TempDir(), "scores.csv")
	q := fmt.Sprintf(`SELECT o.code, o.name, s.indicator_key, s.level, s.na, s.note, s.updated_at FROM scores s JOIN opds o ON o.id = s.opd_id WHERE s.session_id = %d ORDER BY o.position, s.indicator_key;`, id)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(sqlite3, "-csv", "-readonly", db, ".once "+out, q)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("sqlite3: %v\n%s", err, msg)
		}
	}
	b.StopTimer()
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		b.Fatalf("sqlite3 wrote nothing: %v", err)
	}
}
