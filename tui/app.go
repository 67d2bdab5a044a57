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

// Model is the root of the app: it frames the screen on show, the home
// page or an open session (a Session), with a header and a footer, and
// owns what both share: the theme, the language, the window's size, the
// status line, the ? help, the export dialog and quitting. It switches
// from the home page to a session when one opens; it never asks which
// of the two is on show.
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

	// scr is the screen on show: the home page, or the open session.
	scr framed
	// send delivers a message to the running program (Listen).
	send func(tea.Msg)

	status   statusLine
	showHelp bool
	quitting bool
	// statusH is the lines the status takes (fitStatus): 1, or more for
	// a long sentence.
	statusH int
	// exportDlg is the in-app export's dialog while it is open.
	exportDlg *exportdialog.Dialog
	// Opened is the session that was open when the app stopped, so the
	// command line can say how to reopen it.
	Opened int64
}

// statusLine is the footer's sentence: what was just done, or why
// nothing was.
type statusLine struct {
	text string
	bad  bool
	// plain: a status that reports nothing done ("nothing to undo",
	// "nothing removed") carries no ✔.
	plain bool
}

// A framed screen is what the root frames: the home page before a session is
// open (homeScreen), or the open session (Session). Each keeps the page
// contract for the body; the rest is what the frame around it needs.
type framed interface {
	Page
	// init is the screen's first command: the session list, or the
	// phase where the session stopped.
	init() tea.Cmd
	// header draws the lines above the body, headerLines of them.
	header(w int) string
	headerLines() int
	// globals are the keys that work everywhere on this screen, for the
	// ? help; footerKeys those the footer offers, the optional ones
	// giving way first when space runs out.
	globals() []key.Binding
	footerKeys() (optional, always []key.Binding)
	// opened is a session loaded in the background: the home page gives
	// way to it, an open session lets it go again.
	opened(msg sessionLoadedMsg) (framed, tea.Cmd)
	// exportFrom is the owner of session id when it is the open one, so
	// the export writes what it holds; nil otherwise.
	exportFrom(id int64) Live
	setStyles(st *Styles)
	// listenTo forwards the open session's changes made elsewhere.
	listenTo(send func(tea.Msg))
	// id is the open session's, 0 on the home page.
	id() int64
	// close saves what is left and releases the session's lock.
	close() error
	// beginOverlap, pending and settle let a digit's commit overlap the
	// drawing of its frame (Sess.BeginOverlap); the home page commits
	// nothing.
	beginOverlap()
	pending() bool
	settle() error
}

var (
	_ framed = (*homeScreen)(nil)
	_ framed = (*Session)(nil)
)

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
		msg := loadSession(opt.Open, opt.Session, opt.ReadOnly)
		if msg.err != nil {
			return nil, msg.err
		}
		s := m.newSession(msg)
		m.show(s)
		if opt.Listen != "" {
			if err := s.startRoom(opt.Listen); err != nil {
				m.Close()
				return nil, err
			}
		}
		return m, nil
	}
	m.show(newHomeScreen(m))
	return m, nil
}

// newSession builds the screens of a loaded session.
func (m *Model) newSession(msg sessionLoadedMsg) *Session {
	return newSession(msg, m.opt, m.styles, m.keys, &m.status)
}

// openSession shows a session loaded from the home page and enters the
// phase where it stopped.
func (m *Model) openSession(msg sessionLoadedMsg) (framed, tea.Cmd) {
	s := m.newSession(msg)
	m.show(s)
	return s, s.init()
}

// show puts scr on screen at the body's size.
func (m *Model) show(scr framed) {
	m.scr, m.Opened = scr, scr.id()
	m.resize()
	scr.listenTo(m.send)
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

// Listen makes the running program receive the open session's changes
// made elsewhere (a phone in room mode) as messages, in their order: send
// is the program's Send. Until it is called, nothing is forwarded (a test
// drives Update itself).
func (m *Model) Listen(send func(tea.Msg)) {
	m.send = send
	m.scr.listenTo(send)
}

// Close releases the session lock. Everything else is already saved.
func (m *Model) Close() error { return m.scr.close() }

type tickMsg time.Time

func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// Init starts the clock and the screen on show: the session list, or the
// phase where the session stopped.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tick(), m.scr.init())
}

// Update routes messages: what the frame owns first (the window, the
// status line, the export dialog, the root's keys), then the screen on
// show.
//
// A digit's commit overlaps the drawing of its frame: the grid's answer is
// written on the owner's goroutine while the frame with it is drawn here,
// and Update returns (so the frame can reach the terminal) only once the
// commit has returned. A commit that failed puts the cell and the cursor
// back, and the frame is drawn again with the sentence that says why.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	scr := m.scr
	scr.beginOverlap()
	m.drawn = ""
	cmd := m.update(msg)
	m.fitStatus()
	if scr != m.scr { // the home page gave way to a session: nothing was in flight
		return m, cmd
	}
	if !scr.pending() {
		_ = scr.settle() // nothing in flight: ends the overlap
		return m, cmd
	}
	frame := m.paint(m.render())
	if err := scr.settle(); err != nil {
		m.status = statusLine{text: phrase.Sentence(m.opt.Lang, err), bad: true}
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
		return tea.Batch(tick(), m.toScreen(msg))
	case ErrMsg:
		m.status = statusLine{text: phrase.Sentence(m.opt.Lang, msg.Err), bad: true}
		return nil
	case StatusMsg:
		m.status = statusLine{text: msg.Text, plain: msg.Plain}
		return nil
	case sessionLoadedMsg:
		if msg.err != nil {
			m.status = statusLine{text: phrase.Sentence(m.opt.Lang, msg.err), bad: true}
			return nil
		}
		next, cmd := m.scr.opened(msg)
		m.scr = next
		return cmd
	case ExportSessionMsg:
		return m.openExport(msg.ID, msg.Name)
	case exportdialog.PrefsMsg:
		if m.exportDlg == nil {
			m.exportDlg = exportdialog.New(msg, m.opt.Lang, m.styles)
			m.exportDlg.SetSize(m.w, m.h-m.scr.headerLines()-m.footerH())
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
			m.status = statusLine{text: phrase.Sentence(m.opt.Lang, msg.Err), bad: true}
		} else {
			m.exportDlg = nil
			m.status = statusLine{text: exportdialog.Status(m.opt.Lang, msg, m.w)}
		}
		return m.toScreen(msg)
	case tea.KeyPressMsg:
		return m.onKey(msg)
	}
	return m.toScreen(msg)
}

// resize gives the screen on show (and the export dialog) the body's
// size: the window less the header and the footer.
func (m *Model) resize() {
	w, h := m.w, m.h-m.scr.headerLines()-m.footerH()
	m.scr.SetSize(w, h)
	if m.exportDlg != nil {
		m.exportDlg.SetSize(w, h)
	}
}

// toScreen hands a message to the screen on show.
func (m *Model) toScreen(msg tea.Msg) tea.Cmd {
	_, cmd := m.scr.Update(msg)
	return cmd
}

func (m *Model) t(key string, args ...any) string { return assets.T(m.opt.Lang, key, args...) }

// onKey handles the keys the frame owns (quit, help, theme, the export
// dialog while it is open) and hands every other to the screen on show.
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
	if m.scr.Capturing() {
		return m.toScreen(k)
	}
	if m.showHelp {
		switch k.String() {
		case "?", "esc", "q":
			m.showHelp = false
		}
		return nil
	}
	m.status = statusLine{}
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
	return m.toScreen(k)
}

func (m *Model) quit() tea.Cmd {
	m.quitting = true
	if err := m.Close(); err != nil {
		m.status = statusLine{text: phrase.Sentence(m.opt.Lang, err), bad: true}
	}
	return tea.Quit
}

func (m *Model) cycleTheme() tea.Cmd {
	m.styles = NewStyles(NextTheme(m.styles.Theme))
	m.scr.setStyles(m.styles)
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
// the export dialog for session id (name is how the dialog names it).
func (m *Model) openExport(id int64, name string) tea.Cmd {
	if m.exportDlg != nil {
		return nil
	}
	return exportdialog.ReadPrefs(m.opt.Sessions, id, name, m.opt.ExportBase)
}

// exportCmd writes the chosen export in the background.
func (m *Model) exportCmd(c exportdialog.ChosenMsg) tea.Cmd {
	job := exportdialog.Job{Sessions: m.opt.Sessions, ID: c.ID, Kind: c.Kind, Dir: c.Dir, Lang: m.opt.Lang, Now: m.opt.Now(), Remember: !m.opt.ReadOnly}
	job.Open = m.scr.exportFrom(c.ID) // every committed change, as its owner holds it
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
	header := m.scr.header(w)
	// The footer is always 3 lines (status and two of keys); it is built
	// after the body, so it lists the keys of the layout just drawn.
	bodyH := h - m.scr.headerLines() - m.footerH()
	var body string
	switch {
	case m.showHelp:
		body = m.helpView(w, bodyH)
	case m.exportDlg != nil:
		body = m.exportDlg.View()
	default:
		body = m.scr.View()
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
	if m.status.text == "" {
		return []string{""}
	}
	mark := "✔ "
	switch {
	case m.status.bad:
		mark = "✘ "
	case m.status.plain:
		mark = ""
	}
	indent := strings.Repeat(" ", len([]rune(mark)))
	if lipgloss.Width(mark+m.status.text) <= w {
		return []string{mark + m.status.text}
	}
	text := wrapText(m.status.text, max(1, w-len([]rune(mark))))
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
	if m.status.text != "" {
		style := st.Good
		switch {
		case m.status.bad:
			style = st.Bad
		case m.status.plain:
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
	switch {
	case m.showHelp:
		// ?, Esc and q close the help; every other key waits
		screen = append(screen, hint("?/Esc/q", m.t("frame.help_close_key")))
	case m.exportDlg != nil:
		for _, b := range m.exportDlg.ShortHelp() {
			screen = append(screen, hint(b.Help().Key, b.Help().Desc))
		}
	default:
		// the page's keys (the phase chooser's while it is open)
		for _, b := range m.scr.ShortHelp() {
			if b.Enabled() {
				screen = append(screen, hint(b.Help().Key, b.Help().Desc))
			}
		}
	}
	var optional, always []key.Binding // optional go before the screen's keys when space runs out
	switch {
	case m.exportDlg != nil, m.scr.Capturing() && !m.showHelp:
		// typing goes to the field (or the phase chooser takes every
		// key): the global keys do not work now
	case m.showHelp:
		// the help takes every key: ] or [ do nothing, q closes it
	default:
		optional, always = m.scr.footerKeys()
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
	for _, col := range m.scr.FullHelp() {
		screenKeys = append(screenKeys, col...)
	}
	globals := m.scr.globals()
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

// ReopenCommand is the command that reopens session id in the database at
// path, as the wrap-up shows it (the command line prints it on quitting).
func ReopenCommand(id int64, path, defaultDB string) string {
	return wrapup.ReopenCommand(id, path, defaultDB)
}
