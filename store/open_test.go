package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bimtek/bimtek/workshop"
)

// filledDB makes a closed bimtek database with one session holding enough
// rows to span several pages.
func filledDB(t *testing.T, path string) {
	t.Helper()
	s, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var opds []OPDInput
	for i := range 40 {
		opds = append(opds, OPDInput{Code: fmt.Sprintf("%s%d", strings.Repeat("X", i%20), i), Name: strings.Repeat("Dinas Pekerjaan Umum ", 4)})
	}
	id, err := s.CreateSession(bg, NewSession{City: "Kota", Stage: 1, Framework: smallFramework(), OPDs: opds})
	if err != nil {
		t.Fatal(err)
	}
	d := mustLoad(t, s, id)
	var rows []ScoreRow
	for _, o := range d.OPDs {
		for _, key := range []string{"governance.e1.i1", "governance.e2.i2", "economy.e1.i2"} {
			rows = append(rows, ScoreRow{OPDID: o.ID, IndicatorKey: key, Answer: workshop.Answer{Level: 3}, Note: "catatan panjang untuk mengisi halaman"})
		}
	}
	if _, err := s.ImportScores(bg, id, rows); err != nil {
		t.Fatal(err)
	}
}

// Every file Open must refuse is refused before anything is written: the
// file keeps its bytes and no file appears beside it.
func TestOpenRefusesAndLeavesFileUnchanged(t *testing.T) {
	tests := []struct {
		name     string
		make     func(t *testing.T, path string)
		want     error
		readOnly error // what OpenReadOnly says
		words    string
	}{
		{"text file", func(t *testing.T, path string) {
			os.WriteFile(path, []byte(strings.Repeat("kode,nama\nBAPPEDA,Badan Perencanaan\n", 20)), 0o600)
		}, ErrNotDatabase, ErrNotDatabase, "is not a bimtek database (or it is damaged); choose another file with --db"},
		{"shorter than a header", func(t *testing.T, path string) {
			os.WriteFile(path, []byte("SQLite format 3\x00abc"), 0o600)
		}, ErrNotDatabase, ErrNotDatabase, "not a bimtek database"},
		{"another program's SQLite database", func(t *testing.T, path string) {
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(`CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('a'); PRAGMA user_version = 3`); err != nil {
				t.Fatal(err)
			}
		}, ErrNotDatabase, ErrNotDatabase, "not a bimtek database"},
		{"newer schema", func(t *testing.T, path string) {
			filledDB(t, path)
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(`PRAGMA user_version = 99`); err != nil {
				t.Fatal(err)
			}
		}, ErrNewerSchema, ErrNewerSchema, "newer bimtek"},
		{"damaged header", func(t *testing.T, path string) {
			filledDB(t, path)
			b, _ := os.ReadFile(path)
			b[16], b[17] = 0x12, 0x34 // page size 4660: not a power of two
			os.WriteFile(path, b, 0o600)
		}, ErrNotDatabase, ErrNotDatabase, "or it is damaged"},
		{"cut in half", func(t *testing.T, path string) {
			filledDB(t, path)
			b, _ := os.ReadFile(path)
			os.WriteFile(path, b[:len(b)/2], 0o600)
		}, ErrNotDatabase, ErrNotDatabase, "or it is damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "data.db")
			tt.make(t, path)
			before := stateOf(t, path)
			s, err := Open(bg, path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			wantErr(t, err, tt.want)
			if !strings.Contains(err.Error(), tt.words) || !strings.Contains(err.Error(), path) {
				t.Errorf("message %q should name the file and say %q", err, tt.words)
			}
			if after := stateOf(t, path); !sameState(before, after) {
				t.Fatalf("Open changed the file or its folder: %v -> %v", before.names, after.names)
			}
			s, err = OpenReadOnly(bg, path)
			if err == nil {
				s.Close()
				t.Fatal("OpenReadOnly succeeded")
			}
			wantErr(t, err, tt.readOnly)
			// SQLite reading a WAL file may leave empty -wal and -shm files
			// beside it (a later writer removes them); the file itself stays.
			if after := stateOf(t, path); before.hash != after.hash {
				t.Fatal("OpenReadOnly changed the file")
			}
		})
	}
}

func TestOpenFolderIsRefused(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(bg, dir)
	wantErr(t, err, ErrBadPath)
	_, err = OpenReadOnly(bg, dir)
	wantErr(t, err, ErrBadPath)
}

func TestOpenNewFile(t *testing.T) {
	root := t.TempDir()
	path := filepath.Join(root, "deep", "er", "bimtek.db")
	s, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	var app, version int
	var mode string
	if err := s.db.QueryRow(`SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version),
		(SELECT journal_mode FROM pragma_journal_mode)`).Scan(&app, &version, &mode); err != nil {
		t.Fatal(err)
	}
	if app != applicationID || version != schemaVersion || mode != "wal" {
		t.Fatalf("application_id %#x, user_version %d, journal %q; want %#x, %d, wal", app, version, mode, applicationID, schemaVersion)
	}
	var sync, fk int
	if err := s.db.QueryRow(`SELECT (SELECT synchronous FROM pragma_synchronous), (SELECT foreign_keys FROM pragma_foreign_keys)`).Scan(&sync, &fk); err != nil {
		t.Fatal(err)
	}
	if sync != 2 || fk != 1 {
		t.Fatalf("synchronous %d, foreign_keys %d; want 2 (FULL), 1", sync, fk)
	}
	if _, err := newSessionErr(s); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS == "windows" {
		return
	}
	for _, c := range []struct {
		path string
		mode fs.FileMode
	}{
		{filepath.Join(root, "deep"), 0o700 | fs.ModeDir},
		{filepath.Join(root, "deep", "er"), 0o700 | fs.ModeDir},
		{path, 0o600},
		{path + "-wal", 0o600},
		{path + "-shm", 0o600},
	} {
		fi, err := os.Stat(c.path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode() != c.mode {
			t.Errorf("%s has mode %v, want %v", c.path, fi.Mode(), c.mode)
		}
	}
}

func newSessionErr(s *Store) (int64, error) {
	return s.CreateSession(bg, NewSession{City: "Kota", Stage: 1, Framework: smallFramework()})
}

// An empty file (created and left so by a crash, or by touch) becomes a
// new database.
func TestOpenEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := OpenReadOnly(bg, path)
	wantErr(t, err, ErrEmptyDatabase)
	s, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := newSessionErr(s); err != nil {
		t.Fatal(err)
	}
}

func TestOpenReadOnlyMissingFileCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "none.db")
	_, err := OpenReadOnly(bg, path)
	wantErr(t, err, fs.ErrNotExist)
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("message %q should name the missing file", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Fatalf("OpenReadOnly created %v", ents)
	}
}

// The projector view reads beside the writer, sees each commit, and can
// write nothing.
func TestOpenReadOnlyBesideWriter(t *testing.T) {
	w, path := openTemp(t)
	id, opds := newSession(t, w, "A")
	if _, err := w.SetAnswer(bg, id, opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 2}); err != nil {
		t.Fatal(err)
	}
	release, err := w.Acquire(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	defer release()

	r, err := OpenReadOnly(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if r.Path() != path {
		t.Errorf("Path() = %q", r.Path())
	}
	if got := cellsOf(t, r, id); got != cellsOf(t, w, id) {
		t.Fatalf("reader sees %q", got)
	}
	if _, err := w.SetAnswer(bg, id, opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 5}); err != nil {
		t.Fatal(err)
	}
	if d := mustLoad(t, r, id); d.Scores[0].Answer.Level != 5 {
		t.Fatalf("reader did not see the new commit: %+v", d.Scores)
	}
	list, err := r.ListSessions(bg)
	if err != nil || len(list) != 1 || list[0].Completion.Done != 1 {
		t.Fatalf("reader list = %+v, %v", list, err)
	}
	writes := map[string]func() error{
		"SetAnswer": func() error {
			_, err := r.SetAnswer(bg, id, opds[0].ID, "governance.e1.i1", workshop.Answer{Level: 1})
			return err
		},
		"SetSetting": func() error { return r.SetSetting(bg, "theme", "dark") },
		"Acquire": func() error {
			_, err := r.Acquire(bg, id)
			return err
		},
		"CreateSession": func() error { _, err := newSessionErr(r); return err },
	}
	for name, write := range writes {
		if err := write(); !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s on the read-only store: %v, want ErrReadOnly", name, err)
		}
	}
	if d := mustLoad(t, w, id); d.Scores[0].Answer.Level != 5 {
		t.Fatalf("a read-only write got through: %+v", d.Scores)
	}
}

// Reading alone (no writer running) leaves the database file as it was.
func TestOpenReadOnlyLeavesFileUnchanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bimtek.db")
	filledDB(t, path)
	before := stateOf(t, path)
	r, err := OpenReadOnly(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.ListSessions(bg); err != nil {
		t.Fatal(err)
	}
	d := mustLoad(t, r, 1)
	if len(d.Scores) != 120 {
		t.Fatalf("%d scores, want 120", len(d.Scores))
	}
	mustEvents(t, r, 1)
	r.Close()
	after := stateOf(t, path)
	if before.hash != after.hash {
		t.Fatal("OpenReadOnly changed the database file")
	}
}

// Permission bits do not bind root, so these run as an ordinary user only.
func TestOpenReadOnlyFileOrFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permission bits")
	}
	if os.Geteuid() == 0 {
		t.Skip("root ignores permission bits; run the tests as an ordinary user to cover this")
	}
	tests := []struct {
		name string
		make func(t *testing.T, dir string) string // returns the path to open
	}{
		{"read-only file", func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "bimtek.db")
			filledDB(t, path)
			os.Chmod(path, 0o400)
			return path
		}},
		{"read-only folder", func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "bimtek.db")
			filledDB(t, path)
			os.Chmod(dir, 0o500)
			t.Cleanup(func() { os.Chmod(dir, 0o700) })
			return path
		}},
		{"new file in a read-only folder", func(t *testing.T, dir string) string {
			os.Chmod(dir, 0o500)
			t.Cleanup(func() { os.Chmod(dir, 0o700) })
			return filepath.Join(dir, "bimtek.db")
		}},
		{"new folder under a read-only folder", func(t *testing.T, dir string) string {
			os.Chmod(dir, 0o500)
			t.Cleanup(func() { os.Chmod(dir, 0o700) })
			return filepath.Join(dir, "sub", "bimtek.db")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tt.make(t, dir)
			var before fileState
			existed := false
			if _, err := os.Stat(path); err == nil {
				existed = true
				before = stateOf(t, path)
			}
			s, err := Open(bg, path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			wantErr(t, err, ErrReadOnly)
			if !strings.Contains(err.Error(), "read-only") {
				t.Errorf("message %q does not say read-only", err)
			}
			if existed {
				if after := stateOf(t, path); !sameState(before, after) {
					t.Fatalf("Open changed the file or its folder: %v -> %v", before.names, after.names)
				}
			} else if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
				t.Fatalf("Open created %s", path)
			}
		})
	}
	// A read-only file can still be shown.
	dir := t.TempDir()
	path := filepath.Join(dir, "bimtek.db")
	filledDB(t, path)
	os.Chmod(path, 0o400)
	r, err := OpenReadOnly(bg, path)
	if err != nil {
		t.Fatalf("OpenReadOnly of a read-only file: %v", err)
	}
	defer r.Close()
	mustLoad(t, r, 1)
}

func TestLoadMigrations(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	tests := []struct {
		name string
		fsys fstest.MapFS
		want []int
		ok   bool
	}{
		{"in order", fstest.MapFS{"migrations/0002_b.sql": file("B"), "migrations/0001_a.sql": file("A")}, []int{1, 2}, true},
		{"gap", fstest.MapFS{"migrations/0001_a.sql": file("A"), "migrations/0003_c.sql": file("C")}, nil, false},
		{"no number", fstest.MapFS{"migrations/init.sql": file("A")}, nil, false},
		{"none", fstest.MapFS{}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := loadMigrations(tt.fsys)
			if (err == nil) != tt.ok {
				t.Fatalf("err = %v, want ok %v", err, tt.ok)
			}
			for i, m := range ms {
				if m.version != tt.want[i] {
					t.Fatalf("migration %d has version %d", i, m.version)
				}
			}
		})
	}
	if schemaVersion < 1 || schema[0].version != 1 {
		t.Fatalf("embedded schema = %d migrations", schemaVersion)
	}
}

func TestResolvePath(t *testing.T) {
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip("no home folder")
	}
	cwd, _ := os.Getwd()
	tests := []struct {
		name, flag, env, xdg, want string
	}{
		{"flag wins", "/tmp/a.db", "/tmp/b.db", "", "/tmp/a.db"},
		{"env next", "", "/tmp/b.db", "", "/tmp/b.db"},
		{"relative flag made absolute", "x/a.db", "", "", filepath.Join(cwd, "x", "a.db")},
		{"tilde", "~/bimtek/a.db", "", "", filepath.Join(home, "bimtek", "a.db")},
		{"default with XDG_DATA_HOME", "", "", "/srv/data", "/srv/data/bimtek/bimtek.db"},
		{"relative XDG_DATA_HOME ignored", "", "", "data", filepath.Join(home, ".local", "share", "bimtek", "bimtek.db")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if runtime.GOOS != "linux" && tt.xdg != "" {
				t.Skip("XDG_DATA_HOME is a Linux convention")
			}
			t.Setenv("BIMTEK_DB", tt.env)
			t.Setenv("XDG_DATA_HOME", tt.xdg)
			got, err := ResolvePath(tt.flag)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("ResolvePath(%q) = %q, want %q", tt.flag, got, tt.want)
			}
		})
	}
}

// Damaged pages inside the file are not looked for on every open (that
// would cost the whole file each time): `bimtek check` (Store.Check)
// finds them, and a read that reaches them is refused with the damaged
// sentence. Neither changes the file.
func TestDamagedPagesFoundByCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.db")
	filledDB(t, path)
	sound, err := OpenReadOnly(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	if problems, err := sound.Check(bg); err != nil || len(problems) != 0 {
		t.Fatalf("Check of a sound file = %q, %v; want nothing", problems, err)
	}
	sound.Close()

	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 4*4096 {
		t.Fatalf("fixture has only %d bytes", len(b))
	}
	for i := 2*4096 + 8; i < 4*4096; i++ {
		b[i] = 0xA5
	}
	os.WriteFile(path, b, 0o600)
	before := stateOf(t, path)
	s, err := OpenReadOnly(bg, path)
	if err != nil {
		wantErr(t, err, ErrNotDatabase)
	} else {
		problems, err := s.Check(bg)
		if err != nil || len(problems) == 0 {
			t.Errorf("Check of a damaged file = %q, %v; want its problems", problems, err)
		}
		_, lerr := s.Load(bg, 1)
		_, serr := s.ListSessions(bg)
		if !errors.Is(lerr, ErrNotDatabase) && !errors.Is(serr, ErrNotDatabase) {
			t.Errorf("reading the damaged pages: Load %v, ListSessions %v; want the damaged sentence", lerr, serr)
		}
		s.Close()
	}
	if after := stateOf(t, path); before.hash != after.hash {
		t.Fatal("checking changed the file")
	}
}

// A first run killed during its first migration leaves a file in WAL
// mode with no schema (or with only the first step of it): it is an empty
// database to read, not a damaged one, and the next read-write open
// finishes the migration.
func TestHalfMadeFirstMigrationResumed(t *testing.T) {
	for _, steps := range []int{0, 1} {
		t.Run(fmt.Sprintf("%d steps done", steps), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bimtek.db")
			db, err := sql.Open("sqlite", fileURI(path)+"?"+rwParams)
			if err != nil {
				t.Fatal(err)
			}
			db.SetMaxOpenConns(1)
			if _, err := db.Exec("PRAGMA journal_mode = WAL"); err != nil {
				t.Fatal(err)
			}
			if err := migrate(bg, db, schema[:steps]); err != nil {
				t.Fatal(err)
			}
			db.Close()
			if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
				t.Fatalf("the killed first run left %v, %v; want a file with a header", fi, err)
			}
			r, err := OpenReadOnly(bg, path)
			if err == nil {
				r.Close()
			}
			if steps == 0 {
				wantErr(t, err, ErrEmptyDatabase)
			} else if err != nil && errors.Is(err, ErrNotDatabase) {
				t.Fatalf("a half-migrated file is called damaged: %v", err)
			}
			s, err := Open(bg, path)
			if err != nil {
				t.Fatalf("Open of the half-made file: %v", err)
			}
			defer s.Close()
			var version int
			if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != schemaVersion {
				t.Fatalf("schema %d after resuming, want %d (%v)", version, schemaVersion, err)
			}
			if _, err := newSessionErr(s); err != nil {
				t.Fatal(err)
			}
		})
	}
}
