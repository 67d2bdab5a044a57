package common

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"time"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/workshop"
)

// Sess is the open session as every screen sees it: the session's owner
// (Live), this program's copy of its data and live scores (Data, Board),
// the UI language and styles, and the UI state that is saved so a later
// day reopens on the same screen.
//
// Screens change the session only through Sess methods, which write
// through Live first and update the copy only after the write committed:
// what is on screen is what is on disk. Changes made elsewhere (a phone in
// room mode) reach the copy as changesMsg, on the program's goroutine
// (apply).
type Sess struct {
	Live   Live
	Data   *workshop.Data
	Board  *workshop.Board
	Lang   string
	Styles *Styles
	State  UIState
	// Now is the clock (fixed in tests, so golden views are stable).
	Now func() time.Time
	// ReadOnly is the projector view (`bimtek present`): nothing is written.
	ReadOnly bool
	// ExportBase is the folder under which exports are written.
	ExportBase string
	// DefaultDB is the database used without --db.
	DefaultDB string
	// PhoneCells reads which cells a phone wrote last (room mode's marks
	// in the grid); nil: none are known from before.
	PhoneCells func(ctx context.Context, sessionID int64) (map[int64]map[string]bool, error)

	notes     map[int64]map[string]string
	phone     map[int64]map[string]bool // cells a phone wrote last (room mode)
	lastSaved []byte
	ctx       context.Context

	// overlap lets SetAnswer start its commit and return while it runs
	// (BeginOverlap ... Settle); pending is that commit, failed its error
	// once it was undone; before is the cursor when the key came.
	overlap bool
	pending *pendingAnswer
	failed  error
	before  UIState
}

// pendingAnswer is an answer shown before its commit returned: what the
// copy held before, to put back if the commit fails.
type pendingAnswer struct {
	done             chan error
	opdID            int64
	key              string
	old              workshop.Answer
	oldPhone         bool
	oldSaved, oldSet []byte
}

// NewSess wraps a copy of the session's data (d, which the Sess keeps; l
// may be nil for a screen that only draws). The UI state saved in the
// data, if any, is restored.
func NewSess(l Live, d *workshop.Data, lang string, styles *Styles, now func() time.Time) *Sess {
	if now == nil {
		now = time.Now
	}
	s := &Sess{Live: l, Data: d, Lang: lang, Styles: styles, Now: now, ctx: context.Background()}
	s.rebuild()
	if len(d.UIState) > 0 {
		_ = json.Unmarshal(d.UIState, &s.State) // an unreadable state starts fresh
		s.lastSaved = d.UIState
	}
	s.State.normalise(s)
	if !s.ReadOnly {
		s.State.resumeTimersAtSave(s.Now())
	}
	return s
}

func (s *Sess) rebuild() {
	d := s.Data
	s.Board = workshop.NewBoard(d.Session.Framework, d.OPDs, d.Sheets(), d.Targets)
	s.notes = map[int64]map[string]string{}
	for _, r := range d.Scores {
		if r.Note != "" {
			s.setNoteCache(r.OPDID, r.IndicatorKey, r.Note)
		}
	}
}

func (s *Sess) setNoteCache(opd int64, key, note string) {
	m := s.notes[opd]
	if m == nil {
		m = map[string]string{}
		s.notes[opd] = m
	}
	if note == "" {
		delete(m, key)
	} else {
		m[key] = note
	}
}

// T returns a UI string in the session's language.
func (s *Sess) T(key string, args ...any) string { return assets.T(s.Lang, key, args...) }

// F is the session's framework.
func (s *Sess) F() *workshop.Framework { return s.Data.Session.Framework }

// Name returns a framework text in the session's language.
func (s *Sess) Name(t workshop.Text) string { return t.In(s.Lang) }

// Note returns the note of one cell.
func (s *Sess) Note(opdID int64, indicatorKey string) string { return s.notes[opdID][indicatorKey] }

// Notes are the notes of one OPD by indicator key (nil: none). The map is
// the copy the screens draw: read it, never change it.
func (s *Sess) Notes(opdID int64) map[string]string { return s.notes[opdID] }

// Ctx is the context the session's writes run under.
func (s *Sess) Ctx() context.Context {
	if s.ctx != nil {
		return s.ctx
	}
	return context.Background()
}

// SetAnswer commits one answer, together with the UI state as it is now
// (the grid moves its cursor on before it writes), then shows it. One
// transaction: a keystroke costs one durable commit, and the score and
// the cursor can never be saved apart.
//
// Between BeginOverlap and Settle (the root model's Update of one key) the
// commit runs on its own goroutine while the screens draw the frame with
// the answer in it; Settle waits for the commit before that frame may be
// shown, and a failed commit puts the copy back as it was, so the frame
// that reaches the terminal is still only what is on disk.
func (s *Sess) SetAnswer(opdID int64, indicatorKey string, a workshop.Answer) error {
	if s.ReadOnly {
		return ErrReadOnly
	}
	if err := s.wait(); err != nil {
		return err
	}
	state, err := json.Marshal(s.State)
	if err != nil {
		return fmt.Errorf("encode screen state: %w", err)
	}
	// Everything the commit reads is taken here: on its own goroutine it
	// touches nothing of the copy.
	l, ctx, sameState := s.Live, s.ctx, string(state) == string(s.lastSaved)
	commit := func() error {
		var err error
		if sameState {
			_, err = l.SetAnswer(ctx, workshop.Keyboard, opdID, indicatorKey, a)
		} else {
			_, err = l.SetAnswerAndState(ctx, workshop.Keyboard, opdID, indicatorKey, a, state)
		}
		return err
	}
	if !s.overlap {
		if err := commit(); err != nil {
			return err
		}
		s.lastSaved = state
		s.Data.UIState = state
		s.Board.Set(opdID, indicatorKey, a)
		s.markSource(workshop.Keyboard, opdID, indicatorKey)
		return nil
	}
	p := &pendingAnswer{done: make(chan error, 1), opdID: opdID, key: indicatorKey,
		old: s.Board.Answer(opdID, indicatorKey), oldPhone: s.FromPhone(opdID, indicatorKey),
		oldSaved: s.lastSaved, oldSet: s.Data.UIState}
	go func() { p.done <- commit() }()
	runtime.Gosched() // the commit starts now, not when a core is free
	s.pending = p
	s.lastSaved = state
	s.Data.UIState = state
	s.Board.Set(opdID, indicatorKey, a)
	s.markSource(workshop.Keyboard, opdID, indicatorKey)
	return nil
}

// BeginOverlap lets the next SetAnswer return before its commit (the root
// model calls it before it hands a key on, and Settle before the frame
// is shown).
func (s *Sess) BeginOverlap() {
	s.overlap = !s.ReadOnly
	s.before = s.State
}

// Pending says whether an answer is shown whose commit has not returned.
func (s *Sess) Pending() bool { return s.pending != nil }

// Settle waits for the answer's commit started since BeginOverlap and ends
// the overlap. When the commit failed, the copy and the cursor are as they
// were before the key and the error says why.
func (s *Sess) Settle() error {
	err := s.wait()
	s.overlap = false
	if err == nil {
		err = s.failed
	}
	s.failed = nil
	return err
}

// wait lets the answer in flight commit before anything else is written
// or read back, so the writes of one key reach the owner in their order.
func (s *Sess) wait() error {
	p := s.pending
	if p == nil {
		return nil
	}
	s.pending = nil
	err := <-p.done
	if err == nil {
		return nil
	}
	s.Board.Set(p.opdID, p.key, p.old)
	if p.oldPhone {
		s.markSource(workshop.Source{Kind: workshop.SourcePhone}, p.opdID, p.key)
	}
	s.lastSaved, s.Data.UIState = p.oldSaved, p.oldSet
	s.State.Tab, s.State.Row, s.State.Col = s.before.Tab, s.before.Row, s.before.Col
	s.failed = err
	s.overlap = false // what follows in this key waits for nothing
	return err
}

// SetNote commits one note, then shows it.
func (s *Sess) SetNote(opdID int64, indicatorKey, note string) error {
	if s.ReadOnly {
		return ErrReadOnly
	}
	if err := s.wait(); err != nil {
		return err
	}
	if _, err := s.Live.SetNote(s.ctx, workshop.Keyboard, opdID, indicatorKey, note); err != nil {
		return err
	}
	s.setNoteCache(opdID, indicatorKey, note)
	s.markSource(workshop.Keyboard, opdID, indicatorKey)
	return nil
}

// Undo reverts the newest score change of the session, whoever made it
// (also one made before a restart).
func (s *Sess) Undo() (workshop.Event, bool, error) {
	return s.undoRedo(s.Live.Undo)
}

// Redo re-applies what the newest undo reverted (none after a new change).
func (s *Sess) Redo() (workshop.Event, bool, error) {
	return s.undoRedo(s.Live.Redo)
}

func (s *Sess) undoRedo(fn func(context.Context) (workshop.Event, bool, error)) (workshop.Event, bool, error) {
	if s.ReadOnly {
		return workshop.Event{}, false, ErrReadOnly
	}
	if err := s.wait(); err != nil {
		return workshop.Event{}, false, err
	}
	ev, ok, err := fn(s.ctx)
	if err != nil || !ok {
		return ev, ok, err
	}
	s.Board.Set(ev.OPDID, ev.IndicatorKey, ev.New)
	s.setNoteCache(ev.OPDID, ev.IndicatorKey, ev.NewNote)
	return ev, true, nil
}

// Reload copies the whole session again from Live (after roster changes,
// an import, or in the projector view when the facilitator wrote
// something), keeping this screen's UI state.
func (s *Sess) Reload() error {
	_ = s.wait() // a failed answer is put back first; Settle tells it
	d := s.Live.Snapshot()
	d.UIState = s.Data.UIState
	s.Data = d
	s.rebuild()
	s.LoadPhoneMarks()
	s.State.normalise(s)
	return nil
}

// Apply brings the copy up to a Change made elsewhere and says whether the
// screens must redraw. A cell change copies that cell as Live holds it
// now, so a change that arrives after a newer one of the same cell does
// no harm; the program's own keyboard writes are in the copy already.
// Anything wider copies the whole session.
func (s *Sess) Apply(c workshop.Change) (scores, roster bool) {
	return s.ApplyAll([]workshop.Change{c})
}

// ApplyAll is Apply of many changes, in their order: a wider change reads
// the whole session once (which covers every change before it and in the
// batch), and the cells are read from Live under one lock.
func (s *Sess) ApplyAll(cs []workshop.Change) (scores, roster bool) {
	var cells []workshop.Change
	for _, c := range cs {
		if c.Source.Kind == workshop.SourceKeyboard && c.Kind != workshop.Reloaded && c.Kind != workshop.LockLost {
			continue
		}
		switch c.Kind {
		case workshop.AnswerChanged, workshop.NoteChanged:
			cells = append(cells, c)
		case workshop.RosterChanged, workshop.TargetsChanged, workshop.PrioritiesChanged, workshop.Reloaded:
			roster = true
		}
	}
	if roster {
		// The fresh copy holds every cell of the batch as it is now; the
		// phones' marks are read again with it.
		_ = s.Reload()
		return true, true
	}
	if len(cells) == 0 {
		return false, false
	}
	type now struct {
		a    workshop.Answer
		note string
	}
	got := make([]now, len(cells))
	s.Live.Cells(func(cell func(int64, string) (workshop.Answer, string)) {
		for i, c := range cells {
			got[i].a, got[i].note = cell(c.OPDID, c.IndicatorKey)
		}
	})
	for i, c := range cells {
		s.Board.Set(c.OPDID, c.IndicatorKey, got[i].a)
		s.setNoteCache(c.OPDID, c.IndicatorKey, got[i].note)
		s.markSource(c.Source, c.OPDID, c.IndicatorKey)
	}
	return true, false
}

// Follow shows a fresh read of the session (the projector view, after the
// facilitator wrote something): its data and the facilitator's screen
// state, kept inside the session as it is now.
func (s *Sess) Follow(d *workshop.Data) {
	s.Data = d
	s.rebuild()
	var st UIState
	if len(d.UIState) > 0 && json.Unmarshal(d.UIState, &st) == nil {
		s.State = st
		s.State.normalise(s)
	}
}

// SaveState writes the UI state when it changed since the last save.
func (s *Sess) SaveState() error {
	if s.ReadOnly {
		return nil
	}
	if err := s.wait(); err != nil {
		return err
	}
	b, err := json.Marshal(s.State)
	if err != nil {
		return fmt.Errorf("encode screen state: %w", err)
	}
	if string(b) == string(s.lastSaved) {
		return nil
	}
	if err := s.Live.SaveUIState(s.ctx, b); err != nil {
		return err
	}
	s.lastSaved = b
	s.Data.UIState = b
	return nil
}

// DBPath is the database file of the session ("" without one).
func (s *Sess) DBPath() string {
	if s.Live == nil {
		return ""
	}
	return s.Live.Path()
}

// Hidden is true while the results are hidden from the room: no screen
// then shows an aggregate (OPD score, city score, index, predikat, gap,
// ranking, spread), the projector view included (DESIGN section 4).
func (s *Sess) Hidden() bool { return !s.State.Revealed }

// Phases is the session's agenda.
func (s *Sess) Phases() []workshop.Phase { return s.F().Agenda }

// Phase is the phase on screen.
func (s *Sess) Phase() workshop.Phase { return s.F().Agenda[s.State.Phase] }

// ErrReadOnly refuses a change in the projector view (Sentence says it in
// the UI language).
var ErrReadOnly = workshop.ErrProjector

// UIState is what reopening restores: the phase, the grid tab and cursor,
// the timers, the scoreboard sort and reveal state, and each screen's
// position. It is saved as JSON in the session.
type UIState struct {
	Phase int `json:"phase"`
	// Grid (Penilaian mandiri): dimension tab, cursor row (index among the
	// present OPDs) and column (indicator index inside the tab).
	Tab int `json:"tab"`
	Row int `json:"row"`
	Col int `json:"col"`
	// GridAll shows every OPD of the roster as a grid row, not only the
	// present ones (Row then counts among all of them); ByOPD is the
	// per-OPD view: one OPD's items of every dimension on one screen.
	GridAll bool `json:"grid_all,omitempty"`
	ByOPD   bool `json:"grid_by_opd,omitempty"`
	// Roster cursor, briefing page, gaps cursor.
	RosterRow int `json:"roster_row"`
	Slide     int `json:"slide"`
	GapsRow   int `json:"gaps_row"`
	// Scoreboard: sort ("name", "overall", "weakest") and whether results
	// are revealed to the room.
	Sort     string `json:"sort"`
	Revealed bool   `json:"revealed"`
	// BoardView is the scoreboard panel a small window shows (summary,
	// heatmap, radar).
	BoardView int `json:"board_view"`
	// Timers per phase index.
	Timers []Timer `json:"timers"`
	// SavedAt is refreshed while a timer runs, so a reopened session can
	// stop its clock at the last moment the app was seen alive.
	SavedAt time.Time `json:"saved_at,omitempty"`
}

// resumeTimersAtSave reopens the clocks as they were when the app last
// saved them (on quit to the second, after a crash at most 15 s back): a
// clock that ran runs on from the time it had then, so the hours the app
// was closed never count as workshop time. Only the current phase's clock
// may run (one clock at a time); any other is paused at that time.
func (u *UIState) resumeTimersAtSave(now time.Time) {
	for i, t := range u.Timers {
		if !t.Running {
			continue
		}
		end := u.SavedAt
		if end.Before(t.StartedAt) {
			end = t.StartedAt
		}
		u.Timers[i] = Timer{Elapsed: t.Run(end), AdjustMin: t.AdjustMin}
		if i == u.Phase {
			u.Timers[i].Running, u.Timers[i].StartedAt = true, now
		}
	}
	u.SavedAt = now
}

// PauseTimers stops every running clock but phase keep's (-1: all),
// adding the time it ran until now.
func (u *UIState) PauseTimers(keep int, now time.Time) {
	for i, t := range u.Timers {
		if t.Running && i != keep {
			u.Timers[i] = Timer{Elapsed: t.Run(now), AdjustMin: t.AdjustMin}
		}
	}
}

// Timer is one phase's clock. Elapsed counts the time run; while Running,
// time since StartedAt is added. AdjustMin is the +/- minutes the
// facilitator gave the phase.
type Timer struct {
	Elapsed   time.Duration `json:"elapsed_ns"`
	Running   bool          `json:"running"`
	StartedAt time.Time     `json:"started_at,omitempty"`
	AdjustMin int           `json:"adjust_min"`
}

// Run returns the time this timer has run at now.
func (t Timer) Run(now time.Time) time.Duration {
	if t.Running && !t.StartedAt.IsZero() && now.After(t.StartedAt) {
		return t.Elapsed + now.Sub(t.StartedAt)
	}
	return t.Elapsed
}

// normalise keeps a restored state inside the session as it is now (the
// roster or agenda may have changed since it was saved).
func (u *UIState) normalise(s *Sess) {
	n := len(s.Phases())
	u.Phase = Clamp(u.Phase, 0, n-1)
	u.Tab = Clamp(u.Tab, 0, len(s.F().Dimensions)-1)
	for len(u.Timers) < n {
		u.Timers = append(u.Timers, Timer{})
	}
	u.Timers = u.Timers[:n]
	u.BoardView = Clamp(u.BoardView, 0, 2)
	if u.Sort == "" {
		u.Sort = "name"
	}
}

func Clamp(v, lo, hi int) int {
	if hi < lo {
		return lo
	}
	return max(lo, min(hi, v))
}

// markSource remembers which cells a phone wrote last.
func (s *Sess) markSource(src workshop.Source, opdID int64, key string) {
	if s.phone == nil {
		s.phone = map[int64]map[string]bool{}
	}
	if src.Kind != workshop.SourcePhone {
		delete(s.phone[opdID], key)
		return
	}
	if s.phone[opdID] == nil {
		s.phone[opdID] = map[string]bool{}
	}
	s.phone[opdID][key] = true
}

// FromPhone reports whether the cell's last change came from the OPD's
// phone in room mode (the grid marks it).
func (s *Sess) FromPhone(opdID int64, key string) bool { return s.phone[opdID][key] }

// LoadPhoneMarks reads which cells a phone wrote last; a failed read only
// loses the marks, never an answer.
func (s *Sess) LoadPhoneMarks() {
	if s.PhoneCells == nil {
		return
	}
	if m, err := s.PhoneCells(s.ctx, s.Data.Session.ID); err == nil {
		s.phone = m
	}
}
