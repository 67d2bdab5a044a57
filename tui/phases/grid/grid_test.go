package grid

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/internal/tuitest"
	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// The grid's test sessions and keys as the terminal sends them.

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

// newGridScaleEnv is the benchmark session: workshop.ScaleFramework(), 80
// OPDs and their sheets, stored through the real store.
func newGridScaleEnv(t testing.TB) *gridEnv {
	t.Helper()
	return gridEnvOf(t, tuitest.NewScaleEnv(t))
}
