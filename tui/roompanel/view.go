package roompanel

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/bimtek/bimtek/room"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// The panel as drawn: the QR code beside the addresses, the entry state
// and the OPDs' phones, or the QR alone.

// qrStyle paints the code black on white whatever the theme: phones read
// dark modules on a light ground, and an inverted code fails on many.
var qrStyle = lipgloss.NewStyle().Foreground(lipgloss.Color("#000000")).Background(lipgloss.Color("#FFFFFF"))

// View draws the page at the size SetSize gave.
func (r *Panel) View() string {
	v, _ := r.layout(r.W, r.H)
	return v
}

// layout draws the panel in w x h, and says which OPD is the list's
// first row.
func (r *Panel) layout(w, h int) (string, int) {
	st := r.s.Styles
	t := r.s.T
	if r.rm == nil {
		lines := []string{st.Title.Render(t("room.panel.title")), "", t("room.panel.off1"), t("room.panel.off2"),
			"", t("room.panel.cards", r.s.Data.Session.ID), "", st.Key.Render("Enter") + " " + t("room.panel.start", DefaultListen)}
		return wrapLines(lines, w), r.top
	}
	q := r.code()
	if r.full {
		return r.fullView(q, w, h), r.top
	}
	var left []string
	if q != nil {
		rows := q.HalfBlocks()
		if len(rows) > h || q.Size+2 > w/2 {
			rows = nil // too small for a readable code: the addresses still show
		}
		for _, l := range rows {
			left = append(left, qrStyle.Render(l))
		}
	}
	leftW := 0
	if len(left) > 0 {
		leftW = q.Size + 2
	}
	rw := w - leftW
	right, top := r.sideLines(rw, h)
	out := make([]string, 0, h)
	for i := range max(len(left), len(right)) {
		l := ""
		if i < len(left) {
			l = left[i] + "  "
		} else if leftW > 0 {
			l = strings.Repeat(" ", leftW)
		}
		if i < len(right) {
			l += right[i]
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n"), top
}

// sideLines are the addresses, the hint, the entry state and the OPDs.
func (r *Panel) sideLines(w, h int) ([]string, int) {
	st := r.s.Styles
	t := r.s.T
	var out []string
	add := func(s string) { out = append(out, common.CellTrunc(s, w, "…")) }
	add(st.Title.Render(t("room.panel.title")))
	if r.rm.Local {
		add(st.Warn.Render("⚠ " + t("room.panel.local")))
	} else if len(r.rm.Links) == 0 {
		add(st.Warn.Render("⚠ " + t("room.panel.no_network")))
	}
	add(t("room.panel.open_on"))
	for i, l := range r.rm.Links {
		mark := "  "
		if i == r.link {
			mark = "▸ "
		}
		line := mark + st.Bold.Render(l.URL)
		if l.Adapter != "" {
			line += "  " + st.Muted.Render(workshop.Visible(l.Adapter))
		}
		add(line)
	}
	connected, sent := 0, 0
	for _, o := range r.status {
		if o.Connected {
			connected++
		}
		if o.Submitted {
			sent++
		}
	}
	if reached, since := r.rm.Srv.Reached(); !reached && !since.IsZero() && r.s.Now().Sub(since) >= noPhoneHint {
		add("")
		add(st.Warn.Render("⚠ " + t("room.hint.title")))
		for _, k := range []string{"room.hint.isolation", "room.hint.firewall", "room.hint.android"} {
			for _, l := range wrapWords(t(k), w-2) {
				add("  " + l)
			}
		}
	}
	add("")
	var dims []string
	for i, d := range r.s.F().Dimensions {
		mark := st.Good.Render("✔")
		if !r.rm.Srv.EntryOpen(d.Key) {
			mark = st.Bad.Render("✘")
		}
		dims = append(dims, fmt.Sprintf("%d %s %s", i+1, mark, shortName(r.s.Name(d.Name))))
	}
	add(t("room.panel.entry"))
	for _, l := range wrapParts2(dims, w-2) {
		add("  " + l)
	}
	add(t("room.panel.counts", connected, sent, len(r.status)))
	rows := h - len(out)
	if rows <= 0 || len(r.status) == 0 {
		return out, r.top
	}
	top := r.top
	if r.row < top {
		top = r.row
	}
	if r.row >= top+rows {
		top = r.row - rows + 1
	}
	top = common.Clamp(top, 0, max(0, len(r.status)-rows))
	for i := top; i < len(r.status) && i < top+rows; i++ {
		add(r.opdLine(r.status[i], i == r.row, w))
	}
	return out, top
}

// opdLine is one OPD: connected or not, code, answered k/n, sent, last
// seen and device.
func (r *Panel) opdLine(o room.OPDStatus, sel bool, w int) string {
	st := r.s.Styles
	t := r.s.T
	dot := "○"
	if o.Connected {
		dot = "●"
	}
	sent := "  "
	if o.Submitted {
		sent = "✓ "
	}
	seen := t("room.panel.never")
	if !o.LastSeen.IsZero() {
		seen = o.LastSeen.Local().Format("15:04")
	}
	code := common.FitCell(workshop.Visible(o.OPD.Code), 14)
	line := fmt.Sprintf("%s %s %5s %s%-5s %s", dot, code, fmt.Sprintf("%d/%d", o.Answered, o.Total), sent, seen, o.Device)
	if o.Submitted {
		line = strings.Replace(line, "✓ ", t("room.panel.sent")+" ", 1)
	}
	line = common.CellTrunc(line, w, "…")
	if sel {
		return st.Selected.Render(common.FitCell(line, w))
	}
	if o.Connected {
		return st.Good.Render(line)
	}
	return st.Base.Render(line)
}

// fullView is the QR as large as the window allows, with its address.
func (r *Panel) fullView(q *room.QR, w, h int) string {
	st := r.s.Styles
	if q == nil {
		return st.Warn.Render(r.s.T("room.panel.no_network"))
	}
	rows := q.Blocks()
	cw := 2 * q.Size
	if len(rows)+2 > h || cw > w {
		rows = q.HalfBlocks()
	}
	var out []string
	for _, l := range rows {
		out = append(out, qrStyle.Render(l))
	}
	out = append(out, "", st.Bold.Render(r.mainURL()))
	block := strings.Join(out, "\n")
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, block)
}

// shortName is a dimension name without "Smart " (the panel is narrow).
func shortName(s string) string { return strings.TrimPrefix(s, "Smart ") }

// wrapWords breaks text into lines of at most w cells.
func wrapWords(s string, w int) []string {
	if w < 10 {
		w = 10
	}
	var out []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case common.CellWidth(line)+1+common.CellWidth(word) <= w:
			line += " " + word
		default:
			out = append(out, line)
			line = word
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// wrapParts2 lays parts on lines of at most w cells, two spaces apart.
func wrapParts2(parts []string, w int) []string {
	var out []string
	line := ""
	for _, p := range parts {
		switch {
		case line == "":
			line = p
		case lipgloss.Width(line)+2+lipgloss.Width(p) <= w:
			line += "  " + p
		default:
			out = append(out, line)
			line = p
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// wrapLines wraps each of lines to w.
func wrapLines(lines []string, w int) string {
	var out []string
	for _, l := range lines {
		if lipgloss.Width(l) <= w {
			out = append(out, l)
			continue
		}
		out = append(out, wrapWords(l, w)...)
	}
	return strings.Join(out, "\n")
}
