// Package grid is the fourth phase, Penilaian mandiri: a tab per
// dimension, the present OPDs down, the dimension's indicators across, and
// the per-OPD view of one OPD's whole form. A digit scores the cursor cell
// through the open session (common.Sess) and moves on.
//
// The files: grid.go the model and its place (what the roster and the
// board give it, the cursor, the page contract), keys.go the keys and the
// help, update.go the keys' effects and the writes, layout.go the frame's
// arithmetic and scrolling, view.go the frame and the tab bar, table.go
// the header rows, the OPD rows and the city row, detail.go the cursor
// cell in words and the item's detail, legend.go the side and bottom
// panels and the legend, note.go the note editor and the boxes over the
// grid, byopd.go the per-OPD view, paint.go and text.go the caches of
// rendered cells and text.
package grid

import (
	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// Grid is the assessment screen (phase "Penilaian mandiri"): a tab per
// dimension, the present OPDs down, the dimension's indicators across.
// A digit scores the cursor cell and moves on, so a facilitator reading a
// sheet aloud types one digit per answer. Every write is committed through
// Sess before the screen shows it; the OPD's dimension score and the city
// score below the grid come from the Board, recomputed on each write.
//
// View is called on every frame with up to 80 OPDs x 90 indicators in the
// session, so it draws only the visible rows and columns and paints from
// caches of rendered cells (see painter).
type Grid struct {
	common.Size
	s    *common.Sess
	keys keyMap

	board   *workshop.Board // the board the caches below were built from
	present []workshop.OPD  // the rows: present OPDs in roster order
	tabs    []tabCols       // per dimension, in framework order
	labelW  int             // widest row label (code + name)
	cornerW int             // widest text of the label column besides names
	predW   int             // widest predikat label (and its heading)

	// Scroll offsets: moved only as far as needed to keep the cursor on
	// screen, so the grid does not jump while the facilitator types.
	rowTop, colLeft int
	pageRows        int // OPD rows on screen at the last View (page keys)
	opdTop          int // first line shown in the per-OPD view

	detail bool        // Space: the detail panel where the size does not show it anyway
	note   *noteEditor // the open note editor, nil when closed
	// hold is a refusal that stands: a digit off the scale, or a digit at
	// the last cell. Further digits are not taken until Esc or a move, so
	// a typo never shifts the entries after it (DESIGN section 5).
	hold *refusal

	p      painter
	cells  cellCache
	rowLb  rowLabels
	wraps  map[wrapKey][]string
	fits   map[wrapKey]string
	scores map[scoreKey]string
	// The tab bar of the last frame and what it was drawn from.
	tabBarKey  string
	tabBarSt   *common.Styles
	tabBarLine string
}

// tabCols is one dimension's columns.
type tabCols struct {
	dim  *workshop.Dimension
	cols []column
	// grouped is true when an element has more than one indicator: the
	// header then needs a row of element headings above the items.
	grouped bool
}

// column is one indicator column.
type column struct {
	ind  *workshop.Indicator
	el   *workshop.Element
	elIx int // index of the element inside the dimension
	num  int // 1-based position in the tab, as in the legend
}

// refusal is a standing refusal at the cursor cell.
type refusal struct {
	text  string
	digit int  // the refused digit, drawn in the cell; 0 when the cell keeps its answer
	mark  bool // the cell is marked with the refused digit
}

// New builds the assessment screen on the session's cursor.
func New(s *common.Sess) *Grid {
	g := &Grid{s: s, keys: newKeyMap(s.Lang, s.F()), wraps: map[wrapKey][]string{},
		fits: map[wrapKey]string{}, scores: map[scoreKey]string{}}
	g.rebuild()
	return g
}

// rebuild refreshes what depends on the roster and the board, and keeps
// the cursor inside the grid.
func (g *Grid) rebuild() {
	s := g.s
	g.board = s.Board
	if s.State.GridAll {
		g.present = append(g.present[:0:0], s.Board.OPDs...)
	} else {
		g.present = s.Board.Present()
	}
	f := s.F()
	g.tabs = g.tabs[:0]
	for di := range f.Dimensions {
		d := &f.Dimensions[di]
		t := tabCols{dim: d}
		for ei := range d.Elements {
			e := &d.Elements[ei]
			if len(e.Indicators) > 1 {
				t.grouped = true
			}
			for ii := range e.Indicators {
				t.cols = append(t.cols, column{ind: &e.Indicators[ii], el: e, elIx: ei, num: len(t.cols) + 1})
			}
		}
		g.tabs = append(g.tabs, t)
	}
	g.labelW = 0
	for _, o := range g.present {
		g.labelW = max(g.labelW, common.CellWidth(opdLabel(o)))
	}
	nc := 0
	for _, t := range g.tabs {
		nc = max(nc, len(t.cols))
	}
	n := len(g.present)
	g.cornerW = max(common.CellWidth(s.T("grid.city_row")),
		common.CellWidth(s.T("grid.rows", n, n, n)), common.CellWidth(s.T("grid.cols", nc, nc, nc)))
	g.predW = common.CellWidth(s.T("grid.predikat"))
	for _, b := range f.Bands {
		g.predW = max(g.predW, common.CellWidth(s.Name(b.Predikat)))
	}
	g.rowLb = rowLabels{}
	g.clampCursor()
}

// sync notices a board replaced by Sess.Reload (roster edits, imports).
func (g *Grid) sync() {
	if g.board != g.s.Board {
		g.rebuild()
	}
}

func (g *Grid) clampCursor() {
	st := &g.s.State
	st.Tab = common.Clamp(st.Tab, 0, len(g.tabs)-1)
	st.Row = common.Clamp(st.Row, 0, len(g.present)-1)
	st.Col = common.Clamp(st.Col, 0, len(g.tab().cols)-1)
}

func (g *Grid) tab() *tabCols {
	if len(g.tabs) == 0 {
		return &tabCols{dim: &workshop.Dimension{}}
	}
	return &g.tabs[common.Clamp(g.s.State.Tab, 0, len(g.tabs)-1)]
}

// saveState writes the cursor (only when it changed).
func (g *Grid) saveState() tea.Cmd {
	if err := g.s.SaveState(); err != nil {
		return common.ErrCmd(err)
	}
	return nil
}

// Enter clamps the cursor when the screen is shown again: the roster may
// have changed on the Daftar OPD screen.
func (g *Grid) Enter() tea.Cmd {
	g.rebuild()
	g.place()
	return g.saveState()
}

// SetSize gives the grid its body and scrolls the cursor into sight.
func (g *Grid) SetSize(w, h int) {
	g.W, g.H = max(0, w-common.Margin), h // the left margin is View's
	g.place()
}

// place scrolls the grid (or the per-OPD view) so the cursor is in sight
// at the size SetSize gave, after every message: View then only draws,
// and the page keys move by the rows on screen.
func (g *Grid) place() {
	g.sync()
	w, h := g.W, g.H
	if w <= 0 || h <= 0 || len(g.present) == 0 || len(g.tab().cols) == 0 {
		return
	}
	g.p.use(g.s.Styles)
	if g.note != nil {
		g.note.ta.SetWidth(min(w-2, 72) - 4) // the note box's inside
	}
	if g.s.State.ByOPD {
		_, g.opdTop = g.viewByOPD(w, h)
		return
	}
	l := g.layout(w, h)
	g.scroll(&l)
}

// Capturing is true while the note editor takes text.
func (g *Grid) Capturing() bool { return g.note != nil }
