package tui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/phrase"
	"github.com/bimtek/bimtek/tui/components/exportdialog"
	"github.com/bimtek/bimtek/tui/home"
	"github.com/bimtek/bimtek/tui/phases/briefing"
	"github.com/bimtek/bimtek/tui/phases/gaps"
	"github.com/bimtek/bimtek/tui/phases/grid"
	"github.com/bimtek/bimtek/tui/phases/opening"
	"github.com/bimtek/bimtek/tui/phases/roster"
	"github.com/bimtek/bimtek/tui/phases/scoreboard"
	"github.com/bimtek/bimtek/tui/phases/wrapup"
	"github.com/bimtek/bimtek/tui/roompanel"
	"github.com/bimtek/bimtek/workshop"
)

// Minimum window the layouts are drawn for.
const (
	MinWidth  = 80
	MinHeight = 24
)

// Options start the app.
type Options struct {
	// Sessions is the database: the home list, new sessions, settings.
	Sessions Sessions
	// Open opens a session through its owner (live.Open).
	Open  Opener
	Lang  string
	Theme string
	// Session opens this session at once; 0 shows the home screen.
	Session int64
	// ReadOnly is the projector view: it follows the facilitator's screen
	// and writes nothing.
	ReadOnly bool
	// ExportBase is the folder exports are written under.
	ExportBase string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// DefaultDB is the database used without --db (the reopen command
	// names --db only for another one).
	DefaultDB string
	// StartRoom starts room mode's server (nil: no room mode here);
	// PhoneCells reads the cells phones wrote last, for the grid's marks.
	StartRoom  roompanel.ServerStarter
	PhoneCells func(ctx context.Context, sessionID int64) (map[int64]map[string]bool, error)
	// Listen starts room mode at once on this address (bimtek open
	// --listen 0.0.0.0:8080); empty leaves it to the room key.
	Listen string
}

// Model is the root of the app: the home screen, or an open session with
// one screen per phase, framed by a header and a footer.
type Model struct {
	opt    Options
	styles *Styles
	keys   GlobalKeys
	w, h   int

	// paint's theme colours, made for paintStyles.
	paintStyles *Styles
	// drawn is the frame Update drew while a digit committed; View shows it.
	drawn   string
	paintBG string
	paintFG string

	// hints are the footer's key hints already styled, made for
	// hintStyles: the footer is drawn every frame, its hints rarely change.
	hintStyles *Styles
	hints      map[[2]string]string

	home    *home.Home
	sess    *Sess
	screens []Page
	release func() error
	// send delivers a message to the running program (Listen); stopSub
	// ends the open session's subscription.
	send    func(tea.Msg)
	stopSub func()

	status    string
	statusBad bool
	// statusPlain: a status that reports nothing done ("nothing to
	// undo", "nothing removed") carries no ✔.
	statusPlain bool
	showHelp    bool
	jumping     bool
	// jumpSel is the phase the chooser (g) has its cursor on.
	jumpSel  int
	lastSave time.Time
	quitting bool
	// statusH is the lines the status takes (fitStatus): 1, or more for
	// a long sentence.
	statusH int
	// Room mode: the panel (nil until first shown) and whether it is on
	// screen.
	roomPanel *roompanel.Panel
	roomOpen  bool
	// exportDlg is the in-app export's dialog while it is open.
	exportDlg *exportdialog.Dialog
	// Opened is the session that was open when the app stopped, so the
	// command line can say how to reopen it.
	Opened int64
}

// New builds the root model. When opt.Session is set, the session is
// loaded and locked now, so a refusal (another facilitator holds it) is
// one sentence on the command line before any screen appears.
func New(opt Options) (*Model, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Lang == "" {
		opt.Lang = "id"
	}
	if opt.Sessions == nil || opt.Open == nil {
		return nil, errors.New("the app needs its database and a way to open sessions")
	}
	m := &Model{opt: opt, styles: NewStyles(opt.Theme), keys: newGlobalKeys(opt.Lang), w: 120, h: 40}
	if opt.Session != 0 {
		if err := m.open(opt.Session); err != nil {
			return nil, err
		}
		if opt.Listen != "" {
			if err := m.startRoom(opt.Listen); err != nil {
				m.Close()
				return nil, err
			}
		}
		return m, nil
	}
	m.home = home.New(opt.Sessions, opt.Lang, m.styles, opt.Now)
	m.resize()
	return m, nil
}

// open loads and (unless read-only) locks a session and shows it.
func (m *Model) open(id int64) error {
	msg := loadSession(m.opt.Open, id, m.opt.ReadOnly)
	if msg.err != nil {
		return msg.err
	}
	m.show(msg)
	return nil
}

// sessionLoadedMsg is a session opened (and locked) in the background.
type sessionLoadedMsg struct {
	id      int64
	live    Live
	d       *workshop.Data
	release func() error
	err     error
}

// loadSession opens the session through its owner, which takes the writer
// lock (unless read-only), and copies its data for the screens. It runs
// before the program starts or inside a command.
func loadSession(open Opener, id int64, readOnly bool) sessionLoadedMsg {
	l, err := open(context.Background(), id, readOnly)
	if err != nil {
		return sessionLoadedMsg{err: err}
	}
	return sessionLoadedMsg{id: id, live: l, d: l.Snapshot(), release: l.Close}
}

// show builds the screens of a loaded session.
func (m *Model) show(msg sessionLoadedMsg) {
	s := NewSess(msg.live, msg.d, m.opt.Lang, m.styles, m.opt.Now)
	s.ReadOnly = m.opt.ReadOnly
	s.ExportBase = m.opt.ExportBase
	s.DefaultDB = m.opt.DefaultDB
	s.PhoneCells = m.opt.PhoneCells
	s.LoadPhoneMarks()
	m.sess, m.release, m.Opened = s, msg.release, msg.id
	m.home = nil
	m.buildScreens()
	m.resize()
	m.listen()
}

// Listen makes the running program receive the open session's changes
// made elsewhere (a phone in room mode) as messages, in their order: send
// is the program's Send. Until it is called, nothing is forwarded (a test
// drives Update itself).
func (m *Model) Listen(send func(tea.Msg)) {
	m.send = send
	m.listen()
}

// listen forwards the open session's changes through send, from a
// goroutine of its own that only sends messages: the copy the screens draw
// is changed in Update alone. The projector view follows by Refresh on its
// clock instead.
func (m *Model) listen() {
	if m.send == nil || m.sess == nil || m.sess.Live == nil || m.sess.ReadOnly || m.stopSub != nil {
		return
	}
	ch, stop := m.sess.Live.Subscribe()
	m.stopSub = stop
	send := m.send
	go func() {
		for c := range ch {
			send(changeMsg{c})
		}
	}()
}

// onChange brings the screens up to a change made elsewhere.
func (m *Model) onChange(c workshop.Change) tea.Cmd {
	s := m.sess
	if s == nil {
		return nil
	}
	if c.Kind == workshop.LockLost {
		m.status, m.statusBad, m.statusPlain = phrase.Sentence(m.opt.Lang, s.Live.Err()), true, false
		return nil
	}
	scores, roster := s.Apply(c)
	var cmds []tea.Cmd
	if roster {
		cmds = append(cmds, m.toScreen(RosterChangedMsg{}))
	}
	if scores {
		cmds = append(cmds, m.toScreen(ScoresChangedMsg{}))
	}
	return tea.Batch(cmds...)
}

func (m *Model) buildScreens() {
	s := m.sess
	m.screens = make([]Page, len(s.Phases()))
	for i, p := range s.Phases() {
		m.screens[i] = newPhaseScreen(s, p.Kind)
	}
}

// Every page the root frames keeps the page contract.
var (
	_ Page = (*home.Home)(nil)
	_ Page = (*opening.Opening)(nil)
	_ Page = (*roster.Roster)(nil)
	_ Page = (*briefing.Briefing)(nil)
	_ Page = (*grid.Grid)(nil)
	_ Page = (*scoreboard.Scoreboard)(nil)
	_ Page = (*gaps.Gaps)(nil)
	_ Page = (*wrapup.WrapUp)(nil)
	_ Page = (*roompanel.Panel)(nil)
)

func newPhaseScreen(s *Sess, k workshop.PhaseKind) Page {
	switch k {
	case workshop.PhaseOpening:
		return opening.New(s)
	case workshop.PhaseRoster:
		return roster.New(s)
	case workshop.PhaseBriefing:
		return briefing.New(s)
	case workshop.PhaseAssessment:
		return grid.New(s)
	case workshop.PhaseScoreboard:
		return scoreboard.New(s)
	case workshop.PhaseGaps:
		return gaps.New(s)
	default:
		return wrapup.New(s)
	}
}

// Close releases the session lock. Everything else is already saved.
func (m *Model) Close() error {
	m.stopRoom()
	if s := m.sess; s != nil && !s.ReadOnly {
		// The running clock's time is saved to the second; it runs on
		// from there when the session is reopened.
		s.State.SavedAt = s.Now()
		_ = s.SaveState()
	}
	if m.stopSub != nil {
		m.stopSub()
		m.stopSub = nil
	}
	if m.release != nil {
		r := m.release
		m.release = nil
		return r()
	}
	return nil
}

type tickMsg time.Time

func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// Init starts the clock and, on the home screen, loads the session list.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tick()}
	if m.home != nil {
		cmds = append(cmds, m.home.Load())
	}
	if m.sess != nil {
		cmds = append(cmds, m.enterPhase())
	}
	return tea.Batch(cmds...)
}

// Update routes messages: global keys first, then the screen on show.
//
// A digit's commit overlaps the drawing of its frame: the grid's answer is
// written on the owner's goroutine while the frame with it is drawn here,
// and Update returns (so the frame can reach the terminal) only once the
// commit has returned. A commit that failed puts the cell and the cursor
// back, and the frame is drawn again with the sentence that says why.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	s := m.sess
	if s != nil {
		s.BeginOverlap()
	}
	m.drawn = ""
	cmd := m.update(msg)
	m.fitStatus()
	m.syncReveal()
	if s == nil || s != m.sess {
		return m, cmd
	}
	if !s.Pending() {
		_ = s.Settle() // nothing in flight: ends the overlap
		return m, cmd
	}
	frame := m.paint(m.render())
	if err := s.Settle(); err != nil {
		m.status, m.statusBad, m.statusPlain = phrase.Sentence(m.opt.Lang, err), true, false
		m.fitStatus()
		return m, cmd
	}
	m.drawn = frame
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.resize()
		return nil
	case tickMsg:
		return tea.Batch(m.onTick(), m.roomTick())
	case changeMsg:
		return m.onChange(msg.c)
	case roompanel.StartedMsg, roompanel.CloseMsg, roompanel.StoppedMsg, roompanel.PhonesMsg:
		return m.onRoom(msg)
	case followMsg:
		if m.sess != nil && m.sess.ReadOnly {
			return m.follow(msg)
		}
		return nil
	case ErrMsg:
		m.status, m.statusBad, m.statusPlain = phrase.Sentence(m.opt.Lang, msg.Err), true, false
		return nil
	case StatusMsg:
		m.status, m.statusBad, m.statusPlain = msg.Text, false, msg.Plain
		return nil
	case OpenSessionMsg:
		if m.sess != nil {
			return nil
		}
		open, ro := m.opt.Open, m.opt.ReadOnly
		return func() tea.Msg { return loadSession(open, msg.ID, ro) }
	case sessionLoadedMsg:
		if msg.err != nil {
			m.status, m.statusBad, m.statusPlain = phrase.Sentence(m.opt.Lang, msg.err), true, false
			return nil
		}
		if m.sess != nil { // a second Enter while the first was loading
			if msg.release != nil {
				_ = msg.release()
			}
			return nil
		}
		m.show(msg)
		return m.enterPhase()
	case ExportSessionMsg:
		return m.openExport(msg.ID, msg.Name)
	case ExportRequestMsg:
		if m.sess != nil {
			return m.openExport(m.sess.Data.Session.ID, "")
		}
		return nil
	case exportdialog.PrefsMsg:
		if m.exportDlg == nil {
			m.exportDlg = exportdialog.New(msg, m.opt.Lang, m.styles)
			m.exportDlg.SetSize(m.w, m.h-m.headerLines()-m.footerH())
		}
		return nil
	case exportdialog.ChosenMsg:
		return m.exportCmd(msg)
	case exportdialog.CancelledMsg:
		m.exportDlg = nil
		return noticeCmd(m.t("export.cancelled"))
	case ExportedMsg:
		if msg.Err != nil {
			if m.exportDlg != nil {
				// The dialog stays and says why (once: not in the status
				// line too); nothing was written.
				m.exportDlg.Failed(phrase.Sentence(m.opt.Lang, msg.Err))
				return nil
			}
			m.status, m.statusBad, m.statusPlain = phrase.Sentence(m.opt.Lang, msg.Err), true, false
		} else {
			m.exportDlg = nil
			m.status, m.statusBad, m.statusPlain = exportdialog.Status(m.opt.Lang, msg, m.w), false, false
		}
		return m.toScreen(msg)
	case tea.KeyPressMsg:
		return m.onKey(msg)
	}
	return m.toScreen(msg)
}

// resize gives every page the body's size: the window less the header
// and the footer.
func (m *Model) resize() {
	w, h := m.w, m.h-m.headerLines()-m.footerH()
	for _, p := range m.screens {
		p.SetSize(w, h)
	}
	if m.home != nil {
		m.home.SetSize(w, h)
	}
	if m.roomPanel != nil {
		m.roomPanel.SetSize(w, h)
	}
	if m.exportDlg != nil {
		m.exportDlg.SetSize(w, h)
	}
}

// headerLines is the height of the header: the title bar, and the phase
// stepper under it while a session is open.
func (m *Model) headerLines() int {
	if m.sess == nil {
		return 1
	}
	return 2
}

// newRoomPanel builds room mode's panel at the body's size.
func (m *Model) newRoomPanel() *roompanel.Panel {
	r := roompanel.New(m.sess, m.opt.StartRoom)
	r.SetSize(m.w, m.h-m.headerLines()-m.footerH())
	return r
}

// current is the page on show.
func (m *Model) current() Page {
	if m.roomOpen && m.roomPanel != nil && m.sess != nil {
		return m.roomPanel
	}
	if m.sess == nil {
		if m.home == nil {
			return nil
		}
		return m.home
	}
	return m.screens[m.sess.State.Phase]
}

func (m *Model) toScreen(msg tea.Msg) tea.Cmd {
	// Roster and score changes concern every phase, not just the one shown.
	switch msg.(type) {
	case RosterChangedMsg, ScoresChangedMsg, CellChangedMsg:
		var cmds []tea.Cmd
		shown := -1 // the phase on screen (also under the room panel)
		if m.sess != nil {
			shown = m.sess.State.Phase
		}
		for i, s := range m.screens {
			sm := msg
			if c, ok := msg.(ScoresChangedMsg); ok && i != shown {
				c.Hidden = true
				sm = c
			}
			_, cmd := s.Update(sm)
			cmds = append(cmds, cmd)
		}
		return tea.Batch(cmds...)
	}
	if c := m.current(); c != nil {
		_, cmd := c.Update(msg)
		return cmd
	}
	return nil
}

func (m *Model) t(key string, args ...any) string {
	if m.sess != nil {
		return m.sess.T(key, args...)
	}
	return assets.T(m.opt.Lang, key, args...)
}

func (m *Model) onKey(k tea.KeyPressMsg) tea.Cmd {
	if k.String() == "ctrl+c" {
		return m.quit()
	}
	if m.tooSmall() {
		// Nothing of the session is on screen: a key could change what
		// nobody sees. Only quitting works until the window is larger.
		if key.Matches(k, m.keys.Quit) {
			return m.quit()
		}
		return nil
	}
	if m.exportDlg != nil {
		return m.exportDlg.Update(k)
	}
	cur := m.current()
	if cur != nil && cur.Capturing() {
		_, cmd := cur.Update(k)
		return cmd
	}
	if m.showHelp {
		switch k.String() {
		case "?", "esc", "q":
			m.showHelp = false
		}
		return nil
	}
	if m.jumping {
		return m.onJumpKey(k)
	}
	m.status, m.statusBad, m.statusPlain = "", false, false
	g := m.keys
	switch {
	case key.Matches(k, g.Quit):
		return m.quit()
	case key.Matches(k, g.Help):
		m.showHelp = true
		return nil
	case key.Matches(k, g.Theme):
		return m.cycleTheme()
	}
	if m.sess == nil {
		return m.toScreen(k)
	}
	s := m.sess
	switch {
	case key.Matches(k, g.Next):
		if s.State.Phase == len(s.Phases())-1 {
			return noticeCmd(m.t("frame.last_phase"))
		}
		return m.goPhase(s.State.Phase + 1)
	case key.Matches(k, g.Prev):
		if s.State.Phase == 0 {
			return noticeCmd(m.t("frame.first_phase"))
		}
		return m.goPhase(s.State.Phase - 1)
	case key.Matches(k, g.Jump):
		m.jumping, m.jumpSel = true, s.State.Phase
		return nil
	case key.Matches(k, g.Timer, g.Plus, g.Minus) && s.ReadOnly:
		return errCmd(errReadOnly) // the clock is the facilitator's
	case key.Matches(k, g.Timer):
		return m.toggleTimer()
	case key.Matches(k, g.Plus):
		return m.adjustTimer(+1)
	case key.Matches(k, g.Minus):
		return m.adjustTimer(-1)
	case key.Matches(k, g.Undo):
		return m.undo()
	case key.Matches(k, g.Redo):
		return m.redo()
	case key.Matches(k, g.Export):
		return m.openExport(s.Data.Session.ID, "")
	case key.Matches(k, g.Room):
		return m.toggleRoom()
	}
	return m.toScreen(k)
}

// onJumpKey drives the phase chooser: arrows (or j/k) move its cursor,
// Enter opens the phase under it, a digit opens that phase at once; Esc
// or any other key closes it and nothing changes.
func (m *Model) onJumpKey(k tea.KeyPressMsg) tea.Cmd {
	n := len(m.sess.Phases())
	switch k.String() {
	case "up", "k":
		m.jumpSel = (m.jumpSel + n - 1) % n
		return nil
	case "down", "j":
		m.jumpSel = (m.jumpSel + 1) % n
		return nil
	case "home":
		m.jumpSel = 0
		return nil
	case "end":
		m.jumpSel = n - 1
		return nil
	case "enter":
		m.jumping = false
		return m.goPhase(m.jumpSel)
	}
	m.jumping = false
	if len(k.Text) == 1 && k.Text[0] >= '1' && k.Text[0] <= '9' {
		i := int(k.Text[0] - '1')
		if i < n {
			return m.goPhase(i)
		}
	}
	return nil
}

func (m *Model) quit() tea.Cmd {
	m.quitting = true
	if err := m.Close(); err != nil {
		m.status, m.statusBad, m.statusPlain = phrase.Sentence(m.opt.Lang, err), true, false
	}
	return tea.Quit
}

// goPhase shows phase i; the screen left keeps its state, nothing is lost.
func (m *Model) goPhase(i int) tea.Cmd {
	s := m.sess
	if i < 0 || i >= len(s.Phases()) || i == s.State.Phase {
		return nil
	}
	m.roomOpen = false // the phase is what the room sees now
	if !s.ReadOnly {   // leaving a phase pauses its clock: one clock at a time
		now := s.Now()
		s.State.PauseTimers(-1, now)
		s.State.SavedAt = now
	}
	s.State.Phase = i
	return m.enterPhase()
}

// enterPhase saves the phase and lets the screen refresh itself. Entering
// the assessment hides the scoreboard's results until the facilitator
// reveals them.
func (m *Model) enterPhase() tea.Cmd {
	s := m.sess
	if s.Phase().Kind == workshop.PhaseAssessment && !s.ReadOnly {
		s.State.Revealed = false
	}
	var cmds []tea.Cmd
	if err := s.SaveState(); err != nil {
		cmds = append(cmds, errCmd(err))
	}
	cmds = append(cmds, m.current().Enter())
	return tea.Batch(cmds...)
}

func (m *Model) toggleTimer() tea.Cmd {
	s := m.sess
	now := s.Now()
	t := &s.State.Timers[s.State.Phase]
	if t.Running {
		t.Elapsed = t.Run(now)
		t.Running, t.StartedAt = false, time.Time{}
	} else {
		s.State.PauseTimers(s.State.Phase, now) // one clock at a time
		t.Running, t.StartedAt = true, now
	}
	s.State.SavedAt = now
	return m.saveState()
}

func (m *Model) adjustTimer(d int) tea.Cmd {
	s := m.sess
	t := &s.State.Timers[s.State.Phase]
	planned := s.Phase().Minutes + t.AdjustMin + d
	if planned < 1 {
		return nil
	}
	t.AdjustMin += d
	return m.saveState()
}

func (m *Model) saveState() tea.Cmd {
	if err := m.sess.SaveState(); err != nil {
		return errCmd(err)
	}
	return nil
}

// onTick redraws the clock each second; while a timer runs the state is
// saved every 15 seconds so a crash stops the clock close to where it was.
// The projector view reloads the session to follow the facilitator.
func (m *Model) onTick() tea.Cmd {
	s := m.sess
	if s == nil {
		return tick()
	}
	if s.ReadOnly {
		return tea.Batch(tick(), m.followCmd())
	}
	now := s.Now()
	if s.State.Timers[s.State.Phase].Running && now.Sub(m.lastSave) >= 15*time.Second {
		m.lastSave = now
		s.State.SavedAt = now
		if err := s.SaveState(); err != nil {
			return tea.Batch(tick(), errCmd(err))
		}
	}
	return tick()
}

// followCmd reads the session again in the background for the projector
// view, which shows what the facilitator's process wrote.
func (m *Model) followCmd() tea.Cmd {
	l := m.sess.Live
	return func() tea.Msg {
		changed, err := l.Refresh(context.Background())
		if err != nil || !changed {
			return followMsg{err: err}
		}
		return followMsg{d: l.Snapshot()}
	}
}

// followMsg carries a fresh copy of the session to the projector view (d
// is nil when nothing changed).
type followMsg struct {
	d   *workshop.Data
	err error
}

// follow shows a fresh read in the projector view when the facilitator
// wrote something: the answers, the roster, and the facilitator's phase.
func (m *Model) follow(msg followMsg) tea.Cmd {
	s := m.sess
	if msg.err != nil {
		return errCmd(msg.err)
	}
	d := msg.d
	if d == nil || d.Session.UpdatedAt.Equal(s.Data.Session.UpdatedAt) {
		return nil
	}
	s.Follow(d)
	return tea.Batch(m.toScreen(RosterChangedMsg{}), m.toScreen(ScoresChangedMsg{}))
}

func (m *Model) undo() tea.Cmd {
	ev, ok, err := m.sess.Undo()
	if err != nil {
		return errCmd(err)
	}
	if !ok {
		return noticeCmd(m.t("frame.nothing_undo"))
	}
	return tea.Batch(m.toScreen(ScoresChangedMsg{}), m.toScreen(CellChangedMsg{OPDID: ev.OPDID, IndicatorKey: ev.IndicatorKey}),
		statusCmd(m.t("frame.undone", m.describe(ev))))
}

// redo re-applies the newest undone change and puts the grid's cursor on
// its cell, as undo does.
func (m *Model) redo() tea.Cmd {
	ev, ok, err := m.sess.Redo()
	if err != nil {
		return errCmd(err)
	}
	if !ok {
		return noticeCmd(m.t("frame.nothing_redo"))
	}
	return tea.Batch(m.toScreen(ScoresChangedMsg{}), m.toScreen(CellChangedMsg{OPDID: ev.OPDID, IndicatorKey: ev.IndicatorKey}),
		statusCmd(m.t("frame.redone", m.describe(ev))))
}

// describe names a score change for the status line: "DISKOMINFO · Layanan
// Publik: 3 → ·".
func (m *Model) describe(ev workshop.Event) string {
	s := m.sess
	opd := fmt.Sprint(ev.OPDID)
	for _, o := range s.Data.OPDs {
		if o.ID == ev.OPDID {
			opd = o.Code
		}
	}
	item := ev.IndicatorKey
	if ref, ok := s.F().Locate(ev.IndicatorKey); ok {
		item = s.Name(ref.Element.Name)
	}
	if ev.Old == ev.New && ev.OldNote != ev.NewNote {
		return fmt.Sprintf("%s · %s: %s", opd, item, m.t("frame.undone_note"))
	}
	return fmt.Sprintf("%s · %s: %s → %s", opd, item, answerText(ev.Old), answerText(ev.New))
}

func answerText(a workshop.Answer) string {
	switch {
	case a.NA:
		return "N/A"
	case a.Level > 0:
		return fmt.Sprint(a.Level)
	}
	return "·"
}

func (m *Model) cycleTheme() tea.Cmd {
	m.styles = NewStyles(NextTheme(m.styles.Theme))
	if m.sess != nil {
		m.sess.Styles = m.styles
	}
	if m.home != nil {
		m.home.SetStyles(m.styles)
	}
	m.resize() // the pages lay themselves out again in the new colours
	var cmds []tea.Cmd
	if !m.opt.ReadOnly {
		if err := m.opt.Sessions.SetSetting(context.Background(), "theme", m.styles.Theme); err != nil {
			cmds = append(cmds, errCmd(err))
		}
	}
	cmds = append(cmds, statusCmd(m.t("frame.theme", m.t("theme."+m.styles.Theme))))
	return tea.Batch(cmds...)
}

// openExport reads the remembered export choice and folder, then opens
// the export dialog for session id (name is how the dialog names it; empty
// for the open session).
func (m *Model) openExport(id int64, name string) tea.Cmd {
	if m.exportDlg != nil {
		return nil
	}
	if name == "" && m.sess != nil {
		ss := m.sess.Data.Session
		name = ss.City + " · " + m.t("frame.stage", roman(ss.Stage))
	}
	return exportdialog.ReadPrefs(m.opt.Sessions, id, name, m.opt.ExportBase)
}

// exportCmd writes the chosen export in the background.
func (m *Model) exportCmd(c exportdialog.ChosenMsg) tea.Cmd {
	job := exportdialog.Job{Sessions: m.opt.Sessions, ID: c.ID, Kind: c.Kind, Dir: c.Dir, Lang: m.opt.Lang, Now: m.opt.Now(), Remember: !m.opt.ReadOnly}
	if m.sess != nil && m.sess.Live != nil && m.sess.Live.ID() == c.ID {
		job.Open = m.sess.Live // every committed change, as its owner holds it
	}
	return job.Run
}

// View frames the screen on show with the header and the footer.
func (m *Model) View() tea.View {
	frame := m.drawn // drawn by Update while the answer committed
	if frame == "" {
		frame = m.paint(m.render())
	}
	m.drawn = ""
	v := tea.NewView(frame)
	v.AltScreen = true
	v.BackgroundColor = m.styles.P.Bg
	v.ForegroundColor = m.styles.P.Fg
	v.WindowTitle = "bimtek"
	return v
}

// paint gives every cell of the frame the theme's background, and text
// without a colour of its own the theme's text colour. Asking the terminal
// to change its background (View.BackgroundColor) is not enough: tmux and
// the classic Windows console ignore it, and the light theme's dark text
// would stand on a black screen.
func (m *Model) paint(frame string) string {
	if m.paintStyles != m.styles {
		// built once per theme, not per frame
		p := m.styles.P
		m.paintBG, m.paintFG = sgrColor(48, p.Bg), sgrColor(38, p.Fg)
		m.paintStyles = m.styles
	}
	// render made each line exactly the window's width: nothing to measure
	return paintFrame(frame, m.paintBG, m.paintFG)
}

// paintFrame lays the theme's background bg and text colour fg under every
// line of frame: each line starts with them, and wherever a style resets
// (SGR 0, or only the background 49 or the text colour 39) the theme's
// colour comes back at once, so no cell shows the terminal's own colours.
// Each line ends with a full reset. It is one pass over the bytes: the
// escapes are found with IndexByte and everything between them is copied
// whole.
//
// A reset and the theme's colours go out as one sequence, merged with the
// style that follows at once ("\x1b[m" + theme + "\x1b[1;38;2;...m"
// becomes "\x1b[0;1;38;2;...;48;...m"), leaving out a theme colour that
// style sets itself: the cells are the same, and the terminal (and Bubble
// Tea's renderer, which reads every frame) gets about half the bytes.
func paintFrame(frame, bg, fg string) string {
	p := painter{bg: bg, fg: fg, bgP: sgrParams(bg), fgP: sgrParams(fg)}
	var b strings.Builder
	b.Grow(len(frame) + len(frame)/8 + 64*(len(bg)+len(fg)+4))
	for {
		j := strings.IndexByte(frame, '\n')
		line := frame
		if j >= 0 {
			line = frame[:j]
		}
		line = p.reset(&b, line, "\x1b[")
		p.line(&b, line)
		b.WriteString("\x1b[m")
		if j < 0 {
			return b.String()
		}
		b.WriteByte('\n')
		frame = frame[j+1:]
	}
}

// painter holds the theme's colours as sequences and as SGR parameters.
type painter struct{ bg, fg, bgP, fgP string }

// sgrParams is the parameters of an SGR sequence ("48;2;1;2;3" of
// "\x1b[48;2;1;2;3m").
func sgrParams(seq string) string {
	return strings.TrimSuffix(strings.TrimPrefix(seq, "\x1b["), "m")
}

// line writes line with the theme's colours put back after each reset.
func (p *painter) line(b *strings.Builder, line string) {
	for {
		j := strings.IndexByte(line, 0x1b)
		if j < 0 {
			b.WriteString(line)
			return
		}
		b.WriteString(line[:j])
		line = line[j:]
		switch {
		case strings.HasPrefix(line, "\x1b[m"):
			line = p.reset(b, line[3:], "\x1b[0")
		case strings.HasPrefix(line, "\x1b[0m"):
			line = p.reset(b, line[4:], "\x1b[0")
		case strings.HasPrefix(line, "\x1b[49m"):
			b.WriteString(p.bg)
			line = line[5:]
		case strings.HasPrefix(line, "\x1b[39m"):
			b.WriteString(p.fg)
			line = line[5:]
		default:
			b.WriteByte(0x1b)
			line = line[1:]
		}
	}
}

// reset writes a reset (start: "\x1b[0", or "\x1b[" where the line
// starts, after the last line's reset) with the theme's colours, merged
// with the style that follows it in rest when there is one, and returns
// what is left of rest. At the end of a line it writes nothing: the
// line's own reset follows.
func (p *painter) reset(b *strings.Builder, rest, start string) string {
	if rest == "" && start != "\x1b[" {
		return rest
	}
	params, n := plainSGR(rest)
	setsFG, setsBG := false, false
	if n > 0 {
		var ok bool
		setsFG, setsBG, ok = sgrSets(params)
		if !ok {
			n = 0
		}
	}
	b.WriteString(start)
	sep := start != "\x1b["
	put := func(params string) {
		if sep {
			b.WriteByte(';')
		}
		b.WriteString(params)
		sep = true
	}
	if !setsBG {
		put(p.bgP)
	}
	if !setsFG {
		put(p.fgP)
	}
	if n > 0 {
		put(params)
		rest = rest[n:]
	}
	b.WriteByte('m')
	return rest
}

// plainSGR reads an SGR sequence at the start of s made only of digits
// and semicolons: its parameters and its length (0: none there).
func plainSGR(s string) (string, int) {
	if !strings.HasPrefix(s, "\x1b[") {
		return "", 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			if i == 2 {
				return "", 0 // a reset: not a style to merge
			}
			return s[2:i], i + 1
		case c == ';' || (c >= '0' && c <= '9'):
		default:
			return "", 0
		}
	}
	return "", 0
}

// sgrSets says whether the SGR parameters set the text colour and the
// background; ok is false when they also reset something (0, 39, 49) or
// cannot be read, and the sequence is then not merged.
func sgrSets(params string) (fg, bg, ok bool) {
	for params != "" {
		var c string
		c, params, _ = strings.Cut(params, ";")
		switch c {
		case "", "0", "39", "49":
			return false, false, false
		case "38", "48", "58":
			var mode string
			mode, params, _ = strings.Cut(params, ";")
			skip := 0
			switch mode {
			case "5":
				skip = 1
			case "2":
				skip = 3
			default:
				return false, false, false
			}
			for range skip {
				var v string
				v, params, _ = strings.Cut(params, ";")
				if v == "" {
					return false, false, false
				}
			}
			fg, bg = fg || c == "38", bg || c == "48"
		default:
			if len(c) == 2 && (c[0] == '3' || c[0] == '9') && c[1] >= '0' && c[1] <= '7' {
				fg = true
			}
			if (len(c) == 2 && c[0] == '4' && c[1] >= '0' && c[1] <= '7') || (len(c) == 3 && c[:2] == "10" && c[2] >= '0' && c[2] <= '7') {
				bg = true
			}
		}
	}
	return fg, bg, true
}

// sgrColor is the SGR sequence setting a 24-bit colour: code 38 for the
// text, 48 for the background.
func sgrColor(code int, c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("\x1b[%d;2;%d;%d;%dm", code, r>>8, g>>8, b>>8)
}

func (m *Model) render() string {
	w, h := m.w, m.h
	if m.quitting {
		return exactWidth("", w)
	}
	if m.tooSmall() {
		return exactWidth(m.t("frame.too_small", w, h), w)
	}
	header := m.header(w)
	// The footer is always 3 lines (status and two of keys); it is built
	// after the body, so it lists the keys of the layout just drawn.
	bodyH := h - m.headerLines() - m.footerH()
	var body string
	switch {
	case m.showHelp:
		body = m.helpView(w, bodyH)
	case m.jumping:
		body = m.jumpView(w, bodyH)
	case m.exportDlg != nil:
		body = m.exportDlg.View()
	default:
		if c := m.current(); c != nil {
			body = c.View()
		}
	}
	// Every line is made exactly w wide here, measured once, so paint
	// never measures again.
	lines := strings.Split(header, "\n")
	for i, l := range lines {
		lines[i] = exactWidth(l, w)
	}
	lines = append(lines, exactLines(body, w, bodyH)...)
	lines = append(lines, exactLines(m.footer(w), w, m.footerH())...)
	return strings.Join(lines, "\n")
}

// footerLines is the height of the footer with a one-line status: the
// status line and two lines of keys.
const footerLines = 3

// maxStatusLines is as far as a long status (why typing stopped: the lock
// was taken over) wraps before it is cut: the facilitator reads it whole.
const maxStatusLines = 3

// footerH is the footer's height now: the status's lines and two of keys.
func (m *Model) footerH() int { return footerLines - 1 + max(1, m.statusH) }

// statusLines is the status as it is drawn at width w: its mark (✘, ✔ or
// none) and the sentence wrapped under itself, at most maxStatusLines.
func (m *Model) statusLines(w int) []string {
	if m.status == "" {
		return []string{""}
	}
	mark := "✔ "
	switch {
	case m.statusBad:
		mark = "✘ "
	case m.statusPlain:
		mark = ""
	}
	indent := strings.Repeat(" ", len([]rune(mark)))
	if lipgloss.Width(mark+m.status) <= w {
		return []string{mark + m.status}
	}
	text := wrapText(m.status, max(1, w-len([]rune(mark))))
	if len(text) > maxStatusLines {
		text = text[:maxStatusLines]
		text[maxStatusLines-1] = ansi.Truncate(text[maxStatusLines-1]+" …", max(1, w-len([]rune(mark))), "…")
	}
	out := make([]string, len(text))
	for i, l := range text {
		if i == 0 {
			out[i] = mark + l
		} else {
			out[i] = indent + l
		}
	}
	return out
}

// fitStatus gives the status the lines it needs after every message: the
// footer grows (and the page's body shrinks) while a long sentence is on
// show, and gives the lines back when it goes.
func (m *Model) fitStatus() {
	if m.tooSmall() {
		return
	}
	if n := len(m.statusLines(m.w)); n != max(1, m.statusH) {
		m.statusH = n
		m.resize()
	}
}

// tooSmall is a window below the size the layouts are drawn for.
func (m *Model) tooSmall() bool { return m.w < MinWidth || m.h < MinHeight }

func (m *Model) header(w int) string {
	st := m.styles
	if m.sess == nil {
		return st.Header.Width(w).Render(ansi.Truncate(" bimtek · Smart City Bimtek", w, "…"))
	}
	s := m.sess
	ss := s.Data.Session
	left := fmt.Sprintf(" %s · %s · %s", ss.City, m.t("frame.stage", roman(ss.Stage)), ss.Date)
	if s.ReadOnly {
		left += " · " + m.t("frame.readonly")
	}
	right := m.timerText() + " "
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		left = ansi.Truncate(left, max(0, w-lipgloss.Width(right)-1), "…")
		gap = 1
	}
	line1 := st.Header.Render(left+strings.Repeat(" ", gap)) + m.timerStyle(st.Header).Render(right)
	return line1 + "\n" + m.stepper(w)
}

// timerText is the phase clock: "Penilaian mandiri 12:03 / 45:00".
func (m *Model) timerText() string {
	s := m.sess
	t := s.State.Timers[s.State.Phase]
	planned := time.Duration(s.Phase().Minutes+t.AdjustMin) * time.Minute
	run := t.Run(s.Now())
	txt := fmt.Sprintf("⏱ %s / %s", clock(run), clock(planned))
	switch {
	case run > planned:
		txt += " · " + m.t("frame.over_time", clock(run-planned))
	case !t.Running:
		txt += " · " + m.t("frame.paused")
	default:
		txt += " · " + m.t("frame.left", clock(planned-run))
	}
	return txt
}

// clockState says where the phase clock stands: 0 in time, 1 near the
// end (the last 2 minutes or tenth), 2 over time.
func (m *Model) clockState() int {
	s := m.sess
	t := s.State.Timers[s.State.Phase]
	planned := time.Duration(s.Phase().Minutes+t.AdjustMin) * time.Minute
	left := planned - t.Run(s.Now())
	switch {
	case left < 0:
		return 2
	case left <= max(2*time.Minute, planned/10):
		return 1
	}
	return 0
}

// timerStyle is the colour of the current phase in the stepper and of
// the clock: the warning colour near the end, the alarm colour over time.
func (m *Model) timerStyle(normal lipgloss.Style) lipgloss.Style {
	switch m.clockState() {
	case 2:
		return m.styles.ClockOver
	case 1:
		return m.styles.ClockWarn
	}
	return normal
}

// stepper draws the phases: the current one with its name and the timer
// colour, the others by number (with names when the window is wide). No
// phase is ticked off: jumping ahead is not finishing what lies between.
func (m *Model) stepper(w int) string {
	s := m.sess
	st := m.styles
	phases := s.Phases()
	render := func(full bool) string {
		parts := make([]string, len(phases))
		for i, p := range phases {
			label := fmt.Sprintf("%d", i+1)
			if full || i == s.State.Phase {
				label += " " + s.Name(p.Name)
			}
			if i == s.State.Phase {
				parts[i] = m.timerStyle(st.Accent).Render("▶ " + label + " ")
			} else {
				parts[i] = st.Base.Render(label)
			}
		}
		return " " + strings.Join(parts, st.Muted.Render(" › "))
	}
	line := render(true)
	if lipgloss.Width(line) > w {
		line = render(false)
	}
	return ansi.Truncate(line, w, "…")
}

// footerHint is one key and what it does, styled for the footer.
func (m *Model) footerHint(k, desc string) string {
	if m.hintStyles != m.styles || len(m.hints) > 512 {
		m.hints, m.hintStyles = map[[2]string]string{}, m.styles
	}
	if h, ok := m.hints[[2]string{k, desc}]; ok {
		return h
	}
	h := m.styles.Key.Render(k) + " " + m.styles.Base.Render(desc)
	m.hints[[2]string{k, desc}] = h
	return h
}

func (m *Model) footer(w int) string {
	st := m.styles
	status := ""
	if m.status != "" {
		style := st.Good
		switch {
		case m.statusBad:
			style = st.Bad
		case m.statusPlain:
			style = st.Bold
		}
		lines := m.statusLines(w)
		for i, l := range lines {
			lines[i] = style.Render(l)
		}
		status = strings.Join(lines, "\n")
	}
	hint := m.footerHint
	var screen []string
	cur := m.current()
	switch {
	case m.showHelp:
		// ?, Esc and q close the help; every other key waits
		screen = append(screen, hint("?/Esc/q", m.t("frame.help_close_key")))
	case m.exportDlg != nil:
		for _, b := range m.exportDlg.ShortHelp() {
			screen = append(screen, hint(b.Help().Key, b.Help().Desc))
		}
	case m.jumping:
		screen = append(screen, hint("↑/↓", m.t("frame.jump_move")), hint("Enter", m.t("frame.jump_open")),
			hint(fmt.Sprintf("1-%d", len(m.sess.Phases())), m.t("frame.jump_keys")), hint("Esc", m.t("frame.cancel")))
	case cur != nil:
		for _, b := range cur.ShortHelp() {
			if b.Enabled() {
				screen = append(screen, hint(b.Help().Key, b.Help().Desc))
			}
		}
	}
	g := m.keys
	var optional, always []key.Binding // optional go before the screen's keys when space runs out
	switch {
	case m.exportDlg != nil, cur != nil && cur.Capturing() && !m.showHelp:
		// typing goes to the field: the global keys do not work now
	case m.jumping:
		// the chooser takes every key: any other closes it
	case m.showHelp:
		// the help takes every key: ] or [ do nothing, q closes it
	case m.sess != nil:
		// ] is not offered on the last phase, [ not on the first.
		if p := m.sess.State.Phase; p < len(m.sess.Phases())-1 {
			optional = append(optional, g.Next)
		}
		if m.sess.State.Phase > 0 {
			optional = append(optional, g.Prev)
		}
		always = []key.Binding{g.Help, g.Quit}
	default:
		always = []key.Binding{g.Help, g.Quit}
	}
	var opt, alw []string
	for _, b := range optional {
		opt = append(opt, hint(b.Help().Key, b.Help().Desc))
	}
	for _, b := range always {
		alw = append(alw, hint(b.Help().Key, b.Help().Desc))
	}
	// Help and quit always show; the screen's own keys give way last but
	// one, after next/previous phase (? lists every key anyway).
	for {
		parts := append(append(append([]string{}, screen...), opt...), alw...)
		if keys, ok := wrapParts(parts, w, 2); ok || len(screen)+len(opt) == 0 {
			return status + "\n" + keys
		}
		if len(opt) > 0 {
			opt = opt[:len(opt)-1]
		} else {
			screen = screen[:len(screen)-1]
		}
	}
}

// wrapParts lays key hints on n lines of width w; ok is false when some
// did not fit (they are left out).
func wrapParts(parts []string, w, n int) (string, bool) {
	var lines []string
	var widths []int
	cur, curW := "", 0
	placed := 0
	for _, p := range parts {
		pw := lineWidth(p)
		cand, candW := p, pw
		if cur != "" {
			cand, candW = cur+"  "+p, curW+2+pw
		}
		if candW <= w-1 {
			cur, curW = cand, candW
			placed++
			continue
		}
		if len(lines) == n-1 {
			break
		}
		lines, widths = append(lines, cur), append(widths, curW)
		cur, curW = p, pw
		placed++
	}
	lines, widths = append(lines, cur), append(widths, curW)
	for len(lines) < n {
		lines, widths = append(lines, ""), append(widths, 0)
	}
	for i := range lines {
		if widths[i] > w-1 { // measured above: only a line too wide is cut
			lines[i] = ansi.Truncate(lines[i], w-1, "…")
		}
		lines[i] = " " + lines[i]
	}
	return strings.Join(lines[:n], "\n"), placed == len(parts) && curW <= w-1
}

func (m *Model) helpView(w, h int) string {
	st := m.styles
	var screenKeys []key.Binding
	if c := m.current(); c != nil {
		for _, col := range c.FullHelp() {
			screenKeys = append(screenKeys, col...)
		}
	}
	g := m.keys
	globals := []key.Binding{g.Theme, g.Help, g.Quit} // what works on the home screen
	if m.sess != nil {
		globals = []key.Binding{g.Next, g.Prev, g.Jump, g.Timer, g.Plus, g.Undo, g.Redo, g.Export, g.Room, g.Theme, g.Help, g.Quit}
	}
	// rows lists keys in a column of colW cells: a description wraps
	// under itself when wrap says so (nil: all), else it is cut.
	rows := func(bs []key.Binding, colW int, wrap func(int) bool) []string {
		var out []string
		descW := max(1, colW-16)
		for i, b := range bs {
			hk := b.Help()
			desc := []string{ansi.Truncate(hk.Desc, descW, "…")}
			if wrap == nil || wrap(i) {
				desc = wrapText(hk.Desc, descW)
			}
			for j, d := range desc {
				k := ""
				if j == 0 {
					k = hk.Key
				}
				out = append(out, " "+st.Key.Render(fitCell(k, 13))+" "+st.Base.Render(d))
			}
		}
		return out
	}
	column := func(title string, bs []key.Binding, colW int, wrap func(int) bool) []string {
		if len(bs) == 0 {
			return nil
		}
		return append([]string{st.Title.Render(" " + title)}, rows(bs, colW, wrap)...)
	}
	title := st.Title.Render(" "+m.t("frame.help_title")) + st.Base.Render(" · "+m.t("frame.help_close"))
	head := []string{ansi.Truncate(title, w, "…"), ""}
	one := func() []string {
		left := column(m.t("frame.help_screen"), screenKeys, w, nil)
		if len(left) > 0 {
			left = append(left, "")
		}
		return append(append(append([]string{}, head...), left...), column(m.t("frame.help_global"), globals, w, nil)...)
	}
	// two lays the keys out in two columns; wrapped[i] says whether entry
	// i (the screen's keys, then the global ones) wraps.
	two := func(wrapped []bool) []string {
		colW := w/2 - 1
		nl := len(screenKeys)
		left := column(m.t("frame.help_screen"), screenKeys, colW, func(i int) bool { return wrapped == nil || wrapped[i] })
		right := column(m.t("frame.help_global"), globals, colW, func(i int) bool { return wrapped == nil || wrapped[nl+i] })
		lines := append([]string{}, head...)
		for i := 0; i < max(len(left), len(right)); i++ {
			l, r := "", ""
			if i < len(left) {
				l = left[i]
			}
			if i < len(right) {
				r = right[i]
			}
			lines = append(lines, fitCell(l, colW+1)+" "+r)
		}
		return lines
	}
	// The roomiest layout that fits: two columns on a wide window, else
	// one full-width column, else two columns; descriptions wrap before
	// anything is cut, and when not all of them can, as many as the
	// window has rows for.
	var lines []string
	switch {
	case w >= 120 && len(two(nil)) <= h:
		lines = two(nil)
	case len(one()) <= h:
		lines = one()
	case w < MinWidth:
		lines = one()
	default:
		wrapped := make([]bool, len(screenKeys)+len(globals))
		for i := range wrapped {
			wrapped[i] = true
			if len(two(wrapped)) > h {
				wrapped[i] = false
			}
		}
		lines = two(wrapped)
	}
	if len(lines) > h {
		lines = append(lines[:1], lines[2:]...) // the blank line goes first
	}
	return strings.Join(lines, "\n")
}

// jumpView is the phase chooser: the seven phases (or the framework's
// agenda) as a list to pick from, with their planned minutes and the time
// used, the cursor's row highlighted and the phase on show marked.
func (m *Model) jumpView(w, h int) string {
	st := m.styles
	s := m.sess
	lines := []string{}
	for _, l := range wrapText(m.t("frame.jump_title"), max(1, w-2)) {
		lines = append(lines, st.Title.Render(" "+l))
	}
	lines = append(lines, "")
	now := s.Now()
	nw := 0
	for _, p := range s.Phases() {
		nw = max(nw, lipgloss.Width(s.Name(p.Name)))
	}
	nw = min(nw, max(8, w-40))
	for i, p := range s.Phases() {
		var t Timer
		if i < len(s.State.Timers) {
			t = s.State.Timers[i]
		}
		used := "—"
		if run := t.Run(now); run > 0 || t.Running {
			used = clock(run)
		}
		mark := "  "
		if i == m.jumpSel {
			mark = "▶ "
		}
		onShow := ""
		if i == s.State.Phase {
			onShow = "  " + m.t("frame.jump_current")
		}
		text := fmt.Sprintf("%s%d  %s  %s  %s%s", mark, i+1, fitCell(s.Name(p.Name), nw),
			fitCellRight(m.t("open.minutes", p.Minutes+t.AdjustMin), 8), fitCellRight(used, 8), onShow)
		text = ansi.Truncate(text, max(1, w-2), "…")
		if i == m.jumpSel {
			lines = append(lines, " "+st.Selected.Render(fitCell(text, max(1, w-2))))
		} else {
			lines = append(lines, " "+st.Base.Render(text))
		}
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// ReopenCommand is the command that reopens session id in the database at
// path, as the wrap-up shows it (the command line prints it on quitting).
func ReopenCommand(id int64, path, defaultDB string) string {
	return wrapup.ReopenCommand(id, path, defaultDB)
}
