package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// The scale fixture of DESIGN section 10: a framework of 6 dimensions x 5
// elements x 3 indicators (90 indicators) and 80 OPDs.
const (
	scaleDims, scaleElems, scaleInds = 6, 5, 3
	scaleOPDs                        = 80
)

func scaleFramework() *workshop.Framework {
	f := smallFramework()
	f.Key = "scale"
	f.Dimensions = nil
	for d := range scaleDims {
		dim := workshop.Dimension{Key: fmt.Sprintf("d%d", d+1), Name: workshop.Text{ID: fmt.Sprintf("Dimensi %d", d+1)}, Target: 3.5}
		for e := range scaleElems {
			el := workshop.Element{Key: fmt.Sprintf("d%d.e%d", d+1, e+1), Name: workshop.Text{ID: "Elemen"}}
			for i := range scaleInds {
				el.Indicators = append(el.Indicators, workshop.Indicator{
					Key:         fmt.Sprintf("d%d.e%d.i%d", d+1, e+1, i+1),
					Name:        workshop.Text{ID: "Indikator", EN: "Indicator"},
					Description: workshop.Text{ID: "Uraian singkat indikator untuk fasilitator dan OPD."},
				})
			}
			dim.Elements = append(dim.Elements, el)
		}
		f.Dimensions = append(f.Dimensions, dim)
	}
	return f
}

func scaleOPDInputs() []OPDInput {
	in := make([]OPDInput, scaleOPDs)
	for i := range in {
		in[i] = OPDInput{Code: fmt.Sprintf("OPD%02d", i+1), Name: fmt.Sprintf("Dinas Nomor %d Kota Contoh", i+1)}
	}
	return in
}

// scaleSession creates the scale session, empty, in a new store.
func scaleSession(b *testing.B) (*Store, int64, []workshop.OPD, []string) {
	b.Helper()
	s, _ := openTemp(b)
	fw := scaleFramework()
	id, err := s.CreateSession(bg, NewSession{City: "Kota Contoh", Stage: 1, Framework: fw, OPDs: scaleOPDInputs()})
	if err != nil {
		b.Fatal(err)
	}
	var keys []string
	for _, d := range fw.Dimensions {
		for _, ind := range d.Indicators() {
			keys = append(keys, ind.Key)
		}
	}
	return s, id, mustLoad(b, s, id).OPDs, keys
}

// BenchmarkSetAnswer is one durable score write through the Store: score,
// event and session activity in one committed transaction. Each write
// changes its cell (the level moves on every pass over the 7200 cells).
func BenchmarkSetAnswer(b *testing.B) {
	s, id, opds, keys := scaleSession(b)
	cells := len(opds) * len(keys)
	// The first call reads and caches the framework; measure the steady state.
	if _, err := s.SetAnswer(bg, id, opds[0].ID, keys[0], workshop.Answer{Level: 1}); err != nil {
		b.Fatal(err)
	}
	i := 1
	for b.Loop() {
		c := i % cells
		level := (i/cells+c)%5 + 1
		if _, err := s.SetAnswer(bg, id, opds[c/len(keys)].ID, keys[c%len(keys)], workshop.Answer{Level: level}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkBareInsert is the floor SetAnswer is measured against: one
// autocommit single-row INSERT into a table of its own, on the same
// connection (same driver, same DSN pragmas, WAL, synchronous FULL).
func BenchmarkBareInsert(b *testing.B) {
	s, _ := openTemp(b)
	if _, err := s.db.Exec(`CREATE TABLE bench_bare (id INTEGER PRIMARY KEY, opd_id INTEGER NOT NULL, indicator_key TEXT NOT NULL, level INTEGER NOT NULL)`); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		if _, err := s.db.ExecContext(bg, `INSERT INTO bench_bare (opd_id, indicator_key, level) VALUES (?, ?, ?)`, i%scaleOPDs, "d1.e1.i1", i%5+1); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkSetAnswerAndState is the durable write a keystroke really
// makes in the grid: the answer, its event, the session's activity and
// the moved cursor (the UI state, as JSON of the size the TUI saves) in
// one committed transaction, on a session this process holds, so the
// transaction also confirms the lease. Compare it with BenchmarkBareInsert
// of the same run (DESIGN section 10: <= 1.3x).
func BenchmarkSetAnswerAndState(b *testing.B) {
	s, id, opds, keys := scaleSession(b)
	release, err := s.Acquire(bg, id)
	if err != nil {
		b.Fatal(err)
	}
	defer release()
	cells := len(opds) * len(keys)
	state := func(c int) []byte {
		return fmt.Appendf(nil, `{"phase":3,"tab":%d,"row":%d,"col":%d,"timers":[{"phase":3,"elapsed":1234567890,"running":true}],"board":{"sort":0,"reveal":false}}`,
			(c%len(keys))/15, c/len(keys), c%15)
	}
	if _, err := s.SetAnswerAndState(bg, id, opds[0].ID, keys[0], workshop.Answer{Level: 1}, state(0)); err != nil {
		b.Fatal(err)
	}
	i := 1
	for b.Loop() {
		c := i % cells
		level := (i/cells+c)%5 + 1
		if _, err := s.SetAnswerAndState(bg, id, opds[c/len(keys)].ID, keys[c%len(keys)], workshop.Answer{Level: level}, state(c+1)); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkOpenBySize opens (read-write, as `bimtek open` does) and closes
// files of 1, 10 and 50 fully scored scale sessions (7200 scores and 7200
// events each): with no integrity scan on open the time is the same for
// every size (DESIGN section 10).
func BenchmarkOpenBySize(b *testing.B) {
	for _, n := range []int{1, 10, 50} {
		path := filepath.Join(b.TempDir(), "bimtek.db")
		s, err := Open(bg, path)
		if err != nil {
			b.Fatal(err)
		}
		for range n {
			fillScale(b, s)
		}
		s.Close()
		fi, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("sessions=%d/MB=%d", n, fi.Size()>>20), func(b *testing.B) {
			for b.Loop() {
				s, err := Open(bg, path)
				if err != nil {
					b.Fatal(err)
				}
				if _, _, err := s.Setting(bg, "theme"); err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

// BenchmarkOpenList is the store's part of the start: open a file of 50
// sessions, one of them the fully scored scale session, and list them.
func BenchmarkOpenList(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bimtek.db")
	s, err := Open(bg, path)
	if err != nil {
		b.Fatal(err)
	}
	fillScale(b, s)
	for n := range 49 {
		if _, err := s.CreateSession(bg, NewSession{City: fmt.Sprintf("Kota %d", n), Stage: 1, Framework: scaleFramework(), OPDs: scaleOPDInputs()[:20]}); err != nil {
			b.Fatal(err)
		}
	}
	s.Close()
	for b.Loop() {
		s, err := Open(bg, path)
		if err != nil {
			b.Fatal(err)
		}
		if list, err := s.ListSessions(bg); err != nil || len(list) != 50 {
			b.Fatalf("list: %d, %v", len(list), err)
		}
		s.Close()
	}
}

// BenchmarkLoadScale reads the fully scored scale session.
func BenchmarkLoadScale(b *testing.B) {
	s, _ := openTemp(b)
	id := fillScale(b, s)
	for b.Loop() {
		if d, err := s.Load(bg, id); err != nil || len(d.Scores) != scaleOPDs*scaleDims*scaleElems*scaleInds {
			b.Fatalf("load: %v", err)
		}
	}
}

// fillScale stores the scale session with every cell answered.
func fillScale(b *testing.B, s *Store) int64 {
	b.Helper()
	fw := scaleFramework()
	id, err := s.CreateSession(bg, NewSession{City: "Kota Contoh", Stage: 1, Framework: fw, OPDs: scaleOPDInputs()})
	if err != nil {
		b.Fatal(err)
	}
	var rows []ScoreRow
	for oi, o := range mustLoad(b, s, id).OPDs {
		for _, d := range fw.Dimensions {
			for ii, ind := range d.Indicators() {
				rows = append(rows, ScoreRow{OPDID: o.ID, IndicatorKey: ind.Key, Answer: workshop.Answer{Level: (oi+ii)%5 + 1}})
			}
		}
	}
	if _, err := s.ImportScores(bg, id, rows); err != nil {
		b.Fatal(err)
	}
	return id
}
