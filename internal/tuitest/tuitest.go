// Package tuitest holds the fixtures of the screens' tests: a real store
// in a test directory, the sessions the tests build in it, keys as the
// terminal sends them, golden views. It lives outside tui/ because it
// opens the store, which no package of the screens may import.
package tuitest

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/live"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// Sizes are the body sizes of an 80x24, 120x40 and 200x60 terminal.
var Sizes = [][2]int{{80, 20}, {120, 36}, {200, 56}}

// OPDs is the fixed roster of the phase screens' tests and golden views: a
// long OPD name, Javanese and Chinese names, and one OPD (SATPOLPP) that
// Env marks absent.
var OPDs = []store.OPDInput{
	{Code: "DISKOMINFO", Name: "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Kepulauan Seribu Utara"},
	{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah"},
	{Code: "DINKES", Name: "Dinas Kesehatan"},
	{Code: "KRATON", Name: "ꦥꦤꦶꦠꦿꦏꦫꦠꦺꦴꦤ꧀ ꦔꦪꦺꦴꦒꦾꦏꦂꦠ"},
	{Code: "SJJ", Name: "数据局"},
	{Code: "SATPOLPP", Name: "Satuan Polisi Pamong Praja"}, // marked absent
	{Code: "DLH", Name: "Dinas Lingkungan Hidup"},
}

// Clock is the fixed time of Env's session.
func Clock() time.Time { return time.Date(2025, 6, 12, 10, 30, 0, 0, time.UTC) }

// OpenStore opens a new database file called name in a fresh test
// directory; it is closed when the test ends.
func OpenStore(t testing.TB, name string) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, path
}

// Sess is the screens' Sess of session d (read from st) through its
// owner, open until the test ends.
func Sess(t testing.TB, st *store.Store, d *workshop.Data, lang string, styles *common.Styles, now func() time.Time) *common.Sess {
	t.Helper()
	l, err := live.Open(context.Background(), st, d.Session.ID, live.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return common.NewSess(l, d, lang, styles, now)
}

// Elemen is the embedded "elemen" framework every fixture uses.
func Elemen(t testing.TB) *workshop.Framework {
	t.Helper()
	f, err := assets.Framework("elemen")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// Load loads session id from st.
func Load(t testing.TB, st *store.Store, id int64) *workshop.Data {
	t.Helper()
	d, err := st.Load(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Reopen loads session id through a fresh connection to the database at
// path: what survives a restart, not what the screen holds.
func Reopen(t testing.TB, path string, id int64) *workshop.Data {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return Load(t, st, id)
}

// StoredUIState is the UI state saved for session id, read as Reopen.
func StoredUIState(t testing.TB, path string, id int64) common.UIState {
	t.Helper()
	var u common.UIState
	if b := Reopen(t, path, id).UIState; len(b) > 0 {
		if err := json.Unmarshal(b, &u); err != nil {
			t.Fatal(err)
		}
	}
	return u
}

// Env is the fixed session of the phase screens' tests.
type Env struct {
	T    *testing.T
	Path string
	St   *store.Store
	ID   int64
	S    *common.Sess
}

// NewEnv creates the fixed session (Kota Bandung, tahap II, framework
// "elemen") in a fresh database with opds (SATPOLPP absent), and, with
// answers, some answers, two priorities and a few minutes on the phase
// clocks.
func NewEnv(t *testing.T, lang string, opds []store.OPDInput, answers bool) *Env {
	t.Helper()
	ctx := context.Background()
	f := Elemen(t)
	st, path := OpenStore(t, "bimtek.db")
	id, err := st.CreateSession(ctx, store.NewSession{
		City: "Kota Bandung", Stage: 2, Date: "2025-06-12",
		Venue: "Aula Bappeda Kota Bandung", Facilitator: "Dr. Siti Rahmawati",
		Framework: f, OPDs: opds,
	})
	if err != nil {
		t.Fatal(err)
	}
	d := Load(t, st, id)
	for _, o := range d.OPDs {
		if o.Code == "SATPOLPP" {
			o.Present = false
			if err := st.UpdateOPD(ctx, id, o); err != nil {
				t.Fatal(err)
			}
		}
	}
	if answers && len(d.OPDs) >= 3 {
		var rows []store.ScoreRow
		levels := [][]int{{4, 3, 5, 2, 3, 3}, {3, 2, 2, 1, 2, 3}, {2, 4, 3, 3, 0, 2}}
		for i, lv := range levels {
			for di, dim := range f.Dimensions {
				if lv[di] == 0 {
					continue
				}
				for _, e := range dim.Elements {
					for _, ind := range e.Indicators {
						rows = append(rows, store.ScoreRow{OPDID: d.OPDs[i].ID, IndicatorKey: ind.Key, Answer: workshop.Answer{Level: lv[di]}})
					}
				}
			}
		}
		rows = append(rows, store.ScoreRow{OPDID: d.OPDs[3].ID, IndicatorKey: "governance.layanan_publik.1", Answer: workshop.Answer{NA: true}, Note: "Belum ada layanan daring"})
		if _, err := st.ImportScores(ctx, id, rows); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"economy.industri", "governance.layanan_publik"} {
			if err := st.SetPriority(ctx, id, k, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	s := Sess(t, st, Load(t, st, id), lang, common.NewStyles("dark"), Clock)
	// A morning already under way: the opening ran over, the roster is on.
	s.State.Timers[0] = common.Timer{Elapsed: 17*time.Minute + 5*time.Second, AdjustMin: 5}
	s.State.Timers[1] = common.Timer{Elapsed: 4 * time.Minute, Running: true, StartedAt: Clock().Add(-90 * time.Second)}
	s.State.Phase = 1
	s.State.Revealed = true // the results were shown on the scoreboard
	return &Env{T: t, Path: path, St: st, ID: id, S: s}
}

// Reopen loads the session from a fresh connection: what survives a restart.
func (e *Env) Reopen() *workshop.Data { return Reopen(e.T, e.Path, e.ID) }

// StoredState is the UI state saved for the session.
func (e *Env) StoredState() common.UIState { return StoredUIState(e.T, e.Path, e.ID) }

// Key is a key as the terminal sends it: a name ("enter", "shift+tab")
// or the text typed.
func Key(s string) tea.KeyPressMsg {
	named := map[string]tea.KeyPressMsg{
		"enter":     {Code: tea.KeyEnter},
		"esc":       {Code: tea.KeyEscape},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"space":     {Code: tea.KeySpace, Text: " "},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"home":      {Code: tea.KeyHome},
		"end":       {Code: tea.KeyEnd},
		"pgup":      {Code: tea.KeyPgUp},
		"pgdown":    {Code: tea.KeyPgDown},
		"backspace": {Code: tea.KeyBackspace},
		"ctrl+t":    {Code: 't', Mod: tea.ModCtrl},
		"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
		"ctrl+z":    {Code: 'z', Mod: tea.ModCtrl},
		"ctrl+y":    {Code: 'y', Mod: tea.ModCtrl},
	}
	if k, ok := named[s]; ok {
		return k
	}
	r := []rune(s)
	return tea.KeyPressMsg{Code: r[0], Text: s}
}

// Keys turns key names into messages.
func Keys(keys ...string) []tea.Msg {
	out := make([]tea.Msg, len(keys))
	for i, k := range keys {
		out[i] = Key(k)
	}
	return out
}

// Typed is a text typed key by key.
func Typed(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// View draws page p at a body of w x h, as the root does after a resize.
func View(p common.Page, w, h int) string {
	p.SetSize(w, h)
	return p.View()
}

// Drive sends messages to a page and runs the commands it returns the
// way Bubble Tea would, feeding the page's own messages back to it.
// Messages meant for the root (the ones tui/common defines) are
// collected and returned. Cursor-blink timers are not run: they only wait.
func Drive(t *testing.T, p common.Page, msgs ...tea.Msg) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	steps := 0
	send := func(msg tea.Msg) tea.Cmd {
		_, cmd := p.Update(msg)
		return cmd
	}
	var run func(c tea.Cmd)
	run = func(c tea.Cmd) {
		if c == nil {
			return
		}
		if steps++; steps > 10000 {
			t.Fatal("commands do not settle")
		}
		if name := runtime.FuncForPC(reflect.ValueOf(c).Pointer()).Name(); strings.Contains(name, "bubbles/v2/cursor.") {
			return
		}
		msg := c()
		if msg == nil {
			return
		}
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := range v.Len() {
				run(v.Index(i).Interface().(tea.Cmd))
			}
			return
		}
		if reflect.TypeOf(msg).PkgPath() == reflect.TypeOf(common.ErrMsg{}).PkgPath() {
			out = append(out, msg)
			return
		}
		run(send(msg))
	}
	for _, msg := range msgs {
		run(send(msg))
	}
	return out
}

// NoErr fails t when msgs holds an error for the status line.
func NoErr(t *testing.T, msgs []tea.Msg) {
	t.Helper()
	for _, m := range msgs {
		if e, ok := m.(common.ErrMsg); ok {
			t.Fatalf("unexpected error: %v", e.Err)
		}
	}
}

// Has finds the first message of type T in msgs.
func Has[T any](msgs []tea.Msg) (T, bool) {
	for _, m := range msgs {
		if v, ok := m.(T); ok {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// CheckSize: never wider than w, never more than h lines.
func CheckSize(t *testing.T, name, v string, w, h int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) > h {
		t.Errorf("%s: %d lines for a body of %d", name, len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%s: line %d is %d wide in %d: %q", name, i, lw, w, ansi.Strip(l))
		}
	}
}

// updating reports -update, which the test binary defines: a package
// whose tests bring in teatest has it from teatest's golden package, the
// others declare it in a test file (flags are global, a second
// definition would panic).
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// Golden compares a rendered view, ANSI stripped and with trailing spaces
// trimmed per line, with testdata/<name>.golden of the package under
// test. Run its tests with -update to rewrite them, then read the diff.
func Golden(t *testing.T, name, got string) {
	t.Helper()
	lines := strings.Split(ansi.Strip(got), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	got = strings.Join(lines, "\n") + "\n"
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v (run the package's tests with -update to create it)", path, err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the view:\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

// GoldenSizes checks the size of a page's view at each of Sizes and
// compares it with its golden file name-WxH.
func GoldenSizes(t *testing.T, name string, p common.Page) {
	t.Helper()
	for _, sz := range Sizes {
		v := View(p, sz[0], sz[1])
		n := fmt.Sprintf("%s-%dx%d", name, sz[0], sz[1])
		CheckSize(t, n, v, sz[0], sz[1])
		Golden(t, n, v)
	}
}

// Update hands msg to page p and returns its command.
func Update(p common.Page, msg tea.Msg) tea.Cmd {
	_, cmd := p.Update(msg)
	return cmd
}

// ExportFiles are the full paths of a CSV export in dir.
func ExportFiles(dir string) []string {
	var out []string
	for _, f := range []string{"scores.csv", "opd_dimensions.csv", "city_summary.csv", "priorities.csv"} {
		out = append(out, dir+"/"+f)
	}
	return out
}

// BoardOPDs is the roster of BoardEnv: ten present OPDs (one with a very
// long name, one with a non-Latin name, one with no answers, one half
// done) and one absent OPD.
var BoardOPDs = []store.OPDInput{
	{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah"},
	{Code: "DISKOMINFO", Name: "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Kepulauan Seribu Utara"},
	{Code: "DINKES", Name: "Dinas Kesehatan"},
	{Code: "DISDIK", Name: "Dinas Pendidikan"},
	{Code: "DLH", Name: "Dinas Lingkungan Hidup"},
	{Code: "DISHUB", Name: "Dinas Perhubungan"},
	{Code: "DISPAR", Name: "Dinas Pariwisata"},
	{Code: "DATA", Name: "数据与统计局"},
	{Code: "SATPOLPP", Name: "Satuan Polisi Pamong Praja"},
	{Code: "DPMPTSP", Name: "Dinas Penanaman Modal dan PTSP"},
	{Code: "INSPEKTORAT", Name: "Inspektorat Daerah"},
}

// BoardClock is the fixed time of BoardEnv's session.
func BoardClock() time.Time { return time.Date(2025, 3, 10, 9, 30, 0, 0, time.UTC) }

// BoardEnv is the session of the results screens' tests, in a real store:
// the "elemen" framework, BoardOPDs with varied answers.
type BoardEnv struct {
	Path string
	St   *store.Store
	ID   int64
	Sess *common.Sess
}

// NewBoardEnv creates BoardEnv's session in a fresh database.
func NewBoardEnv(t *testing.T, lang string) *BoardEnv {
	t.Helper()
	ctx := context.Background()
	st, path := OpenStore(t, "bimtek.db")
	f := Elemen(t)
	id, err := st.CreateSession(ctx, store.NewSession{City: "Kota Contoh", Stage: 1, Date: "2025-03-10",
		Venue: "Aula Bappeda", Facilitator: "Rina", Framework: f, OPDs: BoardOPDs})
	if err != nil {
		t.Fatal(err)
	}
	d := Load(t, st, id)
	var inds []string
	for _, dim := range f.Dimensions {
		for _, ind := range dim.Indicators() {
			inds = append(inds, ind.Key)
		}
	}
	for oi, o := range d.OPDs {
		switch o.Code {
		case "DPMPTSP": // nothing answered yet
			continue
		case "INSPEKTORAT": // absent today: its answers still count (DESIGN 3)
			o.Present = false
			if err := st.UpdateOPD(ctx, id, o); err != nil {
				t.Fatal(err)
			}
		}
		for ii, k := range inds {
			if o.Code == "SATPOLPP" && ii >= 6 { // half done: governance and branding only
				break
			}
			a := workshop.Answer{Level: 1 + (oi*7+ii*3+(oi*ii)/2+ii/6*oi)%5}
			switch {
			case (oi+ii)%11 == 0:
				a = workshop.Answer{NA: true}
			case (oi*5+ii)%13 == 0:
				continue // left unanswered
			}
			if _, err := st.SetAnswer(ctx, id, o.ID, k, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	return &BoardEnv{Path: path, St: st, ID: id, Sess: Sess(t, st, Load(t, st, id), lang, common.NewStyles("dark"), BoardClock)}
}

// Reload reads the session from a freshly opened store, as a later day would.
func (e *BoardEnv) Reload(t *testing.T) *workshop.Data { return Reopen(t, e.Path, e.ID) }

// Run sends keys to a page and runs the commands they return, so errors
// surface in the test.
func Run(t *testing.T, p common.Page, keys ...string) []tea.Msg {
	t.Helper()
	var msgs []tea.Msg
	for _, k := range keys {
		msgs = append(msgs, Exec(Update(p, Key(k)))...)
	}
	for _, m := range msgs {
		if e, ok := m.(common.ErrMsg); ok {
			t.Fatalf("keys %v: %v", keys, e.Err)
		}
	}
	return msgs
}

// Exec runs a command (and a batch's commands) and returns its messages.
func Exec(c tea.Cmd) []tea.Msg {
	if c == nil {
		return nil
	}
	m := c()
	if b, ok := m.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, Exec(c)...)
		}
		return out
	}
	if m == nil {
		return nil
	}
	return []tea.Msg{m}
}

// SavedState is the UI state stored in d.
func SavedState(t *testing.T, d *workshop.Data) common.UIState {
	t.Helper()
	var u common.UIState
	if err := json.Unmarshal(d.UIState, &u); err != nil {
		t.Fatalf("saved UI state %q: %v", d.UIState, err)
	}
	return u
}

// ScaleSess is the 80 OPD x 90 indicator fixture without a store (the
// views only read the board).
func ScaleSess(b testing.TB) *common.Sess {
	f := workshop.ScaleFramework()
	opds := workshop.ScaleOPDs(80)
	d := &workshop.Data{Session: workshop.Session{ID: 1, City: "Kota Skala", Framework: f}, OPDs: opds}
	s := common.NewSess(nil, d, "id", common.NewStyles("dark"), BoardClock)
	s.Board = workshop.NewBoard(f, opds, workshop.ScaleSheets(f, opds, 1), nil)
	s.State.Revealed = true
	return s
}
