package main

import (
	"context"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/store"
)

// loadSession reads one session back from db.
func loadSession(t *testing.T, db string, id int64) (*store.Data, error) {
	t.Helper()
	st, err := store.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return st.Load(context.Background(), id)
}

// TestEditCorrectsOneSession: bimtek edit changes the flags it is given on
// that session only; --stage takes II as well as 2; a bad value is one
// sentence and changes nothing.
func TestEditCorrectsOneSession(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	a := mustNew(t, db, "--city", "Kota Bengkulu", "--stage", "1", "--date", "2026-02-19", "--venue", "Aula Bapeda", "--opds", "none")
	b := mustNew(t, db, "--city", "Kota Contoh", "--stage", "1", "--date", "2026-02-19", "--opds", "none")
	r := bt(t, "--db", db, "edit", "1", "--venue", "Aula Bappeda", "--stage", "II", "--date", "2026-02-20")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("edit: code %d, stderr %q", r.code, r.stderr)
	}
	if want := tr("id", "cli.edit.done", a, "Kota Bengkulu", "II", "2026-02-20", "Aula Bappeda", ""); r.stdout != want+"\n" {
		t.Errorf("edit printed %q, want %q", r.stdout, want)
	}
	d, err := loadSession(t, db, a)
	if err != nil {
		t.Fatal(err)
	}
	if s := d.Session; s.City != "Kota Bengkulu" || s.Stage != 2 || s.Date != "2026-02-20" || s.Venue != "Aula Bappeda" {
		t.Errorf("edited session = %+v", s)
	}
	mustOK(t, bt(t, "--db", db, "edit", "1", "--stage", "3"))
	if d, _ := loadSession(t, db, a); d.Session.Stage != 3 {
		t.Errorf("--stage 3 gave tahap %d", d.Session.Stage)
	}
	if d, _ := loadSession(t, db, b); d.Session.Stage != 1 || d.Session.Date != "2026-02-19" || d.Session.City != "Kota Contoh" {
		t.Errorf("the other session changed: %+v", d.Session)
	}
	for _, args := range [][]string{{"--date", "2026-02-30"}, {"--stage", "V"}, {"--city", ""}, {}} {
		r := bt(t, append([]string{"--db", db, "--lang", "en", "edit", "1"}, args...)...)
		if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
			t.Errorf("edit %v: code %d, stdout %q, stderr %q; want 2 and one sentence", args, r.code, r.stdout, r.stderr)
		}
		noNoise(t, r.stderr)
	}
	if d, _ := loadSession(t, db, a); d.Session.Stage != 3 || d.Session.Date != "2026-02-20" {
		t.Errorf("a refused edit changed the session: %+v", d.Session)
	}
}

// TestDeleteRemovesOneSession: without a terminal and without --yes the
// delete is refused and nothing changes; with --yes that session goes and
// the other stays whole.
func TestDeleteRemovesOneSession(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	keep := mustDemo(t, db, 1)
	gone := mustDemo(t, db, 2)
	before, err := loadSession(t, db, keep)
	if err != nil {
		t.Fatal(err)
	}
	r := bt(t, "--db", db, "delete", "2")
	said(t, r, 1, tr("id", "cli.delete.no_tty", gone))
	if _, err := loadSession(t, db, gone); err != nil {
		t.Fatalf("a refused delete removed the session: %v", err)
	}
	r = bt(t, "--db", db, "--lang", "en", "delete", "2", "--yes")
	if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "session 2 (Kota Contoh · Stage I") {
		t.Fatalf("delete --yes: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if _, err := loadSession(t, db, gone); err == nil {
		t.Fatalf("session %d is still there", gone)
	}
	after, err := loadSession(t, db, keep)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Scores) != len(before.Scores) || len(after.OPDs) != len(before.OPDs) || after.Session.City != before.Session.City {
		t.Errorf("the kept session changed: %d scores %d OPDs, was %d and %d", len(after.Scores), len(after.OPDs), len(before.Scores), len(before.OPDs))
	}
	r = bt(t, "--db", db, "delete", "2", "--yes")
	if r.code != 1 {
		t.Errorf("deleting a gone session: code %d, want 1 (stderr %q)", r.code, r.stderr)
	}
}

// TestListShowsTahapInRoman: the list writes the tahap as every screen
// does (II, not 2); --json keeps the number.
func TestListShowsTahapInRoman(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	mustNew(t, db, "--city", "Kota Bogor", "--stage", "2", "--opds", "none")
	r := bt(t, "--db", db, "list")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 2 || strings.Fields(lines[1])[3] != "II" {
		t.Errorf("list row %q, want the tahap as II", lines[len(lines)-1])
	}
	if s := listJSON(t, db); s[0]["stage"] != float64(2) {
		t.Errorf("list --json stage = %v, want 2", s[0]["stage"])
	}
}
