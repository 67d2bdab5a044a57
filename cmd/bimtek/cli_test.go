package main

// Tests of the command line through run(), in process: exit code, the one
// sentence on stderr in the UI language, and files left as they were.
// The terminal UI is never started: runProgram is replaced where a command
// would open it.
//
// Not covered here: a full disk on write cannot be made in a unit test
// without a dedicated small file system (a loop mount needs root and a
// mkfs); the store maps SQLITE_FULL to store.ErrDiskFull and Sentence maps
// that to err.disk_full, which store and tui tests cover.

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	_ "modernc.org/sqlite"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/i18n"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui"
)

// ---------------------------------------------------------------- helpers

type result struct {
	code           int
	stdout, stderr string
}

// bt runs the command line as main does, with an empty stdin. Indonesian
// is tested as the default: a "--lang id" pair is dropped, so the cases
// in Indonesian run with no --lang at all (TestEnvironment checks that an
// explicit --lang=id wins over BIMTEK_LANG=en).
func bt(t *testing.T, args ...string) result {
	t.Helper()
	for i := 0; i+1 < len(args); i++ {
		if args[i] == "--lang" && args[i+1] == "id" {
			args = append(args[:i:i], args[i+2:]...)
			break
		}
	}
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return result{code, out.String(), errb.String()}
}

// cleanEnv keeps the caller's environment out of the tests: every test
// names its database with --db and its language with --lang.
func cleanEnv(t *testing.T) {
	t.Helper()
	t.Setenv("BIMTEK_DB", "")
	t.Setenv("BIMTEK_LANG", "")
}

// noTUI makes any command that would open the terminal UI record the model
// instead; it returns the sessions the UI was opened on (0 = home screen).
func noTUI(t *testing.T) *[]int64 {
	t.Helper()
	var opened []int64
	prev, prevTerm := runProgram, needTerminal
	runProgram = func(_ context.Context, m *tui.Model) error {
		opened = append(opened, m.Opened)
		return nil
	}
	needTerminal = func(io.Reader) error { return nil }
	t.Cleanup(func() { runProgram, needTerminal = prev, prevTerm })
	return &opened
}

func tr(lang, key string, args ...any) string { return assets.T(lang, key, args...) }

// noNoise fails on anything that is not for a facilitator's eyes.
func noNoise(t *testing.T, stderr string) {
	t.Helper()
	for _, bad := range []string{"Error:", "ERROR", "panic", "goroutine ", "\x1b[", ".go:", "Usage:", "USAGE"} {
		if strings.Contains(stderr, bad) {
			t.Errorf("stderr holds %q: %q", bad, stderr)
		}
	}
}

// said checks the exit code and that stderr is exactly the sentence want,
// on one line.
func said(t *testing.T, r result, code int, want string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit code %d, want %d (stderr %q)", r.code, code, r.stderr)
	}
	noNoise(t, r.stderr)
	if strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("stderr is not one line: %q", r.stderr)
	}
	if r.stderr != want+"\n" {
		t.Errorf("stderr = %q\n          want %q", r.stderr, want+"\n")
	}
}

// ok checks a command that must succeed quietly.
func mustOK(t *testing.T, r result) {
	t.Helper()
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit code %d, stderr %q, want 0 and nothing", r.code, r.stderr)
	}
}

// problems checks an exit code 1 whose stderr lists problems one a line,
// each "file:line: ...", after an optional first line; it returns the line
// numbers.
func problemLines(t *testing.T, r result, file string, head string) []int {
	t.Helper()
	if r.code != 1 {
		t.Errorf("exit code %d, want 1 (stderr %q)", r.code, r.stderr)
	}
	noNoise(t, r.stderr)
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	if !strings.HasSuffix(r.stderr, "\n") {
		t.Errorf("stderr does not end its last line: %q", r.stderr)
	}
	if head != "" {
		if lines[0] != head {
			t.Errorf("first line %q, want %q", lines[0], head)
		}
		lines = lines[1:]
	}
	var nums []int
	for _, l := range lines {
		rest, found := strings.CutPrefix(l, file+":")
		num, msg, _ := strings.Cut(rest, ": ")
		n, err := strconv.Atoi(num)
		if !found || err != nil || strings.TrimSpace(msg) == "" {
			t.Errorf("problem line %q is not %s:LINE: what to fix", l, file)
			continue
		}
		nums = append(nums, n)
	}
	return nums
}

func sha(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return "missing"
	}
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// snapshot hashes every file of dir (sub-folders by name only).
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, e := range es {
		switch {
		case e.IsDir():
			m[e.Name()] = "folder"
			continue
		case e.Type()&os.ModeSymlink != 0:
			target, _ := os.Readlink(filepath.Join(dir, e.Name()))
			m[e.Name()] = "link to " + target
			continue
		case !e.Type().IsRegular():
			m[e.Name()] = "special " + e.Type().String() // never read: a FIFO would wait
			continue
		}
		m[e.Name()] = sha(t, filepath.Join(dir, e.Name()))
	}
	return m
}

func sameSnapshot(t *testing.T, before, after map[string]string) {
	t.Helper()
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed (%s -> %s)", k, short(v), short(after[k]))
		}
	}
	for k := range after {
		if _, had := before[k]; !had {
			t.Errorf("%s appeared", k)
		}
	}
}

func short(h string) string {
	if len(h) > 8 {
		return h[:8]
	}
	return h
}

func dbPath(t *testing.T) string { return filepath.Join(t.TempDir(), "bimtek.db") }

// mustNew creates a session in db (or in $BIMTEK_DB when db is "") and
// returns its id.
func mustNew(t *testing.T, db string, args ...string) int64 {
	t.Helper()
	if db != "" {
		args = append([]string{"--db", db}, args...)
	}
	r := bt(t, append([]string{"new"}, args...)...)
	mustOK(t, r)
	id, err := strconv.ParseInt(strings.TrimSpace(r.stdout), 10, 64)
	if err != nil || !strings.HasSuffix(r.stdout, "\n") || strings.Count(r.stdout, "\n") != 1 {
		t.Fatalf("new printed %q, want the id on one line", r.stdout)
	}
	return id
}

// mustDemo creates a demo session without opening it.
func mustDemo(t *testing.T, db string, seed int) int64 {
	t.Helper()
	r := bt(t, "--db", db, "demo", "--no-open", "--seed", strconv.Itoa(seed))
	mustOK(t, r)
	id, err := strconv.ParseInt(strings.TrimSpace(r.stdout), 10, 64)
	if err != nil {
		t.Fatalf("demo printed %q, want the id", r.stdout)
	}
	return id
}

// export writes the session into a new folder and returns it.
func exportTo(t *testing.T, db string, id int64, extra ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "export")
	r := bt(t, append([]string{"--db", db, "export", strconv.FormatInt(id, 10), "--dir", dir}, extra...)...)
	mustOK(t, r)
	if r.stdout != dir+"\n" {
		t.Fatalf("export printed %q, want the folder %q", r.stdout, dir)
	}
	return dir
}

// table is a CSV file read whole: the header and the rows.
type table struct {
	header []string
	rows   [][]string
}

func (tb table) col(name string) int {
	i := slices.Index(tb.header, name)
	if i < 0 {
		panic("no column " + name)
	}
	return i
}

func (tb table) get(row []string, name string) string { return row[tb.col(name)] }

func readCSV(t *testing.T, path string, excel bool) table {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bom := bytes.HasPrefix(b, []byte("\xef\xbb\xbf"))
	if bom != excel {
		t.Fatalf("%s: BOM %v, want %v", path, bom, excel)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))))
	if excel {
		r.Comma = ';'
	}
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s is empty", path)
	}
	return table{recs[0], recs[1:]}
}

func writeCSV(t *testing.T, path string, tb table) {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	w.Write(tb.header)
	w.WriteAll(tb.rows)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func listJSON(t *testing.T, db string) []map[string]any {
	t.Helper()
	r := bt(t, "--db", db, "list", "--json")
	mustOK(t, r)
	var out []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("list --json is not JSON: %v\n%s", err, r.stdout)
	}
	return out
}

func eventCount(t *testing.T, db string, id int64) int {
	t.Helper()
	st, err := store.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	evs, err := st.Events(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return len(evs)
}

var langs = []string{"id", "en"}

// ---------------------------------------------------------------- new

func TestNewPrintsTheID(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	if id := mustNew(t, db, "--city", "Kota Bogor", "--stage", "2", "--date", "2026-11-28",
		"--venue", "Aula Bappeda", "--facilitator", "Sari"); id != 1 {
		t.Fatalf("first id %d, want 1", id)
	}
	if id := mustNew(t, db, "--lang", "en", "--city", " Kota Malang ", "--stage", "1", "--framework", "pilar", "--opds", "none"); id != 2 {
		t.Fatalf("second id %d, want 2", id)
	}
	if info, err := os.Stat(db); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v (%v), want 0600", info.Mode().Perm(), err)
	}
	got := map[float64]map[string]any{}
	for _, s := range listJSON(t, db) {
		got[s["id"].(float64)] = s
	}
	want := map[float64]map[string]any{
		1: {"city": "Kota Bogor", "stage": 2.0, "date": "2026-11-28", "venue": "Aula Bappeda", "facilitator": "Sari",
			"framework": "elemen", "opds": float64(len(assets.PresetOPDs())), "present": float64(len(assets.PresetOPDs())), "completion": 0.0},
		2: {"city": "Kota Malang", "stage": 1.0, "venue": "", "framework": "pilar", "opds": 0.0, "completion": 0.0},
	}
	for id, fields := range want {
		for k, v := range fields {
			if got[id][k] != v {
				t.Errorf("session %v %s = %v, want %v", id, k, got[id][k], v)
			}
		}
	}
}

func TestNewRefusesBadFlags(t *testing.T) {
	cleanEnv(t)
	missing := filepath.Join(t.TempDir(), "nope.yaml")
	cases := []struct {
		name  string
		args  []string
		code  int
		key   string
		kargs []any
	}{
		{"no city", []string{"--stage", "1"}, 2, "cli.err.city", nil},
		{"blank city", []string{"--city", "   ", "--stage", "1"}, 2, "cli.err.city", nil},
		{"no stage", []string{"--city", "X"}, 2, "cli.err.stage_missing", nil},
		{"stage 0", []string{"--city", "X", "--stage", "0"}, 2, "cli.err.stage", []any{"0"}},
		{"stage 5", []string{"--city", "X", "--stage", "5"}, 2, "cli.err.stage", []any{"5"}},
		{"stage V", []string{"--city", "X", "--stage", "V"}, 2, "cli.err.stage", []any{"V"}},
		{"stage word", []string{"--city", "X", "--stage", "satu"}, 2, "cli.err.stage", []any{"satu"}},
		{"stage with an escape sequence", []string{"--city", "X", "--stage", "1\x1b[2J"}, 2, "cli.err.stage", []any{`1\x1b[2J`}},
		{"day 30 of February", []string{"--city", "X", "--stage", "1", "--date", "2026-02-30"}, 2, "cli.err.date", []any{"2026-02-30"}},
		{"date day first", []string{"--city", "X", "--stage", "1", "--date", "28-11-2026"}, 2, "cli.err.date", []any{"28-11-2026"}},
		{"unknown framework word", []string{"--city", "X", "--stage", "1", "--framework", "elmen"}, 2, "err.unknown_framework", []any{"elmen", "elemen, pilar"}},
		{"framework file missing", []string{"--city", "X", "--stage", "1", "--framework", missing}, 1, "err.not_found", []any{missing}},
		{"OPD file missing", []string{"--city", "X", "--stage", "1", "--opds", missing}, 1, "err.not_found", []any{missing}},
		{"extra argument", []string{"Bogor", "--city", "X", "--stage", "1"}, 2, "cli.err.extra_arg", []any{"Bogor", "bimtek new"}},
	}
	for _, c := range cases {
		for _, lang := range langs {
			t.Run(c.name+"/"+lang, func(t *testing.T) {
				db := dbPath(t)
				r := bt(t, append([]string{"--db", db, "--lang", lang, "new"}, c.args...)...)
				said(t, r, c.code, tr(lang, c.key, c.kargs...))
				if r.stdout != "" {
					t.Errorf("stdout %q, want nothing", r.stdout)
				}
				if _, err := os.Stat(db); !os.IsNotExist(err) {
					t.Errorf("a refused new left a database file (%v)", err)
				}
			})
		}
	}
}

// brokenFramework writes the built-in elemen YAML with four mistakes and
// returns the file and the lines of the mistakes.
func brokenFramework(t *testing.T) (string, []int) {
	t.Helper()
	b, err := assets.FrameworkYAML("elemen")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var bad []int
	zeroed := false
	for _, l := range strings.Split(string(b), "\n") {
		out = append(out, l)
		switch l {
		case "  - value: 5": // a field twice
			out = append(out, "    value: 6")
			bad = append(bad, len(out))
		case "  - min: 1.8": // a band below the scale
			out[len(out)-1] = "  - min: 0.2"
			bad = append(bad, len(out))
		case "    weight: 1": // a weight of 0, on the first dimension only
			if !zeroed {
				out[len(out)-1] = "    weight: 0"
				bad = append(bad, len(out))
				zeroed = true
			}
		case "      - key: governance.manajemen_birokrasi": // a duplicate key
			out[len(out)-1] = "      - key: governance.layanan_publik"
			bad = append(bad, len(out))
		}
	}
	if len(bad) != 4 {
		t.Fatalf("the elemen YAML changed; the test found %d of its 4 edit points", len(bad))
	}
	path := filepath.Join(t.TempDir(), "kerangka-rusak.yaml")
	if err := os.WriteFile(path, []byte(strings.Join(out, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, bad
}

func TestNewWithBadFrameworkListsEveryProblem(t *testing.T) {
	cleanEnv(t)
	path, bad := brokenFramework(t)
	before := sha(t, path)
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			db := dbPath(t)
			r := bt(t, "--db", db, "--lang", lang, "new", "--city", "X", "--stage", "1", "--framework", path)
			if got := problemLines(t, r, path, ""); !slices.Equal(got, bad) {
				t.Errorf("problem lines %v, want %v:\n%s", got, bad, r.stderr)
			}
			english := strings.Contains(r.stderr, "appears twice")
			if english != (lang == "en") {
				t.Errorf("problems not in %s:\n%s", lang, r.stderr)
			}
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Errorf("a refused new left a database file")
			}
		})
	}
	if sha(t, path) != before {
		t.Errorf("the framework file was changed")
	}
}

func TestNewOPDCSV(t *testing.T) {
	cleanEnv(t)
	name120 := strings.Repeat("Dinas Kab ", 12)[:119] + "é" // 120 runes, 121 bytes
	name121 := strings.Repeat("x", 121)
	good := []struct {
		name string
		data string
		want [][2]string
	}{
		{"BOM, semicolons, header, commas in names",
			"\xef\xbb\xbfkode;nama\r\nDISKOMINFO;Dinas Komunikasi, Informatika dan Statistik\r\n bappeda ; Badan Perencanaan \r\n",
			[][2]string{{"DISKOMINFO", "Dinas Komunikasi, Informatika dan Statistik"}, {"BAPPEDA", "Badan Perencanaan"}}},
		{"non-Latin names and a 120-rune name",
			"code,name\nARAB,الإدارة العامة\nJP,渋谷区役所\nJAWA,ꦧꦥ꧀ꦥꦼꦢ\nRU,Городская дума\nLONG," + name120 + "\n",
			[][2]string{{"ARAB", "الإدارة العامة"}, {"JP", "渋谷区役所"}, {"JAWA", "ꦧꦥ꧀ꦥꦼꦢ"}, {"RU", "Городская дума"}, {"LONG", name120}}},
	}
	for _, c := range good {
		t.Run(c.name, func(t *testing.T) {
			if n := utf8.RuneCountInString(name120); n != 120 {
				t.Fatalf("fixture name has %d runes", n)
			}
			db := dbPath(t)
			file := filepath.Join(t.TempDir(), "opd.csv")
			os.WriteFile(file, []byte(c.data), 0o644)
			id := mustNew(t, db, "--city", "X", "--stage", "1", "--opds", file)
			st, err := store.OpenReadOnly(context.Background(), db)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			d, err := st.Load(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			var got [][2]string
			for _, o := range d.OPDs {
				got = append(got, [2]string{o.Code, o.Name})
				if !o.Present {
					t.Errorf("%s not present", o.Code)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("OPDs %q, want %q", got, c.want)
			}
		})
	}

	bad := []struct {
		name  string
		data  string
		lines []int
	}{
		{"duplicates, empty names, empty code, 121 runes",
			"code,name\nA,Satu\nA,Dua\nB,\n,Tiga\nC," + name121 + "\nD,الإدارة\n", []int{3, 4, 5, 6}},
		{"semicolons with a BOM and a duplicate in other case",
			"\xef\xbb\xbfDISKOMINFO;Dinas Kominfo\ndiskominfo;Dinas Komunikasi\nBAPPEDA;\n", []int{2, 3}},
		{"only a header", "kode,nama\n", nil},
	}
	for _, c := range bad {
		for _, lang := range langs {
			t.Run(c.name+"/"+lang, func(t *testing.T) {
				db := dbPath(t)
				mustNew(t, db, "--city", "Sudah Ada", "--stage", "1")
				dir := filepath.Dir(db)
				file := filepath.Join(t.TempDir(), "opd.csv")
				os.WriteFile(file, []byte(c.data), 0o644)
				before := snapshot(t, dir)
				r := bt(t, "--db", db, "--lang", lang, "new", "--city", "X", "--stage", "1", "--opds", file)
				if c.lines == nil { // a problem of the whole file
					if r.code != 1 || !strings.HasPrefix(r.stderr, file+": ") || strings.Count(r.stderr, "\n") != 1 {
						t.Errorf("exit %d, stderr %q: want 1 and one line about %s", r.code, r.stderr, file)
					}
					noNoise(t, r.stderr)
				} else if got := problemLines(t, r, file, ""); !slices.Equal(got, c.lines) {
					t.Errorf("problem lines %v, want %v:\n%s", got, c.lines, r.stderr)
				}
				sameSnapshot(t, before, snapshot(t, dir))
				if n := len(listJSON(t, db)); n != 1 {
					t.Errorf("%d sessions after a refused CSV, want 1", n)
				}
			})
		}
	}
}

// ---------------------------------------------------------------- list

func TestList(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	st, err := store.Open(context.Background(), db) // a bimtek file with no session yet
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, lang := range langs {
		r := bt(t, "--db", db, "--lang", lang, "list")
		mustOK(t, r)
		if r.stdout != tr(lang, "cli.list.empty")+"\n" {
			t.Errorf("empty list (%s) = %q", lang, r.stdout)
		}
	}
	if r := bt(t, "--db", db, "list", "--json"); r.stdout != "[]\n" {
		t.Errorf("empty list --json = %q, want []", r.stdout)
	}

	mustNew(t, db, "--city", "Kota Bogor", "--stage", "1", "--date", "2026-11-28")
	mustDemo(t, db, 1)
	before := sha(t, db)
	for _, lang := range langs {
		r := bt(t, "--db", db, "--lang", lang, "list")
		mustOK(t, r)
		lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
		if len(lines) != 3 {
			t.Fatalf("list printed %d lines, want a header and 2 rows:\n%s", len(lines), r.stdout)
		}
		if got, want := strings.Fields(lines[0]), strings.Fields(strings.ReplaceAll(tr(lang, "cli.list.header"), "\t", " ")); !slices.Equal(got, want) {
			t.Errorf("header %q, want %q", got, want)
		}
		// Newest activity first: the demo, then Bogor.
		for i, want := range []string{"2 Kota Contoh I ", "1 Kota Bogor I 2026-11-28 29/29 0% "} {
			if got := strings.Join(strings.Fields(lines[i+1]), " ") + " "; !strings.HasPrefix(got, want) {
				t.Errorf("row %d %q, want it to start %q", i+1, got, want)
			}
		}
	}
	ss := listJSON(t, db)
	if len(ss) != 2 {
		t.Fatalf("%d sessions in JSON, want 2", len(ss))
	}
	for _, s := range ss {
		for _, k := range []string{"id", "city", "stage", "date", "venue", "facilitator", "framework", "opds", "present", "completion", "last_activity"} {
			if _, has := s[k]; !has {
				t.Errorf("JSON session lacks %q: %v", k, s)
			}
		}
	}
	if c := ss[0]["completion"].(float64); ss[0]["city"] != "Kota Contoh" || c < 0.8 || c > 0.9 {
		t.Errorf("first JSON row %v, want the demo with completion about 0.85", ss[0])
	}
	if sha(t, db) != before {
		t.Errorf("list changed the database file")
	}
}

// withPath: the sentence's one argument is the database path.
func withPath(db string) []any { return []any{db} }

// TestBadDatabase: a database file that is missing, damaged, someone
// else's or newer gets one sentence from every command, and is left
// byte for byte as it was, with nothing created beside it.
func TestBadDatabase(t *testing.T) {
	cleanEnv(t)
	noTUI(t)
	newer := func(t *testing.T, db string) {
		mustNew(t, db, "--city", "X", "--stage", "1")
		conn, err := sql.Open("sqlite", db)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Exec("PRAGMA user_version = 999"); err != nil {
			t.Fatal(err)
		}
		if err := conn.Close(); err != nil {
			t.Fatal(err)
		}
	}
	random := make([]byte, 8192)
	for i := range random {
		random[i] = byte(i*7919 + i*i*31) // fixed noise, not a SQLite header
	}
	damaged := append([]byte("SQLite format 3\x00"), random...)
	cases := []struct {
		name string
		make func(t *testing.T, db string)
		key  string
		// writers: the commands that may start a database (new, demo, the
		// home screen) get the same answer; false for a missing file,
		// which they create.
		writers bool
		// args of the sentence besides none (nil) or the path (withPath).
		args func(db string) []any
	}{
		{"missing", func(*testing.T, string) {}, "cli.err.no_database", false, nil},
		{"random bytes", func(t *testing.T, db string) { os.WriteFile(db, random, 0o600) }, "err.not_database", true, nil},
		{"SQLite header then garbage", func(t *testing.T, db string) { os.WriteFile(db, damaged, 0o600) }, "err.not_database", true, nil},
		{"a text file", func(t *testing.T, db string) {
			os.WriteFile(db, []byte("Daftar hadir Bimtek\nDISKOMINFO, hadir\n"), 0o600)
		}, "err.not_database", true, nil},
		{"another program's SQLite file", func(t *testing.T, db string) {
			conn, _ := sql.Open("sqlite", db)
			defer conn.Close()
			if _, err := conn.Exec("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('hello')"); err != nil {
				t.Fatal(err)
			}
		}, "err.not_database", true, nil},
		{"a folder", func(t *testing.T, db string) { os.Mkdir(db, 0o700) }, "err.db_folder", true, withPath},
		{"newer schema", newer, "err.newer_schema", true, nil},
		// Paths that are no file at all: one sentence at once, never a
		// hang (a FIFO waited for a writer) or a crash (a dangling link
		// recursed until the stack overflowed).
		{"a dangling link", func(t *testing.T, db string) {
			if err := os.Symlink(filepath.Join(filepath.Dir(db), "gone.db"), db); err != nil {
				t.Fatal(err)
			}
		}, "err.db_dangling", true, func(db string) []any { return []any{db, filepath.Join(filepath.Dir(db), "gone.db")} }},
		{"a loop of links", func(t *testing.T, db string) {
			if err := os.Symlink(db, db); err != nil {
				t.Fatal(err)
			}
		}, "err.db_dangling", true, func(db string) []any { return []any{db, db} }},
		{"a FIFO", func(t *testing.T, db string) {
			if err := syscall.Mkfifo(db, 0o600); err != nil {
				t.Skipf("no FIFOs here: %v", err)
			}
		}, "err.db_fifo", true, withPath},
	}
	csvFile := filepath.Join(t.TempDir(), "scores.csv")
	os.WriteFile(csvFile, []byte("opd_code,indicator_key,level\n"), 0o644)
	for _, c := range cases {
		for _, lang := range langs {
			t.Run(c.name+"/"+lang, func(t *testing.T) {
				db := dbPath(t)
				c.make(t, db)
				dir := filepath.Dir(db)
				before := snapshot(t, dir)
				want := tr(lang, c.key)
				if c.key == "cli.err.no_database" {
					want = tr(lang, c.key, db)
				}
				if c.args != nil {
					want = tr(lang, c.key, c.args(db)...)
				}
				cmds := [][]string{{"list"}, {"list", "--json"}, {"export", "1", "--dir", filepath.Join(t.TempDir(), "x")}, {"present", "1"},
					{"open", "1"}, {"import", "1", csvFile}}
				if c.writers {
					cmds = append(cmds, []string{"new", "--city", "X", "--stage", "1"}, []string{"demo", "--no-open"}, []string{})
				}
				for _, args := range cmds {
					r := bt(t, append([]string{"--db", db, "--lang", lang}, args...)...)
					said(t, r, 1, want)
					if r.stdout != "" {
						t.Errorf("%v printed %q", args, r.stdout)
					}
					sameSnapshot(t, before, snapshot(t, dir))
				}
			})
		}
	}
}

// TestEmptyFileIsANewDatabase: a file of 0 bytes (touched, or left by a
// crash before the first write) has no sessions; it is not "damaged".
func TestEmptyFileIsANewDatabase(t *testing.T) {
	cleanEnv(t)
	noTUI(t)
	db := dbPath(t)
	os.WriteFile(db, nil, 0o600)
	dir := filepath.Dir(db)
	before := snapshot(t, dir)
	for _, lang := range langs {
		r := bt(t, "--db", db, "--lang", lang, "list")
		mustOK(t, r)
		if r.stdout != tr(lang, "cli.list.empty")+"\n" {
			t.Errorf("list of an empty file: %q", r.stdout)
		}
		if r := bt(t, "--db", db, "list", "--json"); r.stdout != "[]\n" || r.code != 0 {
			t.Errorf("list --json of an empty file: exit %d, %q", r.code, r.stdout)
		}
		for _, args := range [][]string{{"export", "1", "--dir", filepath.Join(t.TempDir(), "x")}, {"present", "1"}} {
			said(t, bt(t, append([]string{"--db", db, "--lang", lang}, args...)...), 1, tr(lang, "err.empty_database", db))
		}
	}
	sameSnapshot(t, before, snapshot(t, dir))
	if id := mustNew(t, db, "--city", "X", "--stage", "1"); id != 1 {
		t.Errorf("id %d in an empty file, want 1", id)
	}
}

// TestFileArguments: a folder or a path through a file where a file is
// wanted gets one sentence in the UI language.
func TestFileArguments(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	id := mustDemo(t, db, 1)
	folder := t.TempDir()
	plain := filepath.Join(folder, "catatan.txt")
	os.WriteFile(plain, []byte("x"), 0o644)
	for _, lang := range langs {
		for _, args := range [][]string{
			{"import", "1", folder},
			{"framework", "check", folder},
			{"new", "--city", "X", "--stage", "1", "--opds", folder},
			{"new", "--city", "X", "--stage", "1", "--framework", folder},
		} {
			said(t, bt(t, append([]string{"--db", db, "--lang", lang}, args...)...), 1, tr(lang, "err.is_folder", folder))
		}
		r := bt(t, "--db", db, "--lang", lang, "export", strconv.FormatInt(id, 10), "--dir", filepath.Join(plain, "sub"))
		head, _, _ := strings.Cut(tr(lang, "err.file_failed", plain, "REASON"), "(")
		if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, head) {
			t.Errorf("export into a path through a file: exit %d, %q; want 1 and %q...", r.code, r.stderr, head)
		}
		noNoise(t, r.stderr)
	}
}

// TestReadOnlyDatabase: list and export read a file the user may not
// write, or one in a folder the user may not write (a USB stick, a shared
// folder); the commands that write say so in one sentence and change
// nothing. Running as root, only the reading half can be checked.
func TestReadOnlyDatabase(t *testing.T) {
	cleanEnv(t)
	for _, c := range []struct {
		name string
		lock func(db string) (probe string, undo func())
	}{
		{"file 0400", func(db string) (string, func()) {
			os.Chmod(db, 0o400)
			return db, func() { os.Chmod(db, 0o600) }
		}},
		{"folder 0500", func(db string) (string, func()) {
			dir := filepath.Dir(db)
			os.Chmod(dir, 0o500)
			return filepath.Join(dir, "probe"), func() { os.Chmod(dir, 0o700) }
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := dbPath(t)
			id := mustDemo(t, db, 2)
			scores := filepath.Join(exportTo(t, db, id), "scores.csv")
			// As a file copied onto a read-only disk: no -wal or -shm beside
			// it (the read-only export above left empty ones).
			for _, side := range []string{"-wal", "-shm"} {
				if err := os.Remove(db + side); err != nil && !os.IsNotExist(err) {
					t.Fatal(err)
				}
			}
			probe, undo := c.lock(db)
			t.Cleanup(undo)
			before := sha(t, db)

			r := bt(t, "--db", db, "list")
			mustOK(t, r)
			if !strings.Contains(r.stdout, "Kota Contoh") {
				t.Errorf("list of a read-only file: %q", r.stdout)
			}
			exportTo(t, db, id)

			f, err := os.OpenFile(probe, os.O_WRONLY|os.O_CREATE, 0o600)
			if err == nil {
				f.Close()
				os.Remove(probe)
				t.Skip("this process may write despite the mode bits (root or CAP_DAC_OVERRIDE), so a refusal cannot be observed; list and export above did run on the read-only file")
			}
			for _, args := range [][]string{{"new", "--city", "X", "--stage", "1"}, {"import", "1", scores}, {"demo", "--no-open"}} {
				for _, lang := range langs {
					r := bt(t, append([]string{"--db", db, "--lang", lang}, args...)...)
					said(t, r, 1, tr(lang, "err.read_only"))
				}
			}
			if sha(t, db) != before {
				t.Errorf("the read-only database changed")
			}
		})
	}
}

// ---------------------------------------------------------------- a second process

// TestHoldLockHelper is not a test: it is the other facilitator process
// started by TestLockedSession (the test binary run again with
// BIMTEK_TEST_HOLD set). It takes the session and keeps it until its stdin
// closes.
func TestHoldLockHelper(t *testing.T) {
	db := os.Getenv("BIMTEK_TEST_HOLD")
	if db == "" {
		t.Skip("helper process for TestLockedSession")
	}
	// It returns normally (no os.Exit), so that a TestMain cleans up.
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		fmt.Println("open:", err)
		t.FailNow()
	}
	defer st.Close()
	release, err := st.Acquire(ctx, 1)
	if err != nil {
		fmt.Println("acquire:", err)
		t.FailNow()
	}
	defer release()
	fmt.Println("held")
	bufio.NewReader(os.Stdin).ReadString('\n') // until the test closes stdin
}

func TestLockedSession(t *testing.T) {
	cleanEnv(t)
	opened := noTUI(t)
	db := dbPath(t)
	id := mustDemo(t, db, 4)
	if id != 1 {
		t.Fatalf("demo id %d, want 1", id)
	}
	before := exportTo(t, db, id)

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
		if strings.HasPrefix(sc.Text(), "open:") || strings.HasPrefix(sc.Text(), "acquire:") {
			t.Fatalf("the holder process failed: %s", sc.Text())
		}
	}
	if sc.Text() != "held" {
		t.Fatalf("the holder process stopped before taking the session")
	}
	pid := holder.Process.Pid

	// Reading works beside the holder.
	r := bt(t, "--db", db, "list")
	mustOK(t, r)
	if !strings.Contains(r.stdout, "Kota Contoh") {
		t.Errorf("list beside the holder: %q", r.stdout)
	}
	during := exportTo(t, db, id)
	sameSnapshot(t, snapshot(t, before), snapshot(t, during))
	if r := bt(t, "--db", db, "present", "1"); r.code != 0 || r.stderr != "" {
		t.Errorf("present beside the holder: exit %d, %q", r.code, r.stderr)
	}

	// Writing the held session is refused, naming the holder.
	for _, lang := range langs {
		for _, args := range [][]string{{"open", "1"}, {"import", "1", filepath.Join(before, "scores.csv")}} {
			r := bt(t, append([]string{"--db", db, "--lang", lang}, args...)...)
			if r.code != 1 || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("%v beside the holder: exit %d, stderr %q; want 1 and one line", args, r.code, r.stderr)
			}
			noNoise(t, r.stderr)
			head, _, _ := strings.Cut(tr(lang, "err.locked", 1, pid, "HOST", "", "", "", ""), "HOST")
			if !strings.HasPrefix(r.stderr, head) {
				t.Errorf("%v: %q, want the locked sentence naming pid %d", args, r.stderr, pid)
			}
			// The --db given is kept in both commands the sentence offers.
			for _, want := range []string{"bimtek present 1 --db " + db + ",", "bimtek open 1 --take-over --db " + db + " ("} {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("%v: %q does not offer %q", args, r.stderr, want)
				}
			}
		}
	}
	if !slices.Equal(*opened, []int64{1}) { // present only
		t.Errorf("the UI opened on %v, want only the projector view of session 1", *opened)
	}
	// Another session of the same file is free.
	if id2 := mustNew(t, db, "--city", "Kota Lain", "--stage", "1"); id2 != 2 {
		t.Errorf("new beside the holder gave id %d", id2)
	}
	sameSnapshot(t, snapshot(t, before), snapshot(t, exportTo(t, db, id)))

	stdin.Close()
	if err := holder.Wait(); err != nil {
		t.Fatalf("holder: %v", err)
	}
	if r := bt(t, "--db", db, "open", "1"); r.code != 0 {
		t.Errorf("open after the holder quit: exit %d %q", r.code, r.stderr)
	}
}

// ---------------------------------------------------------------- ids and the UI

func TestSessionArguments(t *testing.T) {
	cleanEnv(t)
	opened := noTUI(t)
	db := dbPath(t)
	id := mustDemo(t, db, 1)
	scores := filepath.Join(exportTo(t, db, id), "scores.csv")
	type c struct {
		args []string
		code int
		key  string
		kv   []any
	}
	var cases []c
	for _, cmd := range []string{"open", "present", "export"} {
		cases = append(cases,
			c{[]string{cmd}, 2, "cli.err.need_id", nil},
			c{[]string{cmd, "abc"}, 2, "cli.err.bad_id", []any{"abc"}},
			c{[]string{cmd, "0"}, 2, "cli.err.bad_id", []any{"0"}},
			c{[]string{cmd, "1.5"}, 2, "cli.err.bad_id", []any{"1.5"}},
			c{[]string{cmd, "1", "2"}, 2, "cli.err.need_id", nil},
			c{[]string{cmd, "-1"}, 2, "cli.err.flag_unknown", []any{"-1", "bimtek " + cmd}},
			c{[]string{cmd, "99"}, 1, "err.no_session", nil},
		)
	}
	cases = append(cases,
		c{[]string{"import"}, 2, "cli.err.import_args", nil},
		c{[]string{"import", "1"}, 2, "cli.err.import_args", nil},
		c{[]string{"import", "abc", scores}, 2, "cli.err.bad_id", []any{"abc"}},
		c{[]string{"import", "1", scores, "extra"}, 2, "cli.err.import_args", nil},
		c{[]string{"import", "99", scores}, 1, "err.no_session", nil},
		c{[]string{"import", "1", scores + ".missing"}, 1, "err.not_found", []any{scores + ".missing"}},
	)
	before := sha(t, db)
	for _, tc := range cases {
		for _, lang := range langs {
			t.Run(strings.Join(tc.args, "_")+"/"+lang, func(t *testing.T) {
				r := bt(t, append([]string{"--db", db, "--lang", lang}, tc.args...)...)
				said(t, r, tc.code, tr(lang, tc.key, tc.kv...))
				if r.stdout != "" {
					t.Errorf("stdout %q", r.stdout)
				}
			})
		}
	}
	if len(*opened) != 0 {
		t.Errorf("the UI was opened on %v", *opened)
	}
	if sha(t, db) != before {
		t.Errorf("a refused command changed the database file")
	}

	// Good ids open the UI on their session, and say how to come back.
	for _, lang := range langs {
		*opened = nil
		r := bt(t, "--db", db, "--lang", lang, "--theme", "contrast", "open", "1")
		mustOK(t, r)
		if r.stdout != tr(lang, "frame.quit_saved", "bimtek open 1 --db "+db)+"\n" {
			t.Errorf("open printed %q", r.stdout)
		}
		mustOK(t, bt(t, "--db", db, "present", "1"))
		mustOK(t, bt(t, "--db", db))
		if !slices.Equal(*opened, []int64{1, 1, 0}) {
			t.Errorf("UI opened on %v, want open 1, present 1, home", *opened)
		}
	}
	*opened = nil
	r := bt(t, "--db", db, "demo", "--seed", "3")
	mustOK(t, r)
	if !slices.Equal(*opened, []int64{2}) || r.stdout != tr("id", "frame.quit_saved", "bimtek open 2 --db "+db)+"\n" {
		t.Errorf("demo opened the UI on %v and printed %q, want the new session 2", *opened, r.stdout)
	}
}

// ---------------------------------------------------------------- export

func TestExportWritesFourFiles(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	id := mustDemo(t, db, 9)
	files := []string{"scores.csv", "opd_dimensions.csv", "city_summary.csv", "priorities.csv"}
	for _, excel := range []bool{false, true} {
		for _, lang := range langs {
			var extra []string
			if excel {
				extra = append(extra, "--excel")
			}
			dir := exportTo(t, db, id, append(extra, "--lang", lang)...)
			es, _ := os.ReadDir(dir)
			var names []string
			for _, e := range es {
				names = append(names, e.Name())
			}
			slices.Sort(names)
			if want := slices.Sorted(slices.Values(files)); !slices.Equal(names, want) {
				t.Fatalf("export wrote %v, want %v", names, want)
			}
			for _, f := range files {
				raw, _ := os.ReadFile(filepath.Join(dir, f))
				if !utf8.Valid(raw) {
					t.Errorf("%s is not UTF-8", f)
				}
				firstLine, _, _ := bytes.Cut(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")), []byte("\n"))
				sep := ","
				if excel {
					sep = ";"
				}
				if !bytes.Contains(firstLine, []byte(sep)) || !bytes.HasSuffix(firstLine, []byte("\r")) {
					t.Errorf("%s (excel %v): header %q, want %q separators and CRLF", f, excel, firstLine, sep)
				}
				readCSV(t, filepath.Join(dir, f), excel) // BOM exactly when excel
			}
			sc := readCSV(t, filepath.Join(dir, "scores.csv"), excel)
			if len(sc.rows) != 20*18 {
				t.Errorf("scores.csv has %d rows, want 20 OPDs x 18 items", len(sc.rows))
			}
			cs := readCSV(t, filepath.Join(dir, "city_summary.csv"), excel)
			index := cs.rows[len(cs.rows)-1]
			wantName := map[string]string{"id": "Indeks kota", "en": "City index"}[lang]
			if cs.get(index, "dimension_key") != "index" || cs.get(index, "dimension") != wantName {
				t.Errorf("index row %q, want index / %s", index, wantName)
			}
			score := cs.get(index, "score")
			if excel != strings.Contains(score, ",") || excel == strings.Contains(score, ".") {
				t.Errorf("excel %v: index score %q has the wrong decimal mark", excel, score)
			}
		}
	}

	// Without --dir, a new folder in the current directory.
	cwd := t.TempDir()
	t.Chdir(cwd)
	r := bt(t, "--db", db, "export", "1")
	mustOK(t, r)
	dir := strings.TrimSuffix(r.stdout, "\n")
	if filepath.Dir(dir) != cwd || !strings.HasPrefix(filepath.Base(dir), "bimtek-kota-contoh-tahap1-1-") {
		t.Errorf("default export folder %q, want bimtek-kota-contoh-tahap1-1-... in %s", dir, cwd)
	}
	if _, err := os.Stat(filepath.Join(dir, "scores.csv")); err != nil {
		t.Error(err)
	}
}

// exact arithmetic for the re-computation of the exported numbers

func ratMean(vs []*big.Rat) *big.Rat {
	s := new(big.Rat)
	for _, v := range vs {
		s.Add(s, v)
	}
	return s.Quo(s, big.NewRat(int64(len(vs)), 1))
}

// fmt2 rounds half away from zero to 2 decimals, exactly.
func fmt2(r *big.Rat) string {
	x := new(big.Rat).Mul(r, big.NewRat(100, 1))
	neg := x.Sign() < 0
	x.Abs(x)
	x.Add(x, big.NewRat(1, 2))
	q := new(big.Int).Quo(x.Num(), x.Denom()) // floor of a positive number
	if q.Sign() == 0 {
		neg = false
	}
	s := q.String()
	for len(s) < 3 {
		s = "0" + s
	}
	s = s[:len(s)-2] + "." + s[len(s)-2:]
	if neg {
		s = "-" + s
	}
	return s
}

func ratOf(t *testing.T, s string) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("%q is not a number", s)
	}
	return r
}

type exactStat struct {
	n                  int
	mean, min, max, vr *big.Rat
}

func statOf(vs []*big.Rat) exactStat {
	st := exactStat{n: len(vs)}
	if len(vs) == 0 {
		return st
	}
	st.mean = ratMean(vs)
	st.min, st.max = vs[0], vs[0]
	ss := new(big.Rat)
	for _, v := range vs {
		if v.Cmp(st.min) < 0 {
			st.min = v
		}
		if v.Cmp(st.max) > 0 {
			st.max = v
		}
		d := new(big.Rat).Sub(v, st.mean)
		ss.Add(ss, d.Mul(d, d))
	}
	st.vr = ss.Quo(ss, big.NewRat(int64(len(vs)), 1))
	return st
}

// TestExportNumbersFollowFromScores re-computes every number of
// opd_dimensions.csv and city_summary.csv from scores.csv alone, by DESIGN
// section 3 with exact fractions: element = mean of its answered
// indicators, dimension = mean of its scored elements, overall = mean of
// the scored dimensions, city = plain mean over the OPDs (all present in
// the demo), population stdev, completion = (answered + N/A) / items.
func TestExportNumbersFollowFromScores(t *testing.T) {
	cleanEnv(t)
	f, err := assets.Framework("elemen")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Dimensions {
		for _, e := range d.Elements {
			for _, i := range e.Indicators {
				if (d.Weight != 0 && d.Weight != 1) || (e.Weight != 0 && e.Weight != 1) || (i.Weight != 0 && i.Weight != 1) {
					t.Fatalf("this test assumes weights of 1 in elemen; %s has other weights", i.Key)
				}
			}
		}
	}
	predikat := func(score string) string {
		best, found := "", false
		for _, b := range f.Bands {
			if ratOf(t, score).Cmp(ratOf(t, strconv.FormatFloat(b.Min, 'f', -1, 64))) >= 0 {
				best, found = b.Predikat.ID, true
			}
		}
		if !found {
			return ""
		}
		return best
	}

	for _, seed := range []int{1, 5, 11} {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			db := dbPath(t)
			id := mustDemo(t, db, seed)
			if s := listJSON(t, db)[0]; s["present"] != s["opds"] {
				t.Fatalf("the demo's OPDs are not all present: %v", s)
			}
			dir := exportTo(t, db, id)
			sc := readCSV(t, filepath.Join(dir, "scores.csv"), false)

			type opd struct {
				code, name  string
				levels      map[string]map[string][]*big.Rat // dimension -> element -> levels
				done, items map[string]int                   // per dimension
			}
			var opds []*opd
			byCode := map[string]*opd{}
			var dims []string
			for _, row := range sc.rows {
				code, dim, el := sc.get(row, "opd_code"), sc.get(row, "dimension_key"), sc.get(row, "element_key")
				o := byCode[code]
				if o == nil {
					o = &opd{code: code, name: sc.get(row, "opd_name"), levels: map[string]map[string][]*big.Rat{}, done: map[string]int{}, items: map[string]int{}}
					byCode[code] = o
					opds = append(opds, o)
				}
				if !slices.Contains(dims, dim) {
					dims = append(dims, dim)
				}
				if o.levels[dim] == nil {
					o.levels[dim] = map[string][]*big.Rat{}
				}
				o.items[dim]++
				level, na := sc.get(row, "level"), sc.get(row, "not_applicable")
				switch {
				case na == "1":
					o.done[dim]++
					if level != "" {
						t.Errorf("N/A row with a level: %q", row)
					}
				case level != "":
					o.done[dim]++
					o.levels[dim][el] = append(o.levels[dim][el], ratOf(t, level))
				}
			}

			// Per OPD.
			dimScore := map[string]map[string]*big.Rat{} // code -> dimension -> score
			overall := map[string]*big.Rat{}
			for _, o := range opds {
				dimScore[o.code] = map[string]*big.Rat{}
				var ds []*big.Rat
				for _, dim := range dims {
					var es []*big.Rat
					for _, lv := range o.levels[dim] {
						if len(lv) > 0 {
							es = append(es, ratMean(lv))
						}
					}
					if len(es) > 0 {
						dimScore[o.code][dim] = ratMean(es)
						ds = append(ds, dimScore[o.code][dim])
					}
				}
				if len(ds) > 0 {
					overall[o.code] = ratMean(ds)
				}
			}
			od := readCSV(t, filepath.Join(dir, "opd_dimensions.csv"), false)
			if want := append(append([]string{"opd_code", "opd_name"}, dims...), "overall", "predikat", "completion"); !slices.Equal(od.header, want) {
				t.Fatalf("opd_dimensions header %q, want %q", od.header, want)
			}
			if len(od.rows) != len(opds) {
				t.Fatalf("opd_dimensions has %d rows, want %d", len(od.rows), len(opds))
			}
			cell := func(r *big.Rat) string {
				if r == nil {
					return ""
				}
				return fmt2(r)
			}
			for i, o := range opds {
				row := od.rows[i]
				done, items := 0, 0
				for _, dim := range dims {
					done += o.done[dim]
					items += o.items[dim]
				}
				want := []string{o.code, o.name}
				for _, dim := range dims {
					want = append(want, cell(dimScore[o.code][dim]))
				}
				want = append(want, cell(overall[o.code]), predikat(cell(overall[o.code])), fmt2(big.NewRat(int64(done), int64(items))))
				if !slices.Equal(row, want) {
					t.Errorf("opd_dimensions row %d\n got  %q\n want %q", i+1, row, want)
				}
			}

			// City.
			cs := readCSV(t, filepath.Join(dir, "city_summary.csv"), false)
			if len(cs.rows) != len(dims)+1 {
				t.Fatalf("city_summary has %d rows, want %d dimensions + index", len(cs.rows), len(dims))
			}
			check := func(row []string, key string, vs []*big.Rat, score *big.Rat, target *big.Rat, done, items int) {
				t.Helper()
				st := statOf(vs)
				gap := ""
				if score != nil {
					gap = fmt2(new(big.Rat).Sub(target, score))
				}
				want := map[string]string{
					"dimension_key": key, "score": cell(score), "predikat": predikat(cell(score)),
					"target": fmt2(target), "gap": gap, "n_opd": strconv.Itoa(st.n),
					"min": cell(st.min), "max": cell(st.max),
					"completion": fmt2(big.NewRat(int64(done), int64(items))),
				}
				for k, v := range want {
					if got := cs.get(row, k); got != v {
						t.Errorf("city_summary %s %s = %q, want %q", key, k, got, v)
					}
				}
				vr, _ := st.vr.Float64()
				sd, err := strconv.ParseFloat(cs.get(row, "stdev"), 64)
				if err != nil || math.Abs(sd-math.Sqrt(vr)) > 0.005+1e-9 {
					t.Errorf("city_summary %s stdev = %q, want %.4f rounded", key, cs.get(row, "stdev"), math.Sqrt(vr))
				}
			}
			var cityScores, targets []*big.Rat
			allDone, allItems := 0, 0
			for i, dim := range dims {
				row := cs.rows[i]
				var vs []*big.Rat
				done, items := 0, 0
				for _, o := range opds {
					if s := dimScore[o.code][dim]; s != nil {
						vs = append(vs, s)
					}
					done += o.done[dim]
					items += o.items[dim]
				}
				allDone += done
				allItems += items
				target := ratOf(t, cs.get(row, "target"))
				targets = append(targets, target)
				var score *big.Rat
				if len(vs) > 0 {
					score = ratMean(vs)
					cityScores = append(cityScores, score)
				}
				check(row, dim, vs, score, target, done, items)
			}
			var overalls []*big.Rat
			for _, o := range opds {
				if overall[o.code] != nil {
					overalls = append(overalls, overall[o.code])
				}
			}
			check(cs.rows[len(dims)], "index", overalls, ratMean(cityScores), ratMean(targets), allDone, allItems)

			// The Excel flavour has the same numbers with a decimal comma.
			xdir := exportTo(t, db, id, "--excel")
			for _, name := range []string{"opd_dimensions.csv", "city_summary.csv"} {
				plain, xl := readCSV(t, filepath.Join(dir, name), false), readCSV(t, filepath.Join(xdir, name), true)
				if !slices.Equal(plain.header, xl.header) || len(plain.rows) != len(xl.rows) {
					t.Fatalf("%s: the Excel flavour has another shape", name)
				}
				for i := range plain.rows {
					for j, p := range plain.rows[i] {
						want := p
						if _, err := strconv.ParseFloat(p, 64); err == nil {
							want = strings.Replace(p, ".", ",", 1)
						}
						if xl.rows[i][j] != want {
							t.Errorf("%s row %d %s: Excel %q, plain %q", name, i+1, plain.header[j], xl.rows[i][j], p)
						}
					}
				}
			}
		})
	}
}

// ---------------------------------------------------------------- import

func TestImport(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	id := mustDemo(t, db, 5)
	a := exportTo(t, db, id)
	sc := readCSV(t, filepath.Join(a, "scores.csv"), false)
	n := len(sc.rows)

	t.Run("round trip changes nothing", func(t *testing.T) {
		ev := eventCount(t, db, id)
		for _, flavour := range [][]string{nil, {"--excel"}} {
			src := a
			if flavour != nil {
				src = exportTo(t, db, id, flavour...)
			}
			for _, lang := range langs {
				r := bt(t, "--db", db, "--lang", lang, "import", "1", filepath.Join(src, "scores.csv"))
				mustOK(t, r)
				if r.stdout != tr(lang, "cli.import.done", importCounts(n, 0, 0, 0, 0, 0, 0, 0)...)+"\n" {
					t.Errorf("import printed %q", r.stdout)
				}
			}
		}
		sameSnapshot(t, snapshot(t, a), snapshot(t, exportTo(t, db, id)))
		if got := eventCount(t, db, id); got != ev {
			t.Errorf("a round trip wrote %d events", got-ev)
		}
	})

	t.Run("edited rows change, and only they", func(t *testing.T) {
		ev := eventCount(t, db, id)
		edited := table{sc.header, make([][]string, n)}
		for i, r := range sc.rows {
			edited.rows[i] = slices.Clone(r)
		}
		level, na, note := sc.col("level"), sc.col("not_applicable"), sc.col("note")
		find := func(from int, answered bool) int {
			for i := from; i < n; i++ {
				if (edited.rows[i][level] != "") == answered && edited.rows[i][na] == "0" {
					return i
				}
			}
			t.Fatalf("the demo has no row answered=%v after %d", answered, from)
			return -1
		}
		changes := map[int]func([]string){}
		i1 := find(0, true)
		changes[i1] = func(r []string) { l, _ := strconv.Atoi(r[level]); r[level] = strconv.Itoa(l%5 + 1) }
		i2 := find(i1+1, true)
		changes[i2] = func(r []string) { r[level], r[na] = "", "1" }
		i3 := find(0, false)
		changes[i3] = func(r []string) { r[level] = "3" }
		i4 := find(max(i2, i3)+1, true)
		changes[i4] = func(r []string) { r[note] = "Perlu Perwal; \"segera\", =SUM(A1)" }
		for i, ch := range changes {
			ch(edited.rows[i])
		}
		// A level emptied in the file leaves the stored answer alone.
		i5 := find(i4+1, true)
		edited.rows[i5][level] = ""
		file := filepath.Join(t.TempDir(), "scores-edited.csv")
		writeCSV(t, file, edited)
		r := bt(t, "--db", db, "import", "1", file)
		mustOK(t, r)
		// i1 and i3 set a level, i2 marks N/A, i4 changes a note; i5 is kept.
		if want := tr("id", "cli.import.done", importCounts(n, len(changes), 2, 0, 1, 1, 1, 0)...) + "\n"; r.stdout != want {
			t.Errorf("import printed %q\nwant %q", r.stdout, want)
		}
		if got := eventCount(t, db, id); got != ev+len(changes) {
			t.Errorf("%d events written, want %d", got-ev, len(changes))
		}
		after := readCSV(t, filepath.Join(exportTo(t, db, id), "scores.csv"), false)
		labels := map[string]string{"": ""}
		f, _ := assets.Framework("elemen")
		for _, l := range f.Scale {
			labels[strconv.Itoa(l.Value)] = l.Label.ID
		}
		for i := range n {
			if _, was := changes[i]; !was {
				if !slices.Equal(after.rows[i], sc.rows[i]) {
					t.Errorf("row %d changed though not edited:\n%q\n%q", i+2, sc.rows[i], after.rows[i])
				}
				continue
			}
			for _, col := range []string{"opd_code", "indicator_key", "level", "not_applicable", "note"} {
				if g, w := after.get(after.rows[i], col), edited.get(edited.rows[i], col); g != w {
					t.Errorf("row %d %s = %q, want the edited %q", i+2, col, g, w)
				}
			}
			if g, w := after.get(after.rows[i], "level_label"), labels[after.get(after.rows[i], "level")]; g != w {
				t.Errorf("row %d level_label %q, want %q", i+2, g, w)
			}
		}
		// The same file again changes nothing more.
		r = bt(t, "--db", db, "import", "1", file)
		mustOK(t, r)
		if r.stdout != tr("id", "cli.import.done", importCounts(n, 0, 0, 0, 0, 0, 1, 0)...)+"\n" {
			t.Errorf("second import printed %q", r.stdout)
		}
	})

	t.Run("a bad file is refused whole", func(t *testing.T) {
		base := exportTo(t, db, id)
		cur := readCSV(t, filepath.Join(base, "scores.csv"), false)
		bad := table{cur.header, nil}
		for _, r := range cur.rows {
			bad.rows = append(bad.rows, slices.Clone(r))
		}
		bad.rows[0][cur.col("opd_code")] = "DINAS_FIKTIF" // line 2
		bad.rows[1][cur.col("level")] = "7"               // line 3
		bad.rows[1][cur.col("not_applicable")] = "0"
		bad.rows[2][cur.col("not_applicable")] = "mungkin"     // line 4
		bad.rows = append(bad.rows, slices.Clone(cur.rows[4])) // a duplicate of line 6
		bad.rows[9][cur.col("level")] = "2"                    // line 11: a good edit that must not land
		bad.rows[9][cur.col("not_applicable")] = "0"
		file := filepath.Join(t.TempDir(), "scores-bad.csv")
		writeCSV(t, file, bad)
		ev := eventCount(t, db, id)
		for _, lang := range langs {
			r := bt(t, "--db", db, "--lang", lang, "import", "1", file)
			got := problemLines(t, r, file, tr(lang, "err.import_many", file, 4))
			if want := []int{2, 3, 4, len(bad.rows) + 1}; !slices.Equal(got, want) {
				t.Errorf("problem lines %v, want %v:\n%s", got, want, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q", r.stdout)
			}
		}
		sameSnapshot(t, snapshot(t, base), snapshot(t, exportTo(t, db, id)))
		if got := eventCount(t, db, id); got != ev {
			t.Errorf("a refused import wrote %d events", got-ev)
		}

		// One problem gets the singular sentence.
		one := table{cur.header, [][]string{slices.Clone(cur.rows[0])}}
		one.rows[0][cur.col("level")] = "0"
		os.WriteFile(file, nil, 0o644)
		writeCSV(t, file, one)
		r := bt(t, "--db", db, "import", "1", file)
		if got := problemLines(t, r, file, tr("id", "err.import_one", file)); !slices.Equal(got, []int{2}) {
			t.Errorf("problem lines %v, want [2]", got)
		}
	})
}

// ---------------------------------------------------------------- demo

func TestDemoIsSeededAndRealistic(t *testing.T) {
	cleanEnv(t)
	scores := func(seed int) table {
		db := dbPath(t)
		id := mustDemo(t, db, seed)
		sc := readCSV(t, filepath.Join(exportTo(t, db, id), "scores.csv"), false)
		u := sc.col("updated_at")
		for _, r := range sc.rows {
			if r[u] != "" && !strings.HasSuffix(r[u], "Z") {
				t.Errorf("updated_at %q is not UTC", r[u])
			}
			r[u] = ""
		}
		return sc
	}
	a, b, c := scores(42), scores(42), scores(43)
	if !slices.EqualFunc(a.rows, b.rows, slices.Equal) {
		t.Errorf("two demos with seed 42 differ")
	}
	if slices.EqualFunc(a.rows, c.rows, slices.Equal) {
		t.Errorf("seeds 42 and 43 gave the same demo")
	}
	for seed, sc := range map[int]table{42: a, 43: c} {
		codes := map[string]bool{}
		var answered, na, notes, empty int
		for _, r := range sc.rows {
			codes[sc.get(r, "opd_code")] = true
			switch {
			case sc.get(r, "not_applicable") == "1":
				na++
			case sc.get(r, "level") != "":
				answered++
			default:
				empty++
			}
			if sc.get(r, "note") != "" {
				notes++
			}
		}
		done := float64(answered+na) / float64(len(sc.rows))
		t.Logf("seed %d: %d OPDs, %d rows, completion %.3f, %d N/A, %d notes, %d unanswered", seed, len(codes), len(sc.rows), done, na, notes, empty)
		if len(codes) != 20 || len(sc.rows) != 20*18 {
			t.Errorf("seed %d: %d OPDs and %d rows, want 20 and 360", seed, len(codes), len(sc.rows))
		}
		if done < 0.8 || done > 0.9 {
			t.Errorf("seed %d: completion %.3f, want about 0.85", seed, done)
		}
		if na == 0 || notes == 0 || empty == 0 {
			t.Errorf("seed %d: %d N/A, %d notes, %d unanswered; want some of each", seed, na, notes, empty)
		}
	}
}

// ---------------------------------------------------------------- frameworks

func TestFrameworkCommands(t *testing.T) {
	cleanEnv(t)
	dir := t.TempDir()
	for _, key := range assets.Frameworks() {
		r := bt(t, "framework", "show", key)
		mustOK(t, r)
		// weights exist and what they do is said where a facilitator reads the file
		if strings.Count(r.stdout, "\n    weight: 1\n") != 6 || !strings.Contains(r.stdout, "# weight:") {
			t.Errorf("framework show %s does not show the dimensions' weight and what it means", key)
		}
		path := filepath.Join(dir, key+".yaml")
		os.WriteFile(path, []byte(r.stdout), 0o644)
		for _, lang := range langs {
			r := bt(t, "--lang", lang, "framework", "check", path)
			mustOK(t, r)
			if r.stdout != tr(lang, "cli.framework.ok", path, i18n.M("count.dimensions", 6), i18n.M("count.items", 18))+"\n" {
				t.Errorf("check %s: %q", key, r.stdout)
			}
		}
		// A checked file makes a session.
		db := dbPath(t)
		mustNew(t, db, "--city", "X", "--stage", "1", "--framework", path)
		if got := listJSON(t, db)[0]["framework"]; got != key {
			t.Errorf("session from %s has framework %v", path, got)
		}
	}

	path, bad := brokenFramework(t)
	for _, lang := range langs {
		r := bt(t, "--lang", lang, "framework", "check", path)
		if got := problemLines(t, r, path, ""); !slices.Equal(got, bad) {
			t.Errorf("check lines %v, want %v:\n%s", got, bad, r.stderr)
		}
		if r.stdout != "" {
			t.Errorf("stdout %q", r.stdout)
		}
	}
	yamlErr := filepath.Join(dir, "sintaks.yaml")
	os.WriteFile(yamlErr, []byte("key: x\nname: [\n"), 0o644)
	if got := problemLines(t, bt(t, "framework", "check", yamlErr), yamlErr, ""); len(got) != 1 {
		t.Errorf("a YAML syntax error gave lines %v, want one", got)
	}
	missing := filepath.Join(dir, "tidak-ada.yaml")
	said(t, bt(t, "framework", "check", missing), 1, tr("id", "err.not_found", missing))

	for _, lang := range langs {
		r := bt(t, "--lang", lang, "frameworks")
		mustOK(t, r)
		lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
		if len(lines) != 2 {
			t.Fatalf("frameworks printed %q", r.stdout)
		}
		for i, key := range []string{"elemen", "pilar"} {
			f, _ := assets.Framework(key)
			if fs := strings.Fields(lines[i]); fs[0] != key || !strings.Contains(lines[i], f.Name.In(lang)) ||
				!strings.HasSuffix(lines[i], tr(lang, "cli.frameworks.items", i18n.M("count.dimensions", 6), i18n.M("count.items", 18))) {
				t.Errorf("frameworks line %q, want %s, its %s name and its size", lines[i], key, lang)
			}
		}
	}
	if r := bt(t, "framework"); r.code != 0 || !strings.Contains(r.stdout, "check") {
		t.Errorf("framework alone: exit %d, want its help", r.code)
	}
}

// ---------------------------------------------------------------- usage

func TestUsageErrors(t *testing.T) {
	cleanEnv(t)
	cases := []struct {
		args []string
		key  string
		kv   []any
	}{
		{[]string{"frob"}, "cli.err.extra_arg", []any{"frob", "bimtek"}},
		{[]string{"list", "extra"}, "cli.err.extra_arg", []any{"extra", "bimtek list"}},
		{[]string{"frameworks", "extra"}, "cli.err.extra_arg", []any{"extra", "bimtek frameworks"}},
		{[]string{"list", "--frob"}, "cli.err.flag_unknown", []any{"--frob", "bimtek list"}},
		{[]string{"list", "-x"}, "cli.err.flag_unknown", []any{"-x", "bimtek list"}},
		{[]string{"--frob", "list"}, "cli.err.flag_unknown", []any{"--frob", "bimtek"}},
		{[]string{"list", "--json=2"}, "cli.err.flag_value", []any{"2", "--json", "bimtek list"}},
		{[]string{"new", "--city"}, "cli.err.flag_needs", []any{"--city", "--city", "bimtek new"}},
		{[]string{"demo", "--seed", "-3"}, "cli.err.flag_value", []any{"-3", "--seed", "bimtek demo"}},
		{[]string{"list", "--theme", "pink"}, "cli.err.theme", []any{"pink"}},
		{[]string{"framework", "frob"}, "cli.err.subcommand", []any{"frob", "bimtek framework", "show, check"}},
		{[]string{"framework", "check"}, "cli.err.need_file", nil},
		{[]string{"framework", "show"}, "cli.err.need_key", nil},
		{[]string{"framework", "show", "nope"}, "err.unknown_framework", []any{"nope", "elemen, pilar"}},
	}
	for _, c := range cases {
		for _, lang := range langs {
			t.Run(strings.Join(c.args, "_")+"/"+lang, func(t *testing.T) {
				db := dbPath(t)
				r := bt(t, append([]string{"--db", db, "--lang", lang}, c.args...)...)
				said(t, r, 2, tr(lang, c.key, c.kv...))
				if _, err := os.Stat(db); !os.IsNotExist(err) {
					t.Errorf("a usage error created the database")
				}
			})
		}
	}
	// A language bimtek does not speak is said in Indonesian (English with
	// BIMTEK_LANG=en is not asked for here: --lang wins).
	for _, c := range []struct {
		args []string
		bad  string
	}{{[]string{"--lang", "de", "list"}, "de"}, {[]string{"--lang=fr", "list"}, "fr"}, {[]string{"list", "--lang", "EN"}, "EN"}} {
		t.Run(strings.Join(c.args, "_"), func(t *testing.T) {
			said(t, bt(t, append([]string{"--db", dbPath(t)}, c.args...)...), 2, tr("id", "cli.err.lang", c.bad))
		})
	}
	said(t, bt(t, "--db", dbPath(t), "list", "--lang"), 2, tr("id", "cli.err.flag_needs", "--lang", "--lang", "bimtek list"))
	if r := bt(t, "--help"); r.code != 0 || !strings.Contains(r.stdout, "bimtek") {
		t.Errorf("--help: exit %d", r.code)
	}
}

// TestEnvironment: BIMTEK_DB and BIMTEK_LANG stand in for --db and --lang,
// and the flags win over them.
func TestEnvironment(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	t.Setenv("BIMTEK_DB", db)
	t.Setenv("BIMTEK_LANG", "en")
	if id := mustNew(t, "", "--city", "Kota Env", "--stage", "3"); id != 1 {
		t.Fatalf("id %d", id)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("BIMTEK_DB was not used: %v", err)
	}
	other := dbPath(t)
	mustNew(t, other, "--city", "Kota Flag", "--stage", "1")
	r := bt(t, "list")
	mustOK(t, r)
	if !strings.Contains(r.stdout, "Kota Env") || strings.Contains(r.stdout, "Kota Flag") || !strings.HasPrefix(r.stdout, "ID  CITY") {
		t.Errorf("list with BIMTEK_DB and BIMTEK_LANG=en:\n%s", r.stdout)
	}
	said(t, bt(t, "list", "--frob"), 2, tr("en", "cli.err.flag_unknown", "--frob", "bimtek list"))
	said(t, bt(t, "--lang=id", "list", "--frob"), 2, tr("id", "cli.err.flag_unknown", "--frob", "bimtek list"))
}

func TestCardsCommand(t *testing.T) {
	cleanEnv(t)
	db := filepath.Join(t.TempDir(), "b.db")
	mustOK(t, bt(t, "--db", db, "demo", "--no-open"))
	dir := filepath.Join(t.TempDir(), "cards")
	r := bt(t, "--db", db, "cards", "1", "--dir", dir, "--url", "http://192.168.1.10:8080")
	mustOK(t, r)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 || lines[0] != filepath.Join(dir, "cards.html") || lines[1] != filepath.Join(dir, "codes.csv") ||
		!strings.HasPrefix(lines[2], "20 kartu akses; formulir di http://192.168.1.10:8080/") {
		t.Fatalf("stdout = %q", r.stdout)
	}
	read := func() [][]string {
		f, err := os.Open(filepath.Join(dir, "codes.csv"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	first := read()
	if len(first) != 21 || strings.Join(first[0], ",") != "opd_code,opd_name,access_code,url" || first[1][0] != "BAPPEDA" {
		t.Fatalf("codes.csv = %q", first[:2])
	}
	// A second run prints the same codes: cards already handed out keep working.
	mustOK(t, bt(t, "--db", db, "cards", "1", "--dir", dir, "--url", "http://192.168.1.10:8080/"))
	if again := read(); strings.Join(again[5], ",") != strings.Join(first[5], ",") {
		t.Errorf("codes changed between runs: %q vs %q", first[5], again[5])
	}
	said(t, bt(t, "--db", db, "cards", "1", "--url", "ftp://x"), 2,
		tr("id", "cli.err.cards_url", "ftp://x"))
	said(t, bt(t, "--db", db, "--lang", "en", "cards", "9"), 1, tr("en", "err.no_session"))
}
