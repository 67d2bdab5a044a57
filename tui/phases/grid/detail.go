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
	head := "▶ " + common.CellTrunc(opdLabel(opd), share, "…") + " · " + common.CellTrunc(strconv.Itoa(col.num)+" "+g.colShort(t, col), share, "…") + " → "
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
		rest = " · " + g.s.T("grid.note_label") + ": " + oneLine(note)
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
		return gpHeat0 + uint8(heat(float64(a.Level), true))
	}
	return gpBold
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

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
// wraps each level's description under it (side panel); else one line per
// level, its description cut. In h rows (h > 0) every level stays: a long
// form that does not fit wraps the level of the cell's answer, then the
// others in scale order, while the rows hold them, the rest taking one
// line each; and when even one line a level does not fit, the item's
// description and then its name are shortened first.
func (g *Grid) detailLines(w, maxDesc int, long bool, h int) []string {
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
	scale := s.F().Scale

	// Each level's line with its description cut, and its wrapped form.
	short := make([]string, len(scale))
	wrapped := make([][]string, len(scale))
	answered := -1 // the index of the answer's level
	for li, lv := range scale {
		mark := "  "
		if !a.NA && a.Level == lv.Value {
			mark = "▶ "
			answered = li
		}
		digit := g.p.paint(gpHeat0+uint8(heat(float64(lv.Value), true)), " "+strconv.Itoa(lv.Value)+" ")
		label := common.CellTrunc(" "+s.Name(lv.Label), w-5, "…")
		head := g.p.paint(gpBold, mark) + digit + g.p.paint(gpBold, label)
		used := 5 + common.CellWidth(label)
		d := s.Name(lv.Description)
		switch {
		case d == "" || used+3 >= w:
			short[li] = head + spaces(w-used)
			wrapped[li] = []string{short[li]}
		case long: // the one-line form is made below only when it is used
			short[li] = head
			wrapped[li] = []string{head + spaces(w-used)}
			for _, ln := range g.wrap(d, w-5) {
				wrapped[li] = append(wrapped[li], "     "+g.p.paint(gpBase, g.fit(ln, w-5)))
			}
		default:
			short[li] = head + g.p.paint(gpBase, g.fit(": "+d, w-used))
		}
	}
	// oneLineOf is level li on one line, its description cut.
	oneLineOf := func(li int) string {
		if len(wrapped[li]) <= 1 || !long {
			return short[li]
		}
		label := common.CellTrunc(" "+s.Name(scale[li].Label), w-5, "…")
		used := 5 + common.CellWidth(label)
		return short[li] + g.p.paint(gpBase, g.fit(": "+s.Name(scale[li].Description), w-used))
	}
	var note []string
	if text := s.Note(opd.ID, col.ind.Key); text != "" {
		for i, ln := range g.wrap(s.T("grid.note_label")+": "+oneLine(text), w) {
			if i == 3 {
				break
			}
			note = append(note, g.p.paint(gpBase, g.fit(ln, w)))
		}
	}

	name := g.wrap(s.Name(col.ind.Name), w)
	desc := g.wrap(s.Name(col.ind.Description), w)
	nDesc := min(maxDesc, len(desc))
	// Rows for the levels: what the title, the name, the description, the
	// scale's heading and the note leave.
	nName := len(name)
	levelRows := func() int { return h - (1 + nName + nDesc + 1 + len(note)) }
	if h > 0 {
		// Short of rows for one line a level: the description goes down
		// to a line, the item's name to a line, then the description goes.
		for nDesc > 1 && levelRows() < len(scale) {
			nDesc--
		}
		for nName > 1 && levelRows() < len(scale) {
			nName--
		}
		if nDesc > 0 && levelRows() < len(scale) {
			nDesc = 0
		}
	}
	levels := short
	if long {
		levels = nil
		wide := make([]bool, len(scale))
		if h <= 0 {
			for li := range wide {
				wide[li] = true
			}
		} else {
			spare := levelRows() - len(scale)
			order := make([]int, 0, len(scale))
			if answered >= 0 {
				order = append(order, answered)
			}
			for li := range scale {
				if li != answered {
					order = append(order, li)
				}
			}
			for _, li := range order {
				if more := len(wrapped[li]) - 1; more <= spare {
					wide[li] = true
					spare -= more
				}
			}
		}
		for li := range scale {
			if wide[li] {
				levels = append(levels, wrapped[li]...)
			} else {
				levels = append(levels, oneLineOf(li))
			}
		}
	}

	out := make([]string, 0, 2+nName+nDesc+len(levels)+len(note))
	title := s.T("grid.item", col.num, len(t.cols)) + " · " + s.Name(col.el.Name)
	out = append(out, g.p.paint(gpAccent, g.fit(title, w)))
	for i, ln := range name[:nName] {
		if i == nName-1 && len(name) > nName {
			ln = ansi.Truncate(ln+" …", w, "…")
		}
		out = append(out, g.p.paint(gpBold, g.fit(ln, w)))
	}
	for i, ln := range desc[:nDesc] {
		if i == nDesc-1 && len(desc) > nDesc {
			ln = ansi.Truncate(ln+" …", w, "…")
		}
		out = append(out, g.p.paint(gpBase, g.fit(ln, w)))
	}
	out = append(out, g.p.paint(gpBold, g.fit(s.T("grid.levels"), w)))
	out = append(out, levels...)
	return append(out, note...)
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
		n += min(3, len(g.wrap(s.T("grid.note_label")+": "+oneLine(note), w)))
	}
	return n
}
