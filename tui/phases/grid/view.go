package grid

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/charmbracelet/x/ansi"
)

// View draws the page at the size SetSize gave.
func (g *Grid) View() string {
	if g.W <= 0 {
		return ""
	}
	return common.WithMargin(g.view(g.W, g.H))
}

// view draws the tab bar, the grid with its headers, the city row, a
// summary line, the cursor cell described in words, and, when there is
// room, the current item's detail and the legend of the columns.
func (g *Grid) view(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	g.p.use(g.s.Styles)
	var lines []string
	lines = append(lines, g.tabBar(w))
	t := g.tab()
	switch {
	case len(g.present) == 0:
		lines = append(lines, "")
		lines = append(lines, g.wrapPainted(gpBold, g.s.T("grid.no_present"), w)...)
		return joinLines(lines, h)
	case len(t.cols) == 0:
		lines = append(lines, "")
		lines = append(lines, g.wrapPainted(gpBold, g.s.T("grid.no_items"), w)...)
		return joinLines(lines, h)
	case g.s.State.ByOPD:
		v, _ := g.viewByOPD(w, h)
		if g.note != nil {
			v = joinLines(g.overlay(strings.Split(v, "\n"), g.noteBox(w), w, h, 1), h)
		}
		return v
	}
	l := g.layout(w, h)
	l.first = g.colLeft // place scrolled it
	g.cells.prepare(g, l.cw)

	body := make([]string, 0, h)
	body = g.headerLines(body, &l)
	for i := 0; i < l.rows && g.rowTop+i < len(g.present); i++ {
		body = append(body, g.rowLine(&l, g.rowTop+i))
	}
	if l.rule {
		body = append(body, g.p.paint(gpBorder, strings.Repeat("─", l.gw)))
	}
	body = append(body, g.cityLine(&l), g.summaryLine(l.gw))
	body = append(body, g.infoLines(l.gw)...)

	if l.panel == panelSide {
		// The panel runs down the right from below the tab bar; the grid
		// and its summary stay together on the left.
		side := g.sidePanel(l.panelW-2, h-1)
		for i := len(body); i < len(side); i++ {
			body = append(body, "")
		}
		for i := range body {
			var right string
			if i < len(side) {
				right = side[i]
			}
			line := body[i]
			if line == "" {
				line = strings.Repeat(" ", l.gw)
			}
			body[i] = line + g.p.paint(gpBorder, "│") + " " + right
		}
	}
	lines = append(lines, body...)
	switch {
	case l.panel == panelBottom:
		lines = append(lines, g.bottomPanel(w, l.panelH, l.byDetail)...)
	case l.legendH > 0:
		lines = append(lines, g.legendLines(w, l.legendH)...)
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	if g.note != nil {
		cursorY := 1 + l.heads + (g.s.State.Row - g.rowTop)
		lines = g.overlay(lines, g.noteBox(w), w, h, cursorY)
	}
	return joinLines(lines, h)
}

func joinLines(lines []string, h int) string {
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// tabBar shows each dimension with its completion; the active one in
// TabOn. Names shrink (first a shared word such as "Smart", then letters
// of the inactive tabs) until the bar fits.
func (g *Grid) tabBar(w int) string {
	f := g.s.F()
	city := g.s.Board.City()
	n := len(f.Dimensions)
	names := make([]string, n)
	pcts := make([]string, n)
	for i := range f.Dimensions {
		names[i] = g.s.Name(f.Dimensions[i].Name)
		c := city.Completion[f.Dimensions[i].Key]
		pcts[i] = strconv.Itoa(c.Percent()) + "%"
	}
	active := common.Clamp(g.s.State.Tab, 0, n-1)
	key := fmt.Sprint(w, active, pcts)
	if g.tabBarKey == key && g.tabBarSt == g.s.Styles {
		return g.tabBarLine
	}
	tight := false // inactive tabs lose their padding, one space apart
	total := func() int {
		sum := 2 // the active tab's marker ("▶ ", tight "▶")
		if tight {
			sum = 1
		}
		for i := range names {
			sum += common.CellWidth(names[i]) + 1 + len(pcts[i])
			switch {
			case !tight:
				sum += 2 // the tab's padding
			case i > 0:
				sum++ // one space between tabs
			}
		}
		return sum
	}
	if total() > w {
		names = dropSharedWord(names)
	}
	if total() > w {
		tight = true
	}
	for k := 16; total() > w && k >= 1; k-- {
		for i := range names {
			if i != active {
				names[i] = ansi.Truncate(names[i], k, "…")
			}
		}
	}
	var b strings.Builder
	for i := range names {
		text := names[i] + " " + pcts[i]
		if tight && i > 0 {
			b.WriteString(" ")
		}
		switch {
		case i == active && tight:
			b.WriteString(g.p.paint(gpTabOnTight, "▶"+text))
		case i == active:
			b.WriteString(g.p.paint(gpTabOn, "▶ "+text))
		case tight:
			b.WriteString(g.p.paint(gpBase, text))
		default:
			b.WriteString(g.p.paint(gpTab, text))
		}
	}
	out := b.String()
	if total() > w {
		out = ansi.Truncate(out, w, "…")
	}
	g.tabBarKey, g.tabBarSt, g.tabBarLine = key, g.s.Styles, out
	return out
}

// dropSharedWord removes a first word every name shares ("Smart").
func dropSharedWord(names []string) []string {
	if len(names) < 2 {
		return names
	}
	first, _, ok := strings.Cut(names[0], " ")
	if !ok {
		return names
	}
	out := make([]string, len(names))
	for i, nm := range names {
		w, rest, ok := strings.Cut(nm, " ")
		if !ok || w != first || strings.TrimSpace(rest) == "" {
			return names
		}
		out[i] = rest
	}
	return out
}
