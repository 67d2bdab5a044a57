package grid

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// Update handles keys and the change messages.
func (g *Grid) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	cmd := g.update(msg)
	g.place()
	return g, cmd
}

func (g *Grid) update(msg tea.Msg) tea.Cmd {
	g.sync()
	switch m := msg.(type) {
	case common.RosterChangedMsg, common.ScoresChangedMsg:
		g.rebuild()
		return g.saveState()
	case common.CellChangedMsg:
		return g.focus(m.OPDID, m.IndicatorKey)
	case tea.KeyPressMsg:
		if g.note != nil {
			return g.updateNote(m)
		}
		return g.updateKey(m)
	default:
		if g.note != nil { // paste and the like go to the editor
			var cmd tea.Cmd
			g.note.ta, cmd = g.note.ta.Update(msg)
			return cmd
		}
	}
	return nil
}

func (g *Grid) updateKey(m tea.KeyPressMsg) tea.Cmd {
	k := g.keys
	st := &g.s.State
	switch {
	case key.Matches(m, k.NextTab):
		g.hold = nil
		return g.moveTab(1)
	case key.Matches(m, k.PrevTab):
		g.hold = nil
		return g.moveTab(-1)
	case key.Matches(m, k.AllOPDs):
		return g.toggleAll()
	case key.Matches(m, k.Reveal):
		return common.ToggleReveal(g.s)
	case key.Matches(m, k.ByOPD):
		g.hold = nil
		st.ByOPD = !st.ByOPD
		return g.saveState()
	}
	nRows, nCols := len(g.present), len(g.tab().cols)
	if nRows == 0 || nCols == 0 {
		return nil
	}
	if d, ok := digitOf(m); ok {
		if g.hold != nil {
			return nil // the refusal stands: the digit is not taken
		}
		return g.typeDigit(d)
	}
	if key.Matches(m, k.Close) && g.hold != nil {
		g.hold = nil // Esc dismisses the refusal; the cursor stays
		return nil
	}
	if st.ByOPD {
		return g.updateByOPD(m)
	}
	switch {
	case key.Matches(m, k.Up):
		st.Row--
	case key.Matches(m, k.Down):
		st.Row++
	case key.Matches(m, k.Left):
		st.Col--
	case key.Matches(m, k.Right):
		st.Col++
	case key.Matches(m, k.Home):
		st.Col = 0
	case key.Matches(m, k.End):
		st.Col = nCols - 1
	case key.Matches(m, k.PageUp):
		st.Row -= max(1, g.pageRows)
	case key.Matches(m, k.PageDown):
		st.Row += max(1, g.pageRows)
	case key.Matches(m, k.NextEmpty):
		g.hold = nil
		return g.nextEmpty()
	case key.Matches(m, k.Clear):
		return g.write(workshop.Answer{}, false)
	case key.Matches(m, k.Note):
		return g.openNote()
	case key.Matches(m, k.Detail):
		g.detail = !g.detail
		return nil
	case key.Matches(m, k.Close):
		g.detail = false
		return nil
	default:
		return nil
	}
	g.hold = nil // a move dismisses a standing refusal
	g.clampCursor()
	return g.saveState()
}

// digitOf reads a plain digit key (not ctrl+1 and the like).
func digitOf(m tea.KeyPressMsg) (int, bool) {
	t := m.String()
	if len(t) == 1 && t[0] >= '0' && t[0] <= '9' {
		return int(t[0] - '0'), true
	}
	return 0, false
}

// moveTab shows the next or previous dimension with the cursor on its
// first unanswered cell (of the OPD on the cursor in the per-OPD view), so
// the typist goes on where the work is; a dimension with every cell
// answered keeps the row and column.
func (g *Grid) moveTab(d int) tea.Cmd {
	n := len(g.tabs)
	if n == 0 {
		return nil
	}
	st := &g.s.State
	st.Tab = ((st.Tab+d)%n + n) % n
	g.clampCursor()
	if row, col, ok := g.firstEmpty(st.Tab, st.ByOPD); ok {
		st.Row, st.Col = row, col
	}
	return g.saveState()
}

// empty reports whether a cell of the grid has no answer (nor N/A).
func (g *Grid) empty(row int, col column) bool {
	return !g.s.Board.Answer(g.present[row].ID, col.ind.Key).Answered()
}

// firstEmpty is the first unanswered cell of tab ti, row by row; with
// oneOPD only in the cursor's row.
func (g *Grid) firstEmpty(ti int, oneOPD bool) (row, col int, ok bool) {
	cols := g.tabs[ti].cols
	from, to := 0, len(g.present)
	if oneOPD {
		from, to = g.s.State.Row, min(g.s.State.Row+1, len(g.present))
	}
	for r := from; r < to; r++ {
		for c := range cols {
			if g.empty(r, cols[c]) {
				return r, c, true
			}
		}
	}
	return 0, 0, false
}

// nextEmpty moves to the next unanswered cell after the cursor: on along
// the row, then the next rows, then the next dimensions, round to where it
// started.
func (g *Grid) nextEmpty() tea.Cmd {
	st := &g.s.State
	nt := len(g.tabs)
	for step := 0; step <= nt; step++ {
		ti := (st.Tab + step) % nt
		cols := g.tabs[ti].cols
		for r := range g.present {
			for c := range cols {
				if step == 0 && (r < st.Row || r == st.Row && c <= st.Col) {
					continue // before the cursor: looked at last, on the way round
				}
				if step == nt && (r > st.Row || r == st.Row && c > st.Col) {
					continue
				}
				if g.empty(r, cols[c]) {
					st.Tab, st.Row, st.Col = ti, r, c
					return g.saveState()
				}
			}
		}
	}
	return common.StatusCmd(g.s.T("grid.all_answered"))
}

// toggleAll shows every OPD of the roster as a row, or only the present
// ones; the cursor stays on its OPD when it is still a row.
func (g *Grid) toggleAll() tea.Cmd {
	st := &g.s.State
	var cur int64
	if st.Row < len(g.present) {
		cur = g.present[st.Row].ID
	}
	st.GridAll = !st.GridAll
	g.rebuild()
	for i, o := range g.present {
		if o.ID == cur {
			st.Row = i
		}
	}
	g.clampCursor()
	cmd := g.saveState()
	text := g.s.T("grid.only_present")
	if st.GridAll {
		text = g.s.T("grid.all_opds")
	}
	return tea.Batch(cmd, common.StatusCmd(text))
}

// focus puts the cursor on a cell that changed elsewhere (an undo or a
// redo), showing every OPD when that one is not a row now.
func (g *Grid) focus(opdID int64, indicatorKey string) tea.Cmd {
	st := &g.s.State
	row := slices.IndexFunc(g.present, func(o workshop.OPD) bool { return o.ID == opdID })
	if row < 0 && !st.GridAll && slices.ContainsFunc(g.s.Board.OPDs, func(o workshop.OPD) bool { return o.ID == opdID }) {
		st.GridAll = true
		g.rebuild()
		row = slices.IndexFunc(g.present, func(o workshop.OPD) bool { return o.ID == opdID })
	}
	if row < 0 {
		return nil // the OPD left the roster
	}
	for ti, t := range g.tabs {
		for ci, c := range t.cols {
			if c.ind.Key == indicatorKey {
				g.hold = nil
				st.Tab, st.Row, st.Col = ti, row, ci
				return g.saveState()
			}
		}
	}
	return nil
}

// typeDigit sets a level (0 = N/A) and advances; a digit off the scale is
// refused with one sentence and nothing changes.
func (g *Grid) typeDigit(d int) tea.Cmd {
	if d == 0 {
		return g.write(workshop.Answer{NA: true}, true)
	}
	f := g.s.F()
	if _, ok := f.LevelOf(d); !ok {
		lo, hi := f.MinLevel(), f.MaxLevel()
		g.hold = &refusal{text: g.s.T("grid.out_of_scale", d, lo, hi, lo, hi), digit: d, mark: true}
		return nil
	}
	return g.write(workshop.Answer{Level: d}, true)
}

// write commits an answer to the cursor cell (skipped when it is already
// that answer, so the undo log holds only real changes), then advances.
func (g *Grid) write(a workshop.Answer, advance bool) tea.Cmd {
	st := &g.s.State
	opd := g.present[st.Row]
	col := g.tab().cols[st.Col]
	before := *st
	// Next column, then the first column of the next row; the last cell
	// stays put (and says so). The cursor moves first so that the answer
	// and the moved cursor are committed together (Sess.SetAnswer).
	stuck := false
	if advance {
		stuck = !g.advance()
	}
	if g.s.Board.Answer(opd.ID, col.ind.Key) != a {
		if err := g.s.SetAnswer(opd.ID, col.ind.Key, a); err != nil {
			st.Tab, st.Row, st.Col = before.Tab, before.Row, before.Col
			return common.ErrCmd(err)
		}
	} else if cmd := g.saveState(); cmd != nil {
		return cmd
	}
	if stuck {
		// No next cell: the digits that follow are held, so they are not
		// typed over this answer unawares.
		text := g.s.T("grid.last_cell")
		if st.ByOPD {
			text = g.s.T("grid.opd_last")
		}
		g.hold = &refusal{text: text}
	}
	return nil
}

// advance moves the cursor to the next cell a digit fills: the next
// column, then the first column of the next row; in the per-OPD view the
// OPD's next item, across the dimensions. False when there is none.
func (g *Grid) advance() bool {
	st := &g.s.State
	switch {
	case st.Col < len(g.tab().cols)-1:
		st.Col++
	case st.ByOPD:
		for ti := st.Tab + 1; ti < len(g.tabs); ti++ {
			if len(g.tabs[ti].cols) > 0 {
				st.Tab, st.Col = ti, 0
				return true
			}
		}
		return false
	case st.Row < len(g.present)-1:
		st.Row++
		st.Col = 0
	default:
		return false
	}
	return true
}
