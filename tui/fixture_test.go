package tui

// Fixtures shared by the screen tests: a real store in a test directory,
// the sessions the tests build in it, and keys as the terminal sends them.
// Each screen's test keeps its own session (its city, OPDs and answers are
// in its golden files); what they all do the same way is here.

import (
	"context"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/live"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui/phases/grid"
	"github.com/bimtek/bimtek/workshop"
)

// openTestStore opens a new database file called name in a fresh test
// directory; it is closed when the test ends.
func openTestStore(t testing.TB, name string) (*store.Store, string) {
	t.Helper()
	return tuitest.OpenStore(t, name)
}

// testOpener opens sessions of st through their owner, as the command
// line does.
func testOpener(st *store.Store, now func() time.Time) Opener {
	return func(ctx context.Context, id int64, readOnly bool) (Live, error) {
		s, err := live.Open(ctx, st, id, live.Options{ReadOnly: readOnly, Now: now})
		if err != nil {
			return nil, err
		}
		return s, nil
	}
}

// withStore gives opt the database st and opens its sessions through
// their owner.
func withStore(st *store.Store, opt Options) Options {
	opt.Sessions = st
	opt.Open = testOpener(st, opt.Now)
	return opt
}

// testSess is the screens' Sess of session d (read from st) through its
// owner.
func testSess(t testing.TB, st *store.Store, d *workshop.Data, lang string, styles *Styles, now func() time.Time) *Sess {
	t.Helper()
	return tuitest.Sess(t, st, d, lang, styles, now)
}

// elemenFramework is the embedded "elemen" framework every fixture uses.
func elemenFramework(t testing.TB) *workshop.Framework {
	t.Helper()
	return tuitest.Elemen(t)
}

// createTestSession stores a new session and returns its id and its data
// as loaded back.
func createTestSession(t testing.TB, st *store.Store, n store.NewSession) (int64, *store.Data) {
	t.Helper()
	id, err := st.CreateSession(context.Background(), n)
	if err != nil {
		t.Fatal(err)
	}
	return id, loadTestSession(t, st, id)
}

// loadTestSession loads session id from st.
func loadTestSession(t testing.TB, st *store.Store, id int64) *store.Data {
	t.Helper()
	return tuitest.Load(t, st, id)
}

// importTestScores stores rows (nothing when there are none).
func importTestScores(t testing.TB, st *store.Store, id int64, rows []store.ScoreRow) {
	t.Helper()
	if len(rows) == 0 {
		return
	}
	if _, err := st.ImportScores(context.Background(), id, rows); err != nil {
		t.Fatal(err)
	}
}

// reopenData loads session id through a fresh connection to the database
// at path: what survives a restart, not what the screen holds.
func reopenData(t testing.TB, path string, id int64) *store.Data {
	t.Helper()
	return tuitest.Reopen(t, path, id)
}

// phKey is a key as the terminal sends it: a name ("enter", "shift+tab")
// or the text typed.
func phKey(s string) tea.KeyPressMsg { return tuitest.Key(s) }

// phTyped is a text typed key by key.
func phTyped(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// view draws page p at a body of w x h, as the root does after a resize.
func view(p Page, w, h int) string { return tuitest.View(p, w, h) }

// phCmdMsgs runs a command (and the batches it returns) to its messages,
// leaving out cursor-blink timers, which only wait.
func phCmdMsgs(c tea.Cmd) []tea.Msg {
	if c == nil {
		return nil
	}
	if name := runtime.FuncForPC(reflect.ValueOf(c).Pointer()).Name(); strings.Contains(name, "bubbles/v2/cursor.") {
		return nil
	}
	msg := c()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, phCmdMsgs(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// gridEnv is the assessment grid's session (tuitest.NewGridEnv) as the
// root's tests open it: its database and its id.
type gridEnv struct {
	st *store.Store
	id int64
}

var (
	gridOPDs    = tuitest.GridOPDs
	gridAnswers = tuitest.GridAnswers
	gridClock   = tuitest.GridClock
)

// phoneMark is the mark the grid draws after a phone's answer.
const phoneMark = grid.PhoneMark

// newGridEnv stores the grid's session with cells.
func newGridEnv(t testing.TB, lang string, opds []store.OPDInput, cells []tuitest.GridCell) *gridEnv {
	t.Helper()
	e := tuitest.NewGridEnv(t, lang, opds, cells)
	return &gridEnv{st: e.St, id: e.ID}
}

// newGridScaleEnv stores the scale session (80 OPDs x 90 indicators).
func newGridScaleEnv(t testing.TB) *gridEnv {
	t.Helper()
	e := tuitest.NewScaleEnv(t)
	return &gridEnv{st: e.St, id: e.ID}
}

// ses is the open session of the root (the test fails without one).
func (m *Model) ses() *Session {
	s, ok := m.scr.(*Session)
	if !ok {
		panic("no session is open: the home page is on show")
	}
	return s
}
