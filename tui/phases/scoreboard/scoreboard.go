// Package scoreboard is the fifth phase, Papan skor: the city index and
// its predikat, the city bars per dimension against their targets, the
// heatmap of OPDs by dimension, the radar, completion, the sorts, and the
// reveal that decides whether any result shows.
package scoreboard

// Papan skor: the live results for the room. A heatmap of the OPDs in
// scope (present, or with an answer) x dimensions, the city bars with their targets, the city index in big
// digits with its predikat and the completion, and a radar of the city vs
// the targets. Results stay hidden until the facilitator reveals them.

import (
	"math"
	"sort"
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

// Sort orders of the heatmap, cycled by `s` and saved in the UI state (Sort).
const (
	SortName    = "name"
	SortOverall = "overall"
	SortWeakest = "weakest"
)

var boardSorts = []string{SortName, SortOverall, SortWeakest}

// Views of the compact layout (a small window shows one panel at a time).
const (
	ViewSummary = iota
	ViewHeatmap
	ViewRadar
	viewCount
)

type boardKeys struct {
	Up, Down, Home, End key.Binding
	Sort, Reveal, View  key.Binding
}

// Scoreboard is the Papan skor screen.
type Scoreboard struct {
	common.Size
	s    *common.Sess
	keys boardKeys

	offset int // first heatmap row shown

	// Cached sort of the OPDs in scope, rebuilt when the scores, the roster
	// or the sort change.
	rows   []workshop.OPD
	rowsFP uint64
	rowsBy string

	// Cached frame.
	cache    string
	cacheKey boardKey
	dirty    bool

	heatVisible int  // heatmap rows shown in the last frame
	compact     bool // the last frame used the one-panel layout
}

type boardKey struct {
	w, h, offset, view int
	sort               string
	revealed           bool
	fp                 uint64
	styles             *common.Styles
	lang               string
}

// NewScoreboard builds the Papan skor screen.
func New(s *common.Sess) *Scoreboard {
	l := s.Lang
	return &Scoreboard{
		s: s,
		keys: boardKeys{
			Up:     common.KeyHelp(l, "↑/k", "board.key.scroll", "up", "k"),
			Down:   common.KeyHelp(l, "↓/j", "board.key.scroll", "down", "j"),
			Home:   common.KeyHelp(l, "home/end", "board.key.scroll", "home"),
			End:    common.KeyHelp(l, "end", "board.key.scroll", "end"),
			Sort:   common.KeyHelp(l, "s", "board.key.sort", "s"),
			Reveal: common.KeyHelp(l, "r", "board.key.reveal", "r"),
			View:   common.KeyHelp(l, "v", "board.key.view", "v"),
		},
		dirty: true,
	}
}

// Enter refreshes the caches: scores may have changed on the grid.
func (b *Scoreboard) Enter() tea.Cmd {
	b.dirty = true
	b.place()
	return nil
}

// SetSize gives the scoreboard its body and lays it out.
func (b *Scoreboard) SetSize(w, h int) {
	b.W, b.H = max(0, w-common.Margin), h // the left margin is View's
	b.place()
}

// place lays the scoreboard out at the size SetSize gave, after every
// message: the sort, the one-panel layout of a small window (and with it
// the footer's keys), the heatmap's scroll, and the frame View then finds
// in its cache. (A state changed without a message, as tests do, is drawn
// afresh by View: the layout it finds is the same.)
func (b *Scoreboard) place() { b.layout(b.W, b.H) }

// Capturing is always false: the scoreboard takes no text.
func (b *Scoreboard) Capturing() bool { return false }

// Compact is true while the window is small and the scoreboard shows one
// panel at a time (v switches it).
func (b *Scoreboard) Compact() bool { return b.compact }

// FullHelp is the ? help: the footer's keys.
func (b *Scoreboard) FullHelp() [][]key.Binding { return [][]key.Binding{b.ShortHelp()} }

// ShortHelp lists the keys of the page for the footer.
func (b *Scoreboard) ShortHelp() []key.Binding {
	k := b.keys
	up := k.Up
	up.SetHelp("↑/↓", up.Help().Desc)
	switch {
	case b.s.ReadOnly && b.compact: // the projector follows the facilitator's sort and reveal
		return []key.Binding{k.View, up}
	case b.s.ReadOnly:
		return []key.Binding{up}
	case b.compact:
		// One panel at a time: v is the only way to the heatmap and the
		// radar, so it comes first and stays on the two footer lines.
		return []key.Binding{k.View, k.Reveal, k.Sort, up}
	}
	return []key.Binding{up, k.Sort, k.Reveal}
}

// Update handles the scoreboard keys and the change messages.
func (b *Scoreboard) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	cmd := b.update(msg)
	if c, ok := msg.(common.ScoresChangedMsg); ok && c.Hidden {
		return b, cmd // marked dirty: Enter lays it out when it is shown
	}
	b.place()
	return b, cmd
}

func (b *Scoreboard) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ScoresChangedMsg, common.RosterChangedMsg:
		b.dirty = true
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, b.keys.Up):
			b.offset = max(0, b.offset-1)
		case key.Matches(msg, b.keys.Down):
			b.offset = min(b.offset+1, b.maxOffset())
		case key.Matches(msg, b.keys.Home):
			b.offset = 0
		case key.Matches(msg, b.keys.End):
			b.offset = b.maxOffset()
		case key.Matches(msg, b.keys.View):
			b.s.State.BoardView = (b.s.State.BoardView + 1) % viewCount
			if err := b.s.SaveState(); err != nil {
				return common.ErrCmd(err)
			}
		case key.Matches(msg, b.keys.Sort):
			return b.cycleSort()
		case key.Matches(msg, b.keys.Reveal):
			return b.toggleReveal()
		}
	}
	return nil
}

func (b *Scoreboard) maxOffset() int {
	n := len(b.s.Board.InScope())
	if b.heatVisible <= 0 {
		return max(0, n-1)
	}
	return max(0, n-b.heatVisible)
}

func (b *Scoreboard) cycleSort() tea.Cmd {
	if b.s.ReadOnly { // the projector shows the facilitator's order
		return common.ErrCmd(common.ErrReadOnly)
	}
	st := &b.s.State
	next := SortName
	for i, x := range boardSorts {
		if x == st.Sort {
			next = boardSorts[(i+1)%len(boardSorts)]
		}
	}
	st.Sort = next
	b.offset = 0
	if err := b.s.SaveState(); err != nil {
		return common.ErrCmd(err)
	}
	return common.StatusCmd(b.s.T("board.sort_set", b.s.T("board.sort."+next)))
}

func (b *Scoreboard) toggleReveal() tea.Cmd { return common.ToggleReveal(b.s) }

// opdLabel is how an OPD is named on the boards: its code, then its name.
func opdLabel(o workshop.OPD) string {
	switch {
	case o.Code == "":
		return o.Name
	case o.Name == "":
		return o.Code
	}
	return o.Code + " " + o.Name
}

// weakestDim is an OPD's lowest dimension score (ok=false: none scored).
func weakestDim(f *workshop.Framework, r workshop.OPDResult) (float64, bool) {
	low, ok := 0.0, false
	for _, d := range f.Dimensions {
		if sc := r.Dimensions[d.Key]; sc.OK && (!ok || sc.Value < low) {
			low, ok = sc.Value, true
		}
	}
	return low, ok
}

// SortOPDs returns the OPDs in the heatmap order: by name (code then name,
// case-insensitive), by overall score high to low, or weakest dimension
// first (lowest minimum dimension score). Scores are compared as shown (2
// decimals); ties and unscored OPDs (always last) go by name.
func SortOPDs(f *workshop.Framework, b *workshop.Board, opds []workshop.OPD, by string) []workshop.OPD {
	out := append([]workshop.OPD(nil), opds...)
	name := func(i, j int) bool {
		a, c := strings.ToLower(opdLabel(out[i])), strings.ToLower(opdLabel(out[j]))
		if a != c {
			return a < c
		}
		return out[i].ID < out[j].ID
	}
	byScore := func(get func(workshop.OPD) (float64, bool), high bool) func(i, j int) bool {
		return func(i, j int) bool {
			a, aok := get(out[i])
			c, cok := get(out[j])
			if aok != cok {
				return aok
			}
			if aok {
				ra, rc := workshop.Round2(a), workshop.Round2(c)
				if ra != rc {
					if high {
						return ra > rc
					}
					return ra < rc
				}
			}
			return name(i, j)
		}
	}
	switch by {
	case SortOverall:
		sort.SliceStable(out, byScore(func(o workshop.OPD) (float64, bool) {
			r := b.OPDResult(o.ID).Overall
			return r.Value, r.OK
		}, true))
	case SortWeakest:
		sort.SliceStable(out, byScore(func(o workshop.OPD) (float64, bool) {
			return weakestDim(f, b.OPDResult(o.ID))
		}, false))
	default:
		sort.SliceStable(out, name)
	}
	return out
}

// View draws the page at the size SetSize gave.
func (b *Scoreboard) View() string {
	if b.W <= 0 {
		return ""
	}
	return common.WithMargin(b.layout(b.W, b.H))
}

// layout draws the scoreboard in w x h (from its cache when nothing
// changed).
func (b *Scoreboard) layout(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	s := b.s
	fp := common.BoardFingerprint(s)
	if b.dirty || fp != b.rowsFP || b.rowsBy != s.State.Sort {
		b.rows = SortOPDs(s.F(), s.Board, s.Board.InScope(), s.State.Sort)
		b.rowsFP, b.rowsBy = fp, s.State.Sort
		b.dirty = false
		b.cacheKey = boardKey{} // force a new frame
	}
	k := boardKey{w: w, h: h, offset: b.offset, view: b.s.State.BoardView, sort: s.State.Sort,
		revealed: s.State.Revealed, fp: fp, styles: s.Styles, lang: s.Lang}
	if k == b.cacheKey && b.cache != "" {
		return b.cache
	}
	lines := b.render(w, h)
	b.cache = strings.Join(lines, "\n")
	k.offset = b.offset // render may have clamped it
	b.cacheKey = k
	return b.cache
}

// largeLayout: every panel at once.
func boardLarge(w, h int) bool { return w >= 110 && h >= 30 }

func (b *Scoreboard) render(w, h int) []string {
	s := b.s
	b.compact = !boardLarge(w, h)
	if !s.State.Revealed {
		// On a large screen the message stands in the middle of the room's view.
		pw := w
		if w >= 120 {
			pw = min(w, 150)
		}
		lines := b.hiddenPanel(pw, h)
		indent, top := (w-pw)/2, 0
		if w >= 120 {
			top = max(0, (h-len(lines))/3)
		}
		out := make([]string, top, top+len(lines))
		for _, l := range lines {
			out = append(out, strings.Repeat(" ", indent)+l)
		}
		return common.FrameLines(out, w, h)
	}
	if len(b.rows) == 0 {
		return common.FrameLines([]string{s.Styles.Warn.Render(s.T("board.no_opd"))}, w, h)
	}
	if b.compact {
		var out []string
		out = append(out, b.viewTabs(w))
		rest := h - 2
		var body []string
		switch b.s.State.BoardView {
		case ViewHeatmap:
			body = b.heatmap(w, rest)
		case ViewRadar:
			body = b.radarPanel(w, rest)
		default:
			size := 1
			if rest < 16 {
				size = 0
			}
			idx := b.indexPanel(w, size, true)
			body = append(body, idx...)
			body = append(body, "")
			body = append(body, b.bars(w, rest-len(idx)-1)...)
		}
		out = append(out, "")
		out = append(out, body...)
		return common.FrameLines(out, w, h)
	}
	// Large: [index | bars] above [heatmap | radar].
	size := 1
	if h >= 48 && w >= 160 {
		size = 2
	}
	idx := b.indexPanel(0, size, false)
	iw := 0
	for _, l := range idx {
		iw = max(iw, ansi.StringWidth(l))
	}
	bw := w - iw - 3
	barsH := len(idx)
	if size == 2 { // room to breathe: a blank line between the bars
		barsH = max(barsH, 3+2*len(s.F().Dimensions))
	}
	bars := b.bars(bw, barsH)
	topH := max(len(idx), len(bars))
	top := common.JoinBlocks(idx, iw, bars, bw, " │ ", topH, s.Styles)
	rw := max(40, min(100, w*2/5))
	hw := w - rw - 3
	bottomH := max(0, h-topH-1)
	heat := b.heatmap(hw, bottomH)
	radar := b.radarPanel(rw, bottomH)
	out := append(top, s.Styles.Muted.Render(strings.Repeat("─", w)))
	out = append(out, common.JoinBlocks(heat, hw, radar, rw, " │ ", bottomH, s.Styles)...)
	return common.FrameLines(out, w, h)
}

func (b *Scoreboard) viewTabs(w int) string {
	s := b.s
	var parts []string
	for i, k := range []string{"board.view.summary", "board.view.heatmap", "board.view.radar"} {
		label := s.T(k)
		if i == b.s.State.BoardView {
			parts = append(parts, s.Styles.TabOn.Render("▶ "+label))
		} else {
			parts = append(parts, s.Styles.Tab.Render(label))
		}
	}
	line := strings.Join(parts, " ") + s.Styles.Muted.Render("  v · "+s.T("board.sorted", s.T("board.sort."+s.State.Sort)))
	return common.FitCell(line, w)
}

// heatCols sizes the heatmap: cell width and name width for w columns.
func heatCols(w, ncols int) (cw, nw int) {
	cw = max(6, min(10, (w-24)/ncols))
	nw = w - ncols*cw - 2
	if nw < 8 {
		cw = max(5, (w-10)/ncols)
		nw = w - ncols*cw - 2
	}
	return cw, max(1, nw)
}

func (b *Scoreboard) heatmap(w, h int) []string {
	s := b.s
	f := s.F()
	st := s.Styles
	dims := f.Dimensions
	ncols := len(dims) + 1
	cw, nw := heatCols(w, ncols)
	var out []string
	out = append(out, common.FitCell(st.Title.Render(s.T("board.heatmap"))+st.Muted.Render(" · "+s.T("board.sorted", s.T("board.sort."+s.State.Sort))), w))

	// Column headers, staggered on two rows when a name is wider than a cell.
	names := make([]string, 0, ncols)
	for _, d := range dims {
		names = append(names, common.DimShort(s, d))
	}
	names = append(names, s.T("board.overall_col"))
	starts := make([]int, ncols)
	for i := range ncols {
		starts[i] = nw + 1 + i*cw
		if i == ncols-1 {
			starts[i]++ // the overall column stands apart
		}
	}
	for _, row := range heatHeader(names, starts, cw, w) {
		out = append(out, st.Bold.Render(row))
	}

	rowsAvail := h - len(out)
	n := len(b.rows)
	visible := n
	if n > rowsAvail {
		visible = max(1, rowsAvail-1) // keep a line for the scroll position
	}
	b.heatVisible = visible
	b.offset = max(0, min(b.offset, n-visible))
	cells := map[workshop.Score]string{} // one render per distinct number
	cell := func(sc workshop.Score) string {
		k := workshop.Score{OK: sc.OK}
		if sc.OK {
			k.Value = workshop.Round2(sc.Value)
		}
		c, ok := cells[k]
		if !ok {
			c = heatCell(st, k, cw)
			cells[k] = c
		}
		return c
	}
	for _, o := range b.rows[b.offset:min(n, b.offset+visible)] {
		r := s.Board.OPDResult(o.ID)
		var line strings.Builder
		line.WriteString(st.Base.Render(common.FitCell(opdLabel(o), nw)))
		line.WriteString(" ")
		for _, d := range dims {
			line.WriteString(cell(r.Dimensions[d.Key]))
		}
		line.WriteString(" ")
		line.WriteString(cell(r.Overall))
		out = append(out, line.String())
	}
	if visible < n {
		more := s.T("board.rows", b.offset+1, b.offset+visible, n)
		arrows := ""
		if b.offset > 0 {
			arrows += " ▲"
		}
		if b.offset+visible < n {
			arrows += " ▼"
		}
		out = append(out, st.Accent.Render(common.FitCell(more+arrows, w)))
	}
	return out
}

// heatHeader lays out the column names: one row when all fit their cell,
// else alternating between two rows so each name may span two cells.
func heatHeader(names []string, starts []int, cw, w int) []string {
	fits := true
	for _, n := range names {
		if ansi.StringWidth(n) > cw-1 {
			fits = false
		}
	}
	rows := 1
	span := cw
	if !fits {
		rows, span = 2, 2*cw
	}
	bufs := make([]string, rows)
	used := make([]int, rows)
	for i, n := range names {
		r := i % rows
		name := ansi.Truncate(n, span-1, "…")
		nwid := ansi.StringWidth(name)
		pos := starts[i] + (cw-nwid)/2
		if pos+nwid > w {
			pos = w - nwid
		}
		pos = max(pos, used[r])
		if pos+nwid > w {
			continue
		}
		bufs[r] += strings.Repeat(" ", pos-used[r]) + name
		used[r] = pos + nwid
	}
	return bufs
}

// heatCell is one coloured cell with its number (or "—"), so it reads
// without colour too.
func heatCell(st *common.Styles, sc workshop.Score, cw int) string {
	txt := "—"
	if sc.OK {
		txt = common.Fmt2(sc.Value)
	}
	return st.HeatFor(workshop.Round2(sc.Value), sc.OK).Render(common.CenterCell(txt, cw))
}

// indexPanel is the city index in big digits, its predikat and the
// completion. With side=true the words stand beside the digits (short
// windows), else below them. w=0 means "as wide as needed".
func (b *Scoreboard) indexPanel(w, size int, side bool) []string {
	s := b.s
	st := s.Styles
	c := s.Board.City()
	num := "-"
	pred := s.T("board.no_score")
	if c.Index.OK {
		num = common.Fmt2(c.Index.Value)
		if p, ok := s.F().Predikat(c.Index.Value); ok {
			pred = s.Name(p)
		}
	}
	digits := chart.BigText(num, size)
	words := []string{
		st.Title.Render(s.T("board.index")),
		st.Bold.Render(s.T("board.predikat", pred)),
		st.Base.Render(b.completionText()),
	}
	var out []string
	if side {
		dw := chart.BigTextWidth(num, size)
		for i := 0; i < max(len(digits), len(words)); i++ {
			l := ""
			if i < len(digits) {
				l = st.Accent.Render(digits[i])
			}
			l = common.FitCell(l, dw)
			if i < len(words) {
				l += "   " + words[i]
			}
			out = append(out, l)
		}
	} else {
		out = append(out, words[0])
		for _, d := range digits {
			out = append(out, st.Accent.Render(d))
		}
		out = append(out, words[1], words[2])
	}
	if w > 0 {
		for i := range out {
			out[i] = common.FitCell(out[i], w)
		}
	}
	return out
}

func (b *Scoreboard) completionText() string {
	c := b.s.Board.City().Overall
	return b.s.T("board.completion", c.Percent(), c.Done, c.Possible)
}

// bars draws one horizontal bar per dimension on the scale with the target
// marked, the score, the target, the gap and (when there is room) the
// predikat.
func (b *Scoreboard) bars(w, h int) []string {
	s := b.s
	st := s.Styles
	f := s.F()
	c := s.Board.City()
	lo, hi := float64(f.MinLevel()), float64(f.MaxLevel())
	nameW := 0
	for _, d := range f.Dimensions {
		nameW = max(nameW, ansi.StringWidth(common.DimShort(s, d)))
	}
	nameW = min(nameW, 16)
	// Tail columns: score, target, gap (+ mark), predikat.
	cols := []string{s.T("board.col.score"), s.T("board.col.target"), s.T("board.col.gap")}
	colW := []int{6, 7, 9}
	for i, t := range cols {
		colW[i] = max(colW[i], ansi.StringWidth(t)+1)
	}
	// line = name, space, bar, space, the three columns [, 3 spaces, predikat]
	tail := 1 + colW[0] + colW[1] + colW[2]
	predW := 0
	for _, band := range f.Bands {
		predW = max(predW, ansi.StringWidth(s.Name(band.Predikat)))
	}
	predW = max(predW, ansi.StringWidth(s.T("board.col.pred")))
	showPred := w-nameW-1-tail-predW-3 >= 24
	if showPred {
		tail += predW + 3
	}
	bw := min(80, w-nameW-1-tail)
	if span := int(hi - lo); span > 0 && bw > span {
		bw -= bw % span
	}
	bw = max(4, bw)

	var out []string
	out = append(out, common.FitCell(st.Title.Render(s.T("board.bars")), w))
	// Ruler: the scale levels over the bars, column titles over the numbers.
	ruler := []rune(strings.Repeat(" ", bw))
	for lv := f.MinLevel(); lv <= f.MaxLevel(); lv++ {
		p := chart.BarMarker(float64(lv), lo, hi, bw)
		ds := []rune(strconv.Itoa(lv))
		if p+len(ds) > bw {
			p = bw - len(ds)
		}
		copy(ruler[p:], ds)
	}
	head := strings.Repeat(" ", nameW+1) + string(ruler) + " " +
		common.FitCellRight(cols[0], colW[0]) + common.FitCellRight(cols[1], colW[1]) + common.FitCellRight(cols[2], colW[2])
	if showPred {
		head += "   " + s.T("board.col.pred")
	}
	out = append(out, common.FitCell(st.Bold.Render(head), w))
	spaced := h >= 3+2*len(f.Dimensions)
	for i, d := range f.Dimensions {
		if spaced && i > 0 {
			out = append(out, "")
		}
		ds := c.Dimensions[d.Key]
		t := s.Board.Target(d.Key)
		bar := chart.StyledBar(st, ds.Mean, ds.N > 0, t, lo, hi, bw)
		score, gap, pred := "—", "—", "—"
		gapStyle := st.Base
		if ds.N > 0 {
			score = common.Fmt2(ds.Mean)
			g := workshop.Gap(t, ds.Score())
			var met bool
			gap, met = common.GapText(g.Value)
			gapStyle = st.Warn
			if met {
				gapStyle = st.Good
			}
			if p, ok := f.Predikat(ds.Mean); ok {
				pred = s.Name(p)
			}
		}
		line := st.Bold.Render(common.FitCell(common.DimShort(s, d), nameW)) + " " + bar + " " +
			st.Bold.Render(common.FitCellRight(score, colW[0])) + st.Base.Render(common.FitCellRight(common.Fmt2(t), colW[1])) +
			gapStyle.Render(common.FitCellRight(gap, colW[2]))
		if showPred {
			line += "   " + st.Base.Render(pred)
		}
		out = append(out, common.FitCell(line, w))
	}
	if len(out) < h {
		out = append(out, common.FitCell(st.Legend.Render(s.T("board.bars_legend")), w))
	}
	return out
}

// radarPanel draws the radar of the six dimensions, city vs target.
func (b *Scoreboard) radarPanel(w, h int) []string {
	s := b.s
	st := s.Styles
	f := s.F()
	c := s.Board.City()
	out := []string{common.FitCell(st.Title.Render(s.T("board.radar")), w)}
	axes := make([]chart.RadarAxis, 0, len(f.Dimensions))
	for _, d := range f.Dimensions {
		ds := c.Dimensions[d.Key]
		axes = append(axes, chart.RadarAxis{Label: common.DimShort(s, d), Value: ds.Mean, OK: ds.N > 0, Target: s.Board.Target(d.Key)})
	}
	// The legend: each entry in the colour and the glyph of its outline,
	// so it reads in colour and in monochrome alike; the scale is the
	// bars' (they start at the lowest level too).
	key := st.Accent.Render(s.T("board.radar_city")) + st.Base.Render(" · ") + st.Warn.Render(s.T("board.radar_target"))
	scale := s.T("board.radar_scale", f.MinLevel(), f.MaxLevel())
	legend := []string{common.FitCell(key+st.Base.Render(" · "+scale), w)}
	if lipgloss.Width(key)+3+ansi.StringWidth(scale) > w {
		legend = []string{common.FitCell(key, w), common.FitCell(st.Base.Render(scale), w)}
	}
	cv := chart.Radar(w, h-1-len(legend), axes, float64(f.MinLevel()), float64(f.MaxLevel()))
	if cv == nil {
		return append(out, common.FitCell(st.Warn.Render(s.T("board.radar_small")), w))
	}
	grid := lipgloss.NewStyle().Foreground(st.P.Border)
	chart := cv.Lines(func(layer uint8) lipgloss.Style {
		switch layer {
		case chart.LayerCity:
			return st.Accent
		case chart.LayerTarget:
			return st.Warn
		case chart.LayerTextBold:
			return st.Bold
		case chart.LayerText:
			return st.Base
		}
		return grid
	})
	// The chart sits right under its title: no blank rows around it.
	for len(chart) > 1 && strings.TrimSpace(ansi.Strip(chart[0])) == "" {
		chart = chart[1:]
	}
	for _, l := range chart {
		out = append(out, common.FitCell(l, w))
	}
	out = bdTrimBlank(out)
	return append(out, legend...)
}

func (b *Scoreboard) hiddenPanel(w, h int) []string {
	s := b.s
	st := s.Styles
	f := s.F()
	c := s.Board.City()
	var out []string
	box := common.HiddenNotice(s, w)
	// Beside the message, the completion in big digits when it fits.
	size := 1
	switch {
	case h < 24:
		size = 0
	case h >= 44 && w >= 150:
		size = 2
	}
	pct := strconv.Itoa(c.Overall.Percent()) + "%"
	bx := 0
	for _, l := range box {
		bx = max(bx, ansi.StringWidth(l))
	}
	if bx+4+chart.BigTextWidth(pct, size) <= w {
		right := []string{st.Title.Render(s.T("board.progress"))}
		for _, l := range chart.BigText(pct, size) {
			right = append(right, st.Accent.Render(l))
		}
		for i := 0; i < max(len(box), len(right)); i++ {
			var l, r string
			if i < len(box) {
				l = box[i]
			}
			if i < len(right) {
				r = right[i]
			}
			out = append(out, common.FitCell(common.FitCell(l, bx)+"    "+r, w))
		}
	} else {
		out = append(out, box...)
	}
	out = append(out, common.FitCell(st.Bold.Render(b.completionText()), w), "")

	nameW := 0
	for _, d := range f.Dimensions {
		nameW = max(nameW, ansi.StringWidth(common.DimShort(s, d)))
	}
	nameW = min(nameW, 16)
	barW := max(8, min(50, w-nameW-22))
	prog := func(name string, cp workshop.Completion) string {
		fill := 0
		if cp.Possible > 0 {
			fill = int(math.Floor(cp.Ratio()*float64(barW) + 1e-9))
		}
		bar := st.Accent.Render(strings.Repeat("█", fill)) + st.Muted.Render(strings.Repeat("░", barW-fill))
		return common.FitCell(st.Bold.Render(common.FitCell(name, nameW))+" "+bar+" "+
			st.Bold.Render(common.FitCellRight(strconv.Itoa(cp.Percent())+"%", 5))+st.Base.Render("  "+strconv.Itoa(cp.Done)+"/"+strconv.Itoa(cp.Possible)), w)
	}
	for _, d := range f.Dimensions {
		out = append(out, prog(common.DimShort(s, d), c.Completion[d.Key]))
	}

	// Per OPD progress, in columns, while there is room.
	scope := s.Board.InScope()
	room := h - len(out) - 2
	if room < 1 || len(scope) == 0 {
		return out
	}
	out = append(out, "")
	out = append(out, common.FitCell(st.Title.Render(s.T("board.opd_progress")), w))
	items := f.ItemCount()
	labelW := 0
	for _, o := range scope {
		labelW = max(labelW, ansi.StringWidth(bdShortLabel(o)))
	}
	labelW = min(labelW, 18)
	countW := len(strconv.Itoa(items))*2 + 1
	entryW := labelW + 1 + countW + 2
	ncol := max(1, (w+3)/(entryW+3))
	rows := (len(scope) + ncol - 1) / ncol
	shown := len(scope)
	if rows > room {
		rows = room
		shown = rows*ncol - 1 // the last slot says how many more
	}
	grid := make([]string, rows)
	for i, o := range scope[:min(shown, len(scope))] {
		r := s.Board.OPDResult(o.ID)
		done := 0
		for _, d := range f.Dimensions {
			done += r.Done[d.Key]
		}
		mark := "  "
		cst := st.Base
		if done >= items && items > 0 {
			mark, cst = " ✔", st.Good
		}
		entry := st.Base.Render(common.FitCell(bdShortLabel(o), labelW)) + " " + cst.Render(common.FitCellRight(strconv.Itoa(done)+"/"+strconv.Itoa(items), countW)+mark)
		row, col := i%rows, i/rows
		if col > 0 {
			grid[row] += "   "
		}
		grid[row] += entry
	}
	if shown < len(scope) {
		grid[rows-1] += "   " + st.Bold.Render(s.T("board.more_opd", len(scope)-shown))
	}
	for _, g := range grid {
		out = append(out, common.FitCell(g, w))
	}
	return out
}

// bdShortLabel names an OPD in a tight list: its code, or its name.
func bdShortLabel(o workshop.OPD) string {
	if o.Code != "" {
		return o.Code
	}
	return o.Name
}

// ---- layout helpers (shared with the gaps screen) ----

// bdTrimBlank drops trailing blank lines (a canvas taller than its chart).
func bdTrimBlank(lines []string) []string {
	for len(lines) > 1 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
