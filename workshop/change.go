package workshop

import "fmt"

// ChangeKind says what a Change changed.
type ChangeKind int

// The kinds of change an open session reports to its subscribers.
const (
	// AnswerChanged: one cell's answer (Answer; Note is the cell's note).
	AnswerChanged ChangeKind = iota + 1
	// NoteChanged: one cell's note (Note; Answer is the cell's answer).
	NoteChanged
	// RosterChanged: OPDs added, edited, marked present or absent, removed.
	RosterChanged
	// TargetsChanged: a dimension's target.
	TargetsChanged
	// PrioritiesChanged: an element marked or unmarked as a priority.
	PrioritiesChanged
	// StateChanged: the facilitator's screen state was saved.
	StateChanged
	// LockLost: another process took the session over; every later write
	// is refused.
	LockLost
	// Reloaded: read the whole session again (after an import, a read of
	// what another process wrote, or when a subscriber fell behind).
	Reloaded
)

func (k ChangeKind) String() string {
	switch k {
	case AnswerChanged:
		return "answer"
	case NoteChanged:
		return "note"
	case RosterChanged:
		return "roster"
	case TargetsChanged:
		return "targets"
	case PrioritiesChanged:
		return "priorities"
	case StateChanged:
		return "state"
	case LockLost:
		return "lock lost"
	case Reloaded:
		return "reloaded"
	}
	return fmt.Sprintf("change(%d)", int(k))
}

// Change is what an open session tells its subscribers after a write
// committed. Seq counts the session's changes in this process from 1, in
// the order they were applied. For a cell change OPDID and IndicatorKey
// name the cell and Answer and Note are what it holds now.
type Change struct {
	Seq          uint64
	Kind         ChangeKind
	Source       Source
	OPDID        int64
	IndicatorKey string
	Answer       Answer
	Note         string
}

// CellEdit is one cell a save changes: its answer (Level 0 without N/A
// clears it), its note, or both. A phone's save of one dimension page is
// a few of them, for one OPD.
type CellEdit struct {
	Key       string
	SetAnswer bool
	Answer    Answer
	SetNote   bool
	Note      string
}
