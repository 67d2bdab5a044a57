// Package opening is the first phase, Pembukaan: the session's city,
// tahap, date, venue and facilitator, and the agenda with its minutes.
package opening

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/tui/components/chart"
)

// Opening is the Pembukaan phase: who, where, when, with which framework,
// and the agenda of the day with its minutes. It only shows.
type Opening struct {
	common.Size
	s *common.Sess
}

// New builds the opening screen.
func New(s *common.Sess) *Opening { return &Opening{s: s} }

// Update does nothing: the opening has no keys of its own.
func (o *Opening) Update(tea.Msg) (common.Page, tea.Cmd) { return o, nil }

// Help is empty: the global keys (next phase, timer) are all it needs.
// ShortHelp: the opening has no keys of its own.
func (o *Opening) ShortHelp() []key.Binding { return nil }

// FullHelp: the opening has no keys of its own.
func (o *Opening) FullHelp() [][]key.Binding { return nil }

// Capturing is false.
func (o *Opening) Capturing() bool { return false }

// View draws the page at the size SetSize gave.
func (o *Opening) View() string { return o.view(o.W, o.H) }

// view draws the opening slide, as large as the window allows.
func (o *Opening) view(w, h int) string {
	s := o.s
	st := s.Styles
	ss := s.Data.Session
	margin := 1
	if w >= 150 {
		margin = 3
	}
	pad := strings.Repeat(" ", margin)
	inner := w - 2*margin

	welcome := pad + st.Bold.Render(ansi.Truncate(s.T("open.welcome"), inner, "…"))
	stageLine := pad + st.Accent.Render(ansi.Truncate(common.JoinNonEmpty(" · ", s.T("open.stage", common.Roman(ss.Stage)), common.StageShort(s.Lang, ss.Stage)), inner, "…"))
	var sentence []string
	for _, l := range common.WrapText(stageLong(s.Lang, ss.Stage), min(inner, 110)) {
		sentence = append(sentence, pad+st.Base.Render(l))
	}

	// Try the richest layout first, then give way: big city name, blank
	// lines between rows, the whole stage sentence, the welcome line.
	type layout struct {
		citySize  int // 0: plain bold text
		spacing   int
		sentence  int // lines of the stage sentence kept
		welcome   bool
		blankRows bool
	}
	var tries []layout
	for _, size := range []int{2, 1, 0} {
		for _, sp := range []int{1, 0} {
			tries = append(tries, layout{size, sp, len(sentence), true, true})
		}
	}
	tries = append(tries,
		layout{0, 0, len(sentence), false, true},
		layout{0, 0, min(2, len(sentence)), true, true},
		layout{0, 0, min(2, len(sentence)), false, true},
		layout{0, 0, 1, false, false},
		layout{0, 0, 0, false, false})

	for i, l := range tries {
		city := o.cityLines(ss.City, l.citySize, inner, pad)
		if city == nil {
			continue
		}
		var out []string
		if l.welcome {
			out = append(out, welcome)
			if l.blankRows && l.citySize >= 2 {
				out = append(out, "")
			}
		}
		out = append(out, city...)
		out = append(out, stageLine)
		sent := sentence[:l.sentence]
		if l.sentence < len(sentence) && l.sentence > 0 {
			sent = append(append([]string{}, sentence[:l.sentence-1]...), pad+st.Base.Render(ansi.Truncate(strings.TrimSpace(ansi.Strip(sentence[l.sentence-1]))+" …", inner, "…")))
		}
		out = append(out, sent...)
		if l.blankRows {
			out = append(out, "")
		}
		out = append(out, o.columns(w, margin, l.spacing)...)
		if len(out) <= h || i == len(tries)-1 {
			// A slide sits a little lower than the top of a tall window.
			if top := (h - len(out)) / 3; top > 0 && h >= 30 {
				out = append(make([]string, top), out...)
			}
			return strings.Join(common.FitLines(out, h), "\n")
		}
	}
	return ""
}

// cityLines draws the city name in block letters of the given size, or in
// bold (size 0); nil when the block letters do not fit the width.
func (o *Opening) cityLines(city string, size, width int, pad string) []string {
	st := o.s.Styles
	if size == 0 {
		return []string{pad + st.Title.Render(ansi.Truncate(city, width, "…"))}
	}
	big, ok := chart.BlockLetters(city, size)
	if !ok || len(big) == 0 || ansi.StringWidth(big[0]) > width {
		return nil
	}
	out := make([]string, len(big))
	for i, l := range big {
		out[i] = pad + st.Title.Render(l)
	}
	return out
}

// columns puts the facts on the left and the agenda beside them on a wide
// window; on a narrow one the facts go two to a line above the agenda.
func (o *Opening) columns(w, margin, spacing int) []string {
	s := o.s
	st := s.Styles
	ss := s.Data.Session
	inner := w - 2*margin
	pad := strings.Repeat(" ", margin)

	unset := func(v string) string {
		if strings.TrimSpace(v) == "" {
			return s.T("open.unset")
		}
		return v
	}
	present := len(s.Board.Present())
	facts := [][2]string{
		{s.T("open.date"), longDate(s.Lang, ss.Date)},
		{s.T("open.venue"), unset(ss.Venue)},
		{s.T("open.facilitator"), unset(ss.Facilitator)},
		{s.T("open.opds"), s.T("open.opds_value", present, len(s.Data.OPDs))},
		{s.T("open.framework"), s.Name(s.F().Name)},
	}
	lw, vw := 0, 0
	for _, f := range facts {
		lw = max(lw, ansi.StringWidth(f[0]))
		vw = max(vw, ansi.StringWidth(f[1]))
	}
	fact := func(f [2]string, width int) string {
		return st.Bold.Render(common.FitCell(f[0], lw)) + "  " + st.Base.Render(common.FitCell(f[1], max(1, width-lw-2)))
	}

	if inner < 110 {
		// Two facts a line (the framework name, the longest, alone).
		leftW := lw + 2 + max(ansi.StringWidth(facts[0][1]), ansi.StringWidth(facts[2][1]))
		leftW = min(leftW, inner-3-(lw+2+12))
		var out []string
		for i := 0; i < 4; i += 2 {
			out = append(out, pad+fact(facts[i], leftW)+"   "+fact(facts[i+1], inner-3-leftW))
		}
		out = append(out, pad+fact(facts[4], inner), "")
		for _, l := range o.agenda(inner, spacing) {
			out = append(out, pad+l)
		}
		return out
	}

	agenda := o.agenda(min(72, inner*55/100), spacing)
	aw := 0
	for _, l := range agenda {
		aw = max(aw, ansi.StringWidth(l))
	}
	gap := 4
	if inner >= 180 {
		gap = 8
	}
	infoW := min(lw+2+vw, inner-aw-gap)
	var left []string
	for i, f := range facts {
		if i > 0 {
			for range spacing {
				left = append(left, "")
			}
		}
		left = append(left, fact(f, infoW))
	}
	lines := common.SideBySide(left, agenda, infoW, gap)
	for i := range lines {
		lines[i] = pad + lines[i]
	}
	return lines
}

// agenda lists the phases with planned minutes (with the facilitator's
// +/- adjustment) and the time used so far.
func (o *Opening) agenda(width, spacing int) []string {
	s := o.s
	st := s.Styles
	now := s.Now()
	type row struct{ mark, name, planned, used string }
	var rows []row
	totalPlan := 0
	var totalUsed time.Duration
	for i, p := range s.Phases() {
		var t common.Timer
		if i < len(s.State.Timers) {
			t = s.State.Timers[i]
		}
		mins := p.Minutes + t.AdjustMin
		totalPlan += mins
		planned := s.T("open.minutes", mins)
		if t.AdjustMin != 0 {
			planned += fmt.Sprintf(" (%+d)", t.AdjustMin)
		}
		run := t.Run(now)
		totalUsed += run
		used := "—"
		if run > 0 || t.Running {
			used = common.Clock(run)
		}
		mark := "  "
		if i == s.State.Phase {
			mark = "▶ "
		}
		rows = append(rows, row{mark, fmt.Sprintf("%d. %s", i+1, s.Name(p.Name)), planned, used})
	}
	total := row{"  ", s.T("open.total"), s.T("open.minutes", totalPlan), common.Clock(totalUsed)}

	pw := ansi.StringWidth(s.T("open.col.planned"))
	uw := max(ansi.StringWidth(s.T("open.col.used")), 5)
	for _, r := range append(rows, total) {
		pw = max(pw, ansi.StringWidth(r.planned))
		uw = max(uw, ansi.StringWidth(r.used))
	}
	nw := 0
	for _, r := range append(rows, total) {
		nw = max(nw, ansi.StringWidth(r.name))
	}
	nw = max(8, min(nw, width-2-pw-2-uw-2))
	line := func(r row) string {
		return r.mark + common.FitCell(r.name, nw) + "  " + common.FitCellRight(r.planned, pw) + "  " + common.FitCellRight(r.used, uw)
	}
	out := []string{
		st.Title.Render(ansi.Truncate(s.T("open.agenda"), width, "…")),
		st.Bold.Render("  " + common.FitCell(s.T("open.col.phase"), nw) + "  " + common.FitCellRight(s.T("open.col.planned"), pw) + "  " + common.FitCellRight(s.T("open.col.used"), uw)),
	}
	for i, r := range rows {
		if i > 0 {
			for range spacing {
				out = append(out, "")
			}
		}
		if i == s.State.Phase {
			out = append(out, st.Accent.Render(line(r)))
		} else {
			out = append(out, st.Base.Render(line(r)))
		}
	}
	out = append(out, st.Bold.Render(line(total)))
	return out
}

// stageLong is the tahap in one sentence (DOMAIN.md).
func stageLong(lang string, stage int) string {
	if stage < 1 || stage > 4 {
		return ""
	}
	return assets.T(lang, fmt.Sprintf("stage.long.%d", stage))
}

// longDate writes 2025-06-12 as "Kamis, 12 Juni 2025"; anything else is
// shown as it was typed.
func longDate(lang, date string) string {
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		return date
	}
	return assets.T(lang, "cal.long", assets.T(lang, fmt.Sprintf("cal.day.%d", int(d.Weekday()))), d.Day(),
		assets.T(lang, fmt.Sprintf("cal.month.%d", int(d.Month()))), d.Year())
}

// Enter: nothing to refresh when the page is shown again.
func (o *Opening) Enter() tea.Cmd { return nil }
