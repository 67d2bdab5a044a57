package grid

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// Caches of rendered text: lipgloss renders only what changed.

// Style ids of the painter.
const (
	gpBase uint8 = iota
	gpBold
	gpAccent
	gpBorder
	gpCross
	gpCrossBold
	gpCrossBorder
	gpCursor
	gpSelected
	gpTab
	gpTabOn
	gpTabOnTight // the active tab without its padding
	gpBad        // a standing refusal
	gpBadCell    // the cell a refused digit was meant for
	gpHeat0      // gpHeat0+i is the heat of level i (0..5)
	gpCount      = gpHeat0 + 6
)

type paintKey struct {
	id   uint8
	text string
}

// painter renders (style, text) once and remembers the result, so a frame
// of a few thousand cells costs map lookups, not style renders.
type painter struct {
	st     *common.Styles
	styles [gpCount]lipgloss.Style
	cache  map[paintKey]string
}

// use switches to the session's styles (the theme can change at any time).
func (p *painter) use(st *common.Styles) {
	if p.st == st && p.cache != nil {
		return
	}
	p.st = st
	p.cache = make(map[paintKey]string, 512)
	P := st.P
	p.styles[gpBase] = st.Base
	p.styles[gpBold] = st.Bold
	p.styles[gpAccent] = st.Accent
	p.styles[gpBorder] = lipgloss.NewStyle().Foreground(P.Border)
	p.styles[gpCross] = st.Cross
	p.styles[gpCrossBold] = st.Cross.Bold(true)
	p.styles[gpCrossBorder] = st.Cross.Foreground(P.Border)
	p.styles[gpCursor] = st.Cursor
	p.styles[gpSelected] = st.Selected
	p.styles[gpTab] = st.Tab
	p.styles[gpTabOn] = st.TabOn
	p.styles[gpTabOnTight] = st.TabOn.Padding(0)
	p.styles[gpBad] = st.Bad
	p.styles[gpBadCell] = lipgloss.NewStyle().Foreground(P.Bg).Background(P.Bad).Bold(true)
	for i := 0; i < 6; i++ {
		p.styles[gpHeat0+uint8(i)] = st.Heat[i]
	}
}

func (p *painter) paint(id uint8, text string) string {
	k := paintKey{id, text}
	if v, ok := p.cache[k]; ok {
		return v
	}
	if len(p.cache) > 8192 { // labels of many widths: start again
		clear(p.cache)
	}
	v := p.styles[id].Render(text)
	p.cache[k] = v
	return v
}

// Cell states.
const (
	cellPlain = iota
	cellCross
	cellCursor
)

// cellCache holds every rendered cell of the current width: levels 0-9
// (0: unanswered) and N/A, with or without a note, written last by a phone
// in room mode or not, in the three states.
type cellCache struct {
	w     int
	st    *common.Styles
	cells [11][4][3]string // [kind][note | phone<<1][state]
	// Separators before a column: a bar between elements, on the cursor
	// row or not.
	sepEl, sepElCross, sepCross string
}

func (c *cellCache) prepare(g *Grid, w int) {
	if c.w == w && c.st == g.s.Styles {
		return
	}
	c.w, c.st = w, g.s.Styles
	c.sepEl = g.p.paint(gpBorder, "│")
	c.sepElCross = g.p.paint(gpCrossBorder, "│")
	c.sepCross = g.p.paint(gpCross, " ")
	na := g.s.T("grid.na")
	for kind := 0; kind < 11; kind++ {
		for mark := 0; mark < 4; mark++ {
			for state := 0; state < 3; state++ {
				c.cells[kind][mark][state] = renderCell(g, kind, mark&1 == 1, mark&2 == 2, state, w, na)
			}
		}
	}
}

// PhoneMark follows a cell whose last change came from the OPD's phone
// (room mode).
const PhoneMark = "°"

func renderCell(g *Grid, kind int, note, phone bool, state, w int, na string) string {
	var text string
	switch {
	case kind == 10:
		text = na
	case kind == 0:
		text = "·"
	default:
		text = strconv.Itoa(kind)
	}
	if note {
		text += "*"
	}
	if phone {
		text += PhoneMark
	}
	id := gpBase
	switch {
	case state == cellCursor:
		return g.p.paint(gpCursor, common.CenterCell("▶"+text+"◀", w))
	case kind >= 1 && kind <= 9:
		id = gpHeat0 + uint8(heat(float64(kind), true))
	case state == cellCross:
		id = gpCrossBold
	case kind == 10:
		id = gpHeat0
	}
	return g.p.paint(id, common.CenterCell(text, w))
}

func (c *cellCache) get(g *Grid, a workshop.Answer, note, phone bool, state int) string {
	kind := a.Level
	if a.NA {
		kind = 10
	}
	n := 0
	if note {
		n = 1
	}
	if phone {
		n |= 2
	}
	if kind < 0 || kind > 10 { // a level beyond one digit (imported): painted on demand
		return renderCell(g, min(9, max(0, kind)), note, phone, state, c.w, "")
	}
	return c.cells[kind][n][state]
}

// rowLabels caches the painted row labels of the current width.
type rowLabels struct {
	w, n   int
	st     *common.Styles
	plain  []string
	active []string
}

func (r *rowLabels) get(g *Grid, row, w int, on bool) string {
	if r.w != w || r.st != g.s.Styles || r.n != len(g.present) {
		r.w, r.st, r.n = w, g.s.Styles, len(g.present)
		r.plain = make([]string, len(g.present))
		r.active = make([]string, len(g.present))
	}
	if on {
		if r.active[row] == "" {
			r.active[row] = g.p.paint(gpSelected, "▶ "+common.FitCell(opdLabel(g.present[row]), w-2))
		}
		return r.active[row]
	}
	if r.plain[row] == "" {
		o := g.present[row]
		text := common.FitCell(opdLabel(o), w-2)
		code := strings.TrimSpace(o.Code)
		lead := "  "
		if !o.Present { // shown with every OPD (a): marked as not in the room
			lead = "○ "
		}
		if code != "" && strings.HasPrefix(text, code) {
			r.plain[row] = lead + g.p.paint(gpBold, code) + g.p.paint(gpBase, text[len(code):])
		} else {
			r.plain[row] = lead + g.p.paint(gpBase, text)
		}
	}
	return r.plain[row]
}
