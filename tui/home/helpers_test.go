package home

// The fixtures of the home screen's tests, under the names they had when
// the screen lived in package tui: a real store in a test folder, keys as
// the terminal sends them, golden views (internal/tuitest).

import (
	"context"
	"flag"
	"reflect"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

var _ = flag.Bool("update", false, "rewrite the golden files")

var phClock = tuitest.Clock

func openTestStore(t testing.TB, name string) (*store.Store, string) {
	t.Helper()
	return tuitest.OpenStore(t, name)
}

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
	return id, tuitest.Load(t, st, id)
}

// phDrive sends messages to a screen and runs the commands it returns the
// way Bubble Tea would, feeding the screen's own messages back to it
// (huh moves between fields that way). Messages meant for the root are
// collected and returned. Cursor-blink timers are not run: they only wait.
func phDrive(t *testing.T, m common.Page, msgs ...tea.Msg) []tea.Msg {
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
		case common.OpenSessionMsg, common.ExportSessionMsg, common.ExportRequestMsg, common.ErrMsg, common.StatusMsg,
			common.RosterChangedMsg, common.ScoresChangedMsg:
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

// phGolden checks the size of a view at the three terminal sizes and
// compares it with its golden files.
func phGolden(t *testing.T, name string, sc common.Page) {
	t.Helper()
	tuitest.GoldenSizes(t, name, sc)
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	tuitest.Golden(t, name, got)
}

func phExportFiles(dir string) []string { return tuitest.ExportFiles(dir) }

func phKey(s string) tea.KeyPressMsg { return tuitest.Key(s) }

func phKeys(keys ...string) []tea.Msg { return tuitest.Keys(keys...) }

// phTyped is a text typed key by key.
func phTyped(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

func phCheckSize(t *testing.T, name, v string, w, h int) {
	t.Helper()
	tuitest.CheckSize(t, name, v, w, h)
}

func view(p common.Page, w, h int) string { return tuitest.View(p, w, h) }

func upd(p common.Page, msg tea.Msg) tea.Cmd { return tuitest.Update(p, msg) }

func phCodes(opds []workshop.OPD) string {
	var c []string
	for _, o := range opds {
		c = append(c, o.Code)
	}
	return strings.Join(c, " ")
}

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
