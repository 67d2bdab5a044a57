package grid

import (
	"strconv"
	"strings"

	"github.com/bimtek/bimtek/tui/common"
)

// sidePanel: the OPD of the cursor row in full, the item detail and the
// legend, at wide sizes.
func (g *Grid) sidePanel(w, h int) []string {
	s := g.s
	opd := g.present[s.State.Row]
	var out []string
	for _, ln := range g.wrap(s.T("grid.opd_label")+": "+opdLabel(opd), w) {
		out = append(out, g.p.paint(gpSelected, pad(ln, w)))
	}
	a := s.Board.Answer(opd.ID, g.tab().cols[s.State.Col].ind.Key)
	out = append(out, g.p.paint(gpBold, s.T("grid.answer")+": ")+g.p.paint(g.answerStyle(a), common.FitCell(g.answerText(a), w-common.CellWidth(s.T("grid.answer")+": "))), "")
	out = append(out, g.detailLines(w, 6, true, h-len(out))...)
	if room := h - len(out) - 1; room >= 2 {
		out = append(out, "")
		out = append(out, g.legendLinesCols(w, room, 1)...)
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// bottomPanel: the item detail on the left and the legend on the right.
func (g *Grid) bottomPanel(w, h int, byDetail bool) []string {
	top := strings.Repeat("─", w)
	if byDetail { // opened with Space: say how to close it
		top = "── " + g.s.T("grid.detail_hint") + " " + strings.Repeat("─", max(0, w-5-common.CellWidth(g.s.T("grid.detail_hint"))))
		top = common.CellTrunc(top, w, "…")
	}
	out := []string{g.p.paint(gpBorder, top)}
	dw := g.bottomDetailW(w)
	det := g.detailLines(dw, 2, false, h-1)
	var leg []string
	lw := w - dw - 3
	if dw < w && lw >= 20 {
		leg = g.legendLinesCols(lw, h-1, 0)
	}
	for i := 0; i < h-1 && (i < len(det) || i < len(leg)); i++ {
		line := spaces(dw) // detail lines are exactly dw wide
		if i < len(det) {
			line = det[i]
		}
		if len(leg) > 0 {
			line += " " + g.p.paint(gpBorder, "│") + " "
			if i < len(leg) {
				line += leg[i]
			}
		}
		out = append(out, line)
	}
	return out
}

// legendRows is how many lines the legend takes at width w (without its
// title).
func (g *Grid) legendRows(w int) int {
	nc := len(g.tab().cols)
	per := max(1, w/legendColW)
	return (nc + per - 1) / per
}

const legendColW = 38

func (g *Grid) legendLines(w, h int) []string { return g.legendLinesCols(w, h, 0) }

// legendLinesCols lists the columns with their full names, numbered as in
// the header, in as many columns as fit (ncol 0: as many as the width
// allows); the cursor's column is marked.
func (g *Grid) legendLinesCols(w, h, ncol int) []string {
	t := g.tab()
	nc := len(t.cols)
	if h < 2 || nc == 0 {
		return nil
	}
	per := ncol
	if per <= 0 {
		per = max(1, w/legendColW)
	}
	rows := (nc + per - 1) / per
	if rows > h-1 { // not all fit: more columns of shorter names
		rows = h - 1
		per = (nc + rows - 1) / rows
	}
	cellW := w / per
	if cellW < 8 {
		return nil
	}
	out := []string{g.p.paint(gpBold, common.FitCell(g.s.T("grid.legend"), w))}
	numW := len(strconv.Itoa(nc))
	entry := func(i int) (string, uint8) {
		col := t.cols[i]
		name := g.s.Name(col.ind.Name)
		if !t.grouped && name != g.s.Name(col.el.Name) {
			name = g.s.Name(col.el.Name) + ": " + name
		}
		num := strconv.Itoa(col.num)
		id := uint8(gpBase)
		if i == g.s.State.Col {
			id = gpCrossBold
		}
		return spaces(numW-len(num)) + num + " " + name, id
	}
	if per == 1 && w > numW+8 {
		// One column: each entry wraps under its text when the rows
		// (the marks' line kept) hold them all, rather than being cut
		// beside empty rows.
		var wrapped []string
		for i := 0; i < nc; i++ {
			text, id := entry(i)
			for j, ln := range g.wrap(text[numW+1:], w-numW-1) {
				head := text[:numW+1]
				if j > 0 {
					head = spaces(numW + 1)
				}
				wrapped = append(wrapped, g.p.paint(id, g.fit(head+ln, w)))
			}
		}
		if 1+len(wrapped)+len(g.wrap(g.s.T("grid.marks", PhoneMark), w)) <= h {
			out = append(out, wrapped...)
			rows = 0
		}
	}
	for r := 0; r < rows; r++ {
		var b strings.Builder
		for c := 0; c < per; c++ {
			i := c*rows + r
			if i >= nc {
				break
			}
			col := t.cols[i]
			name := g.s.Name(col.ind.Name)
			if !t.grouped && name != g.s.Name(col.el.Name) {
				name = g.s.Name(col.el.Name) + ": " + name
			}
			num := strconv.Itoa(col.num)
			text := spaces(numW-len(num)) + num + " " + name
			id := gpBase
			if i == g.s.State.Col {
				id = gpCrossBold
			}
			cw := cellW
			if c < per-1 {
				cw--
			}
			b.WriteString(g.p.paint(id, g.fit(text, cw)))
			if c < per-1 && i+rows < nc {
				b.WriteString(" ")
			}
		}
		out = append(out, b.String())
	}
	// What the cells' marks mean, wrapped in the rows that are left.
	for _, ln := range g.wrap(g.s.T("grid.marks", PhoneMark), w) {
		if len(out) >= h {
			break
		}
		out = append(out, g.p.paint(gpBase, g.fit(ln, w)))
	}
	return out
}
