package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/phrase"
	"github.com/bimtek/bimtek/tui/common"
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

// Session is an open session as the root frames it: one page a phase,
// the phase stepper and the clock of the header, the phase chooser (g),
// undo and redo, the projector view's following, room mode's panel and
// the changes made elsewhere (a phone, a take-over). It always has its
// session: the root makes one when a session opens and drops it when the
// app leaves it, so nothing here asks whether a session is open.
//
// It keeps the page contract: its body is the phase on show, the room
// panel over it, or the phase chooser.
type Session struct {
	common.Size
	opt    Options
	keys   GlobalKeys
	status *statusLine // the root's status line: the lock lost, room mode stopped

	sess    *Sess
	screens []Page
	release func() error
	// stopSub ends the subscription to the session's changes (listen).
	stopSub func()

	jumping bool
	// jumpSel is the phase the chooser (g) has its cursor on.
	jumpSel  int
	lastSave time.Time
	// Room mode: the panel (nil until first shown) and whether it is on
	// screen.
	roomPanel *roompanel.Panel
	roomOpen  bool
}

// newSession builds the screens of a loaded (and locked) session.
func newSession(msg sessionLoadedMsg, opt Options, styles *Styles, keys GlobalKeys, status *statusLine) *Session {
	s := NewSess(msg.live, msg.d, opt.Lang, styles, opt.Now)
	s.ReadOnly = opt.ReadOnly
	s.ExportBase = opt.ExportBase
	s.DefaultDB = opt.DefaultDB
	s.PhoneCells = opt.PhoneCells
	s.LoadPhoneMarks()
	m := &Session{opt: opt, keys: keys, status: status, sess: s, release: msg.release}
	m.buildScreens()
	return m
}

func (m *Session) t(key string, args ...any) string { return m.sess.T(key, args...) }

// init shows the phase where the session stopped.
func (m *Session) init() tea.Cmd { return m.enterPhase() }

// id is the session's id, for the reopen command the command line prints.
func (m *Session) id() int64 { return m.sess.Data.Session.ID }

// opened is a second session loaded while this one is open (a second
// Enter on home while the first was loading): its lock goes back at once.
func (m *Session) opened(msg sessionLoadedMsg) (framed, tea.Cmd) {
	if msg.release != nil {
		_ = msg.release()
	}
	return m, nil
}

// exportFrom is the session's owner when the export is of this session:
// the export writes every committed change as its owner holds it.
func (m *Session) exportFrom(id int64) Live {
	if m.sess.Live != nil && m.sess.Live.ID() == id {
		return m.sess.Live
	}
	return nil
}

// setStyles gives every page the theme's styles.
func (m *Session) setStyles(st *Styles) { m.sess.Styles = st }

// headerLines: the title bar and the phase stepper under it.
func (m *Session) headerLines() int { return 2 }

// globals are the keys that work on every phase, for the ? help.
func (m *Session) globals() []key.Binding {
	g := m.keys
	return []key.Binding{g.Next, g.Prev, g.Jump, g.Timer, g.Plus, g.Undo, g.Redo, g.Export, g.Room, g.Theme, g.Help, g.Quit}
}

// footerKeys are the global keys the footer offers: ] not on the last
// phase, [ not on the first (they give way first when space runs out),
// and help and quit always.
func (m *Session) footerKeys() (optional, always []key.Binding) {
	g := m.keys
	if p := m.sess.State.Phase; p < len(m.sess.Phases())-1 {
		optional = append(optional, g.Next)
	}
	if m.sess.State.Phase > 0 {
		optional = append(optional, g.Prev)
	}
	return optional, []key.Binding{g.Help, g.Quit}
}

// current is the page on show: the room panel over the phase, or the
// phase.
func (m *Session) current() Page {
	if m.roomOpen && m.roomPanel != nil {
		return m.roomPanel
	}
	return m.screens[m.sess.State.Phase]
}

// SetSize gives every page of the session the body's size.
func (m *Session) SetSize(w, h int) {
	m.W, m.H = w, h
	for _, p := range m.screens {
		p.SetSize(w, h)
	}
	if m.roomPanel != nil {
		m.roomPanel.SetSize(w, h)
	}
}

// View draws the body: the phase chooser while it is open, else the page
// on show.
func (m *Session) View() string {
	if m.jumping {
		return m.jumpView(m.W, m.H)
	}
	return m.current().View()
}

// Capturing is true while the phase chooser or a page that takes text
// has the keys: the root then leaves them all (but ctrl+c) to it.
func (m *Session) Capturing() bool { return m.jumping || m.current().Capturing() }

// ShortHelp is the footer's keys: the chooser's while it is open, else
// those of the page on show.
func (m *Session) ShortHelp() []key.Binding {
	if m.jumping {
		l := m.sess.Lang
		return []key.Binding{
			common.KeyHelp(l, "↑/↓", "frame.jump_move", "up", "down"),
			common.KeyHelp(l, "Enter", "frame.jump_open", "enter"),
			key.NewBinding(key.WithKeys("1"), key.WithHelp(fmt.Sprintf("1-%d", len(m.sess.Phases())), assets.T(l, "frame.jump_keys"))),
			common.KeyHelp(l, "Esc", "frame.cancel", "esc"),
		}
	}
	return m.current().ShortHelp()
}

// FullHelp is the ? help's part of the page on show.
func (m *Session) FullHelp() [][]key.Binding { return m.current().FullHelp() }

// Enter shows the phase where the session stands.
func (m *Session) Enter() tea.Cmd { return m.enterPhase() }

// Update handles what concerns the open session: its keys (after the
// root's own), the clock's tick, changes made elsewhere, room mode, the
// projector view's fresh reads; everything else goes to the page on show.
func (m *Session) Update(msg tea.Msg) (Page, tea.Cmd) {
	defer m.syncReveal()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m, m.onKey(msg)
	case tickMsg:
		return m, tea.Batch(m.onTick(), m.roomTick())
	case changesMsg:
		return m, m.onChanges(msg.cs)
	case roompanel.StartedMsg, roompanel.CloseMsg, roompanel.StoppedMsg, roompanel.PhonesMsg:
		return m, m.onRoom(msg)
	case followMsg:
		if m.sess.ReadOnly {
			return m, m.follow(msg)
		}
		return m, nil
	case OpenSessionMsg:
		return m, nil // home's request; this session stays open
	case ExportRequestMsg:
		ss := m.sess.Data.Session
		ask := ExportSessionMsg{ID: ss.ID, Name: ss.City + " · " + m.t("frame.stage", roman(ss.Stage))}
		return m, func() tea.Msg { return ask }
	}
	return m, m.toScreen(msg)
}

// onKey handles a key the root left to the session: the chooser's while
// it is open, a capturing page's, the global keys of a session, else the
// page's own.
func (m *Session) onKey(k tea.KeyPressMsg) tea.Cmd {
	if m.jumping {
		return m.onJumpKey(k)
	}
	if cur := m.current(); cur.Capturing() {
		_, cmd := cur.Update(k)
		return cmd
	}
	s := m.sess
	g := m.keys
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
		_, cmd := m.Update(ExportRequestMsg{})
		return cmd
	case key.Matches(k, g.Room):
		return m.toggleRoom()
	}
	return m.toScreen(k)
}

// toScreen hands a message to the page on show; roster and score changes
// concern every phase, not just the one shown (the others only mark their
// layout stale).
func (m *Session) toScreen(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case RosterChangedMsg, ScoresChangedMsg, CellChangedMsg:
		var cmds []tea.Cmd
		shown := m.sess.State.Phase // the phase on screen (also under the room panel)
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
	_, cmd := m.current().Update(msg)
	return cmd
}

// listenTo forwards the session's changes made elsewhere (a phone in room
// mode, a take-over) through send, from a goroutine of its own that only
// sends messages: the copy the screens draw is changed in Update alone.
// The projector view follows by Refresh on its clock instead.
func (m *Session) listenTo(send func(tea.Msg)) {
	if send == nil || m.sess.Live == nil || m.sess.ReadOnly || m.stopSub != nil {
		return
	}
	ch, stop := m.sess.Live.Subscribe()
	m.stopSub = stop
	go func() {
		for c := range ch {
			send(changesMsg{waiting(c, ch)})
		}
	}()
}

// close stops room mode, saves the clock to the second and releases the
// session's lock. Everything else is already saved.
func (m *Session) close() error {
	m.stopRoom()
	if s := m.sess; !s.ReadOnly {
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

// beginOverlap, pending and settle are the session's (Sess.BeginOverlap):
// a digit's commit runs while the root draws the frame with it.
func (m *Session) beginOverlap() { m.sess.BeginOverlap() }
func (m *Session) pending() bool { return m.sess.Pending() }
func (m *Session) settle() error { return m.sess.Settle() }

// header is the title bar (city, tahap, date, the clock) and the phase
// stepper under it.
func (m *Session) header(w int) string {
	st := m.sess.Styles
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

// waiting is first and the changes already waiting behind it in ch, in
// their order (at most maxChangesPerMsg).
func waiting(first workshop.Change, ch <-chan workshop.Change) []workshop.Change {
	cs := []workshop.Change{first}
	for len(cs) < maxChangesPerMsg {
		select {
		case c, ok := <-ch:
			if !ok {
				return cs
			}
			cs = append(cs, c)
		default:
			return cs
		}
	}
	return cs
}

// onChanges brings the screens up to changes made elsewhere, and tells
// the phases once.
func (m *Session) onChanges(cs []workshop.Change) tea.Cmd {
	s := m.sess
	for _, c := range cs {
		if c.Kind == workshop.LockLost {
			m.status.text, m.status.bad, m.status.plain = phrase.Sentence(m.opt.Lang, s.Live.Err()), true, false
		}
	}
	scores, roster := s.ApplyAll(cs)
	var cmds []tea.Cmd
	if roster {
		cmds = append(cmds, m.toScreen(RosterChangedMsg{}))
	}
	if scores {
		cmds = append(cmds, m.toScreen(ScoresChangedMsg{}))
	}
	return tea.Batch(cmds...)
}

func (m *Session) buildScreens() {
	s := m.sess
	m.screens = make([]Page, len(s.Phases()))
	for i, p := range s.Phases() {
		m.screens[i] = newPhaseScreen(s, p.Kind)
	}
}

// Every page the root frames keeps the page contract.
var (
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

// onJumpKey drives the phase chooser: arrows (or j/k) move its cursor,
// Enter opens the phase under it, a digit opens that phase at once; Esc
// or any other key closes it and nothing changes.
func (m *Session) onJumpKey(k tea.KeyPressMsg) tea.Cmd {
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

// goPhase shows phase i; the screen left keeps its state, nothing is lost.
func (m *Session) goPhase(i int) tea.Cmd {
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
func (m *Session) enterPhase() tea.Cmd {
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

func (m *Session) toggleTimer() tea.Cmd {
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

func (m *Session) adjustTimer(d int) tea.Cmd {
	s := m.sess
	t := &s.State.Timers[s.State.Phase]
	planned := s.Phase().Minutes + t.AdjustMin + d
	if planned < 1 {
		return nil
	}
	t.AdjustMin += d
	return m.saveState()
}

func (m *Session) saveState() tea.Cmd {
	if err := m.sess.SaveState(); err != nil {
		return errCmd(err)
	}
	return nil
}

// onTick is the clock's second (the root redraws it and asks for the
// next): while a timer runs the state is saved every 15 seconds so a
// crash stops the clock close to where it was. The projector view reloads
// the session to follow the facilitator.
func (m *Session) onTick() tea.Cmd {
	s := m.sess
	if s.ReadOnly {
		return m.followCmd()
	}
	now := s.Now()
	if s.State.Timers[s.State.Phase].Running && now.Sub(m.lastSave) >= 15*time.Second {
		m.lastSave = now
		s.State.SavedAt = now
		if err := s.SaveState(); err != nil {
			return errCmd(err)
		}
	}
	return nil
}

// followCmd reads the session again in the background for the projector
// view, which shows what the facilitator's process wrote.
func (m *Session) followCmd() tea.Cmd {
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
func (m *Session) follow(msg followMsg) tea.Cmd {
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

func (m *Session) undo() tea.Cmd {
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
func (m *Session) redo() tea.Cmd {
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
func (m *Session) describe(ev workshop.Event) string {
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

// timerText is the phase clock: "Penilaian mandiri 12:03 / 45:00".
func (m *Session) timerText() string {
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
func (m *Session) clockState() int {
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
func (m *Session) timerStyle(normal lipgloss.Style) lipgloss.Style {
	switch m.clockState() {
	case 2:
		return m.sess.Styles.ClockOver
	case 1:
		return m.sess.Styles.ClockWarn
	}
	return normal
}

// stepper draws the phases: the current one with its name and the timer
// colour, the others by number (with names when the window is wide). No
// phase is ticked off: jumping ahead is not finishing what lies between.
func (m *Session) stepper(w int) string {
	s := m.sess
	st := m.sess.Styles
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

// jumpView is the phase chooser: the seven phases (or the framework's
// agenda) as a list to pick from, with their planned minutes and the time
// used, the cursor's row highlighted and the phase on show marked.
func (m *Session) jumpView(w, h int) string {
	st := m.sess.Styles
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

// newRoomPanel builds room mode's panel at the body's size.
func (m *Session) newRoomPanel() *roompanel.Panel {
	r := roompanel.New(m.sess, m.opt.StartRoom)
	r.SetSize(m.W, m.H)
	return r
}
