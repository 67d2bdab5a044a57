package grid

import (
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// infoLines is the refusal that stands, on up to two lines, or the cursor
// cell in words.
func (g *Grid) infoLines(w int) []string {
	if g.hold == nil {
		return []string{g.infoLine(w)}
	}
	lines := slices.Clone(g.wrap("✗ "+g.hold.text, w))
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = common.CellTrunc(lines[1]+" …", w, "…")
	}
	for i, l := range lines {
		lines[i] = g.p.paint(gpBad, common.FitCell(l, w))
	}
	return lines
}

// infoLine says in words what the cursor cell is.
func (g *Grid) infoLine(w int) string {
	st := g.s.State
	t := g.tab()
	opd := g.present[st.Row]
	col := t.cols[st.Col]
	a := g.s.Board.Answer(opd.ID, col.ind.Key)
	var b strings.Builder
	// The OPD and the item each get a share of the line, so the answer
	// stays in sight after a long name.
	share := max(12, w/3)
	head := "▶ " + common.CellTrunc(gridOPDLabel(opd), share, "…") + " · " + common.CellTrunc(strconv.Itoa(col.num)+" "+g.colShort(t, col), share, "…") + " → "
	used := common.CellWidth(head)
	b.WriteString(g.p.paint(gpAccent, common.FitCell(head, min(used, w))))
	if used >= w {
		return b.String()
	}
	ans := g.answerText(a)
	ansW := min(common.CellWidth(ans), w-used)
	b.WriteString(g.p.paint(g.answerStyle(a), common.FitCell(ans, ansW)))
	used += ansW
	rest := ""
	if note := g.s.Note(opd.ID, col.ind.Key); note != "" && used+4 < w {
		rest = " · " + g.s.T("grid.note_label") + ": " + gridOneLine(note)
	}
	b.WriteString(g.p.paint(gpBase, common.FitCell(rest, w-used))) // to exactly w
	return b.String()
}

func (g *Grid) answerText(a workshop.Answer) string {
	switch {
	case a.NA:
		return g.s.T("grid.na_long")
	case a.Level > 0:
		if lv, ok := g.s.F().LevelOf(a.Level); ok {
			return strconv.Itoa(a.Level) + " " + g.s.Name(lv.Label)
		}
		return strconv.Itoa(a.Level)
	}
	return g.s.T("grid.unanswered")
}

func (g *Grid) answerStyle(a workshop.Answer) uint8 {
	if a.Level > 0 && !a.NA {
		return gpHeat0 + uint8(gridHeat(float64(a.Level), true))
	}
	return gpBold
}

func gridOneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// ---------------------------------------------------------------------
// Detail panel, legend and overlays

func (g *Grid) bottomDetailW(w int) int {
	if w >= 110 {
		return w * 3 / 5
	}
	return w
}

// detailLines describes the cursor's item: its name and description, the
// level scale with the current answer marked, and the cell's note. long
// wraps level descriptions (side panel); else one line per level.
func (g *Grid) detailLines(w, maxDesc int, long bool) []string {
	s := g.s
	st := s.State
	t := g.tab()
	if len(t.cols) == 0 || len(g.present) == 0 || w < 8 {
		return nil
	}
	// Every line is exactly w wide: the bottom panel sets the legend
	// beside it without measuring painted text.
	col := t.cols[common.Clamp(st.Col, 0, len(t.cols)-1)]
	opd := g.present[common.Clamp(st.Row, 0, len(g.present)-1)]
	a := s.Board.Answer(opd.ID, col.ind.Key)
	out := make([]string, 0, 16)
	title := s.T("grid.item", col.num, len(t.cols)) + " · " + s.Name(col.el.Name)
	out = append(out, g.p.paint(gpAccent, g.fit(title, w)))
	for _, ln := range g.wrap(s.Name(col.ind.Name), w) {
		out = append(out, g.p.paint(gpBold, g.fit(ln, w)))
	}
	desc := g.wrap(s.Name(col.ind.Description), w)
	for i, ln := range desc {
		if i == maxDesc-1 && len(desc) > maxDesc {
			ln = ansi.Truncate(ln+" …", w, "…")
		}
		out = append(out, g.p.paint(gpBase, g.fit(ln, w)))
		if i == maxDesc-1 {
			break
		}
	}
	out = append(out, g.p.paint(gpBold, g.fit(s.T("grid.levels"), w)))
	for _, lv := range s.F().Scale {
		mark := "  "
		if !a.NA && a.Level == lv.Value {
			mark = "▶ "
		}
		digit := g.p.paint(gpHeat0+uint8(gridHeat(float64(lv.Value), true)), " "+strconv.Itoa(lv.Value)+" ")
		label := common.CellTrunc(" "+s.Name(lv.Label), w-5, "…")
		head := g.p.paint(gpBold, mark) + digit + g.p.paint(gpBold, label)
		used := 5 + common.CellWidth(label)
		d := s.Name(lv.Description)
		switch {
		case d == "" || used+3 >= w:
			out = append(out, head+gridSpaces(w-used))
		case long:
			out = append(out, head+gridSpaces(w-used))
			for _, ln := range g.wrap(d, w-5) {
				out = append(out, "     "+g.p.paint(gpBase, g.fit(ln, w-5)))
			}
		default:
			out = append(out, head+g.p.paint(gpBase, g.fit(": "+d, w-used)))
		}
	}
	if note := s.Note(opd.ID, col.ind.Key); note != "" {
		for i, ln := range g.wrap(s.T("grid.note_label")+": "+gridOneLine(note), w) {
			if i == 3 {
				break
			}
			out = append(out, g.p.paint(gpBase, g.fit(ln, w)))
		}
	}
	return out
}

// detailCount is how many lines detailLines gives (short form), without
// painting them: the layout asks on every frame.
func (g *Grid) detailCount(w, maxDesc int) int {
	s := g.s
	t := g.tab()
	if len(t.cols) == 0 || len(g.present) == 0 || w < 8 {
		return 0
	}
	col := t.cols[common.Clamp(s.State.Col, 0, len(t.cols)-1)]
	opd := g.present[common.Clamp(s.State.Row, 0, len(g.present)-1)]
	n := 2 + len(s.F().Scale) + len(g.wrap(s.Name(col.ind.Name), w)) + min(maxDesc, len(g.wrap(s.Name(col.ind.Description), w)))
	if note := s.Note(opd.ID, col.ind.Key); note != "" {
		n += min(3, len(g.wrap(s.T("grid.note_label")+": "+gridOneLine(note), w)))
	}
	return n
}
