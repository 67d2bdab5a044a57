package store

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// smallFramework is 2 dimensions x 2 elements x 2 indicators on the SPBE
// 1-5 scale.
func smallFramework() *workshop.Framework {
	f := &workshop.Framework{
		Key:  "tiny",
		Name: workshop.Text{ID: "Kecil", EN: "Tiny"},
		Bands: []workshop.Band{
			{Min: 0, Predikat: workshop.Text{ID: "Kurang"}},
			{Min: 1.8, Predikat: workshop.Text{ID: "Cukup"}},
			{Min: 2.6, Predikat: workshop.Text{ID: "Baik"}},
			{Min: 3.5, Predikat: workshop.Text{ID: "Sangat Baik"}},
			{Min: 4.2, Predikat: workshop.Text{ID: "Memuaskan"}},
		},
	}
	for v, l := range []string{"Rintisan", "Terkelola", "Terdefinisi", "Terpadu dan Terukur", "Optimum"} {
		f.Scale = append(f.Scale, workshop.Level{Value: v + 1, Label: workshop.Text{ID: l}})
	}
	for di, dk := range []string{"governance", "economy"} {
		d := workshop.Dimension{Key: dk, Name: workshop.Text{ID: "Smart " + dk}, Target: 3 + float64(di)/2}
		for ei := range 2 {
			e := workshop.Element{Key: fmt.Sprintf("%s.e%d", dk, ei+1), Name: workshop.Text{ID: "E"}}
			for ii := range 2 {
				e.Indicators = append(e.Indicators, workshop.Indicator{Key: fmt.Sprintf("%s.e%d.i%d", dk, ei+1, ii+1), Name: workshop.Text{ID: "I"}})
			}
			d.Elements = append(d.Elements, e)
		}
		f.Dimensions = append(f.Dimensions, d)
	}
	return f
}

var bg = context.Background()

// openTemp opens a new database in a fresh folder; it is closed at the end
// of the test.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bimtek.db")
	s, err := Open(bg, path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// newSession creates a session of smallFramework with OPDs named by codes.
func newSession(t testing.TB, s *Store, codes ...string) (int64, []workshop.OPD) {
	t.Helper()
	n := NewSession{City: "Kota Contoh", Stage: 1, Date: "2025-03-14", Venue: "Aula", Facilitator: "Rina", Framework: smallFramework()}
	for _, c := range codes {
		n.OPDs = append(n.OPDs, OPDInput{Code: c, Name: "Dinas " + c})
	}
	id, err := s.CreateSession(bg, n)
	if err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	d, err := s.Load(bg, id)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return id, d.OPDs
}

// mustLoad loads a session or fails the test.
func mustLoad(t testing.TB, s *Store, id int64) *Data {
	t.Helper()
	d, err := s.Load(bg, id)
	if err != nil {
		t.Fatalf("Load(%d): %v", id, err)
	}
	return d
}

func mustEvents(t testing.TB, s *Store, id int64) []Event {
	t.Helper()
	evs, err := s.Events(bg, id)
	if err != nil {
		t.Fatalf("Events(%d): %v", id, err)
	}
	return evs
}

// fileState is the hash of a file and the names in its folder, to prove
// that something left them alone.
type fileState struct {
	hash  [32]byte
	names []string
}

func stateOf(t testing.TB, path string) fileState {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	ents, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	st := fileState{hash: sha256.Sum256(b)}
	for _, e := range ents {
		st.names = append(st.names, e.Name())
	}
	sort.Strings(st.names)
	return st
}

func sameState(a, b fileState) bool {
	return a.hash == b.hash && fmt.Sprint(a.names) == fmt.Sprint(b.names)
}

// wantErr checks err against a sentinel (nil: no error wanted).
func wantErr(t testing.TB, err, want error) {
	t.Helper()
	switch {
	case want == nil && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want != nil && !errors.Is(err, want):
		t.Fatalf("error = %v, want %v", err, want)
	}
}
