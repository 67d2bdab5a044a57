package tui

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/store"
)

// The fixed session of the phase screens' tests is tuitest's Env.
var phOPDs = tuitest.OPDs

var phClock = tuitest.Clock

type phEnv struct {
	t    *testing.T
	path string
	st   *store.Store
	id   int64
	s    *Sess
}

// newPhEnv is tuitest.NewEnv under the names the tests in package tui use.
func newPhEnv(t *testing.T, lang string, opds []store.OPDInput, answers bool) *phEnv {
	t.Helper()
	e := tuitest.NewEnv(t, lang, opds, answers)
	return &phEnv{t: t, path: e.Path, st: e.St, id: e.ID, s: e.S}
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
	tuitest.NoErr(t, msgs)
}

func phHas[T any](msgs []tea.Msg) (T, bool) { return tuitest.Has[T](msgs) }

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
