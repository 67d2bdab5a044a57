package workshop

import (
	"errors"
	"fmt"
	"time"
)

// The store's refusals about the database file itself and about the
// session lock. Like the other failure kinds they live here so that phrase
// and the screens know them without importing the store.
var (
	// ErrEmptyDatabase is a file with no bimtek schema yet (0 bytes, or a
	// first run stopped before its first migration committed): no
	// sessions, not damaged.
	ErrEmptyDatabase = errors.New("database holds no sessions yet")
	// ErrForeignWAL is a -wal file beside the database that does not
	// belong to it (copied from another laptop or another file): it is not
	// applied, and both files are left as they are.
	ErrForeignWAL = errors.New("the -wal file beside the database belongs to another database")
	// ErrLockLost is a write refused because another process took over the
	// session this process had open (it was paused, or --take-over).
	ErrLockLost = errors.New("the session was taken over by another process")
	// ErrExists is a file bimtek will not overwrite (a backup target).
	ErrExists = errors.New("the file already exists")
	// ErrBadPath is a database path that is not a regular file bimtek can
	// open (a folder, a FIFO, a device, a dangling link, an unreadable file).
	ErrBadPath = errors.New("the database path is not a usable file")
)

// PathKind says what is wrong with a database path that is not a file
// bimtek can use as a database.
type PathKind int

const (
	// PathFolder: the path is a folder.
	PathFolder PathKind = iota + 1
	// PathDanglingLink: a symbolic link to nothing (or a loop of links).
	PathDanglingLink
	// PathSpecial: a FIFO, a device (/dev/null), a socket: not a regular file.
	PathSpecial
	// PathUnreadable: the file may not be read (its permissions).
	PathUnreadable
	// PathParentNotFolder: a part of the path that should be a folder is a file.
	PathParentNotFolder
)

// What a PathSpecial path is.
const (
	SpecialFIFO   = "FIFO (named pipe)"
	SpecialDevice = "device"
	SpecialSocket = "socket"
	SpecialOther  = "special file"
)

// PathError is a database path bimtek cannot use, said in one sentence
// (Error is English; phrase picks the translation by Kind). It is
// ErrBadPath and wraps the cause.
type PathError struct {
	Path   string
	Kind   PathKind
	Target string // the link's target, for PathDanglingLink
	What   string // Special*, for PathSpecial
	Err    error  // the cause, may be nil
}

func (e *PathError) Error() string {
	switch e.Kind {
	case PathFolder:
		return fmt.Sprintf("%s is a folder, not a database file; choose a file with --db", e.Path)
	case PathDanglingLink:
		return fmt.Sprintf("%s is a link to %s, which does not exist; fix the link or choose another file with --db", e.Path, e.Target)
	case PathSpecial:
		return fmt.Sprintf("%s is a %s, not a database file; choose a regular file with --db", e.Path, e.What)
	case PathUnreadable:
		return fmt.Sprintf("%s cannot be read (its permissions forbid it); make it readable or choose another file with --db", e.Path)
	case PathParentNotFolder:
		return fmt.Sprintf("%s cannot be a database: a part of its path is a file, not a folder; choose another file with --db", e.Path)
	}
	return fmt.Sprintf("%s cannot be used as a database; choose another file with --db", e.Path)
}

func (e *PathError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrBadPath, e.Err}
	}
	return []error{ErrBadPath}
}

// ForeignWALError refuses a database whose -wal file belongs to another
// database (Reason says how that shows). It is ErrForeignWAL. Neither file
// was changed.
type ForeignWALError struct {
	Path   string // the database; the -wal is Path + "-wal"
	Reason string
}

func (e *ForeignWALError) Error() string {
	return fmt.Sprintf("%s-wal does not belong to %s (%s), so it was not applied and both files were left as they are; move %s-wal away (or put the database it came from beside it) and open again",
		e.Path, e.Path, e.Reason, e.Path)
}

func (e *ForeignWALError) Unwrap() error { return ErrForeignWAL }

// EmptyDatabaseError is ErrEmptyDatabase for the file at Path.
type EmptyDatabaseError struct{ Path string }

func (e *EmptyDatabaseError) Error() string {
	return fmt.Sprintf("%s holds no bimtek sessions yet; create one with `bimtek new`, or choose another file with --db", e.Path)
}

func (e *EmptyDatabaseError) Unwrap() error { return ErrEmptyDatabase }

// ExistsError refuses to overwrite the file at Path. It is ErrExists.
type ExistsError struct{ Path string }

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%s already exists and was not overwritten; choose a new file name", e.Path)
}

func (e *ExistsError) Unwrap() error { return ErrExists }

// LockLostError refuses a write of a process whose lock on the session was
// taken over by another process (Holder, when the lock row still names
// one). It is ErrLockLost.
type LockLostError struct {
	SessionID   int64
	Holder      Holder
	HolderKnown bool
}

func (e *LockLostError) Error() string {
	if e.HolderKnown {
		return fmt.Sprintf("session %d was taken over by another bimtek (pid %d on %s, since %s), so this change was not saved; close this window and carry on there",
			e.SessionID, e.Holder.PID, e.Holder.Host, ClockTime(e.Holder.Since))
	}
	return fmt.Sprintf("session %d is no longer held by this bimtek (another process took it over and has closed it), so this change was not saved; close this window and open the session again", e.SessionID)
}

func (e *LockLostError) Unwrap() error { return ErrLockLost }

// ClockTime is a time as the lock sentences say it: the clock time today,
// else the date too.
func ClockTime(t time.Time) string {
	t = t.Local()
	if now := time.Now(); now.Year() != t.Year() || now.YearDay() != t.YearDay() {
		return t.Format("2 Jan 2006 15:04")
	}
	return t.Format("15:04")
}
