package home

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/phrase"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// sessionsLoadedMsg carries the session list read by Home.Load.
type sessionsLoadedMsg struct {
	list []workshop.SessionSummary
	err  error
}

// Home is the screen before a session is open: the sessions of the
// database, newest activity first, and the new-session form.
type Home struct {
	common.Size
	st     common.Sessions
	lang   string
	styles *common.Styles
	now    func() time.Time
	keys   homeKeys

	list    []workshop.SessionSummary
	loaded  bool
	loadErr error
	row     int
	top     int // first visible row of the table

	form *newSessionForm
	// edit is the open correction of a session's details; deleting the
	// open question whether to delete one.
	edit     *editSessionForm
	deleting *deleteAsk

	// The last export written from this screen: its session, what it was
	// and its files (full paths).
	exportID    int64
	exportKind  common.ExportKind
	exportFiles []string
}

type homeKeys struct {
	Up, Down, Open, New, Export key.Binding
	Edit, Delete                key.Binding
	FormNext, FormBack, Cancel  key.Binding
	Yes, No                     key.Binding
}

func newHomeKeys(lang string) homeKeys {
	return homeKeys{
		Up:       common.KeyHelp(lang, "↑/↓", "home.key.move", "up", "k", "pgup"),
		Down:     key.NewBinding(key.WithKeys("down", "j", "pgdown")),
		Open:     common.KeyHelp(lang, "Enter", "home.key.open", "enter"),
		New:      common.KeyHelp(lang, "n", "home.key.new", "n"),
		Export:   common.KeyHelp(lang, "x", "home.key.export", "x"),
		Edit:     common.KeyHelp(lang, "e", "home.key.edit", "e"),
		Delete:   common.KeyHelp(lang, "d/Del", "home.key.delete", "d", "delete"),
		Yes:      common.KeyHelp(lang, "y", "home.key.yes", "y", "Y"),
		No:       common.KeyHelp(lang, "N/Esc", "home.key.no", "n", "N", "esc"),
		FormNext: common.KeyHelp(lang, "Enter/Tab", "new.key.next", "enter", "tab"),
		FormBack: common.KeyHelp(lang, "Shift+Tab", "new.key.back", "shift+tab"),
		Cancel:   common.KeyHelp(lang, "Esc", "new.key.cancel", "esc"),
	}
}

// New builds the home screen; call Load to read the session list.
func New(st common.Sessions, lang string, styles *common.Styles, now func() time.Time) *Home {
	if now == nil {
		now = time.Now
	}
	return &Home{st: st, lang: lang, styles: styles, now: now, keys: newHomeKeys(lang)}
}

// SetStyles gives the page the theme's styles (the theme key).
func (h *Home) SetStyles(st *common.Styles) { h.styles = st }

func (h *Home) t(key string, args ...any) string { return assets.T(h.lang, key, args...) }

// Load reads the session list in the background; the answer arrives as a
// sessionsLoadedMsg.
func (h *Home) Load() tea.Cmd {
	st := h.st
	return func() tea.Msg {
		list, err := st.ListSessions(context.Background())
		if err != nil {
			return sessionsLoadedMsg{err: fmt.Errorf("list sessions: %w", err)}
		}
		return sessionsLoadedMsg{list: list}
	}
}

// Capturing is true while a form or the delete question takes the keys.
func (h *Home) Capturing() bool { return h.form != nil || h.edit != nil || h.deleting != nil }

// FullHelp is the ? help: the footer's keys.
func (h *Home) FullHelp() [][]key.Binding { return [][]key.Binding{h.ShortHelp()} }

// ShortHelp lists the keys of the page for the footer.
func (h *Home) ShortHelp() []key.Binding {
	k := h.keys
	switch {
	case h.form != nil:
		return []key.Binding{k.FormNext, k.FormBack, k.Cancel}
	case h.edit != nil:
		ek := h.edit.keys()
		return []key.Binding{ek.Save, ek.Next, ek.Cancel}
	case h.deleting != nil:
		return []key.Binding{k.Yes, k.No}
	case len(h.list) == 0:
		return []key.Binding{k.New}
	}
	return []key.Binding{k.Up, k.Open, k.New, k.Export, k.Edit, k.Delete}
}

// Update handles the list keys, the form and the background answers.
func (h *Home) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	cmd := h.update(msg)
	h.place()
	return h, cmd
}

// SetSize gives the home screen its body and scrolls the list.
func (h *Home) SetSize(w, ht int) {
	h.W, h.H = w, ht
	h.place()
}

// place scrolls the list so the selected session is in sight, after
// every message; View then only draws.
func (h *Home) place() {
	switch {
	case h.W <= 0 || h.H <= 0:
	case h.form != nil:
		h.form.size(h.W, h.H)
	case h.edit != nil:
		h.edit.size(h.W, h.H)
	default:
		_, h.top = h.layout(h.W, h.H)
	}
}

func (h *Home) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case sessionsLoadedMsg:
		h.setList(msg.list, msg.err)
		if msg.err != nil {
			return common.ErrCmd(msg.err)
		}
		return nil
	case sessionCreatedMsg:
		if msg.err != nil {
			if h.form != nil {
				return tea.Batch(common.ErrCmd(msg.err), h.form.failed(msg.err))
			}
			return common.ErrCmd(msg.err)
		}
		h.form = nil
		id := msg.id
		return tea.Batch(h.Load(), common.StatusCmd(h.t("new.created", id)), func() tea.Msg { return common.OpenSessionMsg{ID: id} })
	case common.ExportedMsg:
		if msg.Err == nil {
			h.exportID, h.exportKind, h.exportFiles = msg.ID, msg.Kind, msg.Files
		}
		return nil
	case sessionEditedMsg:
		if h.edit == nil || h.edit.id != msg.id {
			return nil
		}
		if msg.err != nil {
			// The form stays with what was typed; the store said why.
			h.edit.busy, h.edit.err = false, phrase.Sentence(h.lang, msg.err)
			return nil
		}
		h.edit = nil
		d := msg.det
		return tea.Batch(h.Load(), common.StatusCmd(h.t("home.edited", msg.id, d.City, common.Roman(d.Stage), unsetText(d.Date), unsetText(d.Venue), unsetText(d.Facilitator))))
	case deleteAskMsg:
		if msg.err != nil {
			return common.ErrCmd(msg.err)
		}
		if s, ok := h.selected(); ok && s.ID == msg.id && h.form == nil && h.edit == nil {
			h.deleting = &deleteAsk{id: msg.id, name: msg.name, scores: msg.scores}
		}
		return nil
	case sessionDeletedMsg:
		if msg.err != nil {
			return common.ErrCmd(msg.err)
		}
		if h.exportID == msg.id {
			h.exportID, h.exportFiles = 0, nil
		}
		return tea.Batch(h.Load(), common.StatusCmd(h.t("home.deleted", msg.name)))
	}
	if h.form != nil {
		return h.updateForm(msg)
	}
	if h.edit != nil {
		if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "esc" && !h.edit.busy {
			h.edit = nil
			return common.NoticeCmd(h.t("edit.cancelled"))
		}
		return h.edit.update(msg, h.st)
	}
	if h.deleting != nil {
		k, ok := msg.(tea.KeyPressMsg)
		if !ok {
			return nil
		}
		switch k.String() {
		case "y", "Y":
			a := *h.deleting
			h.deleting = nil
			return deleteSession(h.st, a)
		case "n", "N", "esc":
			name := h.deleting.name
			h.deleting = nil
			return common.NoticeCmd(h.t("home.delete_kept", name))
		}
		return nil // any other key: the question stays until it is answered
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch k.String() {
	case "up", "k":
		h.move(-1)
	case "down", "j":
		h.move(1)
	case "pgup":
		h.move(-10)
	case "pgdown":
		h.move(10)
	case "home":
		h.move(-len(h.list))
	case "end":
		h.move(len(h.list))
	case "enter":
		if s, ok := h.selected(); ok {
			id := s.ID
			return func() tea.Msg { return common.OpenSessionMsg{ID: id} }
		}
	case "x":
		if s, ok := h.selected(); ok {
			msg := common.ExportSessionMsg{ID: s.ID, Name: s.City + " · " + h.t("frame.stage", common.Roman(s.Stage))}
			return func() tea.Msg { return msg }
		}
	case "n":
		h.form = newNewSessionForm(h.st, h.lang, h.styles, h.now)
		return h.form.Init()
	case "e":
		if s, ok := h.selected(); ok {
			h.edit = newEditSessionForm(s, h.lang, h.styles)
		}
	case "d", "delete":
		if s, ok := h.selected(); ok {
			return askDelete(h.st, s, h.lang)
		}
	}
	return nil
}

// unsetText is a blank detail as the screens show it.
func unsetText(v string) string {
	if strings.TrimSpace(v) == "" {
		return "—"
	}
	return v
}

func (h *Home) updateForm(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "esc" && !h.form.busy {
		h.form = nil
		return common.NoticeCmd(h.t("new.cancelled"))
	}
	return h.form.Update(msg)
}

// setList keeps the selection on the same session across reloads.
func (h *Home) setList(list []workshop.SessionSummary, err error) {
	h.loaded, h.loadErr = true, err
	if err != nil {
		return
	}
	var keep int64
	if s, ok := h.selected(); ok {
		keep = s.ID
	}
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if !a.LastActivity.Equal(b.LastActivity) {
			return a.LastActivity.After(b.LastActivity)
		}
		return a.ID > b.ID
	})
	h.list = list
	h.row = 0
	for i, s := range list {
		if s.ID == keep {
			h.row = i
		}
	}
}

func (h *Home) selected() (workshop.SessionSummary, bool) {
	if h.row < 0 || h.row >= len(h.list) {
		return workshop.SessionSummary{}, false
	}
	return h.list[h.row], true
}

func (h *Home) move(d int) {
	if len(h.list) == 0 {
		return
	}
	h.row = common.Clamp(h.row+d, 0, len(h.list)-1)
}

// View draws the page at the size SetSize gave.
func (h *Home) View() string {
	v, _ := h.layout(h.W, h.H)
	return v
}

// layout draws the list (or the form) in w x ht, and says which
// session is the list's first row.
func (h *Home) layout(w, ht int) (string, int) {
	if h.form != nil {
		return h.form.View(w, ht), h.top
	}
	if h.edit != nil {
		return h.edit.view(w, ht), h.top
	}
	st := h.styles
	var out []string
	title := st.Title.Render(" " + h.t("home.title"))
	if h.loaded && h.loadErr == nil && len(h.list) > 0 {
		title += st.Base.Render(" · " + h.t("home.count", len(h.list)))
	}
	out = append(out, common.FitCell(title, w), "")
	switch {
	case !h.loaded:
		out = append(out, " "+st.Base.Render(h.t("home.loading")))
		return strings.Join(out, "\n"), h.top
	case h.loadErr != nil:
		for _, l := range common.WrapText(h.t("home.load_failed", phrase.Sentence(h.lang, h.loadErr)), w-2) {
			out = append(out, " "+st.Bad.Render(l))
		}
		return strings.Join(out, "\n"), h.top
	case len(h.list) == 0:
		return strings.Join(append(out, h.emptyView(w, ht-2)...), "\n"), h.top
	}

	detail := h.detailLines(w)
	rows := ht - len(out) - 1 // 1: the column header
	if rows-len(detail) >= 3 {
		rows -= len(detail)
	} else {
		detail = nil
	}
	rows = max(1, rows)
	top := h.top
	if h.row < top {
		top = h.row
	}
	if h.row >= top+rows {
		top = h.row - rows + 1
	}
	top = common.Clamp(top, 0, max(0, len(h.list)-rows))

	cols := h.columns(w)
	out = append(out, h.tableRow(cols, w, nil, -1))
	for i := top; i < len(h.list) && i < top+rows; i++ {
		s := h.list[i]
		out = append(out, h.tableRow(cols, w, &s, i))
	}
	out = append(out, detail...)
	return strings.Join(out, "\n"), top
}

func (h *Home) emptyView(w, ht int) []string {
	st := h.styles
	var lines []string
	if ht >= 12 {
		lines = append(lines, "", "")
	}
	lines = append(lines, "   "+st.Title.Render(h.t("home.welcome")), "")
	for _, l := range common.WrapText(h.t("home.empty"), min(w-6, 72)) {
		lines = append(lines, "   "+st.Base.Render(l))
	}
	return lines
}

// homeCol is one column of the session table.
type homeCol struct {
	head  string
	width int
	right bool
	cell  func(s workshop.SessionSummary) string
}

func (h *Home) columns(w int) []homeCol {
	idW := 2
	for _, s := range h.list {
		idW = max(idW, len(fmt.Sprint(s.ID)))
	}
	head := func(k string) string { return h.t(k) }
	lastW := lipgloss.Width(head("home.col.last"))
	for _, s := range h.list {
		lastW = max(lastW, lipgloss.Width(humanAgo(h.lang, h.now(), s.LastActivity)))
	}
	cols := []homeCol{
		{head: head("home.col.id"), width: idW, right: true, cell: func(s workshop.SessionSummary) string { return fmt.Sprint(s.ID) }},
		{head: head("home.col.city"), cell: func(s workshop.SessionSummary) string { return s.City }},
		{head: head("home.col.stage"), width: 5, cell: func(s workshop.SessionSummary) string { return common.Roman(s.Stage) }},
		{head: head("home.col.date"), width: 10, cell: func(s workshop.SessionSummary) string { return s.Date }},
		{head: head("home.col.opds"), width: 9, right: true, cell: func(s workshop.SessionSummary) string { return fmt.Sprintf("%d/%d", s.Present, s.OPDs) }},
		{head: head("home.col.done"), width: 6, right: true, cell: func(s workshop.SessionSummary) string {
			if s.Completion.Possible == 0 {
				return "—"
			}
			return fmt.Sprintf("%d%%", s.Completion.Percent())
		}},
		{head: head("home.col.last"), width: lastW, cell: func(s workshop.SessionSummary) string { return humanAgo(h.lang, h.now(), s.LastActivity) }},
	}
	if w >= 120 {
		cols = append(cols, homeCol{head: head("home.col.venue"), cell: func(s workshop.SessionSummary) string { return s.Venue }})
	}
	if w >= 160 {
		cols = append(cols,
			homeCol{head: head("home.col.facil"), cell: func(s workshop.SessionSummary) string { return s.Facilitator }},
			homeCol{head: head("home.col.framework"), width: 10, cell: func(s workshop.SessionSummary) string { return s.FrameworkKey }})
	}
	// Flexible columns (width 0) share what is left: the narrow ones get
	// all they need, the wide ones split the rest.
	fixed := 2 // the row marker
	var flex []int
	natural := map[int]int{}
	for i, c := range cols {
		fixed += c.width + 2
		if c.width == 0 {
			n := lipgloss.Width(c.head)
			for _, s := range h.list {
				n = max(n, lipgloss.Width(c.cell(s)))
			}
			natural[i] = n
			flex = append(flex, i)
		}
	}
	sort.SliceStable(flex, func(a, b int) bool { return natural[flex[a]] < natural[flex[b]] })
	left := max(8*len(flex), w-1-fixed)
	for k, i := range flex {
		share := left / (len(flex) - k)
		cols[i].width = max(4, min(natural[i], share))
		left -= cols[i].width
	}
	return cols
}

// tableRow draws the header (s == nil) or one session line; the selected
// line has a marker as well as the colour.
func (h *Home) tableRow(cols []homeCol, w int, s *workshop.SessionSummary, i int) string {
	st := h.styles
	cells := make([]common.TableCell, len(cols))
	for j, c := range cols {
		txt := c.head
		if s != nil {
			txt = c.cell(*s)
		}
		cells[j] = common.TableCell{Text: txt, Width: c.width, Right: c.right}
	}
	line := common.TableLine(s != nil && i == h.row, cells, w)
	switch {
	case s == nil:
		return st.Bold.Render(line)
	case i == h.row:
		return st.Selected.Render(common.FitCell(line, w-1))
	}
	return st.Base.Render(line)
}

// detailLines describe the selected session under the table, and the last
// export made from here.
func (h *Home) detailLines(w int) []string {
	s, ok := h.selected()
	if !ok {
		return nil
	}
	st := h.styles
	unset := func(v string) string {
		if strings.TrimSpace(v) == "" {
			return "—"
		}
		return v
	}
	// Wrapped, never cut: the full names, and the whole export folder the
	// facilitator has to find.
	lines := []string{""}
	add := func(style lipgloss.Style, text string) {
		for _, l := range common.WrapText(text, w-2) {
			lines = append(lines, " "+style.Render(l))
		}
	}
	add(st.Accent, common.JoinNonEmpty(" · ", h.t("home.selected", s.ID, s.City, common.Roman(s.Stage)), common.StageShort(h.lang, s.Stage)))
	add(st.Base, fmt.Sprintf("%s: %s · %s: %s · %s: %s",
		h.t("home.col.venue"), unset(s.Venue), h.t("home.col.facil"), unset(s.Facilitator), h.t("home.col.framework"), unset(s.FrameworkKey)))
	if a := h.deleting; a != nil && a.id == s.ID {
		// The question stands where the hint was, in the warning colour
		// and with its sign, naming what would be lost.
		add(st.Warn, "⚠ "+h.t("home.delete_ask", a.name, a.scores))
		return lines
	}
	add(st.Base, h.t("home.hint"))
	// The files of the last export of this session, one full path a
	// line (the status line said it once; this stays while it is chosen).
	if h.exportID == s.ID && len(h.exportFiles) > 0 {
		add(st.Bold, h.t("home.last_export", h.exportKind.Label(h.lang)))
		for _, l := range common.ExportFileLines(h.exportFiles, w-4) {
			lines = append(lines, "   "+st.Base.Render(l))
		}
	}
	return lines
}

// humanAgo says when something happened, as a person would: "5 menit
// lalu", "kemarin 14:03", "3 hari lalu", then the date.
func humanAgo(lang string, now, t time.Time) string {
	if t.IsZero() {
		return assets.T(lang, "ago.never")
	}
	t = t.In(now.Location())
	d := now.Sub(t)
	y, m, dd := now.Date()
	today := time.Date(y, m, dd, 0, 0, 0, 0, now.Location())
	switch {
	case d < time.Minute:
		return assets.T(lang, "ago.now")
	case d < time.Hour:
		return assets.T(lang, "ago.minutes", int(d/time.Minute))
	case !t.Before(today):
		return assets.T(lang, "ago.today", t.Format("15:04"))
	case !t.Before(today.AddDate(0, 0, -1)):
		return assets.T(lang, "ago.yesterday", t.Format("15:04"))
	case !t.Before(today.AddDate(0, 0, -6)):
		days := int(today.Sub(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, now.Location())).Hours()+12) / 24
		return assets.T(lang, "ago.days", days)
	}
	return t.Format("2006-01-02")
}

// Enter: nothing to refresh when the page is shown again.
func (h *Home) Enter() tea.Cmd { return nil }
