package grid

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// The grid's fixed roster and answers are tuitest's: the root's tests
// open the same sessions.
var (
	gridOPDs    = tuitest.GridOPDs
	gridAnswers = tuitest.GridAnswers
)

type gridEnv struct {
	t    testing.TB
	path string
	st   *store.Store
	id   int64
	s    *common.Sess
	g    *Grid
}

// newGridEnv creates a session with the "elemen" framework and the fixed
// roster in a fresh database; answers are (opd index, indicator, answer,
// note). present OPDs have indexes 0-6 and 8 of gridOPDs.
func newGridEnv(t testing.TB, lang string, opds []store.OPDInput, rows []gridCell) *gridEnv {
	t.Helper()
	return gridEnvOf(t, tuitest.NewGridEnv(t, lang, opds, rows))
}

func gridEnvOf(t testing.TB, e *tuitest.GridEnv) *gridEnv {
	return &gridEnv{t: t, path: e.Path, st: e.St, id: e.ID, s: e.Sess, g: New(e.Sess)}
}

type gridCell = tuitest.GridCell

const (
	gkLayanan   = tuitest.KeyLayanan
	gkBirokrasi = tuitest.KeyBirokrasi
	gkKebijakan = tuitest.KeyKebijakan
)

// stored reopens the database and returns the stored cell of the OPD with
// that code: what survives a restart, not what the screen holds.
func (e *gridEnv) stored(code, key string) (workshop.Answer, string) {
	e.t.Helper()
	d := reopenData(e.t, e.path, e.id)
	var id int64
	for _, o := range d.OPDs {
		if o.Code == code {
			id = o.ID
		}
	}
	for _, r := range d.Scores {
		if r.OPDID == id && r.IndicatorKey == key {
			return r.Answer, r.Note
		}
	}
	return workshop.Answer{}, ""
}

// storedState reopens the database and decodes the saved UI state.
func (e *gridEnv) storedState() common.UIState { return storedUIState(e.t, e.path, e.id) }

// press sends keys and returns the messages their commands produced.
func (e *gridEnv) press(keys ...tea.KeyPressMsg) []tea.Msg {
	var out []tea.Msg
	for _, k := range keys {
		if cmd := upd(e.g, k); cmd != nil {
			out = append(out, cmd())
		}
	}
	return out
}

// at puts the cursor on a cell, as if the session had been left there.
func (e *gridEnv) at(tab, row, col int) {
	e.s.State.Tab, e.s.State.Row, e.s.State.Col = tab, row, col
	e.g.clampCursor()
	if err := e.s.SaveState(); err != nil {
		e.t.Fatal(err)
	}
}

// Keys as the terminal sends them.
func gkText(s string) tea.KeyPressMsg {
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

var (
	gkUp        = tea.KeyPressMsg{Code: tea.KeyUp}
	gkDown      = tea.KeyPressMsg{Code: tea.KeyDown}
	gkLeft      = tea.KeyPressMsg{Code: tea.KeyLeft}
	gkRight     = tea.KeyPressMsg{Code: tea.KeyRight}
	gkTab       = tea.KeyPressMsg{Code: tea.KeyTab}
	gkShiftTab  = tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	gkEnter     = tea.KeyPressMsg{Code: tea.KeyEnter}
	gkEsc       = tea.KeyPressMsg{Code: tea.KeyEscape}
	gkBackspace = tea.KeyPressMsg{Code: tea.KeyBackspace}
	gkDelete    = tea.KeyPressMsg{Code: tea.KeyDelete}
	gkHome      = tea.KeyPressMsg{Code: tea.KeyHome}
	gkEnd       = tea.KeyPressMsg{Code: tea.KeyEnd}
	gkSpace     = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	gkCtrlS     = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	gkCtrlD     = tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}
	gkCtrlU     = tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
)

func gridTyped(s string) []tea.KeyPressMsg {
	var out []tea.KeyPressMsg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// Present rows (gridOPDs without SATPOLPP): 0 DISKOMINFO, 1 BAPPEDA,
// 2 DINKES, 3 KRATON, 4 DISDUKCAPIL, 5 DPMPTSP, 6 DLH, 7 DISHUB.
var gridRowCode = []string{"DISKOMINFO", "BAPPEDA", "DINKES", "KRATON", "DISDUKCAPIL", "DPMPTSP", "DLH", "DISHUB"}

func TestGridKeysWriteAndMove(t *testing.T) {
	type cellWant struct {
		row int
		key string
		a   workshop.Answer
	}
	tests := []struct {
		name          string
		tab, row, col int
		keys          []tea.KeyPressMsg
		want          []cellWant // stored after reopening
		tab2, row2    int
		col2          int
		held          bool // a refusal stands after the keys
	}{
		{name: "digit sets the level and advances", row: 5, col: 0, keys: []tea.KeyPressMsg{gkText("3")},
			want: []cellWant{{5, gkLayanan, workshop.Answer{Level: 3}}}, row2: 5, col2: 1},
		{name: "each digit of the scale", row: 5, col: 0, keys: []tea.KeyPressMsg{gkText("1"), gkText("5"), gkText("4")},
			want: []cellWant{{5, gkLayanan, workshop.Answer{Level: 1}}, {5, gkBirokrasi, workshop.Answer{Level: 5}}, {5, gkKebijakan, workshop.Answer{Level: 4}}},
			row2: 6, col2: 0},
		{name: "0 is N/A and advances", row: 5, col: 1, keys: []tea.KeyPressMsg{gkText("0")},
			want: []cellWant{{5, gkBirokrasi, workshop.Answer{NA: true}}}, row2: 5, col2: 2},
		{name: "digit over an answer replaces it", row: 0, col: 0, keys: []tea.KeyPressMsg{gkText("2")},
			want: []cellWant{{0, gkLayanan, workshop.Answer{Level: 2}}}, row2: 0, col2: 1},
		{name: "6 is off the scale: refused, nothing written", row: 0, col: 0, keys: []tea.KeyPressMsg{gkText("6")},
			want: []cellWant{{0, gkLayanan, workshop.Answer{Level: 4}}}, row2: 0, col2: 0, held: true},
		{name: "9 on an empty cell: refused, still empty", row: 6, col: 0, keys: []tea.KeyPressMsg{gkText("9")},
			want: []cellWant{{6, gkLayanan, workshop.Answer{}}}, row2: 6, col2: 0, held: true},
		{name: "backspace clears without moving", row: 0, col: 1, keys: []tea.KeyPressMsg{gkBackspace},
			want: []cellWant{{0, gkBirokrasi, workshop.Answer{}}}, row2: 0, col2: 1},
		{name: "delete clears N/A without moving", row: 1, col: 1, keys: []tea.KeyPressMsg{gkDelete},
			want: []cellWant{{1, gkBirokrasi, workshop.Answer{}}}, row2: 1, col2: 1},
		{name: "wrap at the row end", row: 2, col: 2, keys: []tea.KeyPressMsg{gkText("4")},
			want: []cellWant{{2, gkKebijakan, workshop.Answer{Level: 4}}}, row2: 3, col2: 0},
		{name: "last cell stays and holds the next digit", row: 7, col: 2, keys: []tea.KeyPressMsg{gkText("5"), gkText("1")},
			want: []cellWant{{7, gkKebijakan, workshop.Answer{Level: 5}}}, row2: 7, col2: 2, held: true},
		{name: "esc at the last cell lets a digit change it", row: 7, col: 2, keys: []tea.KeyPressMsg{gkText("5"), gkEsc, gkText("1")},
			want: []cellWant{{7, gkKebijakan, workshop.Answer{Level: 1}}}, row2: 7, col2: 2, held: true},
		{name: "arrows", row: 3, col: 1, keys: []tea.KeyPressMsg{gkDown, gkDown, gkRight, gkUp, gkLeft, gkLeft}, row2: 4, col2: 0},
		{name: "hjkl", row: 3, col: 1, keys: gridTyped("jjlkhh"), row2: 4, col2: 0},
		{name: "moves stop at the edges", row: 0, col: 0, keys: []tea.KeyPressMsg{gkUp, gkLeft, gkText("k"), gkText("h")}, row2: 0, col2: 0},
		{name: "moves stop at the far edges", row: 7, col: 2, keys: []tea.KeyPressMsg{gkDown, gkRight, gkText("j"), gkText("l")}, row2: 7, col2: 2},
		{name: "home and end", row: 2, col: 1, keys: []tea.KeyPressMsg{gkEnd}, row2: 2, col2: 2},
		{name: "home", row: 2, col: 2, keys: []tea.KeyPressMsg{gkHome}, row2: 2, col2: 0},
		// Branding: only DISKOMINFO's first item is answered.
		{name: "tab lands on the first unanswered cell", tab: 0, row: 4, col: 1, keys: []tea.KeyPressMsg{gkTab}, tab2: 1, row2: 0, col2: 1},
		// Governance: DISKOMINFO and BAPPEDA complete, DINKES only item 1.
		{name: "tab wraps to the first", tab: 5, row: 1, col: 0, keys: []tea.KeyPressMsg{gkTab}, tab2: 0, row2: 2, col2: 1},
		{name: "shift+tab wraps to the last", tab: 0, row: 1, col: 2, keys: []tea.KeyPressMsg{gkShiftTab}, tab2: 5, row2: 0, col2: 0},
		// n: DINKES (row 2) lacks items 2 and 3; then KRATON lacks item 2.
		{name: "n jumps to the next unanswered cell", tab: 0, row: 0, col: 0, keys: gridTyped("n"), row2: 2, col2: 1},
		{name: "n again goes on from there", tab: 0, row: 2, col: 2, keys: gridTyped("n"), row2: 3, col2: 1},
		{name: "n after the last row goes on in the next dimension", tab: 0, row: 7, col: 2, keys: gridTyped("n"), tab2: 1, row2: 0, col2: 1},
		{name: "digit in another tab writes that dimension", tab: 1, row: 0, col: 0, keys: []tea.KeyPressMsg{gkText("5")},
			want: []cellWant{{0, "branding.pariwisata.1", workshop.Answer{Level: 5}}, {0, gkLayanan, workshop.Answer{Level: 4}}}, tab2: 1, row2: 0, col2: 1},
		{name: "page down and up", row: 0, col: 0, keys: []tea.KeyPressMsg{gkCtrlD}, row2: 7, col2: 0},
		{name: "page up", row: 7, col: 0, keys: []tea.KeyPressMsg{gkCtrlU}, row2: 0, col2: 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newGridEnv(t, "id", gridOPDs, gridAnswers)
			view(e.g, 120, 36) // a frame: page keys move by the rows on screen
			e.at(tc.tab, tc.row, tc.col)
			msgs := e.press(tc.keys...)
			for _, m := range msgs {
				if em, ok := m.(common.ErrMsg); ok {
					t.Errorf("unexpected error %q", em.Err)
				}
			}
			if held := e.g.hold != nil; held != tc.held {
				t.Errorf("refusal standing: got %v, want %v", held, tc.held)
			}
			if tc.held {
				// The refusal is one sentence, on screen under the grid.
				text := e.g.hold.text
				if strings.Count(text, ".") != 1 {
					t.Errorf("the refusal should be one sentence: %q", text)
				}
				if v := ansi.Strip(view(e.g, 200, 40)); !strings.Contains(v, "✗ "+text[:40]) {
					t.Errorf("the refusal is not on screen:\n%s", v)
				}
			}
			for _, w := range tc.want {
				a, _ := e.stored(gridRowCode[w.row], w.key)
				if a != w.a {
					t.Errorf("%s %s stored %+v, want %+v", gridRowCode[w.row], w.key, a, w.a)
				}
				if b := e.s.Board.Answer(e.g.present[w.row].ID, w.key); b != w.a {
					t.Errorf("%s %s on the board %+v, want %+v", gridRowCode[w.row], w.key, b, w.a)
				}
			}
			st := e.s.State
			if st.Tab != tc.tab2 || st.Row != tc.row2 || st.Col != tc.col2 {
				t.Errorf("cursor tab/row/col = %d/%d/%d, want %d/%d/%d", st.Tab, st.Row, st.Col, tc.tab2, tc.row2, tc.col2)
			}
			saved := e.storedState()
			if saved.Tab != tc.tab2 || saved.Row != tc.row2 || saved.Col != tc.col2 {
				t.Errorf("saved cursor tab/row/col = %d/%d/%d, want %d/%d/%d", saved.Tab, saved.Row, saved.Col, tc.tab2, tc.row2, tc.col2)
			}
		})
	}
}

func TestGridRefusedDigitWritesNoEvent(t *testing.T) {
	e := newGridEnv(t, "en", gridOPDs, nil)
	e.press(gkText("7"))
	if e.g.hold == nil || e.g.hold.text != "Level 7 is not on the 1-5 scale and was not recorded; the next digits are held until Esc or a move, then type 1-5 or 0 for N/A." {
		t.Errorf("refusal = %+v", e.g.hold)
	}
	// The cell the 7 was meant for is marked with it.
	if v := ansi.Strip(view(e.g, 120, 36)); !strings.Contains(v, "✗7") {
		t.Errorf("the refused cell is not marked:\n%s", v)
	}
	e.press(gkEsc)
	evs, err := e.st.Events(context.Background(), e.id)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 0 {
		t.Errorf("a refused digit logged %d events", len(evs))
	}
	// Typing the value a cell already has is not a change either.
	e.press(gkText("3"))
	e.at(0, 0, 0)
	e.press(gkText("3"))
	if evs, _ = e.st.Events(context.Background(), e.id); len(evs) != 1 {
		t.Errorf("typing the same level twice logged %d events, want 1", len(evs))
	}
}

func TestGridNoteEditor(t *testing.T) {
	tests := []struct {
		name     string
		row, col int
		keys     []tea.KeyPressMsg
		want     string // stored note after
		status   string // status message, "" for none
	}{
		{name: "enter saves", row: 3, col: 1, keys: append(append([]tea.KeyPressMsg{gkEnter}, gridTyped("Menunggu SK wali kota")...), gkEnter),
			want: "Menunggu SK wali kota", status: "Catatan tersimpan."},
		{name: "ctrl+s saves", row: 3, col: 1, keys: append(append([]tea.KeyPressMsg{gkEnter}, gridTyped("ok")...), gkCtrlS),
			want: "ok", status: "Catatan tersimpan."},
		{name: "esc cancels", row: 2, col: 0, keys: append(append([]tea.KeyPressMsg{gkEnter}, gridTyped(" lagi")...), gkEsc),
			want: "Perlu SOP layanan daring"},
		{name: "existing note is edited", row: 2, col: 0, keys: append(append([]tea.KeyPressMsg{gkEnter}, gridTyped(" segera")...), gkEnter),
			want: "Perlu SOP layanan daring segera", status: "Catatan tersimpan."},
		{name: "emptied note is removed", row: 2, col: 0,
			keys: append(append([]tea.KeyPressMsg{gkEnter}, gridRepeat(gkBackspace, 40)...), gkEnter),
			want: "", status: "Catatan dihapus."},
		{name: "digits and q are text in the editor", row: 4, col: 0, keys: append(append([]tea.KeyPressMsg{gkEnter}, gridTyped("q1 tab 0")...), gkEnter),
			want: "q1 tab 0", status: "Catatan tersimpan."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newGridEnv(t, "id", gridOPDs, gridAnswers)
			e.at(0, tc.row, tc.col)
			code, key := gridRowCode[tc.row], e.g.tab().cols[tc.col].ind.Key
			before, _ := e.stored(code, key)
			var status string
			for i, k := range tc.keys {
				if cmd := upd(e.g, k); cmd != nil {
					switch m := cmd().(type) {
					case common.StatusMsg:
						status = m.Text
					case common.ErrMsg:
						t.Fatalf("key %d: %v", i, m.Err)
					}
				}
				if i < len(tc.keys)-1 && !e.g.Capturing() {
					t.Fatalf("the editor closed after key %d", i)
				}
				if i < len(tc.keys)-1 {
					// While open, the view names the OPD and the item.
					v := ansi.Strip(view(e.g, 80, 20))
					if !strings.Contains(v, "OPD: "+code) || !strings.Contains(v, "Catatan untuk sel ini") {
						t.Fatalf("the editor does not name its cell:\n%s", v)
					}
				}
			}
			if e.g.Capturing() {
				t.Errorf("the editor is still open")
			}
			a, note := e.stored(code, key)
			if note != tc.want {
				t.Errorf("stored note %q, want %q", note, tc.want)
			}
			if a != before {
				t.Errorf("the note changed the answer: %+v -> %+v", before, a)
			}
			if e.s.Note(e.g.present[tc.row].ID, key) != tc.want {
				t.Errorf("the screen shows note %q", e.s.Note(e.g.present[tc.row].ID, key))
			}
			if status != tc.status {
				t.Errorf("status %q, want %q", status, tc.status)
			}
			if st := e.s.State; st.Row != tc.row || st.Col != tc.col {
				t.Errorf("the note moved the cursor to %d/%d", st.Row, st.Col)
			}
		})
	}
}

func gridRepeat(k tea.KeyPressMsg, n int) []tea.KeyPressMsg {
	out := make([]tea.KeyPressMsg, n)
	for i := range out {
		out[i] = k
	}
	return out
}

// Hand-computed: two present OPDs, the city score of governance is the
// mean of their dimension scores, completion counts answered + N/A.
func TestGridViewUpdatesCityScoreOnEveryKey(t *testing.T) {
	e := newGridEnv(t, "id", []store.OPDInput{{Code: "A", Name: "Dinas A"}, {Code: "B", Name: "Dinas B"}}, nil)
	e.s.State.Revealed = true
	steps := []struct {
		keys []tea.KeyPressMsg
		want []string
	}{
		{nil, []string{"skor kota – – (n=0 OPD) · kelengkapan 0/6 (0%)", "Smart Governance 0%"}},
		{[]tea.KeyPressMsg{gkText("4")}, []string{"skor kota 4.00 Sangat Baik (n=1 OPD) · kelengkapan 1/6 (17%)"}},
		{[]tea.KeyPressMsg{gkText("2")}, []string{"skor kota 3.00 Baik (n=1 OPD) · kelengkapan 2/6 (33%)"}},
		{[]tea.KeyPressMsg{gkText("0")}, []string{"skor kota 3.00 Baik (n=1 OPD) · kelengkapan 3/6 (50%)"}},
		// B: 1 -> city = (3.00 + 1.00) / 2 = 2.00
		{[]tea.KeyPressMsg{gkText("1")}, []string{"skor kota 2.00 Cukup (n=2 OPD) · kelengkapan 4/6 (67%)", "Smart Governance 67%"}},
		{[]tea.KeyPressMsg{gkText("2"), gkText("2")}, []string{"skor kota 2.33 Cukup (n=2 OPD) · kelengkapan 6/6 (100%)", "Smart Governance 100%"}},
		// Clearing B's last cell: B = (1+2)/2 = 1.50, city (3.00+1.50)/2 = 2.25.
		{[]tea.KeyPressMsg{gkBackspace}, []string{"skor kota 2.25 Cukup (n=2 OPD) · kelengkapan 5/6 (83%)"}},
	}
	for i, st := range steps {
		for _, m := range e.press(st.keys...) {
			if em, ok := m.(common.ErrMsg); ok {
				t.Fatal(em.Err)
			}
		}
		v := ansi.Strip(view(e.g, 120, 36))
		for _, w := range st.want {
			if !strings.Contains(v, w) {
				t.Errorf("step %d: the view lacks %q:\n%s", i, w, v)
			}
		}
	}
	// The OPD's own dimension score sits on its row.
	v := ansi.Strip(view(e.g, 120, 36))
	for _, w := range []string{"A Dinas A", "3.00", "B Dinas B", "1.50"} {
		if !strings.Contains(v, w) {
			t.Errorf("the view lacks %q:\n%s", w, v)
		}
	}
}

func TestGridGolden(t *testing.T) {
	tests := []struct {
		name          string
		lang          string
		w, h          int
		tab, row, col int
		keys          []tea.KeyPressMsg
	}{
		{name: "grid-80x20", lang: "id", w: 80, h: 20, row: 1, col: 1},
		{name: "grid-120x36", lang: "id", w: 120, h: 36, row: 2, col: 0},
		{name: "grid-200x56", lang: "id", w: 200, h: 56, row: 1, col: 1},
		{name: "grid-en-120x36", lang: "en", w: 120, h: 36, row: 3, col: 2},
		{name: "grid-branding-80x20", lang: "id", w: 80, h: 20, tab: 1, row: 0, col: 0},
		{name: "grid-note-80x20", lang: "id", w: 80, h: 20, row: 2, col: 0, keys: append([]tea.KeyPressMsg{gkEnter}, gridTyped(" minggu ini")...)},
		{name: "grid-detail-80x20", lang: "id", w: 80, h: 20, row: 6, col: 1, keys: []tea.KeyPressMsg{gkSpace}},
		{name: "grid-hidden-120x36", lang: "id", w: 120, h: 36, row: 2, col: 0, keys: []tea.KeyPressMsg{gkText("r")}},
		{name: "grid-refused-80x24", lang: "id", w: 80, h: 24, row: 6, col: 0, keys: gridTyped("38")},
		{name: "grid-all-opds-120x36", lang: "en", w: 120, h: 36, row: 7, col: 0, keys: gridTyped("a")},
		{name: "grid-by-opd-80x24", lang: "id", w: 80, h: 24, row: 1, col: 1, keys: gridTyped("o")},
		{name: "grid-by-opd-200x60", lang: "en", w: 200, h: 60, row: 0, col: 2, keys: gridTyped("o")},
		// The side panel with fewer rows than the levels wrapped in full:
		// the answer's level 5 wrapped, the others on one line each.
		{name: "grid-side-tight-160x26", lang: "id", w: 160, h: 26, row: 0, col: 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newGridEnv(t, tc.lang, gridOPDs, gridAnswers)
			e.s.State.Revealed = true
			e.at(tc.tab, tc.row, tc.col)
			e.press(tc.keys...)
			v := view(e.g, tc.w, tc.h)
			phCheckSize(t, "grid", v, tc.w, tc.h)
			golden(t, tc.name, v)
		})
	}
}

func TestGridGoldenEmpty(t *testing.T) {
	e := newGridEnv(t, "id", gridOPDs[7:8], nil) // only SATPOLPP, absent
	v := view(e.g, 80, 20)
	phCheckSize(t, "grid", v, 80, 20)
	if !strings.Contains(ansi.Strip(v), "tandai OPD yang hadir di fase Daftar OPD") {
		t.Errorf("no sentence for an empty room:\n%s", ansi.Strip(v))
	}
	golden(t, "grid-empty-80x20", v)
	// Keys do nothing harmful on an empty grid.
	for _, m := range e.press(gkText("3"), gkDown, gkBackspace, gkEnter, gkTab) {
		if _, ok := m.(common.ErrMsg); ok {
			t.Errorf("a key on the empty grid failed: %v", m)
		}
	}
	if e.g.Capturing() {
		t.Errorf("enter opened an editor without a cell")
	}
}

// The scale fixture: 80 OPDs x 15 items per dimension, the grid scrolls
// both ways to keep the cursor in sight.
func TestGridGoldenScale(t *testing.T) {
	e := newGridScaleEnv(t)
	e.s.State.Revealed = true
	tests := []struct {
		name     string
		w, h     int
		row, col int
		want     []string
	}{
		{"grid-scale-80x20", 80, 20, 40, 12, []string{"OPD 28-41/80", "item 7-13/15", "OPD41"}},
		{"grid-scale-200x56", 200, 56, 79, 14, []string{"OPD 43-80/80", "OPD80"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e.g.rowTop, e.g.colLeft = 0, 0
			e.at(0, tc.row, tc.col)
			v := view(e.g, tc.w, tc.h)
			phCheckSize(t, "grid", v, tc.w, tc.h)
			plain := ansi.Strip(v)
			for _, w := range tc.want {
				if !strings.Contains(plain, w) {
					t.Errorf("the view lacks %q", w)
				}
			}
			if !strings.Contains(plain, "▶") {
				t.Errorf("the cursor is off screen")
			}
			golden(t, tc.name, v)
		})
	}
}

// newGridScaleEnv is the benchmark session: workshop.ScaleFramework(), 80
// OPDs and their sheets, stored through the real store.
func newGridScaleEnv(t testing.TB) *gridEnv {
	t.Helper()
	return gridEnvOf(t, tuitest.NewScaleEnv(t))
}

// Every size from the minimum body up, in both fixtures, with the detail
// box and the note editor open: nothing spills over.
func TestGridViewFitsEverySize(t *testing.T) {
	small := newGridEnv(t, "en", gridOPDs, gridAnswers)
	scale := newGridScaleEnv(t)
	sizes := [][2]int{{80, 20}, {80, 24}, {90, 30}, {100, 30}, {110, 34}, {120, 36}, {120, 40}, {140, 40}, {150, 44}, {160, 50}, {200, 56}, {200, 60}, {240, 70}, {60, 12}, {40, 8}}
	for _, e := range []*gridEnv{small, scale} {
		for tab := range e.g.tabs {
			for _, sz := range sizes {
				for _, mode := range []string{"plain", "detail", "note"} {
					e.at(tab, len(e.g.present)-1, len(e.g.tab().cols)-1)
					e.g.detail = mode == "detail"
					e.g.note = nil
					if mode == "note" {
						e.press(gkEnter)
					}
					v := view(e.g, sz[0], sz[1])
					t.Run(fmt.Sprintf("%d-tab%d-%dx%d-%s", len(e.g.present), tab, sz[0], sz[1], mode), func(t *testing.T) {
						phCheckSize(t, "grid", v, sz[0], sz[1])
						if sz[1] >= 20 && mode == "plain" && !strings.Contains(ansi.Strip(v), "▶") {
							t.Errorf("the cursor is not on screen:\n%s", ansi.Strip(v))
						}
					})
					if mode == "note" {
						e.press(gkEsc)
					}
				}
			}
		}
	}
}

func TestGridRosterChangedClampsCursor(t *testing.T) {
	e := newGridEnv(t, "id", gridOPDs, gridAnswers)
	e.at(0, 7, 2) // DISHUB, the last row
	ctx := context.Background()
	for _, o := range e.s.Data.OPDs {
		if o.Code == "DISHUB" || o.Code == "DLH" {
			o.Present = false
			if err := e.s.Live.UpdateOPD(ctx, o); err != nil { // as the roster screen does
				t.Fatal(err)
			}
		}
	}
	if err := e.s.Reload(); err != nil {
		t.Fatal(err)
	}
	if cmd := upd(e.g, common.RosterChangedMsg{}); cmd != nil {
		if m, ok := cmd().(common.ErrMsg); ok {
			t.Fatal(m.Err)
		}
	}
	if got := len(e.g.present); got != 6 {
		t.Fatalf("%d rows, want 6", got)
	}
	if e.s.State.Row != 5 {
		t.Errorf("cursor row %d, want 5 (the new last row)", e.s.State.Row)
	}
	v := ansi.Strip(view(e.g, 120, 36))
	if strings.Contains(v, "DISHUB") || strings.Contains(v, "SATPOLPP") {
		t.Errorf("an absent OPD is on the grid:\n%s", v)
	}
	// The cursor lands on DPMPTSP and a digit writes there.
	e.press(gkText("5"))
	if a, _ := e.stored("DPMPTSP", gkKebijakan); a.Level != 5 {
		t.Errorf("DPMPTSP stored %+v", a)
	}
	// Enter (shown again) after a reload outside the screen also clamps.
	for _, o := range e.s.Data.OPDs {
		if o.Code != "DISKOMINFO" {
			o.Present = false
			if err := e.s.Live.UpdateOPD(ctx, o); err != nil { // as the roster screen does
				t.Fatal(err)
			}
		}
	}
	if err := e.s.Reload(); err != nil {
		t.Fatal(err)
	}
	e.g.Enter()
	if e.s.State.Row != 0 || len(e.g.present) != 1 {
		t.Errorf("after Enter: row %d of %d", e.s.State.Row, len(e.g.present))
	}
}

func TestGridScoresChangedShowsUndo(t *testing.T) {
	e := newGridEnv(t, "id", gridOPDs, gridAnswers)
	e.at(0, 7, 0)
	e.press(gkText("5"))
	if _, _, err := e.s.Undo(); err != nil {
		t.Fatal(err)
	}
	upd(e.g, common.ScoresChangedMsg{})
	if a, _ := e.stored("DISHUB", gkLayanan); a != (workshop.Answer{}) {
		t.Errorf("undo left %+v", a)
	}
	row := ansi.Strip(strings.Split(view(e.g, 120, 36), "\n")[2+7])
	if !strings.Contains(row, "DISHUB") || strings.Contains(row, "5") {
		t.Errorf("the undone level is still on the row: %q", row)
	}
}

func TestGridReadOnlyWritesNothing(t *testing.T) {
	e := newGridEnv(t, "id", gridOPDs, gridAnswers)
	e.s.ReadOnly = true
	msgs := e.press(gkText("2"))
	if len(msgs) != 1 {
		t.Fatalf("want one message, got %v", msgs)
	}
	if _, ok := msgs[0].(common.ErrMsg); !ok {
		t.Errorf("want an error, got %v", msgs[0])
	}
	if a, _ := e.stored("DISKOMINFO", gkLayanan); a.Level != 4 {
		t.Errorf("the projector view wrote %+v", a)
	}
	if e.s.State.Col != 0 {
		t.Errorf("a refused write moved the cursor")
	}
}

func TestGridHelpBothLanguages(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := newGridEnv(t, lang, gridOPDs, nil)
		help := e.g.ShortHelp()
		if len(help) < 8 {
			t.Fatalf("%s: %d keys in the help", lang, len(help))
		}
		for _, b := range help {
			h := b.Help()
			if h.Key == "" || h.Desc == "" || strings.HasPrefix(h.Desc, "grid.") {
				t.Errorf("%s: binding without catalogue help: %+v", lang, h)
			}
		}
		e.press(gkEnter)
		help = e.g.ShortHelp()
		if len(help) != 2 || !strings.Contains(help[0].Help().Key, "Enter") {
			t.Errorf("%s: editor help %+v", lang, help)
		}
	}
	id, en := newGridEnv(t, "id", gridOPDs, nil).g.ShortHelp(), newGridEnv(t, "en", gridOPDs, nil).g.ShortHelp()
	if id[0].Help().Desc == en[0].Help().Desc {
		t.Errorf("help is not translated: %q", id[0].Help().Desc)
	}
}

// gridHeat must follow common.Styles.HeatFor, the one rule of heat colours.
func TestGridHeatIndexFollowsHeatFor(t *testing.T) {
	st := common.NewStyles("dark")
	for _, v := range []float64{0, 0.4, 1, 1.49, 1.5, 2.2, 2.5, 3.49, 3.5, 4.5, 5, 6.3} {
		for _, ok := range []bool{true, false} {
			want := st.HeatFor(v, ok).Render("x")
			if got := st.Heat[gridHeat(v, ok)].Render("x"); got != want {
				t.Errorf("gridHeat(%v, %v) = %d: %q, HeatFor gives %q", v, ok, gridHeat(v, ok), got, want)
			}
		}
	}
}

// The theme can change under the screen (ctrl+t): the caches follow.
func TestGridThemeChange(t *testing.T) {
	e := newGridEnv(t, "id", gridOPDs, gridAnswers)
	dark := view(e.g, 120, 36)
	e.s.Styles = common.NewStyles("light")
	light := view(e.g, 120, 36)
	if dark == light {
		t.Errorf("the view did not follow the theme")
	}
	if ansi.Strip(dark) != ansi.Strip(light) {
		t.Errorf("the theme changed the text")
	}
}

// Space shows the item's description and level scale where the window is
// too small to show them always; Space or Esc hides them again.
func TestGridDetailToggle(t *testing.T) {
	e := newGridEnv(t, "en", gridOPDs, gridAnswers)
	has := func() bool { return strings.Contains(ansi.Strip(view(e.g, 80, 20)), "Level scale") }
	if has() {
		t.Fatalf("the level scale is shown at 80x20 before Space")
	}
	for _, close := range []tea.KeyPressMsg{gkSpace, gkEsc} {
		e.press(gkSpace)
		if !has() {
			t.Fatalf("Space did not show the detail")
		}
		if v := ansi.Strip(view(e.g, 80, 20)); !strings.Contains(v, "5  Optimised") || !strings.Contains(v, "▶ DISKOMINFO") {
			t.Errorf("the detail lacks the scale or hides the cursor row:\n%s", v)
		}
		e.press(close)
		if has() {
			t.Errorf("%s did not hide the detail", close.String())
		}
	}
	// At 120x36 the panel is always there.
	if v := ansi.Strip(view(e.g, 120, 36)); !strings.Contains(v, "Level scale") {
		t.Errorf("no level scale at 120x36:\n%s", v)
	}
}

// TestGridLastCellSaysSo: the last cell of a dimension has nowhere to
// advance to; a digit there says so, so the next digits are not typed
// over it unawares.
func TestGridLastCellSaysSo(t *testing.T) {
	e := newGridEnv(t, "id", gridOPDs, nil)
	last := len(e.g.present) - 1
	lastKey := e.g.tab().cols[len(e.g.tab().cols)-1].ind.Key
	e.at(0, last, len(e.g.tab().cols)-1)
	e.press(gkText("4"))
	want := e.s.T("grid.last_cell")
	if v := ansi.Strip(view(e.g, 120, 36)); !strings.Contains(v, "✗ "+want[:40]) {
		t.Errorf("at the last cell the view lacks %q:\n%s", want, v)
	}
	// The next digit has no cell: it is held, the 4 stays.
	e.press(gkText("2"))
	if a, _ := e.stored(gridRowCode[last], lastKey); a.Level != 4 {
		t.Errorf("the last cell holds %+v, want 4", a)
	}
	if v := ansi.Strip(view(e.g, 120, 36)); !strings.Contains(v, "✗ "+want[:40]) {
		t.Errorf("the message went away while digits are held:\n%s", v)
	}
	e.at(0, 0, 0)
	e.press(gkLeft) // a move dismisses it
	if e.g.hold != nil {
		t.Errorf("a move left the refusal standing")
	}
	e.press(gkText("3"))
	if e.g.hold != nil {
		t.Errorf("a cell with a next one holds: %+v", e.g.hold)
	}
}

// TestGridTypoDoesNotShiftDigits is DESIGN section 5: typing 3458233 with
// the 8 off the scale puts 3, 4, 5 in the first three cells, refuses the 8
// and the 2, 3, 3 typed while the refusal stands; after Esc, 233 lands
// where the cursor is (the cell the 8 was meant for) and on.
func TestGridTypoDoesNotShiftDigits(t *testing.T) {
	e := newGridEnv(t, "id", gridOPDs, nil)
	e.at(0, 0, 0)
	e.press(gridTyped("3458233")...)
	want := map[string][3]int{ // row code -> governance items 1..3
		"DISKOMINFO": {3, 4, 5},
		"BAPPEDA":    {0, 0, 0},
	}
	check := func(when string) {
		t.Helper()
		for code, levels := range want {
			for i, key := range []string{gkLayanan, gkBirokrasi, gkKebijakan} {
				if a, _ := e.stored(code, key); a.Level != levels[i] {
					t.Errorf("%s: %s item %d = %d, want %d", when, code, i+1, a.Level, levels[i])
				}
			}
		}
	}
	check("after 3458233")
	if st := e.s.State; st.Row != 1 || st.Col != 0 {
		t.Errorf("cursor = row %d col %d, want the cell the 8 was meant for (1, 0)", st.Row, st.Col)
	}
	if v := ansi.Strip(view(e.g, 120, 36)); !strings.Contains(v, "✗8") || !strings.Contains(v, "Level 8 tidak ada") {
		t.Errorf("the refusal and the marked cell are not on screen:\n%s", v)
	}
	e.press(gkEsc)
	e.press(gridTyped("233")...)
	want["BAPPEDA"] = [3]int{2, 3, 3}
	check("after Esc and 233")
}

// TestGridHidesAggregatesWhileHidden is DESIGN section 4: with the results
// hidden, the grid shows the cells being entered and no OPD or city score
// nor predikat.
func TestGridHidesAggregatesWhileHidden(t *testing.T) {
	e := newGridEnv(t, "id", gridOPDs, gridAnswers)
	e.at(0, 0, 0)
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		e.s.State.Revealed = false
		v := ansi.Strip(view(e.g, size[0], size[1]))
		// DISKOMINFO: (4+3+5)/3 = 4.00 Sangat Baik; any two-decimal number is an aggregate.
		if m := regexp.MustCompile(`\d\.\d\d|Sangat Baik|Cukup|Kurang|Memuaskan`).FindString(v); m != "" {
			t.Errorf("%dx%d hidden grid shows %q:\n%s", size[0], size[1], m, v)
		}
		if !strings.Contains(v, "▶4◀") {
			t.Errorf("%dx%d hidden grid lacks the cell being entered:\n%s", size[0], size[1], v)
		}
		e.s.State.Revealed = true
		if v := ansi.Strip(view(e.g, size[0], size[1])); !strings.Contains(v, "4.00") {
			t.Errorf("%dx%d revealed grid lacks DISKOMINFO's 4.00:\n%s", size[0], size[1], v)
		}
	}
	// The per-OPD view hides its dimension scores too.
	e.s.State.Revealed = false
	e.press(gkText("o"))
	if v := ansi.Strip(view(e.g, 120, 40)); regexp.MustCompile(`\d\.\d\d`).MatchString(v) {
		t.Errorf("hidden per-OPD view shows a score:\n%s", v)
	}
}

// TestGridShowAllToggle: a shows every OPD of the roster as a row (absent
// ones marked ○), the cursor staying on its OPD; a again only the present.
func TestGridShowAllToggle(t *testing.T) {
	e := newGridEnv(t, "id", gridOPDs, gridAnswers)
	e.at(0, 7, 0) // DISHUB, the last present row
	if len(e.g.present) != 8 {
		t.Fatalf("rows = %d, want the 8 present", len(e.g.present))
	}
	e.press(gkText("a"))
	if len(e.g.present) != 9 || e.g.present[e.s.State.Row].Code != "DISHUB" {
		t.Fatalf("after a: %d rows, cursor on %s", len(e.g.present), e.g.present[e.s.State.Row].Code)
	}
	if v := ansi.Strip(view(e.g, 120, 40)); !strings.Contains(v, "○ SATPOLPP") {
		t.Errorf("the absent OPD is not a marked row:\n%s", v)
	}
	if !e.storedState().GridAll {
		t.Errorf("the toggle is not saved")
	}
	e.press(gkText("a"))
	if len(e.g.present) != 8 || e.g.present[e.s.State.Row].Code != "DISHUB" {
		t.Errorf("after a again: %d rows, cursor on %s", len(e.g.present), e.g.present[e.s.State.Row].Code)
	}
}

// TestGridByOPDView: o shows one OPD's items of every dimension; digits
// advance through all of them, across the dimensions, and the last one
// holds the next digit.
func TestGridByOPDView(t *testing.T) {
	e := newGridEnv(t, "en", gridOPDs, nil)
	e.at(0, 5, 0) // DPMPTSP
	e.press(gkText("o"))
	v := ansi.Strip(view(e.g, 120, 40))
	for _, want := range []string{"DPMPTSP", "Smart Governance", "Smart Environment", "OPD 6/8", "done 0/18"} {
		if !strings.Contains(v, want) {
			t.Errorf("per-OPD view lacks %q:\n%s", want, v)
		}
	}
	// 18 items of one paper form, in one pass.
	e.press(gridTyped("123451234512345123")...)
	f := e.s.F()
	i := 0
	for _, d := range f.Dimensions {
		for _, el := range d.Elements {
			for _, ind := range el.Indicators {
				want := []int{1, 2, 3, 4, 5}[i%5]
				if a, _ := e.stored("DPMPTSP", ind.Key); a.Level != want {
					t.Errorf("item %d %s = %+v, want %d", i+1, ind.Key, a, want)
				}
				i++
			}
		}
	}
	if i != 18 {
		t.Fatalf("%d items, want 18", i)
	}
	// Every other OPD is untouched.
	if a, _ := e.stored("DLH", gkLayanan); a.Answered() {
		t.Errorf("the next OPD got %+v", a)
	}
	// The last item holds the next digit.
	e.press(gkText("4"))
	last := f.Dimensions[len(f.Dimensions)-1]
	lastKey := last.Elements[len(last.Elements)-1].Indicators[0].Key
	if a, _ := e.stored("DPMPTSP", lastKey); a.Level != 3 {
		t.Errorf("the last item = %+v, want 3 (the 4 held)", a)
	}
	if v := ansi.Strip(view(e.g, 120, 40)); !strings.Contains(v, e.s.T("grid.opd_last")[:40]) {
		t.Errorf("no word about the last item:\n%s", v)
	}
	// → is the next OPD; the view state is saved.
	e.press(gkRight)
	if e.g.present[e.s.State.Row].Code != "DLH" || !e.storedState().ByOPD {
		t.Errorf("after →: row %d, saved %+v", e.s.State.Row, e.storedState())
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		phCheckSize(t, "per-OPD", view(e.g, size[0], size[1]), size[0], size[1])
	}
}

// TestGridUndoMovesCursor: ctrl+z through the root puts the grid's cursor
// on the cell the undo changed.
func TestGridUndoMovesCursor(t *testing.T) {
	e := newGridEnv(t, "id", gridOPDs, gridAnswers)
	e.at(1, 3, 1) // KRATON, branding item 2
	e.press(gkText("4"))
	e.at(0, 0, 0)
	if _, _, err := e.s.Undo(); err != nil {
		t.Fatal(err)
	}
	upd(e.g, common.ScoresChangedMsg{})
	upd(e.g, common.CellChangedMsg{OPDID: e.g.present[3].ID, IndicatorKey: "branding.bisnis.1"})
	if st := e.s.State; st.Tab != 1 || st.Row != 3 || st.Col != 1 {
		t.Errorf("cursor after undo = %d/%d/%d, want 1/3/1", st.Tab, st.Row, st.Col)
	}
	if st := e.storedState(); st.Tab != 1 || st.Row != 3 || st.Col != 1 {
		t.Errorf("saved cursor after undo = %d/%d/%d, want 1/3/1", st.Tab, st.Row, st.Col)
	}
}

// TestGridHeadersFullAt200Columns: a 200-column window gives every column
// of every dimension its whole heading (the side panel keeps its room).
func TestGridHeadersFullAt200Columns(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := newGridEnv(t, lang, tuitest.OPDs, nil)
		for tab, d := range e.s.F().Dimensions {
			e.s.State.Tab = tab
			v := ansi.Strip(view(e.g, 200, 55))
			head := strings.Split(v, "\n")[1]
			for i, el := range d.Elements {
				want := fmt.Sprint(i+1) + " " + el.Name.In(lang)
				if !strings.Contains(head, want) {
					t.Errorf("%s %s: heading lacks %q:\n%s", lang, d.Key, want, head)
				}
			}
			phCheckSize(t, "grid", view(e.g, 200, 55), 200, 55)
		}
	}
}

// TestGridByOPDNextEmptyStaysInTheForm: n in the per-OPD view finds the
// next unanswered item of the same OPD's form first (in the next
// dimension too), and only then the next OPD's first open item, round to
// the start of the first form; in the table view n still goes down the
// dimension's rows.
func TestGridByOPDNextEmptyStaysInTheForm(t *testing.T) {
	f := tuitest.Elemen(t)
	var rows []gridCell
	for _, d := range f.Dimensions {
		for _, el := range d.Elements {
			for _, ind := range el.Indicators {
				// DISKOMINFO leaves Manajemen Birokrasi (governance item
				// 2) and Industri (economy item 1) open.
				if ind.Key != gkBirokrasi && ind.Key != "economy.industri.1" {
					rows = append(rows, gridCell{OPD: 0, Key: ind.Key, A: workshop.Answer{Level: 3}})
				}
			}
		}
	}
	e := newGridEnv(t, "id", gridOPDs, rows)
	e.at(1, 0, 0) // DISKOMINFO, branding item 1
	e.press(gkText("o"))
	steps := []struct {
		what          string
		tab, row, col int
	}{
		{"the open item after the cursor in the same form, a dimension on", 2, 0, 0},
		{"the rest of the form answered: the next OPD's first open item", 0, 1, 0},
		{"on in that form", 0, 1, 1},
	}
	for _, s := range steps {
		e.press(gkText("n"))
		if st := e.s.State; st.Tab != s.tab || st.Row != s.row || st.Col != s.col {
			t.Fatalf("%s: cursor at tab %d row %d col %d, want %d/%d/%d", s.what, st.Tab, st.Row, st.Col, s.tab, s.row, s.col)
		}
	}
	// From the last OPD's last item: round to the first form.
	e.at(5, len(e.g.present)-1, 2)
	e.press(gkText("n"))
	if st := e.s.State; st.Tab != 0 || st.Row != 0 || st.Col != 1 {
		t.Errorf("round from the last form: cursor at %d/%d/%d, want 0/0/1", st.Tab, st.Row, st.Col)
	}
	// Back in the table, n goes down the rows of the dimension.
	e.press(gkText("o"))
	e.at(1, 0, 0)
	e.press(gkText("n"))
	if st := e.s.State; st.Tab != 1 || st.Row != 1 || st.Col != 0 {
		t.Errorf("table view n: cursor at %d/%d/%d, want 1/1/0", st.Tab, st.Row, st.Col)
	}
}

// TestGridByOPDFooterSaysEachKeyOnce: in the per-OPD view every key hint
// names its key once (the move keys read "↑↓ ←→ ↑↓ item, ←→ OPD") and o
// says that it goes back to the table.
func TestGridByOPDFooterSaysEachKeyOnce(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := newGridEnv(t, lang, gridOPDs, gridAnswers)
		e.press(gkText("o"))
		for _, b := range e.g.ShortHelp() {
			h := b.Help()
			if strings.ContainsAny(h.Desc, "↑↓←→") {
				t.Errorf("%s: hint %q %q repeats its keys in the description", lang, h.Key, h.Desc)
			}
			if h.Key == "o" && h.Desc != e.s.T("grid.key.by_opd_back") {
				t.Errorf("%s: o in the per-OPD view reads %q", lang, h.Desc)
			}
		}
	}
}

// TestLegendsExplainTheMarksInTheTextColour: the grid's legend says what
// * (a note) and ° (a phone's answer) mean, and the ? help lists them;
// the gaps and scoreboard legends are drawn in the legend colour: their
// own packages' tests.
func TestLegendsExplainTheMarksInTheTextColour(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		e := newGridEnv(t, lang, gridOPDs, gridAnswers)
		v := strings.Join(strings.Fields(strings.ReplaceAll(ansi.Strip(view(e.g, 200, 56)), "│", " ")), " ")
		if want := e.s.T("grid.marks", PhoneMark); !strings.Contains(v, want) {
			t.Errorf("%s: the grid's legend lacks %q:\n%s", lang, want, v)
		}
		var marks bool
		for _, group := range e.g.FullHelp() {
			for _, b := range group {
				if b.Help().Key == "* "+PhoneMark {
					marks = true
				}
			}
		}
		if !marks {
			t.Errorf("%s: the ? help does not explain * and %s", lang, PhoneMark)
		}
	}
}

// TestGridEmojiRowsLineUp: an OPD named with an emoji and its variation
// selector (📡🏙️) and a note with one keep their rows in line: the
// selector is gone before the layout measures (xterm draws 🏙️ one column
// wide, the width tables say two), so every row's first │ stands in the
// same column. Kept as a golden frame.
func TestGridEmojiRowsLineUp(t *testing.T) {
	opds := []store.OPDInput{
		{Code: "DISKOMINFO", Name: "Dinas Kominfo \U0001F4E1\U0001F3D9\uFE0F"},
		{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah"},
		{Code: "DLH", Name: "Dinas Lingkungan Hidup \U0001F333\uFE0F"},
	}
	e := newGridEnv(t, "id", opds, []gridCell{{OPD: 0, Key: gkLayanan, A: workshop.Answer{Level: 3}, Note: "Sudah daring \U0001F3D9\uFE0F"}})
	v := view(e.g, 120, 20)
	plain := ansi.Strip(v)
	if strings.ContainsRune(plain, '\uFE0F') {
		t.Errorf("a variation selector reached the screen:\n%s", plain)
	}
	bar := -1
	for _, l := range strings.Split(plain, "\n") {
		if !strings.Contains(l, "Dinas") && !strings.Contains(l, "Badan") {
			continue
		}
		i := strings.Index(l, "│")
		if i < 0 {
			continue
		}
		col := ansi.StringWidth(l[:i])
		if bar >= 0 && col != bar {
			t.Errorf("row %q has its │ at column %d, the others at %d", l, col, bar)
		}
		bar = col
	}
	if bar < 0 {
		t.Fatalf("no OPD rows:\n%s", plain)
	}
	golden(t, "grid-emoji-120x20", v)
}

// TestProjectorFooterOffersNoRefusedKey: the projector view's grid footer
// (on the wall, in front of the room) lists no scoring key, which the
// projector refuses.
func TestProjectorFooterOffersNoRefusedKey(t *testing.T) {
	fx := tuitest.NewBoardEnv(t, "id")
	s := fx.Sess
	s.ReadOnly = true
	g := New(s)
	refused := []key.Binding{g.keys.Level, g.keys.NA, g.keys.Clear, g.keys.Note}
	for _, h := range g.ShortHelp() {
		for _, r := range refused {
			if h.Help() == r.Help() {
				t.Errorf("projector footer offers %q %q", h.Help().Key, h.Help().Desc)
			}
		}
	}
}
