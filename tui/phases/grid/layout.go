package grid

import (
	"fmt"

	"github.com/bimtek/bimtek/tui/common"
)

type panelKind int

const (
	panelNone panelKind = iota
	panelSide
	panelBottom
)

// frameLayout is the arithmetic of one frame; it is cheap and recomputed
// every View.
type frameLayout struct {
	w, h       int
	gw         int // width of the grid (w minus a side panel)
	labelW     int
	cw         int // cell width
	scoreW     int
	predW      int // 0 when hidden, else includes its leading space
	doneW      int // idem
	first, vis int // visible columns [first, first+vis)
	heads      int // header lines: 1, or 2 with element headings / ranges
	rule       bool
	rows       int // OPD rows on screen
	panel      panelKind
	panelW     int
	panelH     int
	byDetail   bool // the bottom panel is there only because of Space
	legendH    int
}

// rowW is the width of a grid row: label, cells, score and extras.
func (l *frameLayout) rowW() int {
	return l.labelW + l.vis*(l.cw+1) + 1 + l.scoreW + l.predW + l.doneW
}

const (
	minCellW  = 6 // "▶N/A*◀"
	scoreColW = 6
)

// fitColumns sizes the columns for a grid gw wide.
func (g *Grid) fitColumns(l *frameLayout, gw int) {
	t := g.tab()
	nc := len(t.cols)
	l.gw = gw
	labelCap := 20
	switch {
	case gw >= 150:
		labelCap = 36
	case gw >= 100:
		labelCap = 28
	}
	cwMax := common.Clamp(gw/6, 16, 28)
	l.labelW = common.Clamp(max(g.labelW+2, g.cornerW), 12, labelCap)
	l.scoreW = max(scoreColW, common.CellWidth(g.s.T("grid.score"))+2)
	l.predW, l.doneW = 0, 0
	if gw >= 110 {
		l.predW = g.predW + 1
	}
	if gw >= 140 {
		l.doneW = 1 + max(common.CellWidth(g.s.T("grid.done")), len(fmt.Sprintf("%d/%d", nc, nc)),
			len(g.s.T("grid.city_n", len(g.present))))
	}
	trail := 1 + l.scoreW + l.predW + l.doneW
	if gw-l.labelW-trail < minCellW+1 { // very narrow: give up the extras first
		l.predW, l.doneW = 0, 0
		trail = 1 + l.scoreW
		l.labelW = max(4, min(l.labelW, gw-trail-minCellW-1))
	}
	avail := gw - l.labelW - trail
	if nc == 0 {
		l.cw, l.vis = minCellW, 0
		return
	}
	l.cw = common.Clamp(avail/nc-1, minCellW, cwMax)
	l.vis = common.Clamp(avail/(l.cw+1), 1, nc)
	if l.vis*(l.cw+1) > avail { // narrower than one minimum cell
		l.cw = max(1, avail-1)
	}
	// Columns the cells do not need go to the OPD names, up to the
	// longest: a name cut beside empty space helps nobody.
	if l.vis == nc {
		if want, spare := max(g.labelW+2, g.cornerW)-l.labelW, gw-l.rowW(); want > 0 && spare > 0 {
			l.labelW += min(want, spare)
		}
	}
}

func (g *Grid) layout(w, h int) frameLayout {
	l := frameLayout{w: w, h: h}
	t := g.tab()
	nc, n := len(t.cols), len(g.present)
	if w >= 150 && nc > 0 {
		sideW := common.Clamp(w*3/10, 44, 64)
		g.fitColumns(&l, w-sideW-1)
		if l.vis == nc && l.cw >= 7 {
			// Columns grow to their full heading while the panel keeps
			// its narrowest width: a wide window names every column.
			// The OPD names give back what they took beyond 36 columns
			// (their codes come first and still show).
			if want := g.headWidth(t); want > l.cw && !t.grouped {
				give := max(0, l.labelW-36)
				if spare := w - l.rowW() - 1 - 44 + give; spare >= nc {
					grow := min(want-l.cw, spare/nc)
					l.cw += grow
					l.labelW -= max(0, min(give, l.rowW()+1+44-w))
				}
			}
			// Width the grid does not use goes to the panel's text.
			used := l.rowW() + 1
			l.panel, l.panelW, l.gw = panelSide, w-used, used
		}
	}
	if l.panel != panelSide {
		g.fitColumns(&l, w)
	}
	l.heads = 1
	if t.grouped || l.vis < nc {
		l.heads = 2 // room for element headings and the row/column ranges
	}
	l.rule = h >= 30
	fixed := 1 + l.heads + 1 + 1 + 1 // tabs, headers, city row, summary, cell info
	if l.rule {
		fixed++
	}
	if g.hold != nil {
		fixed++ // a standing refusal may take two lines
	}
	// The bottom panel: always when the window is large, or on Space
	// (then the grid keeps only a few rows around the cursor).
	if l.panel == panelNone && nc > 0 && (h >= 30 && w >= 100 || g.detail) {
		want := 1 + max(g.detailCount(g.bottomDetailW(w), 2), 2+g.legendRows(w-g.bottomDetailW(w)-3))
		minRows, minPanel := min(n, 8), 7
		if g.detail {
			minRows, minPanel = min(n, 3), 4
		}
		if room := h - fixed - minRows; room >= minPanel {
			l.panel, l.panelH = panelBottom, min(want, room)
			l.byDetail = !(h >= 30 && w >= 100)
		}
	}
	l.rows = common.Clamp(h-fixed-l.panelH, 1, max(1, n))
	l.first = g.colLeft
	if l.panel == panelNone {
		if spare := h - fixed - l.rows; spare >= 2 && nc > 0 {
			l.legendH = min(spare, 2+g.legendRows(w))
		}
	}
	return l
}

// scroll keeps the cursor inside the visible rows and columns.
func (g *Grid) scroll(l *frameLayout) {
	st := g.s.State
	n, nc := len(g.present), len(g.tab().cols)
	g.rowTop = scrollTo(g.rowTop, st.Row, l.rows, n)
	g.colLeft = scrollTo(g.colLeft, st.Col, l.vis, nc)
	l.first = g.colLeft
	g.pageRows = l.rows
}

// scrollTo moves top as little as possible so that cur is within
// [top, top+size), never leaving blank space after the last item.
func scrollTo(top, cur, size, n int) int {
	if size <= 0 {
		return 0
	}
	if cur < top {
		top = cur
	}
	if cur >= top+size {
		top = cur - size + 1
	}
	return common.Clamp(top, 0, max(0, n-size))
}
