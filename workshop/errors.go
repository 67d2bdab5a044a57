package workshop

import (
	"errors"
	"fmt"
	"strings"
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
// writing. FreesAt is when the lock frees itself should that process stop
// beating (it was killed, or its laptop went to sleep).
type LockedError struct {
	SessionID int64
	Holder    Holder
	FreesAt   time.Time
	// DB is the database file when it is not the default one (the user
	// passed --db or BIMTEK_DB), so that the commands the sentence names
	// open the same file; empty for the default database.
	DB string
}

func (e *LockedError) Error() string {
	present, takeOver := e.Commands()
	return fmt.Sprintf("session %d is open in another bimtek (pid %d on %s, since %s); close it there first, watch it with `%s`, or take it over with `%s` (if that bimtek has stopped, the lock frees itself at %s)",
		e.SessionID, e.Holder.PID, e.Holder.Host, ClockTime(e.Holder.Since), present, takeOver, ClockTime(e.FreesAt))
}

// Commands are the two commands the refusal offers, as they are typed:
// watching the session (bimtek present ID) and taking it over (bimtek open
// ID --take-over), each with --db when the database is not the default.
func (e *LockedError) Commands() (present, takeOver string) {
	present = fmt.Sprintf("bimtek present %d", e.SessionID)
	takeOver = fmt.Sprintf("bimtek open %d --take-over", e.SessionID)
	if e.DB != "" {
		db := " --db " + ShellArg(e.DB)
		present, takeOver = present+db, takeOver+db
	}
	return present, takeOver
}

// ShellArg quotes a path for a shell (and for cmd.exe) when it holds
// anything beyond plain path characters, so a command with it works as
// printed.
func ShellArg(p string) string {
	for _, r := range p {
		ok := r == '/' || r == '\\' || r == '.' || r == '_' || r == '-' || r == ':' || r == '~' ||
			r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
		if !ok {
			return `"` + strings.ReplaceAll(p, `"`, `\"`) + `"`
		}
	}
	return p
}
