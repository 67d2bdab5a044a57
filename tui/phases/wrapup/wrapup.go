// Package wrapup is the last phase, Penutup: the city index, the gaps and
// the priorities, the export and the command that reopens the session.
package wrapup

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/phrase"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/tui/components/chart"
	"github.com/bimtek/bimtek/workshop"
)

// WrapUp is the Penutup phase: the summary of the day, the export and how
// to reopen the session.
type WrapUp struct {
	common.Size
	s    *common.Sess
	keys struct{ Export, Reveal key.Binding }

	// The last export: what it was and its files (full paths), or why it
	// failed.
	kind   common.ExportKind
	files  []string
	expErr error

	reopen string // the command that reopens this session
}

// NewWrapUp builds the wrap-up screen.
func New(s *common.Sess) *WrapUp {
	w := &WrapUp{s: s}
	w.keys.Export = common.KeyHelp(s.Lang, "x", "wrap.key.export", "x")
	w.keys.Reveal = common.KeyHelp(s.Lang, "r", "board.key.reveal", "r")
	w.reopen = reopenCommand(s.Data.Session.ID, s.DBPath(), s.DefaultDB)
	return w
}

// ReopenCommand is the command that reopens session id in the database at
// path: `bimtek open ID`, with --db only when path is not defaultDB (the
// database used without --db; "" when unknown), so it works as printed.
func ReopenCommand(id int64, path, defaultDB string) string {
	return reopenCommand(id, path, defaultDB)
}

func reopenCommand(id int64, path, defaultDB string) string {
	cmd := fmt.Sprintf("bimtek open %d", id)
	if path == "" {
		return cmd
	}
	if defaultDB != "" && sameFile(defaultDB, path) {
		return cmd
	}
	return cmd + " --db " + quoteArg(path)
}

// sameFile compares two paths as the system does: Windows and macOS
// ignore case in file names.
func sameFile(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	a, b = filepath.Clean(a), filepath.Clean(b)
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// quoteArg quotes a path for a shell (and for cmd.exe) when it holds
// anything beyond plain path characters.
func quoteArg(p string) string {
	plain := true
	for _, r := range p {
		ok := r == '/' || r == '\\' || r == '.' || r == '_' || r == '-' || r == ':' || r == '~' ||
			r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
		if !ok {
			plain = false
			break
		}
	}
	if plain {
		return p
	}
	return `"` + strings.ReplaceAll(p, `"`, `\"`) + `"`
}

// Capturing is false: the wrap-up takes no text.
func (w *WrapUp) Capturing() bool { return false }

// FullHelp is the ? help: the footer's keys.
func (w *WrapUp) FullHelp() [][]key.Binding { return [][]key.Binding{w.ShortHelp()} }

// ShortHelp lists the keys of the page for the footer.
func (w *WrapUp) ShortHelp() []key.Binding {
	if w.s.ReadOnly {
		return nil
	}
	return []key.Binding{w.keys.Export, w.keys.Reveal}
}

// Update starts an export and shows its outcome.
func (w *WrapUp) Update(msg tea.Msg) (common.Page, tea.Cmd) { return w, w.update(msg) }

func (w *WrapUp) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ExportedMsg:
		w.expErr = msg.Err
		if msg.Err == nil {
			w.kind, w.files = msg.Kind, msg.Files
		}
	case tea.KeyPressMsg:
		if key.Matches(msg, w.keys.Export) {
			return func() tea.Msg { return common.ExportRequestMsg{} }
		}
		if key.Matches(msg, w.keys.Reveal) {
			return common.ToggleReveal(w.s)
		}
	}
	return nil
}

// completionLines are the completion's label and its value, the value
// wrapped under itself within width rather than cut.
func (w *WrapUp) completionLines(width int) []string {
	s := w.s
	st := s.Styles
	comp := s.Board.City().Overall
	label := s.T("wrap.completion")
	val := s.T("wrap.completion_val", comp.Percent(), comp.Done, comp.Possible, len(s.Board.InScope()))
	indent := 1 + common.CellWidth(label) + 2
	parts := common.WrapText(val, max(12, width-indent))
	if len(parts) == 0 {
		parts = []string{""}
	}
	out := []string{" " + st.Bold.Render(label) + "  " + st.Base.Render(parts[0])}
	for _, p := range parts[1:] {
		out = append(out, strings.Repeat(" ", indent)+st.Base.Render(p))
	}
	return out
}

// wrapGap is one line of the largest gaps.
type wrapGap struct {
	name               string
	score, target, gap float64
}

// View draws the page at the size SetSize gave.
func (w *WrapUp) View() string { return w.view(w.W, w.H) }

// view draws the summary; every number comes from the Board.
func (w *WrapUp) view(width, h int) string {
	s := w.s
	st := s.Styles
	f := s.F()
	city := s.Board.City()

	title := common.FitCell(st.Title.Render(" "+s.T("wrap.title"))+st.Base.Render(" · "+s.Data.Session.City+" · "+s.T("frame.stage", common.Roman(s.Data.Session.Stage))), width)
	reopen := []string{}
	for _, l := range common.WrapText(s.T("wrap.reopen"), width-2) {
		reopen = append(reopen, " "+st.Base.Render(l))
	}
	for _, l := range common.WrapText(w.reopen, width-4) {
		reopen = append(reopen, "   "+st.Key.Render(l))
	}

	if width >= 110 {
		size := 1
		if h >= 44 && width >= 150 {
			size = 2
		}
		lw := width * 11 / 20
		rw := width - lw - 2
		left := append(w.indexLines(size), "")
		left = append(left, w.completionLines(lw-2)...)
		left = append(left, "")
		left = append(left, w.gapLines(lw-2, f, city)...)
		right := w.priorityLines(rw-2, f, city)
		out := []string{title, ""}
		if h >= 40 {
			out = append(out, "")
		}
		out = append(out, common.SideBySide(left, right, lw, 2)...)
		out = append(out, "")
		out = append(out, w.exportLines(width-2)...)
		out = append(out, "")
		out = append(out, reopen...)
		if len(out) > h {
			out = dropBlanks(out, len(out)-h)
		}
		return strings.Join(common.FitLines(out, h), "\n")
	}

	// Narrow: one column. When it does not fit, the big digits become one
	// line, then blank lines go, then the priority list is shortened; the
	// index, the gaps, the export and the reopen command always stay.
	gaps := w.gapLines(width-2, f, city)
	export := w.exportLines(width - 2)
	completion := w.completionLines(width - 2)
	build := func(index []string, prios []string, blanks bool) []string {
		sep := func(out []string) []string {
			if blanks {
				return append(out, "")
			}
			return out
		}
		out := sep([]string{title})
		out = append(out, index...)
		out = sep(out)
		out = append(out, completion...)
		out = sep(out)
		out = append(out, gaps...)
		if len(prios) > 0 {
			out = sep(out)
			out = append(out, prios...)
		}
		out = sep(out)
		out = append(out, export...)
		out = sep(out)
		return append(out, reopen...)
	}
	prios := w.priorityLines(width-2, f, city)
	size := 0
	if h >= 30 {
		size = 1
	}
	var out []string
	for _, index := range [][]string{w.indexLines(size), w.indexLines(-1)} {
		out = build(index, prios, true)
		if len(out) <= h {
			break
		}
		if blanks := len(out) - len(build(index, prios, false)); len(out)-blanks <= h {
			out = dropBlanks(out, len(out)-h)
			break
		}
	}
	if len(out) > h {
		room := len(prios) - (len(out) - h)
		out = build(w.indexLines(-1), trimList(prios, room, s.Lang), false)
	}
	return strings.Join(common.FitLines(out, h), "\n")
}

// indexLines is the city index and its predikat: in big digits of the
// given size, or on one line (size -1).
func (w *WrapUp) indexLines(size int) []string {
	s := w.s
	st := s.Styles
	f := s.F()
	idx := s.Board.City().Index
	label := st.Bold.Render(" " + s.T("wrap.index"))
	if s.Hidden() {
		return []string{label + "   " + st.Warn.Render(s.T("wrap.hidden"))}
	}
	if !idx.OK {
		return []string{label + "   " + st.Accent.Render("—   "+s.T("wrap.no_score"))}
	}
	num := common.Fmt2(idx.Value)
	pred := s.T("wrap.no_predikat")
	if p, ok := f.Predikat(idx.Value); ok {
		pred = s.Name(p)
	}
	headline := st.Accent.Render(num + " · " + pred)
	if size < 0 {
		return []string{label + "   " + headline}
	}
	big := chart.BigText(num, size)
	out := make([]string, len(big))
	for i, l := range big {
		line := label
		if i > 0 {
			line = strings.Repeat(" ", lipgloss.Width(label))
		}
		line += "   " + st.Accent.Render(l)
		if i == len(big)/2 {
			line += "   " + headline
		}
		out[i] = line
	}
	return out
}

// gapLines lists the three dimensions furthest below their target.
func (w *WrapUp) gapLines(width int, f *workshop.Framework, city workshop.CityResult) []string {
	s := w.s
	st := s.Styles
	var rows []wrapGap
	for _, g := range f.GapsByDimension(city, s.Board.Targets) {
		if !g.Gap.OK || len(rows) == 3 {
			continue
		}
		d, _ := f.Dimension(g.DimensionKey)
		rows = append(rows, wrapGap{name: s.Name(d.Name), score: g.Stat.Mean, target: g.Target, gap: g.Gap.Value})
	}
	out := []string{" " + st.Bold.Render(s.T("wrap.gaps"))}
	if s.Hidden() {
		return append(out, "   "+st.Base.Render(ansi.Truncate(s.T("wrap.gaps_hidden"), width-3, "…")))
	}
	if len(rows) == 0 {
		return append(out, "   "+st.Base.Render(ansi.Truncate(s.T("wrap.no_gaps"), width-3, "…")))
	}
	verdictW := max(ansi.StringWidth(s.T("wrap.below")), ansi.StringWidth(s.T("wrap.reached")))
	fixed := 3 + 3 + 7 + 8 + 8 + 2
	nameMax := 0
	for _, r := range rows {
		nameMax = max(nameMax, ansi.StringWidth(r.name))
	}
	long := width-fixed-verdictW >= min(nameMax, 30)
	if !long {
		verdictW = 1
	}
	nameW := max(10, min(30, width-fixed-verdictW))
	out = append(out, "   "+st.Bold.Render(common.FitCell("", 3)+common.FitCell(s.T("wrap.col.dimension"), nameW)+
		common.FitCellRight(s.T("wrap.col.score"), 7)+common.FitCellRight(s.T("wrap.col.target"), 8)+common.FitCellRight(s.T("wrap.col.gap"), 8)))
	for i, r := range rows {
		g := workshop.Round2(r.gap)
		verdict, style := s.T("wrap.below"), st.Bad
		if g <= 0 {
			verdict, style = s.T("wrap.reached"), st.Good
		}
		if !long {
			verdict, _, _ = strings.Cut(verdict, " ")
		}
		line := common.FitCell(fmt.Sprintf("%d.", i+1), 3) + common.FitCell(r.name, nameW) +
			common.FitCellRight(common.Fmt2(r.score), 7) +
			common.FitCellRight(common.Fmt2(r.target), 8) +
			common.FitCellRight(common.Signed(g), 8)
		out = append(out, "   "+st.Base.Render(line)+"  "+style.Render(verdict))
	}
	return out
}

// priorityLines lists the elements marked as priority, in marking order.
func (w *WrapUp) priorityLines(width int, f *workshop.Framework, city workshop.CityResult) []string {
	s := w.s
	st := s.Styles
	out := []string{" " + st.Bold.Render(s.T("wrap.priorities"))}
	if len(s.Data.Priorities) == 0 {
		for _, l := range common.WrapText(s.T("wrap.no_priorities"), width-3) {
			out = append(out, "   "+st.Base.Render(l))
		}
		return out
	}
	for _, k := range s.Data.Priorities {
		name, dim := k, ""
		for _, d := range f.Dimensions {
			for _, e := range d.Elements {
				if e.Key == k {
					name, dim = s.Name(e.Name), s.Name(d.Name)
				}
			}
		}
		score := "—"
		if stt, ok := city.Elements[k]; ok && stt.N > 0 {
			score = common.Fmt2(stt.Mean)
		}
		if s.Hidden() {
			score = "" // the priorities are the facilitator's; their scores wait for r
		}
		txtW := max(4, width-3-2-7)
		txt := name
		if dim != "" {
			txt += " · " + dim
		}
		if common.CellWidth(txt) <= txtW || dim == "" || common.CellWidth(name) > txtW {
			out = append(out, "   "+st.Warn.Render("★ ")+st.Base.Render(common.FitCell(txt, txtW)+common.FitCellRight(score, 7)))
			continue
		}
		// Too long for one line: the dimension goes under the element, so
		// both are read whole.
		out = append(out, "   "+st.Warn.Render("★ ")+st.Base.Render(common.FitCell(name, txtW)+common.FitCellRight(score, 7)),
			"     "+st.Base.Render(common.FitCell(dim, txtW)))
	}
	return out
}

// exportLines say how to export, or where the files went.
func (w *WrapUp) exportLines(width int) []string {
	s := w.s
	st := s.Styles
	out := []string{" " + st.Bold.Render(s.T("wrap.export"))}
	switch {
	case w.expErr != nil:
		for _, l := range common.WrapText("✘ "+s.T("wrap.export_failed", phrase.Sentence(s.Lang, w.expErr)), width-3) {
			out = append(out, "   "+st.Bad.Render(l))
		}
	case len(w.files) > 0:
		// Which files went where: every full path, shortened from the left
		// only when it is wider than the window.
		out = append(out, "   "+st.Good.Render("✔ "+s.T("wrap.exported", w.kind.Label(s.Lang))))
		for _, l := range common.ExportFileLines(w.files, width-5) {
			out = append(out, "     "+st.Bold.Render(l))
		}
	default:
		for _, l := range common.WrapText(s.T("wrap.export_hint"), width-3) {
			out = append(out, "   "+st.Base.Render(l))
		}
	}
	return out
}

// trimList keeps a titled list within n lines, saying how many were left
// out; n < 2 drops it.
func trimList(lines []string, n int, lang string) []string {
	if len(lines) <= n {
		return lines
	}
	if n < 2 {
		return nil
	}
	hidden := len(lines) - (n - 1)
	return append(lines[:n-1:n-1], "   "+assets.T(lang, "wrap.more", hidden))
}

// dropBlanks removes up to n empty lines, from the bottom up.
func dropBlanks(lines []string, n int) []string {
	for i := len(lines) - 1; i >= 0 && n > 0; i-- {
		if strings.TrimSpace(ansi.Strip(lines[i])) == "" {
			lines = append(lines[:i], lines[i+1:]...)
			n--
		}
	}
	return lines
}

// Enter: nothing to refresh when the page is shown again.
func (w *WrapUp) Enter() tea.Cmd { return nil }
