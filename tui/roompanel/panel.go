// Package roompanel is room mode's panel for the facilitator: the QR code
// and the addresses phones open, which dimensions are open for entry, and
// every OPD's phone; it starts and stops the room server (package room)
// for the open session.
package roompanel

import (
	"context"
	"net"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

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

// Mode is a running room-mode server and where phones find it.
type Mode struct {
	Srv   *room.Server
	Addr  net.Addr
	Links []room.Link
	// Local is true when the server listens only on this laptop
	// (127.0.0.1): no phone can reach it.
	Local bool
}

// Panel is the facilitator's room-mode panel: the QR code and addresses,
// which dimensions are open for entry, and every OPD's phone.
type Panel struct {
	common.Size
	s     *common.Sess
	start func(addr string) (*Mode, error)
	rm    *Mode
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
		Start:    common.KeyHelp(lang, "Enter", "room.key.start", "enter"),
		Full:     common.KeyHelp(lang, "f", "room.key.full", "f"),
		Link:     common.KeyHelp(lang, "u", "room.key.link", "u"),
		Up:       common.KeyHelp(lang, "↑/↓", "room.key.move", "up", "k"),
		Down:     key.NewBinding(key.WithKeys("down", "j")),
		Reopen:   common.KeyHelp(lang, "o", "room.key.reopen", "o"),
		Reissue:  common.KeyHelp(lang, "n", "room.key.reissue", "n"),
		Toggle:   common.KeyHelp(lang, "1-9", "room.key.toggle", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		OpenAll:  common.KeyHelp(lang, "a", "room.key.open_all", "a"),
		CloseAll: common.KeyHelp(lang, "c", "room.key.close_all", "c"),
		Stop:     common.KeyHelp(lang, "x", "room.key.stop", "x"),
		Back:     common.KeyHelp(lang, "Esc", "room.key.back", "esc", "ctrl+r"),
	}
}

// New builds the panel for the open session; start starts the server
// when asked (nil: a window without room mode).
func New(s *common.Sess, start ServerStarter) *Panel {
	return &Panel{s: s, start: startFunc(start, s), keys: newRoomKeys(s.Lang)}
}

// Running is the server on show, nil when room mode is off.
func (r *Panel) Running() *Mode { return r.rm }

// Full is true while the QR code is shown alone, as large as the window
// allows.
func (r *Panel) Full() bool { return r.full }

// CloseMsg asks the root to leave the panel (room mode keeps running).
type CloseMsg struct{}

// StartedMsg is room mode started (or not) in the background.
type StartedMsg struct {
	Mode *Mode
	Err  error
}

// StoppedMsg is room mode stopped by the facilitator.
type StoppedMsg struct{}

// PhonesMsg is a fresh read of every OPD's phone.
type PhonesMsg struct {
	st  []room.OPDStatus
	err error
}

// Start starts room mode on addr at once (bimtek open --listen).
func (r *Panel) Start(addr string) error {
	rm, err := r.start(addr)
	if err != nil {
		return err
	}
	r.rm = rm
	r.SyncReveal()
	return nil
}

// SyncReveal tells the server whether the results are hidden or shown:
// a phone never sees a score the projector does not.
func (r *Panel) SyncReveal() {
	if r.rm != nil {
		r.rm.Srv.SetRevealed(r.s.State.Revealed)
	}
}

// Stop stops the server: waiting phones are answered, the listener
// closes. Every answer a phone was told is saved is already committed.
func (r *Panel) Stop() {
	if r.rm != nil {
		_ = r.rm.Srv.Close()
		r.rm, r.status, r.full = nil, nil, false
	}
}

func (r *Panel) startCmd() tea.Cmd {
	start := r.start
	return func() tea.Msg {
		rm, err := start(DefaultListen)
		if err != nil {
			// The default port may be taken (another program, a second
			// bimtek): any free port works, the panel shows which.
			rm, err = start("0.0.0.0:0")
		}
		return StartedMsg{Mode: rm, Err: err}
	}
}

// Refresh reads every OPD's phone again in the background (nil while
// room mode is off).
func (r *Panel) Refresh() tea.Cmd {
	if r.rm == nil {
		return nil
	}
	srv := r.rm.Srv
	return func() tea.Msg {
		st, err := srv.Status(context.Background())
		return PhonesMsg{st: st, err: err}
	}
}

// Update handles the panel's keys and messages.
func (r *Panel) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	cmd := r.update(msg)
	r.place()
	return r, cmd
}

// SetSize gives the panel its body and scrolls the list of OPDs.
func (r *Panel) SetSize(w, h int) {
	r.W, r.H = w, h
	r.place()
}

// place scrolls the list of OPDs so the selected one is in sight, after
// every message; View then only draws.
func (r *Panel) place() { _, r.top = r.layout(r.W, r.H) }

func (r *Panel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case StartedMsg:
		if msg.Err != nil {
			return common.ErrCmd(msg.Err)
		}
		r.rm = msg.Mode
		r.SyncReveal()
		return tea.Batch(r.Refresh(), common.StatusCmd(r.s.T("room.started", r.mainURL())))
	case PhonesMsg:
		if msg.err != nil {
			return common.ErrCmd(msg.err)
		}
		r.status = msg.st
		r.row = common.Clamp(r.row, 0, len(r.status)-1)
		return nil
	case tea.KeyPressMsg:
		return r.onKey(msg)
	}
	return nil
}

func (r *Panel) onKey(k tea.KeyPressMsg) tea.Cmd {
	kk := r.keys
	pendingReissue := r.reissue
	r.reissue = 0
	if key.Matches(k, kk.Back) {
		if r.full {
			r.full = false
			return nil
		}
		return func() tea.Msg { return CloseMsg{} }
	}
	if r.rm == nil {
		if key.Matches(k, kk.Start) {
			if r.s.ReadOnly {
				return common.ErrCmd(common.ErrReadOnly)
			}
			return tea.Batch(r.startCmd(), common.StatusCmd(r.s.T("room.starting")))
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
		r.row = common.Clamp(r.row-1, 0, len(r.status)-1)
	case key.Matches(k, kk.Down):
		r.row = common.Clamp(r.row+1, 0, len(r.status)-1)
	case key.Matches(k, kk.Toggle):
		i := int(k.Text[0] - '1')
		if i >= len(fw.Dimensions) {
			return nil
		}
		d := fw.Dimensions[i]
		open := !srv.EntryOpen(d.Key)
		srv.SetEntryOpen(d.Key, open)
		if open {
			return common.StatusCmd(r.s.T("room.entry_opened", r.s.Name(d.Name)))
		}
		return common.StatusCmd(r.s.T("room.entry_closed", r.s.Name(d.Name)))
	case key.Matches(k, kk.OpenAll):
		srv.SetAllOpen(fw, true)
		return common.StatusCmd(r.s.T("room.opened_all"))
	case key.Matches(k, kk.CloseAll):
		srv.SetAllOpen(fw, false)
		return common.StatusCmd(r.s.T("room.closed_all"))
	case key.Matches(k, kk.Reopen):
		o, ok := r.selected()
		if !ok || !o.Submitted {
			return nil
		}
		if err := srv.Reopen(context.Background(), o.OPD.ID); err != nil {
			return common.ErrCmd(err)
		}
		return tea.Batch(r.Refresh(), common.StatusCmd(r.s.T("room.reopened", o.OPD.Code)))
	case key.Matches(k, kk.Reissue):
		o, ok := r.selected()
		if !ok {
			return nil
		}
		if pendingReissue != o.OPD.ID {
			r.reissue = o.OPD.ID
			return common.StatusCmd(r.s.T("room.reissue_ask", o.OPD.Code))
		}
		code, err := srv.Reissue(context.Background(), o.OPD.ID)
		if err != nil {
			return common.ErrCmd(err)
		}
		return tea.Batch(r.Refresh(), common.StatusCmd(r.s.T("room.reissued", o.OPD.Code, workshop.FormatAccessCode(code))))
	case key.Matches(k, kk.Stop):
		return func() tea.Msg { return StoppedMsg{} }
	}
	return nil
}

func (r *Panel) selected() (room.OPDStatus, bool) {
	if r.row < 0 || r.row >= len(r.status) {
		return room.OPDStatus{}, false
	}
	return r.status[r.row], true
}

// FullHelp is the ? help: the footer's keys.
func (r *Panel) FullHelp() [][]key.Binding { return [][]key.Binding{r.ShortHelp()} }

// ShortHelp lists the keys of the page for the footer.
func (r *Panel) ShortHelp() []key.Binding {
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
func (r *Panel) Capturing() bool { return false }

func (r *Panel) mainURL() string {
	if r.rm == nil || len(r.rm.Links) == 0 {
		return ""
	}
	return r.rm.Links[common.Clamp(r.link, 0, len(r.rm.Links)-1)].URL
}

// code returns the QR of the address on show, made once per address.
func (r *Panel) code() *room.QR {
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

// Enter: nothing to refresh when the page is shown again.
func (r *Panel) Enter() tea.Cmd { return nil }
