package grid

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

type noteEditor struct {
	opd workshop.OPD
	col column
	ta  textarea.Model
}

func (g *Grid) openNote() tea.Cmd {
	if g.s.ReadOnly {
		return common.ErrCmd(common.ErrReadOnly)
	}
	st := g.s.State
	opd := g.present[st.Row]
	col := g.tab().cols[st.Col]
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.CharLimit = workshop.MaxNoteRunes // what the store keeps; an imported note opens whole
	ta.Placeholder = g.s.T("grid.note_ph")
	ta.KeyMap.InsertNewline.SetEnabled(false) // Enter saves; a note is a line or two
	ta.SetStyles(g.noteStyles())
	ta.SetHeight(3)
	ta.SetValue(g.s.Note(opd.ID, col.ind.Key))
	g.note = &noteEditor{opd: opd, col: col, ta: ta}
	return g.note.ta.Focus()
}

func (g *Grid) noteStyles() textarea.Styles {
	p := g.s.Styles.P
	text := lipgloss.NewStyle().Foreground(p.Fg)
	st := textarea.StyleState{
		Base:        lipgloss.NewStyle(),
		Text:        text,
		CursorLine:  text,
		Placeholder: lipgloss.NewStyle().Foreground(p.Muted),
		Prompt:      lipgloss.NewStyle().Foreground(p.Accent),
		EndOfBuffer: lipgloss.NewStyle().Foreground(p.Bg),
		Selection:   lipgloss.NewStyle().Foreground(p.AccentFg).Background(p.Accent),
	}
	// A steady cursor: blinking needs ticks the root may not forward, and
	// a still block reads better on a projector.
	return textarea.Styles{Focused: st, Blurred: st, Cursor: textarea.CursorStyle{Color: p.Accent, Shape: tea.CursorBlock}}
}

func (g *Grid) updateNote(m tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(m, g.keys.Cancel):
		g.note = nil
		return nil
	case key.Matches(m, g.keys.Save):
		n := g.note
		text := strings.TrimSpace(n.ta.Value())
		if text == g.s.Note(n.opd.ID, n.col.ind.Key) {
			g.note = nil
			return nil
		}
		if err := g.s.SetNote(n.opd.ID, n.col.ind.Key, text); err != nil {
			return common.ErrCmd(err) // the editor stays open: the text is not lost
		}
		g.note = nil
		if text == "" {
			return common.StatusCmd(g.s.T("grid.note_gone"))
		}
		return common.StatusCmd(g.s.T("grid.note_saved"))
	}
	var cmd tea.Cmd
	g.note.ta, cmd = g.note.ta.Update(m)
	return cmd
}

func (g *Grid) noteBox(w int) []string {
	n := g.note
	bw := min(w-2, 72)
	inner := bw - 4 // place gave the editor this width
	s := g.s
	lines := []string{
		g.p.paint(gpAccent, common.FitCell(s.T("grid.note_title"), inner)),
		g.p.paint(gpBold, common.FitCell(s.T("grid.opd_label")+": "+opdLabel(n.opd), inner)),
	}
	item := g.wrap(strconv.Itoa(n.col.num)+" "+g.colShort(g.tab(), n.col)+" — "+s.Name(n.col.ind.Name), inner)
	for i, ln := range item {
		if i == 2 {
			break
		}
		lines = append(lines, g.p.paint(gpBold, ln))
	}
	lines = append(lines, "")
	lines = append(lines, strings.Split(n.ta.View(), "\n")...)
	lines = append(lines, "")
	lines = append(lines, g.wrapPainted(gpAccent, s.T("grid.note_hint"), inner)...)
	return g.box(lines, bw, 0)
}

// box frames lines in the theme's box style, bw wide (at most maxH lines
// when maxH > 0).
func (g *Grid) box(lines []string, bw, maxH int) []string {
	if maxH > 2 && len(lines) > maxH-2 {
		lines = lines[:maxH-2]
	}
	for i, ln := range lines {
		lines[i] = pad(ln, bw-4)
	}
	out := g.s.Styles.Box.Width(bw).Render(strings.Join(lines, "\n"))
	return strings.Split(out, "\n")
}

// overlay draws box over lines, centred across, above or below the cursor
// row so the cell being discussed stays in sight when it can.
func (g *Grid) overlay(lines, box []string, w, h, cursorY int) []string {
	for len(lines) < h {
		lines = append(lines, "")
	}
	bh := len(box)
	bw := 0
	for _, b := range box {
		bw = max(bw, common.CellWidth(b))
	}
	x := max(0, (w-bw)/2)
	y := max(1, (h-bh)/2)
	if cursorY >= y && cursorY < y+bh { // move off the cursor row
		if below := cursorY + 2; below+bh <= h {
			y = below
		} else if above := cursorY - 1 - bh; above >= 1 {
			y = above
		}
	}
	y = common.Clamp(y, 0, max(0, h-bh))
	for i, bl := range box {
		li := y + i
		if li >= len(lines) {
			break
		}
		// The rows behind the box are blanked across: fragments of cut
		// names beside a box read as noise on a projector.
		lines[li] = strings.Repeat(" ", x) + bl
	}
	return lines
}
