package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/store"
)

// TestBackup: `bimtek backup ID FILE` and `--all` write a new database
// that opens as an ordinary one, with the same exports, no locks and an
// identity of its own; an existing file is never overwritten.
func TestBackup(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	one := mustDemo(t, db, 1)
	two := mustDemo(t, db, 2)
	// The session is held by a facilitator while the backup is taken.
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	release, err := st.Acquire(ctx, one)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { release(); st.Close() }()

	dir := t.TempDir()
	for _, lang := range langs {
		out := filepath.Join(dir, lang, "sesi1.db")
		r := bt(t, "--db", db, "--lang", lang, "backup", "1", out)
		mustOK(t, r)
		if r.stdout != tr(lang, "cli.backup.done", out, 1, out)+"\n" {
			t.Errorf("backup printed %q", r.stdout)
		}
		ss := listJSON(t, out)
		if len(ss) != 1 || ss[0]["id"].(float64) != float64(one) {
			t.Fatalf("the backup of session 1 lists %v", ss)
		}
		a, b := exportTo(t, db, one), exportTo(t, out, one)
		for _, f := range []string{"scores.csv", "opd_dimensions.csv", "city_summary.csv", "priorities.csv"} {
			if sha(t, filepath.Join(a, f)) != sha(t, filepath.Join(b, f)) {
				t.Errorf("%s of the backup differs from the original's", f)
			}
		}
		// Opened for writing on "another laptop": the session is free and
		// the file is its own database.
		bs, err := store.Open(ctx, out)
		if err != nil {
			t.Fatal(err)
		}
		rel, err := bs.Acquire(ctx, one)
		if err != nil {
			t.Fatalf("the backup's session is locked: %v", err)
		}
		rel()
		bs.Close()
		if bytes.Equal(identityOf(t, db), identityOf(t, out)) {
			t.Error("the backup has the identity of the original")
		}

		before := sha(t, out)
		said(t, bt(t, "--db", db, "--lang", lang, "backup", "1", out), 1, tr(lang, "err.backup_exists", out))
		if sha(t, out) != before {
			t.Error("a refused backup changed the existing file")
		}
		all := filepath.Join(dir, lang, "semua.db")
		mustOK(t, bt(t, "--db", db, "--lang", lang, "backup", "--all", all))
		if ss := listJSON(t, all); len(ss) != 2 {
			t.Fatalf("backup --all lists %d sessions, want 2 (%d and %d)", len(ss), one, two)
		}
		for _, args := range [][]string{{"backup"}, {"backup", "1"}, {"backup", "--all", "1", all}} {
			if r := bt(t, append([]string{"--db", db, "--lang", lang}, args...)...); r.code != 2 || r.stderr != tr(lang, "cli.err.backup_args")+"\n" {
				t.Errorf("%v: exit %d, %q; want 2 and the usage sentence", args, r.code, r.stderr)
			}
		}
		said(t, bt(t, "--db", db, "--lang", lang, "backup", "9", filepath.Join(dir, "x.db")), 1, tr(lang, "err.no_session"))
	}
	if ents, _ := os.ReadDir(filepath.Join(dir, "id")); len(ents) != 2 {
		t.Errorf("the backup folder holds %d entries, want the 2 backups and no temp file: %v", len(ents), ents)
	}
}

func identityOf(t *testing.T, db string) []byte {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro&immutable=1") // closed files: nothing left beside them
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var id []byte
	if err := conn.QueryRow(`SELECT id FROM identity`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestCheck: `bimtek check` scans the whole file: sound, it says so;
// damaged inside (which opening no longer scans for), it lists the
// problems and exits 1, changing nothing.
func TestCheck(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	mustDemo(t, db, 1)
	mustDemo(t, db, 2)
	for _, lang := range langs {
		r := bt(t, "--db", db, "--lang", lang, "check")
		mustOK(t, r)
		if r.stdout != tr(lang, "cli.check.ok", db, 2)+"\n" {
			t.Errorf("check printed %q", r.stdout)
		}
	}
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// Overwrite the last pages (scores and the event log).
	for i := len(b) - 3*4096; i < len(b)-4096; i++ {
		b[i] = 0x5A
	}
	os.WriteFile(db, b, 0o600)
	before := sha(t, db)
	for _, lang := range langs {
		r := bt(t, "--db", db, "--lang", lang, "check")
		if r.code != 1 {
			t.Fatalf("check of a damaged file: exit %d, %q", r.code, r.stdout+r.stderr)
		}
		noNoise(t, r.stderr)
		first, rest, _ := strings.Cut(r.stderr, "\n")
		if !strings.HasPrefix(first, strings.Split(tr(lang, "cli.check.problems", db, 0), "(")[0]) || strings.TrimSpace(rest) == "" {
			t.Errorf("check of a damaged file said %q", r.stderr)
		}
	}
	if sha(t, db) != before {
		t.Error("check changed the file")
	}
}

// TestTakeOverNeedsConfirmation: --take-over of a session another live
// process holds asks on a terminal; without one it refuses unless --yes,
// and --yes takes it (the UI then opens on it), recorded in the lock log.
func TestTakeOverNeedsConfirmation(t *testing.T) {
	cleanEnv(t)
	opened := noTUI(t)
	db := dbPath(t)
	id := mustDemo(t, db, 1)
	holder := holdLock(t, db, id) // another live process holds it
	for _, lang := range langs {
		said(t, bt(t, "--db", db, "--lang", lang, "open", "1", "--take-over"), 1, tr(lang, "cli.takeover.no_tty"))
	}
	if len(*opened) != 0 {
		t.Fatalf("the UI opened without the confirmation: %v", *opened)
	}
	mustOK(t, bt(t, "--db", db, "open", "1", "--take-over", "--yes"))
	if len(*opened) != 1 || (*opened)[0] != id {
		t.Fatalf("the UI opened on %v after --take-over --yes, want [%d]", *opened, id)
	}
	st, err := store.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	log, err := st.TakeOvers(context.Background(), id)
	if err != nil || len(log) != 1 || !log[0].Forced || log[0].From.PID != holder {
		t.Fatalf("lock log %+v, %v; want one forced take-over from pid %d", log, err, holder)
	}
}

// holdLock starts TestHoldLockHelper, which holds session 1 of db as
// another live process until the test ends, and returns its pid.
func holdLock(t *testing.T, db string, id int64) int {
	t.Helper()
	if id != 1 {
		t.Fatalf("the helper holds session 1, not %d", id)
	}
	holder := exec.Command(os.Args[0], "-test.run=^TestHoldLockHelper$")
	holder.Env = append(os.Environ(), "BIMTEK_TEST_HOLD="+db)
	stdin, err := holder.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	holder.Stderr = os.Stderr
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close(); holder.Wait() })
	sc := bufio.NewScanner(stdout)
	for sc.Scan() && sc.Text() != "held" {
	}
	if sc.Text() != "held" {
		t.Fatalf("the holder process stopped before taking the session")
	}
	return holder.Process.Pid
}
