package tui

import (
	"context"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// The fixed session of the phase screens' tests and golden views: a long
// OPD name, Javanese and Chinese names, and one OPD not present.
var phOPDs = []store.OPDInput{
	{Code: "DISKOMINFO", Name: "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Kepulauan Seribu Utara"},
	{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah"},
	{Code: "DINKES", Name: "Dinas Kesehatan"},
	{Code: "KRATON", Name: "ꦥꦤꦶꦠꦿꦏꦫꦠꦺꦴꦤ꧀ ꦔꦪꦺꦴꦒꦾꦏꦂꦠ"},
	{Code: "SJJ", Name: "数据局"},
	{Code: "SATPOLPP", Name: "Satuan Polisi Pamong Praja"}, // marked absent
	{Code: "DLH", Name: "Dinas Lingkungan Hidup"},
}

var phClock = func() time.Time { return time.Date(2025, 6, 12, 10, 30, 0, 0, time.UTC) }

type phEnv struct {
	t    *testing.T
	path string
	st   *store.Store
	id   int64
	s    *Sess
}

// newPhEnv creates the fixed session (Kota Bandung, tahap II, framework
// "elemen") in a fresh database, with some answers, two priorities and a
// few minutes on the phase clocks.
func newPhEnv(t *testing.T, lang string, opds []store.OPDInput, answers bool) *phEnv {
	t.Helper()
	ctx := context.Background()
	f := elemenFramework(t)
	st, path := openTestStore(t, "bimtek.db")
	id, d := createTestSession(t, st, store.NewSession{
		City: "Kota Bandung", Stage: 2, Date: "2025-06-12",
		Venue: "Aula Bappeda Kota Bandung", Facilitator: "Dr. Siti Rahmawati",
		Framework: f, OPDs: opds,
	})
	markAbsent(t, st, id, d.OPDs, "SATPOLPP")
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
		importTestScores(t, st, id, rows)
		for _, k := range []string{"economy.industri", "governance.layanan_publik"} {
			if err := st.SetPriority(ctx, id, k, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	s := testSess(t, st, loadTestSession(t, st, id), lang, NewStyles("dark"), phClock)
	// A morning already under way: the opening ran over, the roster is on.
	s.State.Timers[0] = Timer{Elapsed: 17*time.Minute + 5*time.Second, AdjustMin: 5}
	s.State.Timers[1] = Timer{Elapsed: 4 * time.Minute, Running: true, StartedAt: phClock().Add(-90 * time.Second)}
	s.State.Phase = 1
	s.State.Revealed = true // the results were shown on the scoreboard
	return &phEnv{t: t, path: path, st: st, id: id, s: s}
}

// reopen loads the session from a fresh connection: what survives a restart.
func (e *phEnv) reopen() *store.Data { return reopenData(e.t, e.path, e.id) }

func (e *phEnv) storedState() UIState { return storedUIState(e.t, e.path, e.id) }

type phUpdater = Page

// phDrive sends messages to a screen and runs the commands it returns the
// way Bubble Tea would, feeding the screen's own messages back to it
// (huh moves between fields that way). Messages meant for the root are
// collected and returned. Cursor-blink timers are not run: they only wait.
func phDrive(t *testing.T, m phUpdater, msgs ...tea.Msg) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	steps := 0
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
		switch msg.(type) {
		case OpenSessionMsg, ExportSessionMsg, ExportRequestMsg, ErrMsg, StatusMsg, RosterChangedMsg, ScoresChangedMsg:
			out = append(out, msg)
			return
		}
		run(upd(m, msg))
	}
	for _, msg := range msgs {
		run(upd(m, msg))
	}
	return out
}

func phNoErr(t *testing.T, msgs []tea.Msg) {
	t.Helper()
	for _, m := range msgs {
		if e, ok := m.(ErrMsg); ok {
			t.Fatalf("unexpected error: %v", e.Err)
		}
	}
}

func phHas[T any](msgs []tea.Msg) (T, bool) {
	for _, m := range msgs {
		if v, ok := m.(T); ok {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// phGolden checks the size of a view and compares it with its golden file.
func phGolden(t *testing.T, name string, sc Page) {
	t.Helper()
	for _, sz := range phSizes {
		v := view(sc, sz[0], sz[1])
		n := fmt.Sprintf("%s-%dx%d", name, sz[0], sz[1])
		phCheckSize(t, n, v, sz[0], sz[1])
		golden(t, n, v)
	}
}

func phExportFiles(dir string) []string { return tuitest.ExportFiles(dir) }
