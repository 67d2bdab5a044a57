package grid

import (
	"context"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

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
