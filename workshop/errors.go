package workshop

import (
	"errors"
	"fmt"
	"time"
)

// The kinds of failure a facilitator is told about, told apart with
// errors.Is. They live here, below the store, so that the package that
// phrases errors for a person (phrase) and the screens can know them
// without importing the store. The store returns errors that wrap these
// (and re-exports them under the same names).
var (
	ErrNoSession     = errors.New("no such session")
	ErrDuplicateCode = errors.New("OPD code already used in the session")
	ErrNewerSchema   = errors.New("database written by a newer bimtek")
	ErrNotDatabase   = errors.New("not a bimtek database")
	ErrReadOnly      = errors.New("database is read-only")
	ErrNoOPD         = errors.New("no such OPD in the session")
	ErrNoIndicator   = errors.New("no such indicator in the session's framework")
	// ErrOutOfScale is a level that is not a step of the session's scale.
	ErrOutOfScale = errors.New("level outside the session's scale")
	// ErrInvalid is any other input the store refuses (an empty OPD code,
	// an unknown dimension key, a framework without items, ...).
	ErrInvalid = errors.New("invalid input")
	// ErrDiskFull is a write refused because the disk is full.
	ErrDiskFull = errors.New("disk is full")
	// ErrProjector refuses a change in the read-only projector view.
	ErrProjector = errors.New("this is the read-only projector view; make changes in the facilitator's window")
)

// LockedError says that another live bimtek process holds a session for
// writing.
type LockedError struct {
	SessionID int64
	Holder    Holder
}

func (e *LockedError) Error() string {
	since := e.Holder.Since.Local()
	when := since.Format("15:04")
	if now := time.Now(); now.Year() != since.Year() || now.YearDay() != since.YearDay() {
		when = since.Format("2 Jan 2006 15:04")
	}
	return fmt.Sprintf("session %d is open in another bimtek (pid %d on %s, since %s); close it there first, or watch it with `bimtek present %d`",
		e.SessionID, e.Holder.PID, e.Holder.Host, when, e.SessionID)
}
