package tui

import (
	"context"
	"fmt"
	"net"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/bimtek/bimtek/room"
	"github.com/bimtek/bimtek/tui/common"
	"github.com/bimtek/bimtek/workshop"
)

// DefaultListen is where room mode listens when the facilitator starts it
// with its key: every network of the laptop, the port the cards print.
const DefaultListen = "0.0.0.0:8080"

// noPhoneHint is how long room mode waits for a first phone before it says
// what usually keeps phones from reaching the laptop.
const noPhoneHint = time.Minute

// RoomMode is a running room-mode server and where phones find it.
type RoomMode struct {
	Srv   *room.Server
	Addr  net.Addr
	Links []room.Link
	// Local is true when the server listens only on this laptop
	// (127.0.0.1): no phone can reach it.
	Local bool
}

// StartRoomFunc starts room mode for the open session on addr.
type StartRoomFunc func(addr string) (*RoomMode, error)

// Room is the facilitator's room-mode panel: the QR code and addresses,
// which dimensions are open for entry, and every OPD's phone.
type Room struct {
	common.Size
	s     *Sess
	start StartRoomFunc
	rm    *RoomMode
	keys  roomKeys

	status []room.OPDStatus
	row    int
	top    int
	link   int  // the address the QR shows
	full   bool // the QR alone, as large as the window allows
	// reissue is the OPD whose new code waits for a second press.
	reissue int64
	qr      *room.QR
	qrFor   string
}

type roomKeys struct {
	Start, Full, Link, Up, Down, Reopen, Reissue, Toggle, OpenAll, CloseAll, Stop, Back key.Binding
}

func newRoomKeys(lang string) roomKeys {
	return roomKeys{
		Start:    keyHelp(lang, "Enter", "room.key.start", "enter"),
		Full:     keyHelp(lang, "f", "room.key.full", "f"),
		Link:     keyHelp(lang, "u", "room.key.link", "u"),
		Up:       keyHelp(lang, "↑/↓", "room.key.move", "up", "k"),
		Down:     key.NewBinding(key.WithKeys("down", "j")),
		Reopen:   keyHelp(lang, "o", "room.key.reopen", "o"),
		Reissue:  keyHelp(lang, "n", "room.key.reissue", "n"),
		Toggle:   keyHelp(lang, "1-9", "room.key.toggle", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		OpenAll:  keyHelp(lang, "a", "room.key.open_all", "a"),
		CloseAll: keyHelp(lang, "c", "room.key.close_all", "c"),
		Stop:     keyHelp(lang, "x", "room.key.stop", "x"),
		Back:     keyHelp(lang, "Esc", "room.key.back", "esc", "ctrl+r"),
	}
}

// NewRoom builds the panel; start starts the server when asked.
func NewRoom(s *Sess, start StartRoomFunc) *Room {
	return &Room{s: s, start: start, keys: newRoomKeys(s.Lang)}
}

// Running is the server on show, nil when room mode is off.
func (r *Room) Running() *RoomMode { return r.rm }

// RoomCloseMsg asks the root to leave the panel (room mode keeps running).
type RoomCloseMsg struct{}

// RoomStartedMsg is room mode started (or not) in the background.
type RoomStartedMsg struct {
	RM  *RoomMode
	Err error
}

// RoomStoppedMsg is room mode stopped by the facilitator.
type RoomStoppedMsg struct{}

// roomStatusMsg is a fresh read of every OPD's phone.
type roomStatusMsg struct {
	st  []room.OPDStatus
	err error
}

// RoomTickMsg asks the panel to read the phones' state again.
type RoomTickMsg struct{}

// Start starts room mode on addr at once (bimtek open --listen).
func (r *Room) Start(addr string) error {
	rm, err := r.start(addr)
	if err != nil {
		return err
	}
	r.rm = rm
	return nil
}

func (r *Room) startCmd() tea.Cmd {
	start := r.start
	return func() tea.Msg {
		rm, err := start(DefaultListen)
		if err != nil {
			// The default port may be taken (another program, a second
			// bimtek): any free port works, the panel shows which.
			rm, err = start("0.0.0.0:0")
		}
		return RoomStartedMsg{RM: rm, Err: err}
	}
}

func (r *Room) statusCmd() tea.Cmd {
	if r.rm == nil {
		return nil
	}
	srv := r.rm.Srv
	return func() tea.Msg {
		st, err := srv.Status(context.Background())
		return roomStatusMsg{st: st, err: err}
	}
}

// Update handles the panel's keys and messages.
func (r *Room) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	cmd := r.update(msg)
	r.place()
	return r, cmd
}

// SetSize gives the panel its body and scrolls the list of OPDs.
func (r *Room) SetSize(w, h int) {
	r.W, r.H = w, h
	r.place()
}

// place scrolls the list of OPDs so the selected one is in sight, after
// every message; View then only draws.
func (r *Room) place() { _, r.top = r.layout(r.W, r.H) }

func (r *Room) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case RoomStartedMsg:
		if msg.Err != nil {
			return errCmd(msg.Err)
		}
		r.rm = msg.RM
		return tea.Batch(r.statusCmd(), statusCmd(r.s.T("room.started", r.mainURL())))
	case RoomTickMsg:
		return r.statusCmd()
	case roomStatusMsg:
		if msg.err != nil {
			return errCmd(msg.err)
		}
		r.status = msg.st
		r.row = clamp(r.row, 0, len(r.status)-1)
		return nil
	case tea.KeyPressMsg:
		return r.onKey(msg)
	}
	return nil
}

func (r *Room) onKey(k tea.KeyPressMsg) tea.Cmd {
	kk := r.keys
	pendingReissue := r.reissue
	r.reissue = 0
	if key.Matches(k, kk.Back) {
		if r.full {
			r.full = false
			return nil
		}
		return func() tea.Msg { return RoomCloseMsg{} }
	}
	if r.rm == nil {
		if key.Matches(k, kk.Start) {
			if r.s.ReadOnly {
				return errCmd(errReadOnly)
			}
			return tea.Batch(r.startCmd(), statusCmd(r.s.T("room.starting")))
		}
		return nil
	}
	srv := r.rm.Srv
	fw := r.s.F()
	switch {
	case key.Matches(k, kk.Full):
		r.full = !r.full
	case key.Matches(k, kk.Link):
		if len(r.rm.Links) > 0 {
			r.link = (r.link + 1) % len(r.rm.Links)
		}
	case key.Matches(k, kk.Up):
		r.row = clamp(r.row-1, 0, len(r.status)-1)
	case key.Matches(k, kk.Down):
		r.row = clamp(r.row+1, 0, len(r.status)-1)
	case key.Matches(k, kk.Toggle):
		i := int(k.Text[0] - '1')
		if i >= len(fw.Dimensions) {
			return nil
		}
		d := fw.Dimensions[i]
		open := !srv.EntryOpen(d.Key)
		srv.SetEntryOpen(d.Key, open)
		if open {
			return statusCmd(r.s.T("room.entry_opened", r.s.Name(d.Name)))
		}
		return statusCmd(r.s.T("room.entry_closed", r.s.Name(d.Name)))
	case key.Matches(k, kk.OpenAll):
		srv.SetAllOpen(fw, true)
		return statusCmd(r.s.T("room.opened_all"))
	case key.Matches(k, kk.CloseAll):
		srv.SetAllOpen(fw, false)
		return statusCmd(r.s.T("room.closed_all"))
	case key.Matches(k, kk.Reopen):
		o, ok := r.selected()
		if !ok || !o.Submitted {
			return nil
		}
		if err := srv.Reopen(context.Background(), o.OPD.ID); err != nil {
			return errCmd(err)
		}
		return tea.Batch(r.statusCmd(), statusCmd(r.s.T("room.reopened", o.OPD.Code)))
	case key.Matches(k, kk.Reissue):
		o, ok := r.selected()
		if !ok {
			return nil
		}
		if pendingReissue != o.OPD.ID {
			r.reissue = o.OPD.ID
			return statusCmd(r.s.T("room.reissue_ask", o.OPD.Code))
		}
		code, err := srv.Reissue(context.Background(), o.OPD.ID)
		if err != nil {
			return errCmd(err)
		}
		return tea.Batch(r.statusCmd(), statusCmd(r.s.T("room.reissued", o.OPD.Code, workshop.FormatAccessCode(code))))
	case key.Matches(k, kk.Stop):
		return func() tea.Msg { return RoomStoppedMsg{} }
	}
	return nil
}

func (r *Room) selected() (room.OPDStatus, bool) {
	if r.row < 0 || r.row >= len(r.status) {
		return room.OPDStatus{}, false
	}
	return r.status[r.row], true
}

// Stopped forgets the server (the root closed it).
func (r *Room) Stopped() { r.rm, r.status, r.full = nil, nil, false }

// FullHelp is the ? help: the footer's keys.
func (r *Room) FullHelp() [][]key.Binding { return [][]key.Binding{r.ShortHelp()} }

// ShortHelp lists the keys of the page for the footer.
func (r *Room) ShortHelp() []key.Binding {
	k := r.keys
	if r.rm == nil {
		return []key.Binding{k.Start, k.Back}
	}
	if r.full {
		return []key.Binding{k.Full, k.Link, k.Back}
	}
	return []key.Binding{k.Full, k.Toggle, k.OpenAll, k.CloseAll, k.Up, k.Reopen, k.Reissue, k.Link, k.Stop, k.Back}
}

// Capturing: the panel takes digits and letters the phases would act on.
func (r *Room) Capturing() bool { return false }

func (r *Room) mainURL() string {
	if r.rm == nil || len(r.rm.Links) == 0 {
		return ""
	}
	return r.rm.Links[clamp(r.link, 0, len(r.rm.Links)-1)].URL
}

// code returns the QR of the address on show, made once per address.
func (r *Room) code() *room.QR {
	u := r.mainURL()
	if u == "" {
		return nil
	}
	if r.qrFor != u {
		q, err := room.NewQR(u)
		if err != nil {
			return nil
		}
		r.qr, r.qrFor = q, u
	}
	return r.qr
}

// qrStyle paints the code black on white whatever the theme: phones read
// dark modules on a light ground, and an inverted code fails on many.
var qrStyle = lipgloss.NewStyle().Foreground(lipgloss.Color("#000000")).Background(lipgloss.Color("#FFFFFF"))

// View draws the page at the size SetSize gave.
func (r *Room) View() string {
	v, _ := r.layout(r.W, r.H)
	return v
}

// layout draws the panel in w x h, and says which OPD is the list's
// first row.
func (r *Room) layout(w, h int) (string, int) {
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
func (r *Room) sideLines(w, h int) ([]string, int) {
	st := r.s.Styles
	t := r.s.T
	var out []string
	add := func(s string) { out = append(out, cellTrunc(s, w, "…")) }
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
	top = clamp(top, 0, max(0, len(r.status)-rows))
	for i := top; i < len(r.status) && i < top+rows; i++ {
		add(r.opdLine(r.status[i], i == r.row, w))
	}
	return out, top
}

// opdLine is one OPD: connected or not, code, answered k/n, sent, last
// seen and device.
func (r *Room) opdLine(o room.OPDStatus, sel bool, w int) string {
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
	code := fitCell(workshop.Visible(o.OPD.Code), 14)
	line := fmt.Sprintf("%s %s %5s %s%-5s %s", dot, code, fmt.Sprintf("%d/%d", o.Answered, o.Total), sent, seen, o.Device)
	if o.Submitted {
		line = strings.Replace(line, "✓ ", t("room.panel.sent")+" ", 1)
	}
	line = cellTrunc(line, w, "…")
	if sel {
		return st.Selected.Render(fitCell(line, w))
	}
	if o.Connected {
		return st.Good.Render(line)
	}
	return st.Base.Render(line)
}

// fullView is the QR as large as the window allows, with its address.
func (r *Room) fullView(q *room.QR, w, h int) string {
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
		case cellWidth(line)+1+cellWidth(word) <= w:
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

// Enter: nothing to refresh when the page is shown again.
func (r *Room) Enter() tea.Cmd { return nil }
