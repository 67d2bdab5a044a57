package roster

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// The roster table and the panel under it for the open form, question or
// problem list.

// View draws the page at the size SetSize gave.
func (r *Roster) View() string { return r.view(r.W, r.H) }

// view draws the roster table and, under it, the open form, question or
// problem list.
func (r *Roster) view(w, h int) string {
	s := r.s
	st := s.Styles
	opds := s.Data.OPDs
	present := 0
	for _, o := range opds {
		if o.Present {
			present++
		}
	}
	title := st.Title.Render(" "+s.T("roster.title")) + st.Base.Render(" · "+s.T("roster.summary", len(opds), present, len(opds)-present))
	out := []string{common.FitCell(title, w)}

	panel := r.panel(w, h)
	if len(opds) == 0 {
		out = append(out, "")
		for _, l := range common.WrapText(s.T("roster.empty"), min(w-4, 90)) {
			out = append(out, "  "+st.Base.Render(l))
		}
		if len(panel) > 0 {
			out = append(out, "")
			out = append(out, panel...)
		}
		return strings.Join(common.FitLines(out, h), "\n")
	}

	spacious := h >= 40
	if spacious {
		out = append(out, "")
	}
	rows := h - len(out) - 1 - len(panel)
	if len(panel) > 0 {
		rows-- // a blank line above the panel
	}
	rows = max(1, rows)
	cols := r.columns(w)
	out = append(out, r.row(cols, w, nil, -1))
	cur := common.Clamp(s.State.RosterRow, 0, len(opds)-1)
	top := common.Clamp(cur-rows/2, 0, max(0, len(opds)-rows))
	// On a tall window a short roster gets a blank line between rows: it
	// reads better from the back of the room.
	double := spacious && 2*len(opds)-1 <= rows
	for i := top; i < len(opds) && i < top+rows; i++ {
		if double && i > top {
			out = append(out, "")
		}
		o := opds[i]
		out = append(out, r.row(cols, w, &o, i))
	}
	if len(panel) > 0 {
		out = append(out, "")
		out = append(out, panel...)
	}
	return strings.Join(common.FitLines(out, h), "\n")
}

// rosterCol is one column of the OPD table.
type rosterCol struct {
	head  string
	width int
	right bool
	cell  func(i int, o workshop.OPD) string
}

func (r *Roster) columns(w int) []rosterCol {
	s := r.s
	items := s.F().ItemCount()
	numW := max(2, len(fmt.Sprint(len(s.Data.OPDs))))
	codeW := 6
	for _, o := range s.Data.OPDs {
		codeW = max(codeW, ansi.StringWidth(o.Code))
	}
	codeW = min(codeW, 14)
	presW := max(ansi.StringWidth(s.T("roster.col.present")), ansi.StringWidth(s.T("roster.yes")), ansi.StringWidth(s.T("roster.no")))
	ansW := max(ansi.StringWidth(s.T("roster.col.answered")), len(fmt.Sprintf("%d/%d", items, items)))
	cols := []rosterCol{
		{head: "#", width: numW, right: true, cell: func(i int, _ workshop.OPD) string { return fmt.Sprint(i + 1) }},
		{head: s.T("roster.col.code"), width: codeW, cell: func(_ int, o workshop.OPD) string { return o.Code }},
		{head: s.T("roster.col.name"), cell: func(_ int, o workshop.OPD) string { return o.Name }},
		{head: s.T("roster.col.present"), width: presW, cell: func(_ int, o workshop.OPD) string {
			if o.Present {
				return s.T("roster.yes")
			}
			return s.T("roster.no")
		}},
		{head: s.T("roster.col.answered"), width: ansW, right: true, cell: func(_ int, o workshop.OPD) string {
			done := 0
			for _, n := range s.Board.OPDResult(o.ID).Done {
				done += n
			}
			return fmt.Sprintf("%d/%d", done, items)
		}},
	}
	if w >= 120 && !s.Hidden() { // an OPD's score is a result: hidden with the rest
		cols = append(cols, rosterCol{head: s.T("roster.col.score"), width: 6, right: true, cell: func(_ int, o workshop.OPD) string {
			if sc := s.Board.OPDResult(o.ID).Overall; sc.OK {
				return common.Fmt2(sc.Value)
			}
			return "—"
		}})
	}
	fixed := 2
	for _, c := range cols {
		fixed += c.width + 2
	}
	// The name takes what is left, but no more than the longest name: the
	// eye should not travel across an empty projector screen.
	nameW := ansi.StringWidth(s.T("roster.col.name"))
	for _, o := range s.Data.OPDs {
		nameW = max(nameW, common.CellWidth(o.Name))
	}
	for i := range cols {
		if cols[i].width == 0 {
			cols[i].width = max(10, min(nameW, w-1-fixed))
		}
	}
	return cols
}

func (r *Roster) row(cols []rosterCol, w int, o *workshop.OPD, i int) string {
	st := r.s.Styles
	cur := r.s.State.RosterRow
	cells := make([]common.TableCell, len(cols))
	for j, c := range cols {
		txt := c.head
		if o != nil {
			txt = c.cell(i, *o)
		}
		cells[j] = common.TableCell{Text: txt, Width: c.width, Right: c.right}
	}
	line := common.TableLine(o != nil && i == cur, cells, w)
	switch {
	case o == nil:
		return st.Bold.Render(line)
	case i == cur && r.mode == rosterList:
		return st.Selected.Render(common.FitCell(line, w-1))
	case i == cur:
		return st.Bold.Render(line)
	case !o.Present:
		return st.Muted.Render(line)
	}
	return st.Base.Render(line)
}

// panel is the box under the table for the current mode.
func (r *Roster) panel(w, h int) []string {
	s := r.s
	st := s.Styles
	inner := w - 4
	switch r.mode {
	case rosterForm:
		title := s.T("roster.add_title")
		if r.editing != 0 {
			if i := r.indexOf(r.editing); i >= 0 {
				title = s.T("roster.edit_title", s.Data.OPDs[i].Code)
			}
		}
		lw := max(ansi.StringWidth(s.T("roster.field.code")), ansi.StringWidth(s.T("roster.field.name")))
		lines := []string{
			" " + st.Title.Render(title),
			"   " + st.Bold.Render(common.FitCell(s.T("roster.field.code"), lw)) + " " + r.code.View(),
			"   " + st.Bold.Render(common.FitCell(s.T("roster.field.name"), lw)) + " " + r.name.View(),
		}
		if r.formErr != "" {
			lines = append(lines, "   "+st.Bad.Render(ansi.Truncate("✘ "+r.formErr, inner, "…")))
		}
		return append(lines, "   "+st.Base.Render(ansi.Truncate(s.T("roster.form_hint"), inner, "…")))
	case rosterConfirm:
		var lines []string
		for _, l := range common.WrapText("⚠ "+s.T("roster.confirm", r.removing.Code+" ("+r.removing.Name+")", r.scores), inner) {
			lines = append(lines, " "+st.Warn.Render(l))
		}
		return lines
	case rosterReissue:
		var lines []string
		for _, l := range common.WrapText("⚠ "+s.T("roster.reissue_ask", r.reissuing.Code+" ("+r.reissuing.Name+")"), inner) {
			lines = append(lines, " "+st.Warn.Render(l))
		}
		return lines
	case rosterNewCode:
		lines := []string{
			" " + st.Title.Render(ansi.Truncate(s.T("roster.new_code_title", r.reissuing.Code), inner, "…")),
			"",
			"   " + st.Selected.Render("  "+r.newCode+"  "),
			"",
		}
		for _, l := range common.WrapText(s.T("roster.new_code_hint", s.Data.Session.ID), inner) {
			lines = append(lines, "   "+st.Base.Render(l))
		}
		return lines
	case rosterImport:
		lines := []string{
			" " + st.Title.Render(s.T("roster.import_title")),
			"   " + st.Bold.Render(s.T("roster.import_path")) + " " + r.path.View(),
		}
		if r.importErr != "" {
			lines = append(lines, "   "+st.Bad.Render(ansi.Truncate("✘ "+r.importErr, inner, "…")))
		}
		for _, l := range common.WrapText(s.T("roster.import_hint"), inner) {
			lines = append(lines, "   "+st.Base.Render(l))
		}
		return lines
	case rosterProblems:
		var lines []string
		for _, l := range common.WrapText("✘ "+r.probTitle, inner) {
			lines = append(lines, " "+st.Bad.Render(l))
		}
		room := max(3, h*2/3-len(lines)-2)
		var body []string
		for _, p := range r.problems {
			for _, l := range common.WrapText(p, inner-2) {
				body = append(body, "   "+st.Base.Render(l))
			}
		}
		top := common.Clamp(r.probTop, 0, max(0, len(body)-room))
		end := min(len(body), top+room)
		lines = append(lines, body[top:end]...)
		if end < len(body) {
			lines = append(lines, "   "+st.Bold.Render(s.T("roster.more", len(body)-end)))
		}
		return append(lines, "   "+st.Base.Render(s.T("roster.problems_hint")))
	}
	return nil
}
