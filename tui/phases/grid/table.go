package grid

import (
	"math"
	"strconv"
	"strings"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// visibleGroups yields the runs of visible columns that share an element.
func (g *Grid) visibleGroups(l *frameLayout, fn func(from, to int)) {
	cols := g.tab().cols
	end := min(l.first+l.vis, len(cols))
	for i := l.first; i < end; {
		j := i
		for j+1 < end && cols[j+1].elIx == cols[i].elIx {
			j++
		}
		fn(i, j)
		i = j + 1
	}
}

// sep is the separator before column i: a bar between elements.
func (g *Grid) sepBefore(i int, l *frameLayout) bool {
	cols := g.tab().cols
	return i == l.first || cols[i].elIx != cols[i-1].elIx
}

func (g *Grid) headerLines(body []string, l *frameLayout) []string {
	t := g.tab()
	st := g.s.State
	cols := t.cols
	nc, n := len(cols), len(g.present)

	rowsInfo := g.s.T("grid.opd")
	if l.rows < n {
		rowsInfo = g.s.T("grid.rows", g.rowTop+1, g.rowTop+l.rows, n)
	}
	colsInfo := ""
	if l.vis < nc {
		colsInfo = g.s.T("grid.cols", l.first+1, l.first+l.vis, nc)
	}
	var b strings.Builder
	if l.heads == 2 {
		b.WriteString(g.p.paint(gpBold, common.FitCell(rowsInfo, l.labelW)))
		if t.grouped {
			g.visibleGroups(l, func(from, to int) {
				spanW := (to-from+1)*(l.cw+1) - 1
				b.WriteString(g.p.paint(gpBorder, "│"))
				id := gpAccent
				if cols[from].elIx == cols[st.Col].elIx {
					id = gpCrossBold
				}
				b.WriteString(g.p.paint(id, common.FitCell(g.s.Name(cols[from].el.Name), spanW)))
			})
		} else {
			b.WriteString(strings.Repeat(" ", l.vis*(l.cw+1)))
		}
		b.WriteString(g.p.paint(gpBorder, "│"))
		b.WriteString(spaces(l.gw - (l.labelW + l.vis*(l.cw+1) + 1)))
		body = append(body, b.String())
		b.Reset()
		b.WriteString(g.p.paint(gpBold, common.FitCell(colsInfo, l.labelW)))
	} else {
		b.WriteString(g.p.paint(gpBold, common.FitCell(rowsInfo, l.labelW)))
	}
	for i := l.first; i < l.first+l.vis && i < nc; i++ {
		b.WriteString(g.sep(g.sepBefore(i, l), false))
		id := gpBold
		if i == st.Col {
			id = gpCrossBold
		}
		num := strconv.Itoa(cols[i].num)
		if t.grouped && l.cw < 12 { // a few letters of a statement help nobody
			b.WriteString(g.p.paint(id, common.CenterCell(num, l.cw)))
		} else {
			b.WriteString(g.p.paint(id, common.FitCell(num+" "+g.colShort(t, cols[i]), l.cw)))
		}
	}
	b.WriteString(g.p.paint(gpBorder, "│"))
	b.WriteString(g.p.paint(gpBold, common.CenterCell(g.s.T("grid.score"), l.scoreW)))
	if l.predW > 0 {
		b.WriteString(g.p.paint(gpBold, " "+common.FitCell(g.s.T("grid.predikat"), l.predW-1)))
	}
	if l.doneW > 0 {
		b.WriteString(g.p.paint(gpBold, " "+common.FitCell(g.s.T("grid.done"), l.doneW-1)))
	}
	b.WriteString(spaces(l.gw - l.rowW()))
	return append(body, b.String())
}

// headWidth is the width of the widest column heading ("1 Name").
func (g *Grid) headWidth(t *tabCols) int {
	w := 0
	for _, c := range t.cols {
		w = max(w, common.CellWidth(strconv.Itoa(c.num)+" "+g.colShort(t, c)))
	}
	return w
}

// colShort is the header label of a column: the element name when each
// element has one indicator, else the indicator name.
func (g *Grid) colShort(t *tabCols, c column) string {
	if t.grouped {
		return g.s.Name(c.ind.Name)
	}
	return g.s.Name(c.el.Name)
}

func (g *Grid) sep(element, cross bool) string {
	switch {
	case element && cross:
		return g.cells.sepElCross
	case element:
		return g.cells.sepEl
	case cross:
		return g.cells.sepCross
	}
	return " "
}

func (g *Grid) rowLine(l *frameLayout, row int) string {
	st := g.s.State
	t := g.tab()
	opd := g.present[row]
	on := row == st.Row
	var b strings.Builder
	b.Grow(l.gw * 4)
	b.WriteString(g.rowLb.get(g, row, l.labelW, on))
	sheet := g.s.Board.Sheet(opd.ID)
	notes := g.s.Notes(opd.ID)
	for i := l.first; i < l.first+l.vis && i < len(t.cols); i++ {
		k := t.cols[i].ind.Key
		b.WriteString(g.sep(g.sepBefore(i, l), on))
		_, hasNote := notes[k]
		state := cellPlain
		switch {
		case on && i == st.Col:
			state = cellCursor
		case on || i == st.Col:
			state = cellCross
		}
		if state == cellCursor && g.hold != nil && g.hold.mark {
			b.WriteString(g.p.paint(gpBadCell, common.CenterCell("✗"+strconv.Itoa(g.hold.digit), l.cw)))
			continue
		}
		b.WriteString(g.cells.get(g, sheet[k], hasNote, g.s.FromPhone(opd.ID, k), state))
	}
	b.WriteString(g.sep(true, on))
	res := g.s.Board.OPDResult(opd.ID)
	sc := res.Dimensions[t.dim.Key]
	hidden := !g.s.State.Revealed
	if hidden {
		b.WriteString(g.hiddenCell(l.scoreW))
	} else {
		b.WriteString(g.scoreCell(sc, l.scoreW))
	}
	back := gpBase
	if on {
		back = gpCross
	}
	if l.predW > 0 {
		if hidden {
			b.WriteString(g.p.paint(back, " "+g.fit("", l.predW-1)))
		} else {
			b.WriteString(g.p.paint(back, " "+g.fit(g.predikat(sc), l.predW-1)))
		}
	}
	if l.doneW > 0 {
		done := strconv.Itoa(res.Done[t.dim.Key]) + "/" + strconv.Itoa(len(t.cols))
		b.WriteString(g.p.paint(back, " "+g.fit(done, l.doneW-1)))
	}
	b.WriteString(spaces(l.gw - l.rowW()))
	return b.String()
}

// scoreCell paints a score centred in w columns, in its heat colour.
// Scores repeat a lot (two decimals, 1-5), so the painted cells are kept.
func (g *Grid) scoreCell(sc workshop.Score, w int) string {
	k := scoreKey{w: w, st: g.s.Styles}
	if sc.OK {
		k.ok, k.v = true, int(math.Round(workshop.Round2(sc.Value)*100))
	}
	if v, ok := g.scores[k]; ok {
		return v
	}
	if len(g.scores) > 4096 {
		clear(g.scores)
	}
	v := g.p.paint(gpBase, common.CenterCell("–", w))
	if sc.OK {
		v = g.p.paint(gpHeat0+uint8(heat(sc.Value, true)), common.CenterCell(common.Fmt2(sc.Value), w))
	}
	g.scores[k] = v
	return v
}

type scoreKey struct {
	v, w int
	ok   bool
	st   *common.Styles
}

func (g *Grid) predikat(sc workshop.Score) string {
	if !sc.OK {
		return "–"
	}
	if p, ok := g.s.F().Predikat(sc.Value); ok {
		return g.s.Name(p)
	}
	return "–"
}

// hiddenCell stands for a score while the results are hidden from the
// room: the grid still shows the cells being entered, never an aggregate.
func (g *Grid) hiddenCell(w int) string {
	return g.p.paint(gpBorder, common.CenterCell("░░░", w))
}

// cityLine: the city's element scores under their columns, and the
// dimension score (mean over the OPDs that have one, with n); while the
// results are hidden, a line saying so.
func (g *Grid) cityLine(l *frameLayout) string {
	t := g.tab()
	city := g.s.Board.City()
	var b strings.Builder
	if !g.s.State.Revealed {
		b.WriteString(g.p.paint(gpBold, common.FitCell(g.s.T("grid.city_row"), l.labelW)))
		b.WriteString(g.p.paint(gpBorder, "│"))
		b.WriteString(g.p.paint(gpBase, common.FitCell(" "+g.s.T("grid.hidden"), l.gw-l.labelW-1)))
		return b.String()
	}
	b.WriteString(g.p.paint(gpBold, common.FitCell(g.s.T("grid.city_row"), l.labelW)))
	g.visibleGroups(l, func(from, to int) {
		spanW := (to-from+1)*(l.cw+1) - 1
		b.WriteString(g.sep(g.sepBefore(from, l), false))
		stat := city.Elements[t.cols[from].el.Key]
		b.WriteString(g.scoreCell(stat.Score(), spanW))
	})
	b.WriteString(g.sep(true, false))
	ds := city.Dimensions[t.dim.Key]
	b.WriteString(g.scoreCell(ds.Score(), l.scoreW))
	if l.predW > 0 {
		b.WriteString(g.p.paint(gpBold, " "+common.FitCell(g.predikat(ds.Score()), l.predW-1)))
	}
	if l.doneW > 0 {
		b.WriteString(g.p.paint(gpBase, " "+common.FitCell(g.s.T("grid.city_n", ds.N), l.doneW-1)))
	}
	b.WriteString(spaces(l.gw - l.rowW()))
	return b.String()
}

// summaryLine: the dimension's city score in words and its completion.
func (g *Grid) summaryLine(w int) string {
	t := g.tab()
	city := g.s.Board.City()
	ds := city.Dimensions[t.dim.Key]
	score := "–"
	if ds.N > 0 {
		score = common.Fmt2(ds.Mean)
	}
	c := city.Completion[t.dim.Key]
	text := g.s.T("grid.summary", g.s.Name(t.dim.Name), score, g.predikat(ds.Score()), ds.N,
		c.Done, c.Possible, c.Percent())
	if !g.s.State.Revealed {
		text = g.s.T("grid.summary_hidden", g.s.Name(t.dim.Name), c.Done, c.Possible, c.Percent())
	}
	return g.p.paint(gpBold, common.FitCell(text, w))
}
