package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// editedExport exports the session, lets edit change the rows of its
// scores.csv, and writes them to a new file, returned with the export.
func editedExport(t *testing.T, db string, id int64, edit func(sc table)) (file string, sc table) {
	t.Helper()
	sc = readCSV(t, filepath.Join(exportTo(t, db, id), "scores.csv"), false)
	ed := table{sc.header, make([][]string, len(sc.rows))}
	for i, r := range sc.rows {
		ed.rows[i] = slices.Clone(r)
	}
	edit(ed)
	file = filepath.Join(t.TempDir(), "scores-edit.csv")
	writeCSV(t, file, ed)
	return file, sc
}

// TestImportBlankLeavesAlone: a file whose level cells were emptied (an OPD
// sent back a form without levels) changes no stored answer; only
// --clear-blank clears them, and then only the answers, not the N/A marks.
func TestImportBlankLeavesAlone(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	id := mustDemo(t, db, 2)
	answered := 0
	file, sc := editedExport(t, db, id, func(ed table) {
		for _, r := range ed.rows {
			if r[ed.col("level")] != "" {
				answered++
			}
			r[ed.col("level")] = ""
		}
	})
	n := len(sc.rows)
	before := snapshot(t, exportTo(t, db, id))
	ev := eventCount(t, db, id)
	for _, lang := range langs {
		r := bt(t, "--db", db, "--lang", lang, "import", "1", file)
		mustOK(t, r)
		if want := tr(lang, "cli.import.done", importCounts(n, 0, 0, 0, 0, 0, answered, 0)...) + "\n"; r.stdout != want {
			t.Errorf("import printed %q\nwant %q", r.stdout, want)
		}
	}
	sameSnapshot(t, before, snapshot(t, exportTo(t, db, id)))
	if got := eventCount(t, db, id); got != ev {
		t.Fatalf("an import of empty levels wrote %d events", got-ev)
	}

	r := bt(t, "--db", db, "--lang", "en", "import", "1", file, "--clear-blank")
	mustOK(t, r)
	if want := tr("en", "cli.import.done", importCounts(n, answered, 0, answered, 0, 0, 0, 0)...) + "\n"; r.stdout != want {
		t.Errorf("--clear-blank printed %q\nwant %q", r.stdout, want)
	}
	after := readCSV(t, filepath.Join(exportTo(t, db, id), "scores.csv"), false)
	for i, row := range after.rows {
		if after.get(row, "level") != "" {
			t.Fatalf("row %d still has level %s after --clear-blank", i+2, after.get(row, "level"))
		}
		if g, w := after.get(row, "not_applicable"), sc.get(sc.rows[i], "not_applicable"); g != w {
			t.Errorf("row %d not_applicable %s, want %s as before", i+2, g, w)
		}
		if g, w := after.get(row, "note"), sc.get(sc.rows[i], "note"); g != w {
			t.Errorf("row %d note %q, want %q (its cell was not emptied)", i+2, g, w)
		}
	}
}

// TestImportOtherSession: a scores.csv exported from another session is
// refused with one sentence and changes nothing, unless --force.
func TestImportOtherSession(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	mustDemo(t, db, 1)
	two := mustDemo(t, db, 2) // same city and tahap, another session
	file, sc := editedExport(t, db, 1, func(table) {})
	before := snapshot(t, exportTo(t, db, two))
	ev := eventCount(t, db, two)
	for _, lang := range langs {
		r := bt(t, "--db", db, "--lang", lang, "import", strconv.FormatInt(two, 10), file)
		said(t, r, 1, tr(lang, "err.import_other_session", file, "1", "Kota Contoh", "1", 2, two, "Kota Contoh", 1))
	}
	sameSnapshot(t, before, snapshot(t, exportTo(t, db, two)))
	if got := eventCount(t, db, two); got != ev {
		t.Fatalf("a refused import wrote %d events", got-ev)
	}

	// Another city with the same id: a database from another laptop.
	other := dbPath(t)
	mustNew(t, other, "--city", "Kabupaten Sleman", "--stage", "2", "--opds", "preset")
	r := bt(t, "--db", other, "import", "1", file)
	said(t, r, 1, tr("id", "err.import_other_session", file, "1", "Kota Contoh", "1", 2, 1, "Kabupaten Sleman", 2))

	r = bt(t, "--db", db, "import", strconv.FormatInt(two, 10), file, "--force")
	mustOK(t, r)
	if !strings.HasPrefix(r.stdout, tr("id", "cli.import.done", importCounts(len(sc.rows), 0, 0, 0, 0, 0, 0, 0)...)[:12]) {
		t.Errorf("--force printed %q", r.stdout)
	}
	if eventCount(t, db, two) == ev {
		t.Error("--force imported nothing")
	}
}

// TestImportDryRun: --dry-run prints each change old -> new with the
// counts, and writes nothing (no event, the same export).
func TestImportDryRun(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	id := mustDemo(t, db, 4)
	var lvRow, noteRow int
	var oldLevel, code1, key1, code2, key2, oldNote string
	file, sc := editedExport(t, db, id, func(ed table) {
		lv, na, note := ed.col("level"), ed.col("not_applicable"), ed.col("note")
		lvRow, noteRow = -1, -1
		for i, r := range ed.rows {
			if lvRow < 0 && r[lv] != "" && r[lv] != "5" && r[na] == "0" {
				lvRow, oldLevel = i, r[lv]
				code1, key1 = r[ed.col("opd_code")], r[ed.col("indicator_key")]
				r[lv] = "5"
			} else if noteRow < 0 && r[lv] != "" {
				noteRow, oldNote = i, r[note]
				code2, key2 = r[ed.col("opd_code")], r[ed.col("indicator_key")]
				r[note] = "Perlu Perwal"
			}
		}
	})
	old := `"` + oldNote + `"`
	if oldNote == "" {
		old = tr("en", "cli.import.unanswered")
	}
	before := snapshot(t, exportTo(t, db, id))
	ev := eventCount(t, db, id)
	r := bt(t, "--db", db, "--lang", "en", "import", "1", file, "--dry-run")
	mustOK(t, r)
	want := tr("en", "cli.import.change", code1, key1, lvRow+2, oldLevel, "5") + "\n" +
		tr("en", "cli.import.change_note", code2, key2, noteRow+2, old, `"Perlu Perwal"`) + "\n" +
		tr("en", "cli.import.dry", importCounts(len(sc.rows), 2, 1, 0, 0, 1, 0, 0)...) + "\n"
	if r.stdout != want {
		t.Errorf("dry run printed\n%s\nwant\n%s", r.stdout, want)
	}
	sameSnapshot(t, before, snapshot(t, exportTo(t, db, id)))
	if got := eventCount(t, db, id); got != ev {
		t.Fatalf("a dry run wrote %d events", got-ev)
	}
	// The same file for real makes exactly those changes.
	r = bt(t, "--db", db, "--lang", "en", "import", "1", file)
	mustOK(t, r)
	if w := tr("en", "cli.import.done", importCounts(len(sc.rows), 2, 1, 0, 0, 1, 0, 0)...) + "\n"; r.stdout != w {
		t.Errorf("import printed %q, want %q", r.stdout, w)
	}
	// Said as a sentence, each count in its plural form (worked out by hand).
	if !strings.HasSuffix(r.stdout, " rows; 2 cells changed: 1 level set, 0 levels cleared, 0 cells marked N/A, 1 note changed; 0 answers and 0 notes left empty in the file were kept.\n") {
		t.Errorf("import printed %q", r.stdout)
	}
	if got := eventCount(t, db, id); got != ev+2 {
		t.Errorf("the import wrote %d events, want 2", got-ev)
	}
}

// TestImportCROnlyLineEnds: a scores.csv saved with CR-only line ends (old
// Mac Excel) is read row by row, not as one line of nothing.
func TestImportCROnlyLineEnds(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	id := mustDemo(t, db, 3)
	var lvRow int
	file, sc := editedExport(t, db, id, func(ed table) {
		for i, r := range ed.rows {
			if r[ed.col("level")] == "2" {
				lvRow, r[ed.col("level")] = i, "3"
				return
			}
		}
	})
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\r"))
	if bytes.Contains(b, []byte("\n")) {
		t.Fatal("the file still has LF")
	}
	os.WriteFile(file, b, 0o644)
	r := bt(t, "--db", db, "import", "1", file)
	mustOK(t, r)
	if w := tr("id", "cli.import.done", importCounts(len(sc.rows), 1, 1, 0, 0, 0, 0, 0)...) + "\n"; r.stdout != w {
		t.Errorf("import printed %q, want %q", r.stdout, w)
	}
	after := readCSV(t, filepath.Join(exportTo(t, db, id), "scores.csv"), false)
	if got := after.get(after.rows[lvRow], "level"); got != "3" {
		t.Errorf("row %d level %q, want 3", lvRow+2, got)
	}
}

// TestImportNothingToRead: a file with a header and no rows is an error,
// not "0 scores changed".
func TestImportNothingToRead(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	mustDemo(t, db, 1)
	file := filepath.Join(t.TempDir(), "kosong.csv")
	os.WriteFile(file, []byte("opd_code,indicator_key,level,not_applicable,note\r\n\r\n"), 0o644)
	for _, lang := range langs {
		r := bt(t, "--db", db, "--lang", lang, "import", "1", file)
		if got := problemLines(t, r, file, tr(lang, "err.import_one", file)); !slices.Equal(got, []int{2}) {
			t.Errorf("problem lines %v, want [2]:\n%s", got, r.stderr)
		}
		if r.stdout != "" {
			t.Errorf("stdout %q", r.stdout)
		}
	}
}

// TestImportGroupsErrors: 180 rows with one unknown OPD code (a code renamed
// in Excel) are said once with the count and the first line numbers.
func TestImportGroupsErrors(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	id := mustDemo(t, db, 1)
	file, _ := editedExport(t, db, id, func(ed table) {
		for i := range 180 {
			ed.rows[i][ed.col("opd_code")] = "DINAS_FIKTIF"
		}
		ed.rows[200][ed.col("level")] = "9" // line 202
		ed.rows[200][ed.col("not_applicable")] = "0"
	})
	for _, lang := range langs {
		r := bt(t, "--db", db, "--lang", lang, "import", "1", file)
		if r.code != 1 {
			t.Fatalf("exit %d, want 1", r.code)
		}
		noNoise(t, r.stderr)
		lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
		if len(lines) != 3 || lines[0] != tr(lang, "err.import_many", file, 2) {
			t.Fatalf("stderr has %d lines, want the head and two problems:\n%s", len(lines), r.stderr)
		}
		head := tr(lang, "err.import_lines", file, 180, "2, 3, 4 "+tr(lang, "err.import_lines_more", 177), "")
		if !strings.HasPrefix(lines[1], head) || !strings.Contains(lines[1], "DINAS_FIKTIF") {
			t.Errorf("grouped problem %q, want it to start %q and name the code", lines[1], head)
		}
		if !strings.HasPrefix(lines[2], file+":202: ") {
			t.Errorf("second problem %q, want line 202", lines[2])
		}
	}
}
