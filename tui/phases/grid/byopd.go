package grid

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// The per-OPD view (key o): every item of one OPD, dimension after
// dimension, on one screen, so a facilitator copying an OPD's paper form
// types its answers in one pass: a digit sets the item and moves to the
// next one, across the dimensions. It shares the grid's cursor (Row is the
// OPD, Tab and Col the item), so switching views keeps the place.

// updateByOPD moves in the per-OPD view: ↑/↓ the items, ←/→ the OPDs.
func (g *Grid) updateByOPD(m tea.KeyPressMsg) tea.Cmd {
	k := g.keys
	st := &g.s.State
	switch {
	case key.Matches(m, k.Up):
		g.stepItem(-1)
	case key.Matches(m, k.Down):
		g.stepItem(+1)
	case key.Matches(m, k.Left, k.PageUp):
		st.Row--
	case key.Matches(m, k.Right, k.PageDown):
		st.Row++
	case key.Matches(m, k.Home):
		st.Tab, st.Col = g.firstTab(), 0
	case key.Matches(m, k.End):
		st.Tab = g.lastTab()
		st.Col = len(g.tabs[st.Tab].cols) - 1
	case key.Matches(m, k.NextEmpty):
		g.hold = nil
		return g.nextEmptyOfOPD()
	case key.Matches(m, k.Clear):
		return g.write(workshop.Answer{}, false)
	case key.Matches(m, k.Note):
		return g.openNote()
	default:
		return nil
	}
	g.hold = nil
	g.clampCursor()
	return g.saveState()
}

func (g *Grid) firstTab() int {
	for i, t := range g.tabs {
		if len(t.cols) > 0 {
			return i
		}
	}
	return 0
}

func (g *Grid) lastTab() int {
	for i := len(g.tabs) - 1; i >= 0; i-- {
		if len(g.tabs[i].cols) > 0 {
			return i
		}
	}
	return 0
}

// stepItem moves to the OPD's previous or next item, across dimensions;
// it stays at either end.
func (g *Grid) stepItem(d int) {
	st := &g.s.State
	c := st.Col + d
	if c >= 0 && c < len(g.tabs[st.Tab].cols) {
		st.Col = c
		return
	}
	for ti := st.Tab + d; ti >= 0 && ti < len(g.tabs); ti += d {
		if n := len(g.tabs[ti].cols); n > 0 {
			st.Tab = ti
			st.Col = 0
			if d < 0 {
				st.Col = n - 1
			}
			return
		}
	}
}

// nextEmptyOfOPD moves to the next unanswered item in the per-OPD view,
// in the order the forms are read: the rest of this OPD's form after the
// cursor first, then the next OPDs' forms from their first item, round to
// the start of this one; the cursor's own item last.
func (g *Grid) nextEmptyOfOPD() tea.Cmd {
	st := &g.s.State
	n := len(g.present)
	after := func(ti, c int) bool { return ti > st.Tab || ti == st.Tab && c > st.Col }
	for step := 0; step <= n; step++ {
		r := (st.Row + step) % n
		for ti := range g.tabs {
			for c, col := range g.tabs[ti].cols {
				if step == 0 && !after(ti, c) || step == n && after(ti, c) {
					continue // looked at first, on the way out
				}
				if g.empty(r, col) {
					st.Tab, st.Row, st.Col = ti, r, c
					return g.saveState()
				}
			}
		}
	}
	return common.StatusCmd(g.s.T("grid.all_answered"))
}

// opdLine is one line of the per-OPD view; item is true for an item line.
type opdLine struct {
	text string
	item bool
	on   bool
}

// viewByOPD draws one OPD's items of every dimension, the cursor item
// marked, with the refusal or the cursor item in words and the level scale
// below.
func (g *Grid) viewByOPD(w, h int) (string, int) {
	s := g.s
	st := s.State
	opd := g.present[st.Row]
	res := s.Board.OPDResult(opd.ID)
	items, done := 0, 0
	for _, t := range g.tabs {
		items += len(t.cols)
		done += res.Done[t.dim.Key]
	}
	var out []string
	head := "▶ " + opdLabel(opd)
	if !opd.Present {
		head += " (" + s.T("grid.absent") + ")"
	}
	info := " · " + s.T("grid.opd_pos", st.Row+1, len(g.present)) + " · " + s.T("grid.opd_done", done, items)
	out = append(out, g.p.paint(gpSelected, common.FitCell(common.CellTrunc(head, max(1, w-common.CellWidth(info)), "…")+info, w)))

	// The answer column: wide enough for "▶4 Terpadu dan Terukur◀".
	ansW := 8
	for _, lv := range s.F().Scale {
		ansW = max(ansW, common.CellWidth(strconv.Itoa(lv.Value)+" "+s.Name(lv.Label))+2)
	}
	ansW = min(ansW, max(8, w/3))
	numW := len(strconv.Itoa(len(g.tab().cols)))
	for _, t := range g.tabs {
		numW = max(numW, len(strconv.Itoa(len(t.cols))))
	}
	// "  n ▶answer◀ label": the answer beside its number, where the eye
	// of the typist is, and the label in the rest of the line.
	labelW := max(1, w-2-numW-1-ansW-1)

	var body []opdLine
	cursor := 0
	for ti := range g.tabs {
		t := &g.tabs[ti]
		if len(t.cols) == 0 {
			continue
		}
		title := s.Name(t.dim.Name)
		if s.State.Revealed {
			if sc := res.Dimensions[t.dim.Key]; sc.OK {
				title += " · " + s.T("grid.score") + " " + common.Fmt2(sc.Value) + " " + g.predikat(sc)
			}
		}
		title += " · " + strconv.Itoa(res.Done[t.dim.Key]) + "/" + strconv.Itoa(len(t.cols))
		body = append(body, opdLine{text: g.p.paint(gpAccent, common.FitCell(title, w))})
		for ci, c := range t.cols {
			on := ti == st.Tab && ci == st.Col
			if on {
				cursor = len(body)
			}
			a := s.Board.Answer(opd.ID, c.ind.Key)
			label := s.Name(c.el.Name)
			if name := s.Name(c.ind.Name); name != "" && name != s.Name(c.el.Name) {
				label += ": " + name
			}
			if s.Note(opd.ID, c.ind.Key) != "" {
				label += " *"
			}
			var ans string
			switch {
			case on && g.hold != nil && g.hold.mark:
				ans = g.p.paint(gpBadCell, common.CenterCell("✗"+strconv.Itoa(g.hold.digit), ansW))
			case on:
				ans = g.p.paint(gpCursor, common.CenterCell("▶"+g.opdAnswer(a)+"◀", ansW))
			default:
				ans = g.p.paint(g.answerStyle(a), common.CenterCell(g.opdAnswer(a), ansW))
			}
			lid := gpBase
			if on {
				lid = gpCrossBold
			}
			num := g.p.paint(lid, "  "+common.FitCellRight(strconv.Itoa(c.num), numW)+" ")
			body = append(body, opdLine{text: num + ans + g.p.paint(lid, " "+common.FitCell(label, labelW)), item: true, on: on})
		}
	}

	// Below the items: the refusal or the cursor item in words, the scale.
	foot := g.infoLines(w)
	var scale []string
	for _, lv := range s.F().Scale {
		scale = append(scale, strconv.Itoa(lv.Value)+" "+s.Name(lv.Label))
	}
	scale = append(scale, "0 "+s.T("grid.na"))
	foot = append(foot, g.p.paint(gpBase, common.FitCell(strings.Join(scale, " · "), w)))

	room := max(1, h-len(out)-len(foot))
	top := 0
	if len(body) > room {
		// Keep the cursor in sight, moving as little as possible (place
		// keeps the top that View then finds again).
		top = scrollTo(g.opdTop, cursor, room, len(body))
	}
	for i := top; i < len(body) && i < top+room; i++ {
		out = append(out, body[i].text)
	}
	for len(out) < h-len(foot) {
		out = append(out, "")
	}
	out = append(out, foot...)
	return joinLines(out, h), top
}

// opdAnswer is an answer as the per-OPD view writes it: the level with its
// name, N/A, or a dot.
func (g *Grid) opdAnswer(a workshop.Answer) string {
	switch {
	case a.NA:
		return g.s.T("grid.na")
	case a.Level > 0:
		if lv, ok := g.s.F().LevelOf(a.Level); ok {
			return strconv.Itoa(a.Level) + " " + g.s.Name(lv.Label)
		}
		return strconv.Itoa(a.Level)
	}
	return "·"
}
