package tui

// Fixtures shared by the screen tests: a real store in a test directory,
// the sessions the tests build in it, and keys as the terminal sends them.
// Each screen's test keeps its own session (its city, OPDs and answers are
// in its golden files); what they all do the same way is here.

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/live"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// phSizes are the body sizes of an 80x24, 120x40 and 200x60 terminal.
var phSizes = [][2]int{{80, 20}, {120, 36}, {200, 56}}

// openTestStore opens a new database file called name in a fresh test
// directory; it is closed when the test ends.
func openTestStore(t testing.TB, name string) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, path
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

// testLive opens session id of st through its owner until the test ends.
func testLive(t testing.TB, st *store.Store, id int64) *live.Session {
	t.Helper()
	s, err := live.Open(context.Background(), st, id, live.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// testSess is the screens' Sess of session d (read from st) through its
// owner.
func testSess(t testing.TB, st *store.Store, d *workshop.Data, lang string, styles *Styles, now func() time.Time) *Sess {
	t.Helper()
	return NewSess(testLive(t, st, d.Session.ID), d, lang, styles, now)
}

// elemenFramework is the embedded "elemen" framework every fixture uses.
func elemenFramework(t testing.TB) *workshop.Framework {
	t.Helper()
	f, err := assets.Framework("elemen")
	if err != nil {
		t.Fatal(err)
	}
	return f
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
	d, err := st.Load(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// markAbsent marks the OPDs with these codes as not present.
func markAbsent(t testing.TB, st *store.Store, id int64, opds []workshop.OPD, codes ...string) {
	t.Helper()
	for _, o := range opds {
		if slices.Contains(codes, o.Code) {
			o.Present = false
			if err := st.UpdateOPD(context.Background(), id, o); err != nil {
				t.Fatal(err)
			}
		}
	}
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
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return loadTestSession(t, st, id)
}

// storedUIState is the UI state saved for session id, read as reopenData.
func storedUIState(t testing.TB, path string, id int64) UIState {
	t.Helper()
	var u UIState
	if b := reopenData(t, path, id).UIState; len(b) > 0 {
		if err := json.Unmarshal(b, &u); err != nil {
			t.Fatal(err)
		}
	}
	return u
}

// phKey is a key as the terminal sends it: a name ("enter", "shift+tab")
// or the text typed.
func phKey(s string) tea.KeyPressMsg {
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

// phKeys turns key names into messages.
func phKeys(keys ...string) []tea.Msg {
	out := make([]tea.Msg, len(keys))
	for i, k := range keys {
		out[i] = phKey(k)
	}
	return out
}

// phTyped is a text typed key by key.
func phTyped(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// phCheckSize: never wider than w, never more than h lines.
func phCheckSize(t *testing.T, name, v string, w, h int) {
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

// view draws page p at a body of w x h, as the root does after a resize.
func view(p Page, w, h int) string {
	p.SetSize(w, h)
	return p.View()
}

// upd hands msg to page p and returns its command.
func upd(p Page, msg tea.Msg) tea.Cmd {
	_, cmd := p.Update(msg)
	return cmd
}
