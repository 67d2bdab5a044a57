package grid

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// Grid is the assessment screen (phase "Penilaian mandiri"): a tab per
// dimension, the present OPDs down, the dimension's indicators across.
// A digit scores the cursor cell and moves on, so a facilitator reading a
// sheet aloud types one digit per answer. Every write is committed through
// Sess before the screen shows it; the OPD's dimension score and the city
// score below the grid come from the Board, recomputed on each write.
//
// View is called on every frame with up to 80 OPDs x 90 indicators in the
// session, so it draws only the visible rows and columns and paints from
// caches of rendered cells (see gridPainter).
type Grid struct {
	common.Size
	s    *Sess
	keys gridKeys

	board   *workshop.Board // the board the caches below were built from
	present []workshop.OPD  // the rows: present OPDs in roster order
	tabs    []gridTab       // per dimension, in framework order
	labelW  int             // widest row label (code + name)
	cornerW int             // widest text of the label column besides names
	predW   int             // widest predikat label (and its heading)

	// Scroll offsets: moved only as far as needed to keep the cursor on
	// screen, so the grid does not jump while the facilitator types.
	rowTop, colLeft int
	pageRows        int // OPD rows on screen at the last View (page keys)
	opdTop          int // first line shown in the per-OPD view

	detail bool      // Space: the detail panel where the size does not show it anyway
	note   *gridNote // the open note editor, nil when closed
	// hold is a refusal that stands: a digit off the scale, or a digit at
	// the last cell. Further digits are not taken until Esc or a move, so
	// a typo never shifts the entries after it (DESIGN section 5).
	hold *gridHold

	p      gridPainter
	cells  gridCells
	rowLb  gridRowLabels
	wraps  map[gridWrapKey][]string
	fits   map[gridWrapKey]string
	scores map[gridScoreKey]string
	// The tab bar of the last frame and what it was drawn from.
	tabBarKey  string
	tabBarSt   *Styles
	tabBarLine string
}

// gridTab is one dimension's columns.
type gridTab struct {
	dim  *workshop.Dimension
	cols []gridCol
	// grouped is true when an element has more than one indicator: the
	// header then needs a row of element headings above the items.
	grouped bool
}

// gridCol is one indicator column.
type gridCol struct {
	ind  *workshop.Indicator
	el   *workshop.Element
	elIx int // index of the element inside the dimension
	num  int // 1-based position in the tab, as in the legend
}

// gridHold is a standing refusal at the cursor cell.
type gridHold struct {
	text  string
	digit int  // the refused digit, drawn in the cell; 0 when the cell keeps its answer
	mark  bool // the cell is marked with the refused digit
}

type gridNote struct {
	opd workshop.OPD
	col gridCol
	ta  textarea.Model
}

type gridKeys struct {
	Up, Down, Left, Right key.Binding
	Move                  key.Binding // for the help: every move key
	MoveItem, MoveOPD     key.Binding // the same keys in the per-OPD view: items, OPDs
	Level, NA, Clear      key.Binding
	Note                  key.Binding
	NextTab, PrevTab      key.Binding
	Tabs                  key.Binding // for the help
	Home, End             key.Binding
	PageUp, PageDown      key.Binding
	Page                  key.Binding // for the help
	Detail, Close         key.Binding
	Save, Cancel          key.Binding // in the note editor
	NextEmpty             key.Binding // the next unanswered cell
	AllOPDs               key.Binding // every OPD as a row, or only the present ones
	ByOPD                 key.Binding // one OPD's items on one screen
	ByOPDBack             key.Binding // the same key in that view: back to the table
	Reveal                key.Binding // show or hide the results (scores) to the room
	// Marks is no key: the ? help explains the marks a cell may carry
	// (* a note, ° a phone's answer) beside the keys.
	Marks key.Binding
}

func newGridKeys(lang string, f *workshop.Framework) gridKeys {
	var digits []string
	for d := 1; d <= 9; d++ {
		if _, ok := f.LevelOf(d); ok {
			digits = append(digits, strconv.Itoa(d))
		}
	}
	levels := fmt.Sprintf("%d-%d", f.MinLevel(), f.MaxLevel())
	if len(digits) == 0 {
		digits = []string{"1"} // a scale beyond one digit: the key is refused with a sentence
	}
	return gridKeys{
		Up:        key.NewBinding(key.WithKeys("up", "k")),
		Down:      key.NewBinding(key.WithKeys("down", "j")),
		Left:      key.NewBinding(key.WithKeys("left", "h")),
		Right:     key.NewBinding(key.WithKeys("right", "l")),
		Move:      keyHelp(lang, "←↓↑→/hjkl", "grid.key.move", "up", "down", "left", "right", "h", "j", "k", "l"),
		MoveItem:  keyHelp(lang, "↑/↓", "grid.key.move_item", "up", "down", "j", "k"),
		MoveOPD:   keyHelp(lang, "←/→", "grid.key.move_opd", "left", "right", "h", "l"),
		Level:     keyHelp(lang, levels, "grid.key.level", digits...),
		NA:        keyHelp(lang, "0", "grid.key.na", "0"),
		Clear:     keyHelp(lang, "⌫/Del", "grid.key.clear", "backspace", "delete"),
		Note:      keyHelp(lang, "Enter", "grid.key.note", "enter"),
		NextTab:   key.NewBinding(key.WithKeys("tab")),
		PrevTab:   key.NewBinding(key.WithKeys("shift+tab")),
		Tabs:      keyHelp(lang, "Tab/⇧Tab", "grid.key.tab", "tab", "shift+tab"),
		Home:      keyHelp(lang, "Home/End", "grid.key.ends", "home"),
		End:       key.NewBinding(key.WithKeys("end")),
		PageUp:    key.NewBinding(key.WithKeys("ctrl+u", "shift+up")),
		PageDown:  key.NewBinding(key.WithKeys("ctrl+d", "shift+down")),
		Page:      keyHelp(lang, "ctrl+u/ctrl+d", "grid.key.page", "ctrl+u", "ctrl+d", "shift+up", "shift+down"),
		Detail:    keyHelp(lang, assets.T(lang, "grid.space"), "grid.key.detail", "space"),
		Close:     key.NewBinding(key.WithKeys("esc")),
		Save:      keyHelp(lang, "Enter/ctrl+s", "grid.key.save", "enter", "ctrl+s"),
		Cancel:    keyHelp(lang, "Esc", "grid.key.cancel", "esc"),
		NextEmpty: keyHelp(lang, "n", "grid.key.next_empty", "n"),
		AllOPDs:   keyHelp(lang, "a", "grid.key.all", "a"),
		ByOPD:     keyHelp(lang, "o", "grid.key.by_opd", "o"),
		ByOPDBack: keyHelp(lang, "o", "grid.key.by_opd_back", "o"),
		Reveal:    keyHelp(lang, "r", "board.key.reveal", "r"),
		Marks:     key.NewBinding(key.WithHelp("* "+PhoneMark, assets.T(lang, "grid.marks_help"))),
	}
}

// New builds the assessment screen on the session's cursor.
func New(s *Sess) *Grid {
	g := &Grid{s: s, keys: newGridKeys(s.Lang, s.F()), wraps: map[gridWrapKey][]string{},
		fits: map[gridWrapKey]string{}, scores: map[gridScoreKey]string{}}
	g.rebuild()
	return g
}

// rebuild refreshes what depends on the roster and the board, and keeps
// the cursor inside the grid.
func (g *Grid) rebuild() {
	s := g.s
	g.board = s.Board
	if s.State.GridAll {
		g.present = append(g.present[:0:0], s.Board.OPDs...)
	} else {
		g.present = s.Board.Present()
	}
	f := s.F()
	g.tabs = g.tabs[:0]
	for di := range f.Dimensions {
		d := &f.Dimensions[di]
		t := gridTab{dim: d}
		for ei := range d.Elements {
			e := &d.Elements[ei]
			if len(e.Indicators) > 1 {
				t.grouped = true
			}
			for ii := range e.Indicators {
				t.cols = append(t.cols, gridCol{ind: &e.Indicators[ii], el: e, elIx: ei, num: len(t.cols) + 1})
			}
		}
		g.tabs = append(g.tabs, t)
	}
	g.labelW = 0
	for _, o := range g.present {
		g.labelW = max(g.labelW, cellWidth(gridOPDLabel(o)))
	}
	nc := 0
	for _, t := range g.tabs {
		nc = max(nc, len(t.cols))
	}
	n := len(g.present)
	g.cornerW = max(cellWidth(s.T("grid.city_row")),
		cellWidth(s.T("grid.rows", n, n, n)), cellWidth(s.T("grid.cols", nc, nc, nc)))
	g.predW = cellWidth(s.T("grid.predikat"))
	for _, b := range f.Bands {
		g.predW = max(g.predW, cellWidth(s.Name(b.Predikat)))
	}
	g.rowLb = gridRowLabels{}
	g.clampCursor()
}

// sync notices a board replaced by Sess.Reload (roster edits, imports).
func (g *Grid) sync() {
	if g.board != g.s.Board {
		g.rebuild()
	}
}

func (g *Grid) clampCursor() {
	st := &g.s.State
	st.Tab = clamp(st.Tab, 0, len(g.tabs)-1)
	st.Row = clamp(st.Row, 0, len(g.present)-1)
	st.Col = clamp(st.Col, 0, len(g.tab().cols)-1)
}

func (g *Grid) tab() *gridTab {
	if len(g.tabs) == 0 {
		return &gridTab{dim: &workshop.Dimension{}}
	}
	return &g.tabs[clamp(g.s.State.Tab, 0, len(g.tabs)-1)]
}

// saveState writes the cursor (only when it changed).
func (g *Grid) saveState() tea.Cmd {
	if err := g.s.SaveState(); err != nil {
		return errCmd(err)
	}
	return nil
}

// Enter clamps the cursor when the screen is shown again: the roster may
// have changed on the Daftar OPD screen.
func (g *Grid) Enter() tea.Cmd {
	g.rebuild()
	g.place()
	return g.saveState()
}

// SetSize gives the grid its body and scrolls the cursor into sight.
func (g *Grid) SetSize(w, h int) {
	g.W, g.H = max(0, w-margin), h // the left margin is View's
	g.place()
}

// place scrolls the grid (or the per-OPD view) so the cursor is in sight
// at the size SetSize gave, after every message: View then only draws,
// and the page keys move by the rows on screen.
func (g *Grid) place() {
	g.sync()
	w, h := g.W, g.H
	if w <= 0 || h <= 0 || len(g.present) == 0 || len(g.tab().cols) == 0 {
		return
	}
	g.p.use(g.s.Styles)
	if g.note != nil {
		g.note.ta.SetWidth(min(w-2, 72) - 4) // the note box's inside
	}
	if g.s.State.ByOPD {
		_, g.opdTop = g.viewByOPD(w, h)
		return
	}
	l := g.layout(w, h)
	g.scroll(&l)
}

// Capturing is true while the note editor takes text.
func (g *Grid) Capturing() bool { return g.note != nil }

// FullHelp is the ? help: the footer's keys.
func (g *Grid) FullHelp() [][]key.Binding {
	return [][]key.Binding{g.ShortHelp(), {g.keys.Marks}}
}

// ShortHelp lists the keys of the page for the footer.
func (g *Grid) ShortHelp() []key.Binding {
	k := g.keys
	if g.note != nil {
		return []key.Binding{k.Save, k.Cancel}
	}
	if g.s.ReadOnly { // the projector: nothing to score here
		return []key.Binding{k.Move, k.Tabs, k.Home, k.Page, k.Detail}
	}
	if g.s.State.ByOPD {
		return []key.Binding{k.MoveItem, k.MoveOPD, k.Level, k.NA, k.Clear, k.Note, k.Tabs, k.NextEmpty, k.ByOPDBack, k.AllOPDs, k.Reveal, k.Home}
	}
	return []key.Binding{k.Move, k.Level, k.NA, k.Clear, k.Note, k.Tabs, k.NextEmpty, k.ByOPD, k.AllOPDs, k.Reveal, k.Home, k.Page, k.Detail}
}

// Update handles keys and the change messages.
func (g *Grid) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	cmd := g.update(msg)
	g.place()
	return g, cmd
}

func (g *Grid) update(msg tea.Msg) tea.Cmd {
	g.sync()
	switch m := msg.(type) {
	case RosterChangedMsg, ScoresChangedMsg:
		g.rebuild()
		return g.saveState()
	case CellChangedMsg:
		return g.focus(m.OPDID, m.IndicatorKey)
	case tea.KeyPressMsg:
		if g.note != nil {
			return g.updateNote(m)
		}
		return g.updateKey(m)
	default:
		if g.note != nil { // paste and the like go to the editor
			var cmd tea.Cmd
			g.note.ta, cmd = g.note.ta.Update(msg)
			return cmd
		}
	}
	return nil
}

func (g *Grid) updateKey(m tea.KeyPressMsg) tea.Cmd {
	k := g.keys
	st := &g.s.State
	switch {
	case key.Matches(m, k.NextTab):
		g.hold = nil
		return g.moveTab(1)
	case key.Matches(m, k.PrevTab):
		g.hold = nil
		return g.moveTab(-1)
	case key.Matches(m, k.AllOPDs):
		return g.toggleAll()
	case key.Matches(m, k.Reveal):
		return toggleReveal(g.s)
	case key.Matches(m, k.ByOPD):
		g.hold = nil
		st.ByOPD = !st.ByOPD
		return g.saveState()
	}
	nRows, nCols := len(g.present), len(g.tab().cols)
	if nRows == 0 || nCols == 0 {
		return nil
	}
	if d, ok := gridDigit(m); ok {
		if g.hold != nil {
			return nil // the refusal stands: the digit is not taken
		}
		return g.typeDigit(d)
	}
	if key.Matches(m, k.Close) && g.hold != nil {
		g.hold = nil // Esc dismisses the refusal; the cursor stays
		return nil
	}
	if st.ByOPD {
		return g.updateByOPD(m)
	}
	switch {
	case key.Matches(m, k.Up):
		st.Row--
	case key.Matches(m, k.Down):
		st.Row++
	case key.Matches(m, k.Left):
		st.Col--
	case key.Matches(m, k.Right):
		st.Col++
	case key.Matches(m, k.Home):
		st.Col = 0
	case key.Matches(m, k.End):
		st.Col = nCols - 1
	case key.Matches(m, k.PageUp):
		st.Row -= max(1, g.pageRows)
	case key.Matches(m, k.PageDown):
		st.Row += max(1, g.pageRows)
	case key.Matches(m, k.NextEmpty):
		g.hold = nil
		return g.nextEmpty()
	case key.Matches(m, k.Clear):
		return g.write(workshop.Answer{}, false)
	case key.Matches(m, k.Note):
		return g.openNote()
	case key.Matches(m, k.Detail):
		g.detail = !g.detail
		return nil
	case key.Matches(m, k.Close):
		g.detail = false
		return nil
	default:
		return nil
	}
	g.hold = nil // a move dismisses a standing refusal
	g.clampCursor()
	return g.saveState()
}

// gridDigit reads a plain digit key (not ctrl+1 and the like).
func gridDigit(m tea.KeyPressMsg) (int, bool) {
	t := m.String()
	if len(t) == 1 && t[0] >= '0' && t[0] <= '9' {
		return int(t[0] - '0'), true
	}
	return 0, false
}

// moveTab shows the next or previous dimension with the cursor on its
// first unanswered cell (of the OPD on the cursor in the per-OPD view), so
// the typist goes on where the work is; a dimension with every cell
// answered keeps the row and column.
func (g *Grid) moveTab(d int) tea.Cmd {
	n := len(g.tabs)
	if n == 0 {
		return nil
	}
	st := &g.s.State
	st.Tab = ((st.Tab+d)%n + n) % n
	g.clampCursor()
	if row, col, ok := g.firstEmpty(st.Tab, st.ByOPD); ok {
		st.Row, st.Col = row, col
	}
	return g.saveState()
}

// empty reports whether a cell of the grid has no answer (nor N/A).
func (g *Grid) empty(row int, col gridCol) bool {
	return !g.s.Board.Answer(g.present[row].ID, col.ind.Key).Answered()
}

// firstEmpty is the first unanswered cell of tab ti, row by row; with
// oneOPD only in the cursor's row.
func (g *Grid) firstEmpty(ti int, oneOPD bool) (row, col int, ok bool) {
	cols := g.tabs[ti].cols
	from, to := 0, len(g.present)
	if oneOPD {
		from, to = g.s.State.Row, min(g.s.State.Row+1, len(g.present))
	}
	for r := from; r < to; r++ {
		for c := range cols {
			if g.empty(r, cols[c]) {
				return r, c, true
			}
		}
	}
	return 0, 0, false
}

// nextEmpty moves to the next unanswered cell after the cursor: on along
// the row, then the next rows, then the next dimensions, round to where it
// started.
func (g *Grid) nextEmpty() tea.Cmd {
	st := &g.s.State
	nt := len(g.tabs)
	for step := 0; step <= nt; step++ {
		ti := (st.Tab + step) % nt
		cols := g.tabs[ti].cols
		for r := range g.present {
			for c := range cols {
				if step == 0 && (r < st.Row || r == st.Row && c <= st.Col) {
					continue // before the cursor: looked at last, on the way round
				}
				if step == nt && (r > st.Row || r == st.Row && c > st.Col) {
					continue
				}
				if g.empty(r, cols[c]) {
					st.Tab, st.Row, st.Col = ti, r, c
					return g.saveState()
				}
			}
		}
	}
	return statusCmd(g.s.T("grid.all_answered"))
}

// toggleAll shows every OPD of the roster as a row, or only the present
// ones; the cursor stays on its OPD when it is still a row.
func (g *Grid) toggleAll() tea.Cmd {
	st := &g.s.State
	var cur int64
	if st.Row < len(g.present) {
		cur = g.present[st.Row].ID
	}
	st.GridAll = !st.GridAll
	g.rebuild()
	for i, o := range g.present {
		if o.ID == cur {
			st.Row = i
		}
	}
	g.clampCursor()
	cmd := g.saveState()
	text := g.s.T("grid.only_present")
	if st.GridAll {
		text = g.s.T("grid.all_opds")
	}
	return tea.Batch(cmd, statusCmd(text))
}

// focus puts the cursor on a cell that changed elsewhere (an undo or a
// redo), showing every OPD when that one is not a row now.
func (g *Grid) focus(opdID int64, indicatorKey string) tea.Cmd {
	st := &g.s.State
	row := slices.IndexFunc(g.present, func(o workshop.OPD) bool { return o.ID == opdID })
	if row < 0 && !st.GridAll && slices.ContainsFunc(g.s.Board.OPDs, func(o workshop.OPD) bool { return o.ID == opdID }) {
		st.GridAll = true
		g.rebuild()
		row = slices.IndexFunc(g.present, func(o workshop.OPD) bool { return o.ID == opdID })
	}
	if row < 0 {
		return nil // the OPD left the roster
	}
	for ti, t := range g.tabs {
		for ci, c := range t.cols {
			if c.ind.Key == indicatorKey {
				g.hold = nil
				st.Tab, st.Row, st.Col = ti, row, ci
				return g.saveState()
			}
		}
	}
	return nil
}

// typeDigit sets a level (0 = N/A) and advances; a digit off the scale is
// refused with one sentence and nothing changes.
func (g *Grid) typeDigit(d int) tea.Cmd {
	if d == 0 {
		return g.write(workshop.Answer{NA: true}, true)
	}
	f := g.s.F()
	if _, ok := f.LevelOf(d); !ok {
		lo, hi := f.MinLevel(), f.MaxLevel()
		g.hold = &gridHold{text: g.s.T("grid.out_of_scale", d, lo, hi, lo, hi), digit: d, mark: true}
		return nil
	}
	return g.write(workshop.Answer{Level: d}, true)
}

// write commits an answer to the cursor cell (skipped when it is already
// that answer, so the undo log holds only real changes), then advances.
func (g *Grid) write(a workshop.Answer, advance bool) tea.Cmd {
	st := &g.s.State
	opd := g.present[st.Row]
	col := g.tab().cols[st.Col]
	before := *st
	// Next column, then the first column of the next row; the last cell
	// stays put (and says so). The cursor moves first so that the answer
	// and the moved cursor are committed together (Sess.SetAnswer).
	stuck := false
	if advance {
		stuck = !g.advance()
	}
	if g.s.Board.Answer(opd.ID, col.ind.Key) != a {
		if err := g.s.SetAnswer(opd.ID, col.ind.Key, a); err != nil {
			st.Tab, st.Row, st.Col = before.Tab, before.Row, before.Col
			return errCmd(err)
		}
	} else if cmd := g.saveState(); cmd != nil {
		return cmd
	}
	if stuck {
		// No next cell: the digits that follow are held, so they are not
		// typed over this answer unawares.
		text := g.s.T("grid.last_cell")
		if st.ByOPD {
			text = g.s.T("grid.opd_last")
		}
		g.hold = &gridHold{text: text}
	}
	return nil
}

// advance moves the cursor to the next cell a digit fills: the next
// column, then the first column of the next row; in the per-OPD view the
// OPD's next item, across the dimensions. False when there is none.
func (g *Grid) advance() bool {
	st := &g.s.State
	switch {
	case st.Col < len(g.tab().cols)-1:
		st.Col++
	case st.ByOPD:
		for ti := st.Tab + 1; ti < len(g.tabs); ti++ {
			if len(g.tabs[ti].cols) > 0 {
				st.Tab, st.Col = ti, 0
				return true
			}
		}
		return false
	case st.Row < len(g.present)-1:
		st.Row++
		st.Col = 0
	default:
		return false
	}
	return true
}

func (g *Grid) openNote() tea.Cmd {
	if g.s.ReadOnly {
		return errCmd(errReadOnly)
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
	g.note = &gridNote{opd: opd, col: col, ta: ta}
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
			return errCmd(err) // the editor stays open: the text is not lost
		}
		g.note = nil
		if text == "" {
			return statusCmd(g.s.T("grid.note_gone"))
		}
		return statusCmd(g.s.T("grid.note_saved"))
	}
	var cmd tea.Cmd
	g.note.ta, cmd = g.note.ta.Update(m)
	return cmd
}

// ---------------------------------------------------------------------
// Layout

type gridPanel int

const (
	gridPanelNone gridPanel = iota
	gridPanelSide
	gridPanelBottom
)

// gridLayout is the arithmetic of one frame; it is cheap and recomputed
// every View.
type gridLayout struct {
	w, h       int
	gw         int // width of the grid (w minus a side panel)
	labelW     int
	cw         int // cell width
	scoreW     int
	predW      int // 0 when hidden, else includes its leading space
	doneW      int // idem
	first, vis int // visible columns [first, first+vis)
	heads      int // header lines: 1, or 2 with element headings / ranges
	rule       bool
	rows       int // OPD rows on screen
	panel      gridPanel
	panelW     int
	panelH     int
	byDetail   bool // the bottom panel is there only because of Space
	legendH    int
}

// rowW is the width of a grid row: label, cells, score and extras.
func (l *gridLayout) rowW() int {
	return l.labelW + l.vis*(l.cw+1) + 1 + l.scoreW + l.predW + l.doneW
}

const (
	gridMinCellW = 6 // "▶N/A*◀"
	gridScoreW   = 6
)

// fitColumns sizes the columns for a grid gw wide.
func (g *Grid) fitColumns(l *gridLayout, gw int) {
	t := g.tab()
	nc := len(t.cols)
	l.gw = gw
	labelCap := 20
	switch {
	case gw >= 150:
		labelCap = 36
	case gw >= 100:
		labelCap = 28
	}
	cwMax := clamp(gw/6, 16, 28)
	l.labelW = clamp(max(g.labelW+2, g.cornerW), 12, labelCap)
	l.scoreW = max(gridScoreW, cellWidth(g.s.T("grid.score"))+2)
	l.predW, l.doneW = 0, 0
	if gw >= 110 {
		l.predW = g.predW + 1
	}
	if gw >= 140 {
		l.doneW = 1 + max(cellWidth(g.s.T("grid.done")), len(fmt.Sprintf("%d/%d", nc, nc)),
			len(g.s.T("grid.city_n", len(g.present))))
	}
	trail := 1 + l.scoreW + l.predW + l.doneW
	if gw-l.labelW-trail < gridMinCellW+1 { // very narrow: give up the extras first
		l.predW, l.doneW = 0, 0
		trail = 1 + l.scoreW
		l.labelW = max(4, min(l.labelW, gw-trail-gridMinCellW-1))
	}
	avail := gw - l.labelW - trail
	if nc == 0 {
		l.cw, l.vis = gridMinCellW, 0
		return
	}
	l.cw = clamp(avail/nc-1, gridMinCellW, cwMax)
	l.vis = clamp(avail/(l.cw+1), 1, nc)
	if l.vis*(l.cw+1) > avail { // narrower than one minimum cell
		l.cw = max(1, avail-1)
	}
	// Columns the cells do not need go to the OPD names, up to the
	// longest: a name cut beside empty space helps nobody.
	if l.vis == nc {
		if want, spare := max(g.labelW+2, g.cornerW)-l.labelW, gw-l.rowW(); want > 0 && spare > 0 {
			l.labelW += min(want, spare)
		}
	}
}

func (g *Grid) layout(w, h int) gridLayout {
	l := gridLayout{w: w, h: h}
	t := g.tab()
	nc, n := len(t.cols), len(g.present)
	if w >= 150 && nc > 0 {
		sideW := clamp(w*3/10, 44, 64)
		g.fitColumns(&l, w-sideW-1)
		if l.vis == nc && l.cw >= 7 {
			// Columns grow to their full heading while the panel keeps
			// its narrowest width: a wide window names every column.
			// The OPD names give back what they took beyond 36 columns
			// (their codes come first and still show).
			if want := g.headWidth(t); want > l.cw && !t.grouped {
				give := max(0, l.labelW-36)
				if spare := w - l.rowW() - 1 - 44 + give; spare >= nc {
					grow := min(want-l.cw, spare/nc)
					l.cw += grow
					l.labelW -= max(0, min(give, l.rowW()+1+44-w))
				}
			}
			// Width the grid does not use goes to the panel's text.
			used := l.rowW() + 1
			l.panel, l.panelW, l.gw = gridPanelSide, w-used, used
		}
	}
	if l.panel != gridPanelSide {
		g.fitColumns(&l, w)
	}
	l.heads = 1
	if t.grouped || l.vis < nc {
		l.heads = 2 // room for element headings and the row/column ranges
	}
	l.rule = h >= 30
	fixed := 1 + l.heads + 1 + 1 + 1 // tabs, headers, city row, summary, cell info
	if l.rule {
		fixed++
	}
	if g.hold != nil {
		fixed++ // a standing refusal may take two lines
	}
	// The bottom panel: always when the window is large, or on Space
	// (then the grid keeps only a few rows around the cursor).
	if l.panel == gridPanelNone && nc > 0 && (h >= 30 && w >= 100 || g.detail) {
		want := 1 + max(g.detailCount(g.bottomDetailW(w), 2), 2+g.legendRows(w-g.bottomDetailW(w)-3))
		minRows, minPanel := min(n, 8), 7
		if g.detail {
			minRows, minPanel = min(n, 3), 4
		}
		if room := h - fixed - minRows; room >= minPanel {
			l.panel, l.panelH = gridPanelBottom, min(want, room)
			l.byDetail = !(h >= 30 && w >= 100)
		}
	}
	l.rows = clamp(h-fixed-l.panelH, 1, max(1, n))
	l.first = g.colLeft
	if l.panel == gridPanelNone {
		if spare := h - fixed - l.rows; spare >= 2 && nc > 0 {
			l.legendH = min(spare, 2+g.legendRows(w))
		}
	}
	return l
}

// scroll keeps the cursor inside the visible rows and columns.
func (g *Grid) scroll(l *gridLayout) {
	st := g.s.State
	n, nc := len(g.present), len(g.tab().cols)
	g.rowTop = gridScrollTo(g.rowTop, st.Row, l.rows, n)
	g.colLeft = gridScrollTo(g.colLeft, st.Col, l.vis, nc)
	l.first = g.colLeft
	g.pageRows = l.rows
}

// gridScrollTo moves top as little as possible so that cur is within
// [top, top+size), never leaving blank space after the last item.
func gridScrollTo(top, cur, size, n int) int {
	if size <= 0 {
		return 0
	}
	if cur < top {
		top = cur
	}
	if cur >= top+size {
		top = cur - size + 1
	}
	return clamp(top, 0, max(0, n-size))
}

// ---------------------------------------------------------------------
// View

// View draws the page at the size SetSize gave.
func (g *Grid) View() string {
	if g.W <= 0 {
		return ""
	}
	return withMargin(g.view(g.W, g.H))
}

// view draws the tab bar, the grid with its headers, the city row, a
// summary line, the cursor cell described in words, and, when there is
// room, the current item's detail and the legend of the columns.
func (g *Grid) view(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	g.p.use(g.s.Styles)
	var lines []string
	lines = append(lines, g.tabBar(w))
	t := g.tab()
	switch {
	case len(g.present) == 0:
		lines = append(lines, "")
		lines = append(lines, g.wrapPainted(gpBold, g.s.T("grid.no_present"), w)...)
		return gridJoin(lines, h)
	case len(t.cols) == 0:
		lines = append(lines, "")
		lines = append(lines, g.wrapPainted(gpBold, g.s.T("grid.no_items"), w)...)
		return gridJoin(lines, h)
	case g.s.State.ByOPD:
		v, _ := g.viewByOPD(w, h)
		if g.note != nil {
			v = gridJoin(g.overlay(strings.Split(v, "\n"), g.noteBox(w), w, h, 1), h)
		}
		return v
	}
	l := g.layout(w, h)
	l.first = g.colLeft // place scrolled it
	g.cells.prepare(g, l.cw)

	body := make([]string, 0, h)
	body = g.headerLines(body, &l)
	for i := 0; i < l.rows && g.rowTop+i < len(g.present); i++ {
		body = append(body, g.rowLine(&l, g.rowTop+i))
	}
	if l.rule {
		body = append(body, g.p.paint(gpBorder, strings.Repeat("─", l.gw)))
	}
	body = append(body, g.cityLine(&l), g.summaryLine(l.gw))
	body = append(body, g.infoLines(l.gw)...)

	if l.panel == gridPanelSide {
		// The panel runs down the right from below the tab bar; the grid
		// and its summary stay together on the left.
		side := g.sidePanel(l.panelW-2, h-1)
		for i := len(body); i < len(side); i++ {
			body = append(body, "")
		}
		for i := range body {
			var right string
			if i < len(side) {
				right = side[i]
			}
			line := body[i]
			if line == "" {
				line = strings.Repeat(" ", l.gw)
			}
			body[i] = line + g.p.paint(gpBorder, "│") + " " + right
		}
	}
	lines = append(lines, body...)
	switch {
	case l.panel == gridPanelBottom:
		lines = append(lines, g.bottomPanel(w, l.panelH, l.byDetail)...)
	case l.legendH > 0:
		lines = append(lines, g.legendLines(w, l.legendH)...)
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	if g.note != nil {
		cursorY := 1 + l.heads + (g.s.State.Row - g.rowTop)
		lines = g.overlay(lines, g.noteBox(w), w, h, cursorY)
	}
	return gridJoin(lines, h)
}

func gridJoin(lines []string, h int) string {
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// tabBar shows each dimension with its completion; the active one in
// TabOn. Names shrink (first a shared word such as "Smart", then letters
// of the inactive tabs) until the bar fits.
func (g *Grid) tabBar(w int) string {
	f := g.s.F()
	city := g.s.Board.City()
	n := len(f.Dimensions)
	names := make([]string, n)
	pcts := make([]string, n)
	for i := range f.Dimensions {
		names[i] = g.s.Name(f.Dimensions[i].Name)
		c := city.Completion[f.Dimensions[i].Key]
		pcts[i] = strconv.Itoa(c.Percent()) + "%"
	}
	active := clamp(g.s.State.Tab, 0, n-1)
	key := fmt.Sprint(w, active, pcts)
	if g.tabBarKey == key && g.tabBarSt == g.s.Styles {
		return g.tabBarLine
	}
	tight := false // inactive tabs lose their padding, one space apart
	total := func() int {
		sum := 2 // the active tab's marker ("▶ ", tight "▶")
		if tight {
			sum = 1
		}
		for i := range names {
			sum += cellWidth(names[i]) + 1 + len(pcts[i])
			switch {
			case !tight:
				sum += 2 // the tab's padding
			case i > 0:
				sum++ // one space between tabs
			}
		}
		return sum
	}
	if total() > w {
		names = gridDropSharedWord(names)
	}
	if total() > w {
		tight = true
	}
	for k := 16; total() > w && k >= 1; k-- {
		for i := range names {
			if i != active {
				names[i] = ansi.Truncate(names[i], k, "…")
			}
		}
	}
	var b strings.Builder
	for i := range names {
		text := names[i] + " " + pcts[i]
		if tight && i > 0 {
			b.WriteString(" ")
		}
		switch {
		case i == active && tight:
			b.WriteString(g.p.paint(gpTabOnTight, "▶"+text))
		case i == active:
			b.WriteString(g.p.paint(gpTabOn, "▶ "+text))
		case tight:
			b.WriteString(g.p.paint(gpBase, text))
		default:
			b.WriteString(g.p.paint(gpTab, text))
		}
	}
	out := b.String()
	if total() > w {
		out = ansi.Truncate(out, w, "…")
	}
	g.tabBarKey, g.tabBarSt, g.tabBarLine = key, g.s.Styles, out
	return out
}

// gridDropSharedWord removes a first word every name shares ("Smart").
func gridDropSharedWord(names []string) []string {
	if len(names) < 2 {
		return names
	}
	first, _, ok := strings.Cut(names[0], " ")
	if !ok {
		return names
	}
	out := make([]string, len(names))
	for i, nm := range names {
		w, rest, ok := strings.Cut(nm, " ")
		if !ok || w != first || strings.TrimSpace(rest) == "" {
			return names
		}
		out[i] = rest
	}
	return out
}

// visibleGroups yields the runs of visible columns that share an element.
func (g *Grid) visibleGroups(l *gridLayout, fn func(from, to int)) {
	cols := g.tab().cols
	end := min(l.first+l.vis, len(cols))
	for i := l.first; i < end; {
		j := i
		for j+1 < end && cols[j+1].elIx == cols[i].elIx {
			j++
		}
		fn(i, j)
		i = j + 1
	}
}

// sep is the separator before column i: a bar between elements.
func (g *Grid) sepBefore(i int, l *gridLayout) bool {
	cols := g.tab().cols
	return i == l.first || cols[i].elIx != cols[i-1].elIx
}

func (g *Grid) headerLines(body []string, l *gridLayout) []string {
	t := g.tab()
	st := g.s.State
	cols := t.cols
	nc, n := len(cols), len(g.present)

	rowsInfo := g.s.T("grid.opd")
	if l.rows < n {
		rowsInfo = g.s.T("grid.rows", g.rowTop+1, g.rowTop+l.rows, n)
	}
	colsInfo := ""
	if l.vis < nc {
		colsInfo = g.s.T("grid.cols", l.first+1, l.first+l.vis, nc)
	}
	var b strings.Builder
	if l.heads == 2 {
		b.WriteString(g.p.paint(gpBold, fitCell(rowsInfo, l.labelW)))
		if t.grouped {
			g.visibleGroups(l, func(from, to int) {
				spanW := (to-from+1)*(l.cw+1) - 1
				b.WriteString(g.p.paint(gpBorder, "│"))
				id := gpAccent
				if cols[from].elIx == cols[st.Col].elIx {
					id = gpCrossBold
				}
				b.WriteString(g.p.paint(id, fitCell(g.s.Name(cols[from].el.Name), spanW)))
			})
		} else {
			b.WriteString(strings.Repeat(" ", l.vis*(l.cw+1)))
		}
		b.WriteString(g.p.paint(gpBorder, "│"))
		b.WriteString(gridSpaces(l.gw - (l.labelW + l.vis*(l.cw+1) + 1)))
		body = append(body, b.String())
		b.Reset()
		b.WriteString(g.p.paint(gpBold, fitCell(colsInfo, l.labelW)))
	} else {
		b.WriteString(g.p.paint(gpBold, fitCell(rowsInfo, l.labelW)))
	}
	for i := l.first; i < l.first+l.vis && i < nc; i++ {
		b.WriteString(g.sep(g.sepBefore(i, l), false))
		id := gpBold
		if i == st.Col {
			id = gpCrossBold
		}
		num := strconv.Itoa(cols[i].num)
		if t.grouped && l.cw < 12 { // a few letters of a statement help nobody
			b.WriteString(g.p.paint(id, centerCell(num, l.cw)))
		} else {
			b.WriteString(g.p.paint(id, fitCell(num+" "+g.colShort(t, cols[i]), l.cw)))
		}
	}
	b.WriteString(g.p.paint(gpBorder, "│"))
	b.WriteString(g.p.paint(gpBold, centerCell(g.s.T("grid.score"), l.scoreW)))
	if l.predW > 0 {
		b.WriteString(g.p.paint(gpBold, " "+fitCell(g.s.T("grid.predikat"), l.predW-1)))
	}
	if l.doneW > 0 {
		b.WriteString(g.p.paint(gpBold, " "+fitCell(g.s.T("grid.done"), l.doneW-1)))
	}
	b.WriteString(gridSpaces(l.gw - l.rowW()))
	return append(body, b.String())
}

// headWidth is the width of the widest column heading ("1 Name").
func (g *Grid) headWidth(t *gridTab) int {
	w := 0
	for _, c := range t.cols {
		w = max(w, cellWidth(strconv.Itoa(c.num)+" "+g.colShort(t, c)))
	}
	return w
}

// colShort is the header label of a column: the element name when each
// element has one indicator, else the indicator name.
func (g *Grid) colShort(t *gridTab, c gridCol) string {
	if t.grouped {
		return g.s.Name(c.ind.Name)
	}
	return g.s.Name(c.el.Name)
}

func (g *Grid) sep(element, cross bool) string {
	switch {
	case element && cross:
		return g.cells.sepElCross
	case element:
		return g.cells.sepEl
	case cross:
		return g.cells.sepCross
	}
	return " "
}

func (g *Grid) rowLine(l *gridLayout, row int) string {
	st := g.s.State
	t := g.tab()
	opd := g.present[row]
	on := row == st.Row
	var b strings.Builder
	b.Grow(l.gw * 4)
	b.WriteString(g.rowLb.get(g, row, l.labelW, on))
	sheet := g.s.Board.Sheet(opd.ID)
	notes := g.s.Notes(opd.ID)
	for i := l.first; i < l.first+l.vis && i < len(t.cols); i++ {
		k := t.cols[i].ind.Key
		b.WriteString(g.sep(g.sepBefore(i, l), on))
		_, hasNote := notes[k]
		state := gridCellPlain
		switch {
		case on && i == st.Col:
			state = gridCellCursor
		case on || i == st.Col:
			state = gridCellCross
		}
		if state == gridCellCursor && g.hold != nil && g.hold.mark {
			b.WriteString(g.p.paint(gpBadCell, centerCell("✗"+strconv.Itoa(g.hold.digit), l.cw)))
			continue
		}
		b.WriteString(g.cells.get(g, sheet[k], hasNote, g.s.FromPhone(opd.ID, k), state))
	}
	b.WriteString(g.sep(true, on))
	res := g.s.Board.OPDResult(opd.ID)
	sc := res.Dimensions[t.dim.Key]
	hidden := !g.s.State.Revealed
	if hidden {
		b.WriteString(g.hiddenCell(l.scoreW))
	} else {
		b.WriteString(g.scoreCell(sc, l.scoreW))
	}
	back := gpBase
	if on {
		back = gpCross
	}
	if l.predW > 0 {
		if hidden {
			b.WriteString(g.p.paint(back, " "+g.fit("", l.predW-1)))
		} else {
			b.WriteString(g.p.paint(back, " "+g.fit(g.predikat(sc), l.predW-1)))
		}
	}
	if l.doneW > 0 {
		done := strconv.Itoa(res.Done[t.dim.Key]) + "/" + strconv.Itoa(len(t.cols))
		b.WriteString(g.p.paint(back, " "+g.fit(done, l.doneW-1)))
	}
	b.WriteString(gridSpaces(l.gw - l.rowW()))
	return b.String()
}

// scoreCell paints a score centred in w columns, in its heat colour.
// Scores repeat a lot (two decimals, 1-5), so the painted cells are kept.
func (g *Grid) scoreCell(sc workshop.Score, w int) string {
	k := gridScoreKey{w: w, st: g.s.Styles}
	if sc.OK {
		k.ok, k.v = true, int(math.Round(workshop.Round2(sc.Value)*100))
	}
	if v, ok := g.scores[k]; ok {
		return v
	}
	if len(g.scores) > 4096 {
		clear(g.scores)
	}
	v := g.p.paint(gpBase, centerCell("–", w))
	if sc.OK {
		v = g.p.paint(gpHeat0+uint8(gridHeat(sc.Value, true)), centerCell(bdFmt2(sc.Value), w))
	}
	g.scores[k] = v
	return v
}

type gridScoreKey struct {
	v, w int
	ok   bool
	st   *Styles
}

func (g *Grid) predikat(sc workshop.Score) string {
	if !sc.OK {
		return "–"
	}
	if p, ok := g.s.F().Predikat(sc.Value); ok {
		return g.s.Name(p)
	}
	return "–"
}

// hiddenCell stands for a score while the results are hidden from the
// room: the grid still shows the cells being entered, never an aggregate.
func (g *Grid) hiddenCell(w int) string { return g.p.paint(gpBorder, centerCell("░░░", w)) }

// cityLine: the city's element scores under their columns, and the
// dimension score (mean over the OPDs that have one, with n); while the
// results are hidden, a line saying so.
func (g *Grid) cityLine(l *gridLayout) string {
	t := g.tab()
	city := g.s.Board.City()
	var b strings.Builder
	if !g.s.State.Revealed {
		b.WriteString(g.p.paint(gpBold, fitCell(g.s.T("grid.city_row"), l.labelW)))
		b.WriteString(g.p.paint(gpBorder, "│"))
		b.WriteString(g.p.paint(gpBase, fitCell(" "+g.s.T("grid.hidden"), l.gw-l.labelW-1)))
		return b.String()
	}
	b.WriteString(g.p.paint(gpBold, fitCell(g.s.T("grid.city_row"), l.labelW)))
	g.visibleGroups(l, func(from, to int) {
		spanW := (to-from+1)*(l.cw+1) - 1
		b.WriteString(g.sep(g.sepBefore(from, l), false))
		stat := city.Elements[t.cols[from].el.Key]
		b.WriteString(g.scoreCell(stat.Score(), spanW))
	})
	b.WriteString(g.sep(true, false))
	ds := city.Dimensions[t.dim.Key]
	b.WriteString(g.scoreCell(ds.Score(), l.scoreW))
	if l.predW > 0 {
		b.WriteString(g.p.paint(gpBold, " "+fitCell(g.predikat(ds.Score()), l.predW-1)))
	}
	if l.doneW > 0 {
		b.WriteString(g.p.paint(gpBase, " "+fitCell(g.s.T("grid.city_n", ds.N), l.doneW-1)))
	}
	b.WriteString(gridSpaces(l.gw - l.rowW()))
	return b.String()
}

// summaryLine: the dimension's city score in words and its completion.
func (g *Grid) summaryLine(w int) string {
	t := g.tab()
	city := g.s.Board.City()
	ds := city.Dimensions[t.dim.Key]
	score := "–"
	if ds.N > 0 {
		score = bdFmt2(ds.Mean)
	}
	c := city.Completion[t.dim.Key]
	text := g.s.T("grid.summary", g.s.Name(t.dim.Name), score, g.predikat(ds.Score()), ds.N,
		c.Done, c.Possible, c.Percent())
	if !g.s.State.Revealed {
		text = g.s.T("grid.summary_hidden", g.s.Name(t.dim.Name), c.Done, c.Possible, c.Percent())
	}
	return g.p.paint(gpBold, fitCell(text, w))
}

// infoLines is the refusal that stands, on up to two lines, or the cursor
// cell in words.
func (g *Grid) infoLines(w int) []string {
	if g.hold == nil {
		return []string{g.infoLine(w)}
	}
	lines := slices.Clone(g.wrap("✗ "+g.hold.text, w))
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = cellTrunc(lines[1]+" …", w, "…")
	}
	for i, l := range lines {
		lines[i] = g.p.paint(gpBad, fitCell(l, w))
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
	head := "▶ " + cellTrunc(gridOPDLabel(opd), share, "…") + " · " + cellTrunc(strconv.Itoa(col.num)+" "+g.colShort(t, col), share, "…") + " → "
	used := cellWidth(head)
	b.WriteString(g.p.paint(gpAccent, fitCell(head, min(used, w))))
	if used >= w {
		return b.String()
	}
	ans := g.answerText(a)
	ansW := min(cellWidth(ans), w-used)
	b.WriteString(g.p.paint(g.answerStyle(a), fitCell(ans, ansW)))
	used += ansW
	rest := ""
	if note := g.s.Note(opd.ID, col.ind.Key); note != "" && used+4 < w {
		rest = " · " + g.s.T("grid.note_label") + ": " + gridOneLine(note)
	}
	b.WriteString(g.p.paint(gpBase, fitCell(rest, w-used))) // to exactly w
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
	col := t.cols[clamp(st.Col, 0, len(t.cols)-1)]
	opd := g.present[clamp(st.Row, 0, len(g.present)-1)]
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
		label := cellTrunc(" "+s.Name(lv.Label), w-5, "…")
		head := g.p.paint(gpBold, mark) + digit + g.p.paint(gpBold, label)
		used := 5 + cellWidth(label)
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
	col := t.cols[clamp(s.State.Col, 0, len(t.cols)-1)]
	opd := g.present[clamp(s.State.Row, 0, len(g.present)-1)]
	n := 2 + len(s.F().Scale) + len(g.wrap(s.Name(col.ind.Name), w)) + min(maxDesc, len(g.wrap(s.Name(col.ind.Description), w)))
	if note := s.Note(opd.ID, col.ind.Key); note != "" {
		n += min(3, len(g.wrap(s.T("grid.note_label")+": "+gridOneLine(note), w)))
	}
	return n
}

// sidePanel: the OPD of the cursor row in full, the item detail and the
// legend, at wide sizes.
func (g *Grid) sidePanel(w, h int) []string {
	s := g.s
	opd := g.present[s.State.Row]
	var out []string
	for _, ln := range g.wrap(s.T("grid.opd_label")+": "+gridOPDLabel(opd), w) {
		out = append(out, g.p.paint(gpSelected, gridPad(ln, w)))
	}
	a := s.Board.Answer(opd.ID, g.tab().cols[s.State.Col].ind.Key)
	out = append(out, g.p.paint(gpBold, s.T("grid.answer")+": ")+g.p.paint(g.answerStyle(a), fitCell(g.answerText(a), w-cellWidth(s.T("grid.answer")+": "))), "")
	out = append(out, g.detailLines(w, 6, true)...)
	if room := h - len(out) - 1; room >= 2 {
		out = append(out, "")
		out = append(out, g.legendLinesCols(w, room, 1)...)
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// bottomPanel: the item detail on the left and the legend on the right.
func (g *Grid) bottomPanel(w, h int, byDetail bool) []string {
	top := strings.Repeat("─", w)
	if byDetail { // opened with Space: say how to close it
		top = "── " + g.s.T("grid.detail_hint") + " " + strings.Repeat("─", max(0, w-5-cellWidth(g.s.T("grid.detail_hint"))))
		top = cellTrunc(top, w, "…")
	}
	out := []string{g.p.paint(gpBorder, top)}
	dw := g.bottomDetailW(w)
	det := g.detailLines(dw, 2, false)
	var leg []string
	lw := w - dw - 3
	if dw < w && lw >= 20 {
		leg = g.legendLinesCols(lw, h-1, 0)
	}
	for i := 0; i < h-1 && (i < len(det) || i < len(leg)); i++ {
		line := gridSpaces(dw) // detail lines are exactly dw wide
		if i < len(det) {
			line = det[i]
		}
		if len(leg) > 0 {
			line += " " + g.p.paint(gpBorder, "│") + " "
			if i < len(leg) {
				line += leg[i]
			}
		}
		out = append(out, line)
	}
	return out
}

// legendRows is how many lines the legend takes at width w (without its
// title).
func (g *Grid) legendRows(w int) int {
	nc := len(g.tab().cols)
	per := max(1, w/gridLegendColW)
	return (nc + per - 1) / per
}

const gridLegendColW = 38

func (g *Grid) legendLines(w, h int) []string { return g.legendLinesCols(w, h, 0) }

// legendLinesCols lists the columns with their full names, numbered as in
// the header, in as many columns as fit (ncol 0: as many as the width
// allows); the cursor's column is marked.
func (g *Grid) legendLinesCols(w, h, ncol int) []string {
	t := g.tab()
	nc := len(t.cols)
	if h < 2 || nc == 0 {
		return nil
	}
	per := ncol
	if per <= 0 {
		per = max(1, w/gridLegendColW)
	}
	rows := (nc + per - 1) / per
	if rows > h-1 { // not all fit: more columns of shorter names
		rows = h - 1
		per = (nc + rows - 1) / rows
	}
	cellW := w / per
	if cellW < 8 {
		return nil
	}
	out := []string{g.p.paint(gpBold, fitCell(g.s.T("grid.legend"), w))}
	numW := len(strconv.Itoa(nc))
	entry := func(i int) (string, uint8) {
		col := t.cols[i]
		name := g.s.Name(col.ind.Name)
		if !t.grouped && name != g.s.Name(col.el.Name) {
			name = g.s.Name(col.el.Name) + ": " + name
		}
		num := strconv.Itoa(col.num)
		id := uint8(gpBase)
		if i == g.s.State.Col {
			id = gpCrossBold
		}
		return gridSpaces(numW-len(num)) + num + " " + name, id
	}
	if per == 1 && w > numW+8 {
		// One column: each entry wraps under its text when the rows
		// (the marks' line kept) hold them all, rather than being cut
		// beside empty rows.
		var wrapped []string
		for i := 0; i < nc; i++ {
			text, id := entry(i)
			for j, ln := range g.wrap(text[numW+1:], w-numW-1) {
				head := text[:numW+1]
				if j > 0 {
					head = gridSpaces(numW + 1)
				}
				wrapped = append(wrapped, g.p.paint(id, g.fit(head+ln, w)))
			}
		}
		if 1+len(wrapped)+len(g.wrap(g.s.T("grid.marks", PhoneMark), w)) <= h {
			out = append(out, wrapped...)
			rows = 0
		}
	}
	for r := 0; r < rows; r++ {
		var b strings.Builder
		for c := 0; c < per; c++ {
			i := c*rows + r
			if i >= nc {
				break
			}
			col := t.cols[i]
			name := g.s.Name(col.ind.Name)
			if !t.grouped && name != g.s.Name(col.el.Name) {
				name = g.s.Name(col.el.Name) + ": " + name
			}
			num := strconv.Itoa(col.num)
			text := gridSpaces(numW-len(num)) + num + " " + name
			id := gpBase
			if i == g.s.State.Col {
				id = gpCrossBold
			}
			cw := cellW
			if c < per-1 {
				cw--
			}
			b.WriteString(g.p.paint(id, g.fit(text, cw)))
			if c < per-1 && i+rows < nc {
				b.WriteString(" ")
			}
		}
		out = append(out, b.String())
	}
	// What the cells' marks mean, wrapped in the rows that are left.
	for _, ln := range g.wrap(g.s.T("grid.marks", PhoneMark), w) {
		if len(out) >= h {
			break
		}
		out = append(out, g.p.paint(gpBase, g.fit(ln, w)))
	}
	return out
}

func (g *Grid) noteBox(w int) []string {
	n := g.note
	bw := min(w-2, 72)
	inner := bw - 4 // place gave the editor this width
	s := g.s
	lines := []string{
		g.p.paint(gpAccent, fitCell(s.T("grid.note_title"), inner)),
		g.p.paint(gpBold, fitCell(s.T("grid.opd_label")+": "+gridOPDLabel(n.opd), inner)),
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
		lines[i] = gridPad(ln, bw-4)
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
		bw = max(bw, cellWidth(b))
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
	y = clamp(y, 0, max(0, h-bh))
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

// ---------------------------------------------------------------------
// Text helpers (display widths, never bytes)

// fit is fitCell remembered: the same labels are fitted every frame.
func (g *Grid) fit(s string, w int) string {
	k := gridWrapKey{s, w}
	if v, ok := g.fits[k]; ok {
		return v
	}
	if len(g.fits) > 4096 {
		clear(g.fits)
	}
	v := fitCell(s, w)
	g.fits[k] = v
	return v
}

// gridSpaces is n spaces (none when n <= 0).
func gridSpaces(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}

// gridPad pads s (styled or not; never truncating) to w.
func gridPad(s string, w int) string {
	if sw := cellWidth(s); sw < w {
		return s + strings.Repeat(" ", w-sw)
	}
	return s
}

type gridWrapKey struct {
	text string
	w    int
}

// wrap word-wraps plain text to w columns (cached: View runs every frame).
func (g *Grid) wrap(text string, w int) []string {
	if text == "" || w <= 0 {
		return nil
	}
	k := gridWrapKey{text, w}
	if v, ok := g.wraps[k]; ok {
		return v
	}
	if len(g.wraps) > 512 {
		clear(g.wraps)
	}
	v := strings.Split(ansi.Wrap(gridOneLine(text), w, ""), "\n")
	for i := range v {
		v[i] = strings.TrimRight(v[i], " ")
	}
	g.wraps[k] = v
	return v
}

func (g *Grid) wrapPainted(id uint8, text string, w int) []string {
	var out []string
	for _, ln := range g.wrap(text, w) {
		out = append(out, g.p.paint(id, ln))
	}
	return out
}

// gridOPDLabel is how an OPD is named on a row: its code, then its name.
func gridOPDLabel(o workshop.OPD) string {
	code, name := strings.TrimSpace(o.Code), gridOneLine(o.Name)
	switch {
	case code == "":
		return name
	case name == "" || name == code:
		return code
	}
	return code + " " + name
}

// gridHeat is the heat step of a score, by the rule of Styles.HeatFor
// (a test keeps the two in step): 0 for none, else the nearest level 1-5.
func gridHeat(score float64, ok bool) int {
	if !ok {
		return 0
	}
	return max(1, min(5, int(score+0.5)))
}

// ---------------------------------------------------------------------
// Caches of rendered text: lipgloss renders only what changed.

// Style ids of the gridPainter.
const (
	gpBase uint8 = iota
	gpBold
	gpAccent
	gpBorder
	gpCross
	gpCrossBold
	gpCrossBorder
	gpCursor
	gpSelected
	gpTab
	gpTabOn
	gpTabOnTight // the active tab without its padding
	gpBad        // a standing refusal
	gpBadCell    // the cell a refused digit was meant for
	gpHeat0      // gpHeat0+i is the heat of level i (0..5)
	gpCount      = gpHeat0 + 6
)

type gridPaintKey struct {
	id   uint8
	text string
}

// gridPainter renders (style, text) once and remembers the result, so a frame
// of a few thousand cells costs map lookups, not style renders.
type gridPainter struct {
	st     *Styles
	styles [gpCount]lipgloss.Style
	cache  map[gridPaintKey]string
}

// use switches to the session's styles (the theme can change at any time).
func (p *gridPainter) use(st *Styles) {
	if p.st == st && p.cache != nil {
		return
	}
	p.st = st
	p.cache = make(map[gridPaintKey]string, 512)
	P := st.P
	p.styles[gpBase] = st.Base
	p.styles[gpBold] = st.Bold
	p.styles[gpAccent] = st.Accent
	p.styles[gpBorder] = lipgloss.NewStyle().Foreground(P.Border)
	p.styles[gpCross] = st.Cross
	p.styles[gpCrossBold] = st.Cross.Bold(true)
	p.styles[gpCrossBorder] = st.Cross.Foreground(P.Border)
	p.styles[gpCursor] = st.Cursor
	p.styles[gpSelected] = st.Selected
	p.styles[gpTab] = st.Tab
	p.styles[gpTabOn] = st.TabOn
	p.styles[gpTabOnTight] = st.TabOn.Padding(0)
	p.styles[gpBad] = st.Bad
	p.styles[gpBadCell] = lipgloss.NewStyle().Foreground(P.Bg).Background(P.Bad).Bold(true)
	for i := 0; i < 6; i++ {
		p.styles[gpHeat0+uint8(i)] = st.Heat[i]
	}
}

func (p *gridPainter) paint(id uint8, text string) string {
	k := gridPaintKey{id, text}
	if v, ok := p.cache[k]; ok {
		return v
	}
	if len(p.cache) > 8192 { // labels of many widths: start again
		clear(p.cache)
	}
	v := p.styles[id].Render(text)
	p.cache[k] = v
	return v
}

// Cell states.
const (
	gridCellPlain = iota
	gridCellCross
	gridCellCursor
)

// gridCells holds every rendered cell of the current width: levels 0-9
// (0: unanswered) and N/A, with or without a note, written last by a phone
// in room mode or not, in the three states.
type gridCells struct {
	w     int
	st    *Styles
	cells [11][4][3]string // [kind][note | phone<<1][state]
	// Separators before a column: a bar between elements, on the cursor
	// row or not.
	sepEl, sepElCross, sepCross string
}

func (c *gridCells) prepare(g *Grid, w int) {
	if c.w == w && c.st == g.s.Styles {
		return
	}
	c.w, c.st = w, g.s.Styles
	c.sepEl = g.p.paint(gpBorder, "│")
	c.sepElCross = g.p.paint(gpCrossBorder, "│")
	c.sepCross = g.p.paint(gpCross, " ")
	na := g.s.T("grid.na")
	for kind := 0; kind < 11; kind++ {
		for mark := 0; mark < 4; mark++ {
			for state := 0; state < 3; state++ {
				c.cells[kind][mark][state] = gridRenderCell(g, kind, mark&1 == 1, mark&2 == 2, state, w, na)
			}
		}
	}
}

// PhoneMark follows a cell whose last change came from the OPD's phone
// (room mode).
const PhoneMark = "°"

func gridRenderCell(g *Grid, kind int, note, phone bool, state, w int, na string) string {
	var text string
	switch {
	case kind == 10:
		text = na
	case kind == 0:
		text = "·"
	default:
		text = strconv.Itoa(kind)
	}
	if note {
		text += "*"
	}
	if phone {
		text += PhoneMark
	}
	id := gpBase
	switch {
	case state == gridCellCursor:
		return g.p.paint(gpCursor, centerCell("▶"+text+"◀", w))
	case kind >= 1 && kind <= 9:
		id = gpHeat0 + uint8(gridHeat(float64(kind), true))
	case state == gridCellCross:
		id = gpCrossBold
	case kind == 10:
		id = gpHeat0
	}
	return g.p.paint(id, centerCell(text, w))
}

func (c *gridCells) get(g *Grid, a workshop.Answer, note, phone bool, state int) string {
	kind := a.Level
	if a.NA {
		kind = 10
	}
	n := 0
	if note {
		n = 1
	}
	if phone {
		n |= 2
	}
	if kind < 0 || kind > 10 { // a level beyond one digit (imported): painted on demand
		return gridRenderCell(g, min(9, max(0, kind)), note, phone, state, c.w, "")
	}
	return c.cells[kind][n][state]
}

// gridRowLabels caches the painted row labels of the current width.
type gridRowLabels struct {
	w, n   int
	st     *Styles
	plain  []string
	active []string
}

func (r *gridRowLabels) get(g *Grid, row, w int, on bool) string {
	if r.w != w || r.st != g.s.Styles || r.n != len(g.present) {
		r.w, r.st, r.n = w, g.s.Styles, len(g.present)
		r.plain = make([]string, len(g.present))
		r.active = make([]string, len(g.present))
	}
	if on {
		if r.active[row] == "" {
			r.active[row] = g.p.paint(gpSelected, "▶ "+fitCell(gridOPDLabel(g.present[row]), w-2))
		}
		return r.active[row]
	}
	if r.plain[row] == "" {
		o := g.present[row]
		text := fitCell(gridOPDLabel(o), w-2)
		code := strings.TrimSpace(o.Code)
		lead := "  "
		if !o.Present { // shown with every OPD (a): marked as not in the room
			lead = "○ "
		}
		if code != "" && strings.HasPrefix(text, code) {
			r.plain[row] = lead + g.p.paint(gpBold, code) + g.p.paint(gpBase, text[len(code):])
		} else {
			r.plain[row] = lead + g.p.paint(gpBase, text)
		}
	}
	return r.plain[row]
}
