// Package gaps is the sixth phase, Kesenjangan dan prioritas: dimensions
// and elements ordered by gap, the spread across OPDs, the targets, and
// the priority elements the facilitator marks.
package gaps

// Kesenjangan dan prioritas: the dimensions and elements ordered by their
// gap to target, where the OPDs disagree most, and the facilitator's
// choice of priority elements (saved; the wrap-up and priorities.csv read
// them in marking order).

import (
	"context"
	"math"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/tui/components/chart"
	"github.com/bimtek/bimtek/workshop"
)

type gapsKeys struct {
	Up, Down, Home, End key.Binding
	Toggle, Target      key.Binding
	Save, Cancel        key.Binding
	Reveal              key.Binding
}

// Gaps is the Kesenjangan dan prioritas screen.
type Gaps struct {
	common.Size
	s    *common.Sess
	keys gapsKeys

	// Cached rows, rebuilt when a score, a target or the roster changes.
	dims   []workshop.GapRow
	els    []workshop.GapRow
	spread []workshop.GapRow // elements by standard deviation, largest first
	fp     uint64
	dirty  bool

	elements map[string]*workshop.Element
	elemDim  map[string]*workshop.Dimension

	offset int // first element row shown
	// anchored: the facilitator chose the row (or it was saved below the
	// top), so a re-sort keeps the cursor on its element; until then the
	// cursor stays on the largest gap.
	anchored bool

	// The target editor (Capturing while open).
	editing bool
	editDim string
	input   string
	editErr string

	cache    string
	cacheKey gapsKey
	compact  bool
}

type gapsKey struct {
	w, h, row, offset int
	fp                uint64
	prio              string
	editing           bool
	input, editErr    string
	styles            *common.Styles
	lang              string
	hidden            bool
}

// NewGaps builds the Kesenjangan dan prioritas screen.
func New(s *common.Sess) *Gaps {
	l := s.Lang
	g := &Gaps{
		s: s,
		keys: gapsKeys{
			Up:     common.KeyHelp(l, "↑/k", "gaps.key.move", "up", "k"),
			Down:   common.KeyHelp(l, "↓/j", "gaps.key.move", "down", "j"),
			Home:   common.KeyHelp(l, "home", "gaps.key.move", "home"),
			End:    common.KeyHelp(l, "end", "gaps.key.move", "end"),
			Toggle: common.KeyHelp(l, "Spasi/Enter", "gaps.key.toggle", "space", "enter"),
			Target: common.KeyHelp(l, "e", "gaps.key.target", "e"),
			Save:   common.KeyHelp(l, "Enter", "gaps.key.save", "enter"),
			Cancel: common.KeyHelp(l, "Esc", "gaps.key.cancel", "esc"),
			Reveal: common.KeyHelp(l, "r", "board.key.reveal", "r"),
		},
		dirty:    true,
		elements: map[string]*workshop.Element{},
		elemDim:  map[string]*workshop.Dimension{},
	}
	if l == "en" {
		g.keys.Toggle.SetHelp("Space/Enter", g.keys.Toggle.Help().Desc)
	}
	f := s.F()
	for di := range f.Dimensions {
		d := &f.Dimensions[di]
		for ei := range d.Elements {
			g.elements[d.Elements[ei].Key] = &d.Elements[ei]
			g.elemDim[d.Elements[ei].Key] = d
		}
	}
	g.anchored = s.State.GapsRow > 0
	g.rebuild()
	return g
}

// Enter refreshes the rows (scores may have changed on the grid) and keeps
// the cursor on the element it was on.
func (g *Gaps) Enter() tea.Cmd {
	g.dirty = true
	g.rebuild()
	g.place()
	return g.save()
}

// SetSize gives the gaps screen its body and lays it out.
func (g *Gaps) SetSize(w, h int) {
	g.W, g.H = max(0, w-common.Margin), h // the left margin is View's
	g.place()
}

// place lays the screen out at the size SetSize gave, after every
// message: the tables, the list's scroll, and the frame View then finds
// in its cache.
func (g *Gaps) place() { g.layout(g.W, g.H) }

// Capturing is true while the target editor is open.
func (g *Gaps) Capturing() bool { return g.editing }

// FullHelp is the ? help: the footer's keys.
func (g *Gaps) FullHelp() [][]key.Binding { return [][]key.Binding{g.ShortHelp()} }

// ShortHelp lists the keys of the page for the footer.
func (g *Gaps) ShortHelp() []key.Binding {
	if g.editing {
		return []key.Binding{g.keys.Save, g.keys.Cancel}
	}
	up := g.keys.Up
	up.SetHelp("↑/↓", up.Help().Desc)
	if g.s.ReadOnly { // the projector: priorities and targets are the facilitator's
		return []key.Binding{up}
	}
	if g.s.Hidden() { // nothing to choose from until the results show
		return []key.Binding{g.keys.Reveal}
	}
	return []key.Binding{up, g.keys.Toggle, g.keys.Target, g.keys.Reveal}
}

// Update handles the keys and the change messages.
func (g *Gaps) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	if c, ok := msg.(common.ScoresChangedMsg); ok && c.Hidden {
		g.dirty = true // Enter rebuilds and lays it out when it is shown
		return g, nil
	}
	cmd := g.update(msg)
	g.place()
	return g, cmd
}

func (g *Gaps) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ScoresChangedMsg, common.RosterChangedMsg:
		g.dirty = true
		g.rebuild()
		return g.save()
	case tea.KeyPressMsg:
		if g.editing {
			return g.editKey(msg)
		}
		if key.Matches(msg, g.keys.Reveal) {
			return common.ToggleReveal(g.s)
		}
		if g.s.Hidden() {
			return nil // the rows are not on screen: nothing to move or mark
		}
		st := &g.s.State
		for _, b := range []key.Binding{g.keys.Up, g.keys.Down, g.keys.Home, g.keys.End, g.keys.Toggle, g.keys.Target} {
			if key.Matches(msg, b) {
				g.anchored = true
			}
		}
		switch {
		case key.Matches(msg, g.keys.Up):
			st.GapsRow = max(0, st.GapsRow-1)
			return g.save()
		case key.Matches(msg, g.keys.Down):
			st.GapsRow = min(len(g.els)-1, st.GapsRow+1)
			return g.save()
		case key.Matches(msg, g.keys.Home):
			st.GapsRow = 0
			return g.save()
		case key.Matches(msg, g.keys.End):
			st.GapsRow = max(0, len(g.els)-1)
			return g.save()
		case key.Matches(msg, g.keys.Toggle):
			return g.togglePriority()
		case key.Matches(msg, g.keys.Target):
			return g.openEditor()
		}
	}
	return nil
}

func (g *Gaps) save() tea.Cmd {
	g.s.State.GapsRow = common.Clamp(g.s.State.GapsRow, 0, len(g.els)-1)
	if err := g.s.SaveState(); err != nil {
		return common.ErrCmd(err)
	}
	return nil
}

func (g *Gaps) ctx() context.Context { return g.s.Ctx() }

// current is the element row under the cursor.
func (g *Gaps) current() (workshop.GapRow, bool) {
	i := g.s.State.GapsRow
	if i < 0 || i >= len(g.els) {
		return workshop.GapRow{}, false
	}
	return g.els[i], true
}

func (g *Gaps) elementName(k string) string {
	if e, ok := g.elements[k]; ok {
		return g.s.Name(e.Name)
	}
	return k
}

func (g *Gaps) dimName(k string) string {
	if d, ok := g.s.F().Dimension(k); ok {
		return common.DimShort(g.s, *d)
	}
	return k
}

// togglePriority marks or unmarks the element under the cursor, in the
// store first; the list keeps the marking order.
func (g *Gaps) togglePriority() tea.Cmd {
	s := g.s
	row, ok := g.current()
	if !ok {
		return nil
	}
	if s.ReadOnly {
		return common.ErrCmd(common.ErrReadOnly)
	}
	k := row.ElementKey
	on := !slices.Contains(s.Data.Priorities, k)
	if err := s.Live.SetPriority(g.ctx(), k, on); err != nil {
		return common.ErrCmd(err)
	}
	if on {
		s.Data.Priorities = append(s.Data.Priorities, k)
		return common.StatusCmd(s.T("gaps.marked", g.elementName(k)))
	}
	s.Data.Priorities = slices.DeleteFunc(s.Data.Priorities, func(x string) bool { return x == k })
	return common.StatusCmd(s.T("gaps.unmarked", g.elementName(k)))
}

func (g *Gaps) openEditor() tea.Cmd {
	row, ok := g.current()
	if !ok {
		return nil
	}
	if g.s.ReadOnly {
		return common.ErrCmd(common.ErrReadOnly)
	}
	g.editing, g.editDim, g.input, g.editErr = true, row.DimensionKey, "", ""
	return nil
}

func (g *Gaps) editKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		g.editing, g.input, g.editErr = false, "", ""
		return nil
	case "enter":
		return g.commitTarget()
	case "backspace":
		if r := []rune(g.input); len(r) > 0 {
			g.input = string(r[:len(r)-1])
		}
		g.editErr = ""
		return nil
	}
	if t := msg.Text; t != "" && ansi.StringWidth(g.input) < 12 {
		for _, r := range t {
			if r >= ' ' && r != 0x7f {
				g.input += string(r)
			}
		}
		g.editErr = ""
	}
	return nil
}

// ParseTarget reads a target typed by the facilitator ("3.5" or "3,5") and
// checks it lies on the scale lo..hi. The error is the sentence to show.
func ParseTarget(s *common.Sess, text string, lo, hi int) (float64, string) {
	t := strings.TrimSpace(text)
	v, err := strconv.ParseFloat(strings.Replace(t, ",", ".", 1), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, s.T("gaps.err_number", t, lo, hi)
	}
	if v < float64(lo) || v > float64(hi) {
		return 0, s.T("gaps.err_range", t, lo, hi)
	}
	return workshop.Round2(v), ""
}

func (g *Gaps) commitTarget() tea.Cmd {
	s := g.s
	if strings.TrimSpace(g.input) == "" { // nothing typed: keep the target
		g.editing, g.editErr = false, ""
		return nil
	}
	f := s.F()
	v, msg := ParseTarget(s, g.input, f.MinLevel(), f.MaxLevel())
	if msg != "" {
		g.editErr = msg
		return nil
	}
	dim := g.editDim
	g.editing, g.input, g.editErr = false, "", ""
	if err := s.Live.SetTarget(g.ctx(), dim, v); err != nil {
		return common.ErrCmd(err)
	}
	s.Board.SetTarget(dim, v)
	if s.Data.Targets == nil {
		s.Data.Targets = map[string]float64{}
	}
	s.Data.Targets[dim] = v
	g.dirty = true
	g.rebuild()
	return tea.Batch(g.save(), common.StatusCmd(s.T("gaps.target_saved", g.dimName(dim), common.Fmt2(v))))
}

// rebuild reorders the rows when a number changed, keeping the cursor on
// the same element.
func (g *Gaps) rebuild() {
	s := g.s
	fp := common.BoardFingerprint(s)
	if !g.dirty && fp == g.fp && g.els != nil {
		return
	}
	var keep string
	if r, ok := g.current(); ok && g.els != nil && g.anchored {
		keep = r.ElementKey
	}
	f := s.F()
	c := s.Board.City()
	g.dims = f.GapsByDimension(c, s.Board.Targets)
	g.els = f.GapsByElement(c, s.Board.Targets)
	g.spread = f.SpreadByElement(c, s.Board.Targets)
	if keep != "" {
		for i, e := range g.els {
			if e.ElementKey == keep {
				s.State.GapsRow = i
			}
		}
	}
	s.State.GapsRow = common.Clamp(s.State.GapsRow, 0, len(g.els)-1)
	g.fp, g.dirty = fp, false
	g.cacheKey = gapsKey{}
}

// View draws the page at the size SetSize gave.
func (g *Gaps) View() string {
	if g.W <= 0 {
		return ""
	}
	return common.WithMargin(g.layout(g.W, g.H))
}

// layout draws the screen in w x h (from its cache when nothing
// changed).
func (g *Gaps) layout(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	s := g.s
	if fp := common.BoardFingerprint(s); fp != g.fp || g.dirty {
		g.dirty = true
		g.rebuild()
	}
	k := gapsKey{w: w, h: h, row: s.State.GapsRow, offset: g.offset, fp: g.fp,
		prio: strings.Join(s.Data.Priorities, "\x00"), editing: g.editing, input: g.input,
		editErr: g.editErr, styles: s.Styles, lang: s.Lang, hidden: s.Hidden()}
	if k == g.cacheKey && g.cache != "" {
		return g.cache
	}
	g.cache = strings.Join(common.FrameLines(g.render(w, h), w, h), "\n")
	k.offset = g.offset
	g.cacheKey = k
	return g.cache
}

func (g *Gaps) render(w, h int) []string {
	st := g.s.Styles
	if g.s.Hidden() {
		// The gaps, their order and the spread are all results.
		out := []string{common.FitCell(st.Title.Render(g.s.T("gaps.title_hidden")), w), ""}
		return append(out, common.HiddenNotice(g.s, w)...)
	}
	// The bottom lines: the editor, or the legend.
	var foot []string
	if g.editing {
		foot = g.editorLines(w)
	} else {
		foot = []string{common.FitCell(st.Legend.Render(g.s.T("gaps.legend")), w)}
	}
	switch {
	case w >= 150 && h >= 40:
		g.compact = false
		lw := w * 3 / 5
		rw := w - lw - 3
		top := common.JoinBlocks(g.dimTable(lw), lw, g.priorityList(rw, len(g.dims)+2), rw, " │ ", len(g.dims)+2, st)
		bh := h - len(top) - 1 - len(foot)
		bottom := common.JoinBlocks(g.elementTable(lw, bh), lw, g.spreadList(rw, bh, false), rw, " │ ", bh, st)
		out := append(top, "")
		out = append(out, bottom...)
		return append(out, foot...)
	case w >= 110 && h >= 30:
		g.compact = false
		// The dimension table takes the width its names need, the list
		// of where the OPDs disagree the rest.
		lw := min(w*3/5, g.dimTableWidth())
		rw := w - lw - 3
		th := len(g.dims) + 2
		spread := g.spreadList(rw, th, false)
		// Names too long for the list wrap under themselves when the
		// element table below keeps every row it has now.
		if wrapped := g.spreadList(rw, th, true); len(wrapped) > th {
			elRows := h - th - 1 - len(foot) - 2
			more := len(wrapped) - th
			n := len(g.els)
			keepsRows := elRows-more >= n
			keepsSpacing := elRows < 2*n-1 || elRows-more >= 2*n-1
			if keepsRows && keepsSpacing {
				spread, th = wrapped, len(wrapped)
			}
		}
		top := common.JoinBlocks(g.dimTable(lw), lw, spread, rw, " │ ", th, st)
		out := append(top, "")
		out = append(out, g.elementTable(w, h-len(out)-len(foot))...)
		return append(out, foot...)
	default:
		g.compact = true
		out := g.dimTable(w)
		out = append(out, g.elementTable(w, h-len(out)-len(foot))...)
		return append(out, foot...)
	}
}

func (g *Gaps) editorLines(w int) []string {
	s := g.s
	st := s.Styles
	f := s.F()
	prompt := s.T("gaps.edit_prompt", g.dimName(g.editDim), f.MinLevel(), f.MaxLevel(), common.Fmt2(s.Board.Target(g.editDim)))
	line := st.Bold.Render(prompt) + st.Cursor.Render(g.input+"▌") + st.Muted.Render("   Enter · Esc")
	out := []string{common.FitCell(line, w)}
	if g.editErr != "" {
		out = append(out, common.FitCell(st.Bad.Render("✘ "+g.editErr), w))
	}
	return out
}

// gapCell says a gap with ▼ below the target, ▲ above it, and ✔ when the
// target is met (common.GapText).
func gapCell(st *common.Styles, gp workshop.Score) (string, lipgloss.Style) {
	if !gp.OK {
		return "—", st.Base
	}
	text, met := common.GapText(gp.Value)
	if met {
		return text, st.Good
	}
	return text, st.Warn
}

// statCells are the score, n, SD and min–max cells of a row.
func statCells(r workshop.GapRow) (score, n, sd, rng string) {
	if r.Stat.N == 0 {
		return "—", "0", "—", "—"
	}
	return common.Fmt2(r.Stat.Mean), strconv.Itoa(r.Stat.N), common.Fmt2(r.Stat.Stdev), common.Fmt2(r.Stat.Min) + "–" + common.Fmt2(r.Stat.Max)
}

// gapCol is one column of a gaps table.
type gapCol struct {
	title string
	w     int
	right bool
}

// layoutCols gives the flexible column (index flex) the width left over.
func layoutCols(cols []gapCol, flex, w int) []gapCol {
	used := 0
	for i, c := range cols {
		if i != flex {
			used += c.w
		}
	}
	used += len(cols) - 1 // one space between columns
	cols[flex].w = max(6, w-used)
	return cols
}

// renderCells sets a row's cells in the columns, one space apart.
func renderCells(cols []gapCol, cells []string) string {
	tc := make([]common.TableCell, len(cols))
	for i, c := range cols {
		tc[i] = common.TableCell{Text: cells[i], Width: c.w, Right: c.right}
	}
	return common.JoinCells(tc, " ")
}

func (g *Gaps) headerLine(cols []gapCol, w int) string {
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.title
	}
	return common.FitCell(g.s.Styles.Bold.Render(renderCells(cols, titles)), w)
}

// barCell draws a small bar of the score on the scale with the target.
func (g *Gaps) barCell(r workshop.GapRow, bw int) string {
	f := g.s.F()
	return chart.StyledBar(g.s.Styles, r.Stat.Mean, r.Stat.N > 0, r.Target, float64(f.MinLevel()), float64(f.MaxLevel()), bw)
}

// numberCols are the columns every table shares.
func (g *Gaps) numberCols(wide bool) []gapCol {
	t := g.s.T
	cols := []gapCol{
		{t("board.col.score"), 5, true},
		{t("board.col.target"), 6, true},
		{t("board.col.gap"), 8, true},
		{t("gaps.col.n"), 5, true},
		{t("gaps.col.sd"), 5, true},
		{t("gaps.col.range"), 10, false},
	}
	for i := range cols {
		cols[i].w = max(cols[i].w, ansi.StringWidth(cols[i].title))
	}
	if wide {
		cols = append(cols, gapCol{t("gaps.col.bar"), 28, false})
	}
	return cols
}

func (g *Gaps) numberCells(r workshop.GapRow, wide bool, styled bool) []string {
	st := g.s.Styles
	score, n, sd, rng := statCells(r)
	gap, gs := gapCell(st, r.Gap)
	if styled {
		score = st.Bold.Render(score)
		gap = gs.Render(gap)
	}
	cells := []string{score, common.Fmt2(r.Target), gap, n, sd, rng}
	if wide {
		if styled {
			cells = append(cells, g.barCell(r, 28))
		} else {
			runes, _ := chart.BarRunes(r.Stat.Mean, r.Stat.N > 0, r.Target, true, float64(g.s.F().MinLevel()), float64(g.s.F().MaxLevel()), 28)
			cells = append(cells, string(runes))
		}
	}
	return cells
}

// dimTable lists the dimensions by gap.
func (g *Gaps) dimTable(w int) []string {
	s := g.s
	st := s.Styles
	f := s.F()
	wide := w >= 110
	cols := []gapCol{{s.T("gaps.col.dim"), 0, false}}
	cols = append(cols, g.numberCols(wide)...)
	predW := ansi.StringWidth(s.T("board.col.pred"))
	for _, b := range f.Bands {
		predW = max(predW, ansi.StringWidth(s.Name(b.Predikat)))
	}
	withPred := w >= 100
	if withPred {
		cols = append(cols, gapCol{s.T("board.col.pred"), predW, false})
	}
	cols = layoutCols(cols, 0, w)
	out := []string{common.FitCell(st.Title.Render(s.T("gaps.dims")), w), g.headerLine(cols, w)}
	for _, r := range g.dims {
		cells := []string{st.Bold.Render(g.dimName(r.DimensionKey))}
		cells = append(cells, g.numberCells(r, wide, true)...)
		if withPred {
			p := "—"
			if r.Stat.N > 0 {
				if t, ok := f.Predikat(r.Stat.Mean); ok {
					p = s.Name(t)
				}
			}
			cells = append(cells, p)
		}
		out = append(out, common.FitCell(renderCells(cols, cells), w))
	}
	return out
}

// elementTable lists the elements by gap with the cursor and the
// priority marks; it scrolls to keep the cursor in view.
func (g *Gaps) elementTable(w, h int) []string {
	s := g.s
	st := s.Styles
	wide := w >= 110
	withDim := w >= 80
	cols := []gapCol{{"", 1, false}, {"", 1, false}, {s.T("gaps.col.element"), 0, false}}
	if withDim {
		dw := ansi.StringWidth(s.T("gaps.col.dim"))
		for _, d := range s.F().Dimensions {
			dw = max(dw, ansi.StringWidth(common.DimShort(s, d)))
		}
		cols = append(cols, gapCol{s.T("gaps.col.dim"), min(dw, 12), false})
	}
	cols = append(cols, g.numberCols(wide)...)
	cols = layoutCols(cols, 2, w)
	if cols[2].w < 14 && withDim { // names matter more than the dimension column
		cols = append(cols[:3], cols[4:]...)
		withDim = false
		cols = layoutCols(cols, 2, w)
	}
	title := s.T("gaps.elements") + "  " + s.T("gaps.priorities", len(s.Data.Priorities))
	out := []string{common.FitCell(st.Title.Render(title), w), g.headerLine(cols, w)}

	n := len(g.els)
	rows := max(1, h-len(out))
	// A tall screen spaces the rows out: easier to follow from the back.
	spaced := rows >= 2*n-1 && w >= 110
	if n > rows {
		rows = max(1, rows-1) // a line for the position
	}
	cur := s.State.GapsRow
	if cur < g.offset {
		g.offset = cur
	}
	if cur >= g.offset+rows {
		g.offset = cur - rows + 1
	}
	g.offset = max(0, min(g.offset, n-rows))
	if spaced {
		g.offset = 0
	}
	for i := g.offset; i < min(n, g.offset+rows); i++ {
		if spaced && i > 0 {
			out = append(out, "")
		}
		r := g.els[i]
		prio := slices.Contains(s.Data.Priorities, r.ElementKey)
		sel := i == cur
		mark, star := " ", " "
		if sel {
			mark = "▶"
		}
		if prio {
			star = "★"
		}
		cells := []string{mark, star, g.elementName(r.ElementKey)}
		if withDim {
			cells = append(cells, g.dimName(r.DimensionKey))
		}
		if sel {
			cells = append(cells, g.numberCells(r, wide, false)...)
			out = append(out, st.Selected.Render(common.FitCell(renderCells(cols, cells), w)))
			continue
		}
		if prio {
			cells[1] = st.Warn.Render(star)
			cells[2] = st.Bold.Render(cells[2])
		}
		cells = append(cells, g.numberCells(r, wide, true)...)
		out = append(out, common.FitCell(renderCells(cols, cells), w))
	}
	if rows < n {
		pos := s.T("gaps.rows", g.offset+1, min(n, g.offset+rows), n)
		if g.offset > 0 {
			pos += " ▲"
		}
		if g.offset+rows < n {
			pos += " ▼"
		}
		out = append(out, common.FitCell(st.Accent.Render(pos), w))
	}
	return out
}

// spreadList shows where the OPDs disagree most: elements by SD. With
// wrap, each of the first h-2 elements' names that is wider than its
// column continues under itself (indented) instead of being cut with …,
// and the list is as long as that takes.
func (g *Gaps) spreadList(w, h int, wrap bool) []string {
	s := g.s
	st := s.Styles
	cols := []gapCol{{s.T("gaps.col.element"), 0, false}, {s.T("gaps.col.sd"), 5, true}, {s.T("gaps.col.range"), 10, false}, {s.T("gaps.col.n"), 5, true}}
	for i := 1; i < len(cols); i++ {
		cols[i].w = max(cols[i].w, ansi.StringWidth(cols[i].title))
	}
	cols = layoutCols(cols, 0, w)
	nameW := cols[0].w
	out := []string{common.FitCell(st.Title.Render(s.T("gaps.disagree")), w), g.headerLine(cols, w)}
	for i, r := range g.spread {
		if i >= h-2 {
			break
		}
		_, n, sd, rng := statCells(r)
		el, dim := g.elementName(r.ElementKey), g.dimName(r.DimensionKey)
		name := el + " · " + dim
		lines := []string{name}
		if wrap && common.CellWidth(name) > nameW {
			lines = spreadName(el, dim, nameW)
		}
		out = append(out, common.FitCell(renderCells(cols, []string{lines[0], st.Bold.Render(sd), rng, n}), w))
		for _, l := range lines[1:] {
			out = append(out, common.FitCell(renderCells(cols, []string{"  " + l, "", "", ""}), w))
		}
	}
	return out
}

// spreadName breaks "element · dimension" into lines: the first nameW
// wide, the others indented under it (the caller adds the indent); the
// dimension goes to a line of its own rather than leave "·" at a line's
// end.
func spreadName(el, dim string, nameW int) []string {
	lines := common.WrapText(el, nameW)
	if len(lines) > 1 {
		lines = append(lines[:1], common.WrapText(strings.Join(lines[1:], " "), nameW-2)...)
	}
	last := len(lines) - 1
	lw := nameW
	if last > 0 {
		lw = nameW - 2
	}
	if common.CellWidth(lines[last]+" · "+dim) <= lw {
		lines[last] += " · " + dim
		return lines
	}
	return append(lines, common.WrapText("· "+dim, nameW-2)...)
}

// dimTableWidth is the width the dimension table needs beside the spread
// list (its number columns without the bar and the predikat): its longest
// dimension name, or its title when that is wider.
func (g *Gaps) dimTableWidth() int {
	s := g.s
	w := ansi.StringWidth(s.T("gaps.col.dim"))
	for _, r := range g.dims {
		w = max(w, common.CellWidth(g.dimName(r.DimensionKey)))
	}
	for _, c := range g.numberCols(false) {
		w += 1 + c.w
	}
	return max(w, ansi.StringWidth(s.T("gaps.dims")))
}

// priorityList shows the chosen priorities in marking order.
func (g *Gaps) priorityList(w, h int) []string {
	s := g.s
	st := s.Styles
	out := []string{common.FitCell(st.Title.Render(s.T("gaps.priorities", len(s.Data.Priorities))), w)}
	if len(s.Data.Priorities) == 0 {
		return append(out, common.FitCell(st.Base.Render(s.T("gaps.no_prio")), w))
	}
	gaps := map[string]workshop.GapRow{}
	for _, e := range g.els {
		gaps[e.ElementKey] = e
	}
	for i, k := range s.Data.Priorities {
		if len(out) == h-1 && i < len(s.Data.Priorities)-1 {
			out = append(out, common.FitCell(st.Bold.Render(s.T("gaps.more", len(s.Data.Priorities)-i)), w))
			break
		}
		gp, _ := gapCell(st, gaps[k].Gap)
		line := st.Warn.Render("★ ") + st.Bold.Render(strconv.Itoa(i+1)+". "+g.elementName(k)) +
			st.Base.Render(" · "+g.dimName(g.dimOf(k))+" · "+s.T("board.col.gap")+" "+strings.TrimSpace(gp))
		out = append(out, common.FitCell(line, w))
	}
	return out
}

func (g *Gaps) dimOf(elementKey string) string {
	if d, ok := g.elemDim[elementKey]; ok {
		return d.Key
	}
	return ""
}
