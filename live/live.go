// Package live owns an open session: it takes the session's writer lock,
// holds the session's data and its live workshop.Board, and applies every
// change (an answer, N/A, clear, note, undo, redo, the roster, targets,
// priorities, the screen state, an import) through one ordered path with
// the durable commit, then tells every subscriber what changed and from
// which source (the facilitator's keyboard, an OPD's phone, an import).
//
// # Concurrency
//
// Writers are many: the Bubble Tea program on its own goroutine, room
// mode's HTTP handlers on theirs. The rules that keep it race-free:
//
//   - One mutex (Session.wmu) is the ordered path. A write holds it from
//     its check (closed? read-only? lock lost?) through the store's commit
//     to the update of Data and Board and the numbering (Seq) and queuing
//     of its Change. So Seq order is commit order, and memory never shows a
//     change that is not on disk.
//   - A second mutex (Session.mu) guards what is in memory: Data, Board,
//     Seq, the subscribers. A write takes it only to put its committed
//     change into memory, never across the disk: a reader (a phone's page,
//     the screens catching up) never waits for an fsync, and a keystroke
//     waiting for the ordered path never waits behind readers.
//   - The phones' saves are group-committed (saves.go): each waits in a
//     queue, and one drainer at a time writes everything queued in one
//     transaction under wmu (one fsync for many saves), applies and numbers
//     the events in that order, and only then answers each save. Other
//     writes (the keyboard) take wmu through lockWrite, which the drainer
//     lets go first: they wait for the transaction in flight at most.
//   - Data and Board belong to the Session and are touched only under mu.
//     Read runs a function under mu: it may look, and copy what it needs,
//     but must not keep a pointer into them after it returns.
//   - A screen keeps its own copy for drawing (the TUI's Sess). It updates
//     that copy on its own goroutine from the results of its own writes and
//     from Changes, copying the cells they name with Read. View never reads
//     memory another goroutine writes.
//   - Subscribe gives each subscriber a channel fed by its own goroutine
//     from an unbounded-by-count but capped queue: a writer only appends
//     under the subscriber's small lock and never waits for a reader. A
//     subscriber that falls more than queueMax changes behind gets one
//     Reloaded instead of the changes it missed.
package live

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// The contract's names; the types themselves live in workshop so that the
// screens can name them without importing the store.
type (
	SourceKind = workshop.SourceKind
	Source     = workshop.Source
	ChangeKind = workshop.ChangeKind
	Change     = workshop.Change
)

// Keyboard is the facilitator at the laptop.
var Keyboard = workshop.Keyboard

// The kinds of change (see workshop.ChangeKind).
const (
	AnswerChanged     = workshop.AnswerChanged
	NoteChanged       = workshop.NoteChanged
	RosterChanged     = workshop.RosterChanged
	TargetsChanged    = workshop.TargetsChanged
	PrioritiesChanged = workshop.PrioritiesChanged
	StateChanged      = workshop.StateChanged
	LockLost          = workshop.LockLost
	Reloaded          = workshop.Reloaded
)

// The kinds of source.
const (
	KindKeyboard = workshop.SourceKeyboard
	KindPhone    = workshop.SourcePhone
	KindImport   = workshop.SourceImport
)

// ErrClosed refuses a write to a session that was closed.
var ErrClosed = errors.New("the session is closed")

// Options open a session.
type Options struct {
	// ReadOnly opens without the writer lock (the projector view): every
	// write is refused with workshop.ErrProjector, Refresh follows what the
	// facilitator's process writes.
	ReadOnly bool
	// TakeOver takes the session even from a live holder (after the user
	// confirmed `bimtek open ID --take-over`); the take-over is logged and
	// the holder's next write is refused.
	TakeOver bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Session is one open session. Its methods are safe for use from any
// goroutine.
type Session struct {
	st      *store.Store
	id      int64
	opt     Options
	release func() error

	// wmu is the ordered write path, held across the store's commit; mu
	// guards memory (everything below it), held for short reads and for
	// putting a committed change into memory. A write takes wmu, then mu.
	wmu    sync.Mutex
	mu     sync.Mutex
	data   *workshop.Data
	board  *workshop.Board
	cells  map[cellKey]int // index of a cell in data.Scores
	seq    uint64
	lost   error // the lock was lost: every later write returns it
	closed bool
	subs   map[*subscriber]struct{}

	// The phones' saves waiting for the next group commit (saves.go).
	gmu      sync.Mutex
	queue    []*pendingSave
	draining bool
	// rideOpen: a group transaction is being written and can take one
	// keystroke (rider) with it.
	rideOpen bool
	rider    *rider
	// writers counts the writes waiting in lockWrite; the drainer gives
	// them the mutex first.
	writers atomic.Int32
	// keyWaits says whether a write waits in lockWrite (a test replaces
	// it to make a keystroke arrive in the middle of a group).
	keyWaits func() bool
	// beforeApply, when set (by a test), runs after a group's commit
	// with the memory locked, before the group's events go into it.
	beforeApply func()
	// groups counts the group commits (one transaction each), rides the
	// keystrokes written in one of them.
	groups atomic.Int64
	rides  atomic.Int64
}

type cellKey struct {
	opd int64
	key string
}

// Open takes the session's writer lock (unless read-only) and loads it.
// Another process holding the session is *workshop.LockedError (unless
// TakeOver). From then on, a write that finds the lock taken by another
// process is refused with workshop.ErrLockLost, told once to the
// subscribers as LockLost, and every later write is refused with the same
// error before it reaches the store.
func Open(ctx context.Context, st *store.Store, sessionID int64, opt Options) (*Session, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	s := &Session{st: st, id: sessionID, opt: opt, subs: map[*subscriber]struct{}{}}
	if !opt.ReadOnly {
		acquire := st.Acquire
		if opt.TakeOver {
			acquire = st.TakeOver
		}
		r, err := acquire(ctx, sessionID)
		if err != nil {
			return nil, err
		}
		s.release = r
	}
	d, err := st.Load(ctx, sessionID)
	if err != nil {
		if s.release != nil {
			_ = s.release()
		}
		return nil, err
	}
	s.setData(d)
	return s, nil
}

// setData makes d the session's data and builds the board and the cell
// index from it. mu is held (or s is not shared yet).
func (s *Session) setData(d *workshop.Data) {
	s.data = d
	s.board = workshop.NewBoard(d.Session.Framework, d.OPDs, d.Sheets(), d.Targets)
	s.cells = make(map[cellKey]int, len(d.Scores))
	for i, r := range d.Scores {
		s.cells[cellKey{r.OPDID, r.IndicatorKey}] = i
	}
}

// ID is the session's id.
func (s *Session) ID() int64 { return s.id }

// Path is the database file the session is in.
func (s *Session) Path() string { return s.st.Path() }

// ReadOnly reports whether the session was opened without the lock.
func (s *Session) ReadOnly() bool { return s.opt.ReadOnly }

// Close releases the lock and closes every subscriber's channel. Calling
// it again does nothing.
func (s *Session) Close() error {
	s.wmu.Lock()
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		s.wmu.Unlock()
		return nil
	}
	s.closed = true
	subs := s.subs
	s.subs = nil
	s.mu.Unlock()
	s.wmu.Unlock()
	for sub := range subs {
		sub.stop()
	}
	if s.release != nil {
		return s.release()
	}
	return nil
}

// Read runs fn with the session's data and board, consistent with every
// committed change and with no write in between. fn must not keep them.
func (s *Session) Read(fn func(d *workshop.Data, b *workshop.Board)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(s.data, s.board)
}

// Snapshot is a deep copy of the session's data, to keep.
func (s *Session) Snapshot() *workshop.Data {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.data.Clone()
}

// Cell is one cell's answer and note now.
func (s *Session) Cell(opdID int64, key string) (workshop.Answer, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cell(opdID, key)
}

// cell is one cell now. mu is held.
func (s *Session) cell(opdID int64, key string) (workshop.Answer, string) {
	if i, ok := s.cells[cellKey{opdID, key}]; ok {
		r := s.data.Scores[i]
		return r.Answer, r.Note
	}
	return workshop.Answer{}, ""
}

// Cells lets fn read many cells as they are now under one lock (the
// screens catching up with a batch of phone answers). Like every read it
// never waits for a commit in flight.
func (s *Session) Cells(fn func(cell func(opdID int64, key string) (workshop.Answer, string))) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(s.cell)
}

// Err is why writes are refused for good (the lock was lost), or nil.
func (s *Session) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lost
}

// Subscribe returns a channel of every change from now on, in Seq order,
// and a function that stops the subscription (and closes the channel).
// Close closes it too.
func (s *Session) Subscribe() (<-chan Change, func()) {
	sub := newSubscriber()
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		sub.stop()
		return sub.out, func() {}
	}
	s.subs[sub] = struct{}{}
	s.mu.Unlock()
	return sub.out, func() {
		s.mu.Lock()
		delete(s.subs, sub)
		s.mu.Unlock()
		sub.stop()
	}
}

// publish numbers c and queues it for every subscriber. mu is held.
func (s *Session) publish(c Change) {
	s.seq++
	c.Seq = s.seq
	for sub := range s.subs {
		sub.push(c)
	}
}

// writable says why a write cannot start, or nil. wmu is held (what it
// reads changes only under wmu).
func (s *Session) writable() error {
	switch {
	case s.closed:
		return ErrClosed
	case s.opt.ReadOnly:
		return workshop.ErrProjector
	case s.lost != nil:
		return s.lost
	}
	return nil
}

// failed notes a write's error: a lost lock refuses every later write and
// is told to the subscribers once. wmu is held, not mu.
func (s *Session) failed(err error) error {
	if err != nil && s.lost == nil && lockLost(err) {
		s.mu.Lock()
		s.lost = err
		s.publish(Change{Kind: LockLost, Source: Keyboard})
		s.mu.Unlock()
	}
	return err
}

// setCell puts a committed cell into the data and the board. mu is held.
func (s *Session) setCell(opd int64, key string, a workshop.Answer, note string, at time.Time) {
	k := cellKey{opd, key}
	i, ok := s.cells[k]
	switch {
	case !a.Answered() && note == "": // the store deletes an empty cell
		if ok {
			last := len(s.data.Scores) - 1
			s.data.Scores[i] = s.data.Scores[last]
			s.cells[cellKey{s.data.Scores[i].OPDID, s.data.Scores[i].IndicatorKey}] = i
			s.data.Scores = s.data.Scores[:last]
			delete(s.cells, k)
		}
	case ok:
		r := &s.data.Scores[i]
		r.Answer, r.Note, r.UpdatedAt = a, note, at
	default:
		s.cells[k] = len(s.data.Scores)
		s.data.Scores = append(s.data.Scores, workshop.ScoreRow{OPDID: opd, IndicatorKey: key, Answer: a, Note: note, UpdatedAt: at})
	}
	s.board.Set(opd, key, a)
	s.data.Session.UpdatedAt = at
}

// applyEvent puts a committed event into memory and tells the
// subscribers. An event with ID 0 changed nothing. mu is held.
func (s *Session) applyEvent(src Source, ev workshop.Event) {
	if ev.ID == 0 {
		return
	}
	s.setCell(ev.OPDID, ev.IndicatorKey, ev.New, ev.NewNote, ev.At)
	kind := AnswerChanged
	if ev.Old == ev.New && ev.OldNote != ev.NewNote {
		kind = NoteChanged
	}
	s.publish(Change{Kind: kind, Source: src, OPDID: ev.OPDID, IndicatorKey: ev.IndicatorKey, Answer: ev.New, Note: ev.NewNote})
}

// SetAnswer records one OPD's answer to one indicator (Level 0 without N/A
// clears it), made by src. The store validates it: a level of the scale,
// an OPD of this session, an indicator of its framework.
func (s *Session) SetAnswer(ctx context.Context, src Source, opdID int64, key string, a workshop.Answer) (workshop.Event, error) {
	if ev, ok, err := s.ride(store.KeyWrite{Src: src, OPDID: opdID, Key: key, Answer: a}); ok {
		return ev, err
	}
	s.lockWrite()
	defer s.wmu.Unlock()
	if err := s.writable(); err != nil {
		return workshop.Event{}, err
	}
	ev, err := s.st.SetAnswerBy(ctx, src, s.id, opdID, key, a)
	if err != nil {
		return workshop.Event{}, s.failed(err)
	}
	s.mu.Lock()
	s.applyEvent(src, ev)
	s.mu.Unlock()
	return ev, nil
}

// SetAnswerAndState records an answer like SetAnswer and, in the same
// durable commit, the screen state (the cursor that moved on with it).
func (s *Session) SetAnswerAndState(ctx context.Context, src Source, opdID int64, key string, a workshop.Answer, uiState []byte) (workshop.Event, error) {
	if uiState == nil {
		uiState = []byte{}
	}
	if ev, ok, err := s.ride(store.KeyWrite{Src: src, OPDID: opdID, Key: key, Answer: a, State: uiState}); ok {
		return ev, err
	}
	s.lockWrite()
	defer s.wmu.Unlock()
	if err := s.writable(); err != nil {
		return workshop.Event{}, err
	}
	ev, err := s.st.SetAnswerAndStateBy(ctx, src, s.id, opdID, key, a, uiState)
	if err != nil {
		return workshop.Event{}, s.failed(err)
	}
	s.mu.Lock()
	s.data.UIState = append([]byte{}, uiState...)
	s.applyEvent(src, ev)
	s.mu.Unlock()
	return ev, nil
}

// SetNote changes the note of one cell, keeping its answer.
func (s *Session) SetNote(ctx context.Context, src Source, opdID int64, key, note string) (workshop.Event, error) {
	s.lockWrite()
	defer s.wmu.Unlock()
	if err := s.writable(); err != nil {
		return workshop.Event{}, err
	}
	ev, err := s.st.SetNoteBy(ctx, src, s.id, opdID, key, note)
	if err != nil {
		return workshop.Event{}, s.failed(err)
	}
	s.mu.Lock()
	s.applyEvent(src, ev)
	s.mu.Unlock()
	return ev, nil
}

// Undo reverts the newest change of the session not undone yet, whoever
// made it (session-wide, from the log, across restarts). ok is false when
// nothing is left to undo.
func (s *Session) Undo(ctx context.Context) (workshop.Event, bool, error) {
	return s.undoRedo(ctx, s.st.Undo)
}

// Redo re-applies what the newest undo reverted; a change made after an
// undo leaves nothing to redo. ok is false when nothing is left to redo.
func (s *Session) Redo(ctx context.Context) (workshop.Event, bool, error) {
	return s.undoRedo(ctx, s.st.Redo)
}

func (s *Session) undoRedo(ctx context.Context, fn func(context.Context, int64) (workshop.Event, bool, error)) (workshop.Event, bool, error) {
	s.lockWrite()
	defer s.wmu.Unlock()
	if err := s.writable(); err != nil {
		return workshop.Event{}, false, err
	}
	ev, ok, err := fn(ctx, s.id)
	if err != nil {
		return workshop.Event{}, false, s.failed(err)
	}
	if ok {
		s.mu.Lock()
		s.applyEvent(Keyboard, ev)
		s.mu.Unlock()
	}
	return ev, ok, nil
}

// reload reads the whole session again after a write that changed more
// than a cell (the roster, an import), and tells the subscribers c. wmu
// is held; mu is taken only to swap the data in.
func (s *Session) reload(ctx context.Context, c Change) error {
	d, err := s.st.Load(ctx, s.id)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.setData(d)
	s.publish(c)
	s.mu.Unlock()
	return nil
}

// rosterWrite runs a roster write, then reads the session again (a removed
// OPD takes its scores with it) and tells the subscribers.
func (s *Session) rosterWrite(ctx context.Context, write func() error) error {
	s.lockWrite()
	defer s.wmu.Unlock()
	if err := s.writable(); err != nil {
		return err
	}
	if err := write(); err != nil {
		return s.failed(err)
	}
	if err := s.reload(ctx, Change{Kind: RosterChanged, Source: Keyboard}); err != nil {
		return fmt.Errorf("read the roster again: %w", err)
	}
	return nil
}

// AddOPD appends one OPD, present, at the end of the roster.
func (s *Session) AddOPD(ctx context.Context, in workshop.OPDInput) (workshop.OPD, error) {
	var o workshop.OPD
	err := s.rosterWrite(ctx, func() error {
		var err error
		o, err = s.st.AddOPD(ctx, s.id, in)
		return err
	})
	return o, err
}

// AddOPDs appends OPDs all or nothing.
func (s *Session) AddOPDs(ctx context.Context, in []workshop.OPDInput) ([]workshop.OPD, error) {
	var out []workshop.OPD
	err := s.rosterWrite(ctx, func() error {
		var err error
		out, err = s.st.AddOPDs(ctx, s.id, in)
		return err
	})
	return out, err
}

// UpdateOPD changes an OPD's code, name and presence.
func (s *Session) UpdateOPD(ctx context.Context, o workshop.OPD) error {
	return s.rosterWrite(ctx, func() error { return s.st.UpdateOPD(ctx, s.id, o) })
}

// RemoveOPD deletes an OPD and its scores (its events stay in the log).
func (s *Session) RemoveOPD(ctx context.Context, opdID int64) error {
	return s.rosterWrite(ctx, func() error { return s.st.RemoveOPD(ctx, s.id, opdID) })
}

// SetTarget changes one dimension's target.
func (s *Session) SetTarget(ctx context.Context, dimensionKey string, target float64) error {
	s.lockWrite()
	defer s.wmu.Unlock()
	if err := s.writable(); err != nil {
		return err
	}
	if err := s.st.SetTarget(ctx, s.id, dimensionKey, target); err != nil {
		return s.failed(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.data.Targets == nil {
		s.data.Targets = map[string]float64{}
	}
	s.data.Targets[dimensionKey] = target
	s.board.SetTarget(dimensionKey, target)
	s.data.Session.UpdatedAt = s.opt.Now()
	s.publish(Change{Kind: TargetsChanged, Source: Keyboard})
	return nil
}

// SetPriority marks (on) or unmarks an element as a priority; marks keep
// the order they were made in.
func (s *Session) SetPriority(ctx context.Context, elementKey string, on bool) error {
	s.lockWrite()
	defer s.wmu.Unlock()
	if err := s.writable(); err != nil {
		return err
	}
	if err := s.st.SetPriority(ctx, s.id, elementKey, on); err != nil {
		return s.failed(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	has := false
	for _, k := range s.data.Priorities {
		has = has || k == elementKey
	}
	switch {
	case on && !has:
		s.data.Priorities = append(s.data.Priorities, elementKey)
	case !on && has:
		out := s.data.Priorities[:0:0]
		for _, k := range s.data.Priorities {
			if k != elementKey {
				out = append(out, k)
			}
		}
		s.data.Priorities = out
	}
	s.data.Session.UpdatedAt = s.opt.Now()
	s.publish(Change{Kind: PrioritiesChanged, Source: Keyboard})
	return nil
}

// SaveUIState keeps the screen state (opaque to the session).
func (s *Session) SaveUIState(ctx context.Context, state []byte) error {
	s.lockWrite()
	defer s.wmu.Unlock()
	if err := s.writable(); err != nil {
		return err
	}
	if err := s.st.SaveUIState(ctx, s.id, state); err != nil {
		return s.failed(err)
	}
	s.mu.Lock()
	s.data.UIState = append([]byte{}, state...)
	s.publish(Change{Kind: StateChanged, Source: Keyboard})
	s.mu.Unlock()
	return nil
}

// ImportScores writes many cells (answer and note) all or nothing, made
// by src (an import, or many answers from one phone), and tells the
// subscribers to read the session again.
func (s *Session) ImportScores(ctx context.Context, src Source, rows []workshop.ScoreRow) (int, error) {
	s.lockWrite()
	defer s.wmu.Unlock()
	if err := s.writable(); err != nil {
		return 0, err
	}
	n, err := s.st.ImportScoresBy(ctx, src, s.id, rows)
	if err != nil {
		return 0, s.failed(err)
	}
	if n == 0 {
		return 0, nil
	}
	if err := s.reload(ctx, Change{Kind: Reloaded, Source: src}); err != nil {
		return n, fmt.Errorf("read the session again after the import: %w", err)
	}
	return n, nil
}

// Refresh reads the session again when another process wrote to it since
// the last read (the projector view follows the facilitator this way), and
// then tells the subscribers with Reloaded. changed says whether it did.
func (s *Session) Refresh(ctx context.Context) (changed bool, err error) {
	d, err := s.st.Load(ctx, s.id)
	if err != nil {
		return false, err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || d.Session.UpdatedAt.Equal(s.data.Session.UpdatedAt) {
		return false, nil
	}
	s.setData(d)
	s.publish(Change{Kind: Reloaded})
	return true, nil
}
