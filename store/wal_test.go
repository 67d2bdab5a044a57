package store

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// crashImage copies a database and its -wal while s (open, idle) has them
// open: every commit is already durable in the -wal, so the copy is what a
// kill -9 or a power cut at this moment leaves on disk.
func crashImage(t *testing.T, s *Store, dir string) string {
	t.Helper()
	if !nonEmpty(s.path + "-wal") {
		t.Fatalf("%s has no -wal to copy", s.path)
	}
	to := filepath.Join(dir, filepath.Base(s.path))
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(s.path + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to+suffix, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return to
}

func copyTo(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// dbWithCity makes a closed database of one session in city, with OPDs A
// and B, at dir/bimtek.db.
func dbWithCity(t *testing.T, dir, city string) string {
	t.Helper()
	path := filepath.Join(dir, "bimtek.db")
	s, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateSession(bg, NewSession{City: city, Stage: 1, Framework: smallFramework(),
		OPDs: []OPDInput{{Code: "A", Name: "Dinas A"}, {Code: "B", Name: "Dinas B"}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeAnswers opens path and answers every indicator of OPD A of session
// 1 with level, and returns the still open Store.
func writeAnswers(t *testing.T, path string, level int) *Store {
	t.Helper()
	s, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	d := mustLoad(t, s, 1)
	for _, dim := range d.Session.Framework.Dimensions {
		for _, ind := range dim.Indicators() {
			if _, err := s.SetAnswer(bg, 1, d.OPDs[0].ID, ind.Key, workshop.Answer{Level: level}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s
}

func hashOf(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// A -wal copied beside another database (from another laptop, or left by
// another file of the same name) is never applied: Open and OpenReadOnly
// refuse with one sentence naming both files, and leave both as they are.
func TestForeignWALRefused(t *testing.T) {
	root := t.TempDir()
	a := dbWithCity(t, filepath.Join(root, "a"), "Kota A")
	crashed := crashImage(t, writeAnswers(t, a, 4), t.TempDir())

	cases := map[string]func(t *testing.T) string{
		// Another database altogether.
		"another database": func(t *testing.T) string {
			return dbWithCity(t, t.TempDir(), "Kota B")
		},
		// A copy of laptop A's file taken before the crash that was then
		// opened and changed on its own: same id, another generation.
		"a copy that went its own way": func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "bimtek.db")
			copyTo(t, a, path)
			s := writeAnswers(t, path, 2)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			return path
		},
	}
	for name, make := range cases {
		t.Run(name, func(t *testing.T) {
			path := make(t)
			copyTo(t, crashed+"-wal", path+"-wal")
			before, wal := stateOf(t, path), hashOf(t, path+"-wal")
			for _, open := range []func() (*Store, error){
				func() (*Store, error) { return Open(bg, path) },
				func() (*Store, error) { return OpenReadOnly(bg, path) },
			} {
				s, err := open()
				if err == nil {
					d, _ := s.Load(bg, 1)
					s.Close()
					t.Fatalf("the foreign -wal was applied: session 1 is now %q", d.Session.City)
				}
				wantErr(t, err, ErrForeignWAL)
				msg := err.Error()
				if !strings.Contains(msg, path+"-wal does not belong to "+path) || strings.Contains(msg, "\n") {
					t.Errorf("message %q should name both files in one sentence", msg)
				}
				if after := stateOf(t, path); !sameState(before, after) || hashOf(t, path+"-wal") != wal {
					t.Fatalf("the refusal changed the files: %v -> %v", before.names, after.names)
				}
			}
		})
	}
}

// The -wal a crash left beside its own database is applied: nothing that
// was committed is lost. So is the same -wal beside an untouched copy of
// the file it started from (the copy is that very state).
func TestOwnWALAppliedAfterCrash(t *testing.T) {
	root := t.TempDir()
	a := dbWithCity(t, filepath.Join(root, "a"), "Kota A")
	untouched := filepath.Join(t.TempDir(), "bimtek.db")
	copyTo(t, a, untouched)
	writer := writeAnswers(t, a, 4)
	crashed := crashImage(t, writer, t.TempDir())
	copyTo(t, crashed+"-wal", untouched+"-wal")
	for _, path := range []string{crashed, untouched} {
		r, err := OpenReadOnly(bg, path)
		if err != nil {
			t.Fatalf("OpenReadOnly after a crash: %v", err)
		}
		if d := mustLoad(t, r, 1); len(d.Scores) != 8 {
			t.Fatalf("%s: %d scores after the crash, want the 8 committed", path, len(d.Scores))
		}
		r.Close()
		s, err := Open(bg, path)
		if err != nil {
			t.Fatalf("Open after a crash: %v", err)
		}
		if d := mustLoad(t, s, 1); len(d.Scores) != 8 || d.Session.City != "Kota A" {
			t.Fatalf("%s: %d scores in %q after the crash, want the 8 committed in Kota A", path, len(d.Scores), d.Session.City)
		}
		s.Close()
	}
}

// A -wal whose pages have another size than the database's cannot be its
// own, whatever is in it.
func TestWALOfAnotherPageSizeRefused(t *testing.T) {
	other := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`PRAGMA page_size = 8192; PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;
		CREATE TABLE t (x); INSERT INTO t VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	path := dbWithCity(t, t.TempDir(), "Kota B")
	copyTo(t, other+"-wal", path+"-wal")
	before := stateOf(t, path)
	_, err = Open(bg, path)
	wantErr(t, err, ErrForeignWAL)
	if !strings.Contains(err.Error(), "8192") {
		t.Errorf("message %q should say why", err)
	}
	if after := stateOf(t, path); !sameState(before, after) {
		t.Fatal("the refusal changed the files")
	}
}

// A -wal SQLite itself would not apply (a wrong checksum, garbage) is no
// reason to refuse the database: it holds nothing that would be mixed in.
func TestGarbageWALIgnored(t *testing.T) {
	path := dbWithCity(t, t.TempDir(), "Kota B")
	os.WriteFile(path+"-wal", bytes.Repeat([]byte("not a wal "), 500), 0o600)
	s, err := Open(bg, path)
	if err != nil {
		t.Fatalf("Open beside a -wal SQLite ignores: %v", err)
	}
	if d := mustLoad(t, s, 1); d.Session.City != "Kota B" {
		t.Fatalf("city %q", d.Session.City)
	}
	s.Close()
}

// A clean quit copies every commit into the file: no -wal or -shm is left
// beside it.
func TestCleanCloseLeavesNoWAL(t *testing.T) {
	path := dbWithCity(t, t.TempDir(), "Kota A")
	s := writeAnswers(t, path, 3)
	release, err := s.Acquire(bg, 1)
	if err != nil {
		t.Fatal(err)
	}
	_ = release
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a clean close left %s%s (%v)", filepath.Base(path), suffix, err)
		}
	}
	// The file alone holds everything.
	r, err := OpenReadOnly(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if d := mustLoad(t, r, 1); len(d.Scores) != 8 {
		t.Fatalf("%d scores in the file alone, want 8", len(d.Scores))
	}
}

// The facilitator quits while the projector view still reads, then the
// projector quits: nothing is left beside the file either.
func TestCloseAfterProjectorLeavesNoWAL(t *testing.T) {
	path := dbWithCity(t, t.TempDir(), "Kota A")
	w := writeAnswers(t, path, 3)
	r, err := OpenReadOnly(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	// The two Stores of one process stand for two processes here; the
	// writer's -wal is still in use by the reader when the writer closes.
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if d := mustLoad(t, r, 1); len(d.Scores) != 8 {
		t.Fatalf("projector sees %d scores", len(d.Scores))
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the last close left %s%s (%v)", filepath.Base(path), suffix, err)
		}
	}
}
