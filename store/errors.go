package store

import (
	"errors"
	"fmt"

	"github.com/bimtek/bimtek/workshop"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The errors a caller can tell apart with errors.Is. They are defined in
// workshop (so that packages above the store can know them without
// importing it); every error the store returns for one of these cases is a
// whole sentence (what is wrong, what to do) that wraps the sentinel, so the
// UI can show it as is or pick its own translated text by sentinel.
var (
	ErrNoSession     = workshop.ErrNoSession
	ErrDuplicateCode = workshop.ErrDuplicateCode
	ErrNewerSchema   = workshop.ErrNewerSchema
	ErrNotDatabase   = workshop.ErrNotDatabase
	ErrReadOnly      = workshop.ErrReadOnly
	ErrNoOPD         = workshop.ErrNoOPD
	ErrNoIndicator   = workshop.ErrNoIndicator
	ErrOutOfScale    = workshop.ErrOutOfScale
	ErrInvalid       = workshop.ErrInvalid
	ErrDiskFull      = workshop.ErrDiskFull
	ErrEmptyDatabase = workshop.ErrEmptyDatabase
	ErrForeignWAL    = workshop.ErrForeignWAL
	ErrLockLost      = workshop.ErrLockLost
	ErrExists        = workshop.ErrExists
	ErrBadPath       = workshop.ErrBadPath
)

// sentenceError is an error whose text is one sentence for a person, and
// that still unwraps to the sentinel and to the underlying cause.
type sentenceError struct {
	msg  string
	errs []error
}

func (e *sentenceError) Error() string   { return e.msg }
func (e *sentenceError) Unwrap() []error { return e.errs }

// sentence builds a sentenceError of kind (a sentinel) and cause (may be nil).
func sentence(kind, cause error, format string, args ...any) error {
	errs := []error{kind}
	if cause != nil {
		errs = append(errs, cause)
	}
	return &sentenceError{msg: fmt.Sprintf(format, args...), errs: errs}
}

// refused wraps a value workshop's checks refused (a *workshop.InputError)
// as ErrInvalid, with the context of what was being written; the UI says
// the InputError itself in its language.
func refused(what string, err error) error {
	return &sentenceError{msg: what + ": " + err.Error(), errs: []error{ErrInvalid, err}}
}

// LockedError says that another live bimtek process holds a session for
// writing.
type LockedError = workshop.LockedError

// The store's refusals about the database file and the session lock,
// defined in workshop for the same reason as the sentinels.
type (
	LockLostError      = workshop.LockLostError
	PathError          = workshop.PathError
	PathKind           = workshop.PathKind
	ForeignWALError    = workshop.ForeignWALError
	EmptyDatabaseError = workshop.EmptyDatabaseError
	ExistsError        = workshop.ExistsError
)

// The kinds of PathError.
const (
	PathFolder          = workshop.PathFolder
	PathDanglingLink    = workshop.PathDanglingLink
	PathSpecial         = workshop.PathSpecial
	PathUnreadable      = workshop.PathUnreadable
	PathParentNotFolder = workshop.PathParentNotFolder
)

// sqliteCode returns the primary SQLite result code of err, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// isUnique reports whether err is a UNIQUE or PRIMARY KEY violation.
func isUnique(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	return se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// fail gives err the context of op, and turns the SQLite failures a person
// can act on (damaged file, read-only file, full disk) into one sentence.
// Errors that are already sentences pass through unchanged.
func (s *Store) fail(op string, err error) error {
	if err == nil {
		return nil
	}
	var se *sentenceError
	var le *LockedError
	var ll *LockLostError
	var pe *PathError
	var fw *ForeignWALError
	var ee *EmptyDatabaseError
	if errors.As(err, &se) || errors.As(err, &le) || errors.As(err, &ll) || errors.As(err, &pe) || errors.As(err, &fw) || errors.As(err, &ee) {
		return err
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return notDatabase(s.path, err)
	case sqlite3.SQLITE_READONLY:
		return readOnly(s.path, err)
	case sqlite3.SQLITE_FULL:
		return sentence(ErrDiskFull, err, "the disk holding %s is full (%s failed, nothing of it was saved); free some space and try again", s.path, op)
	}
	return fmt.Errorf("%s: %w", op, err)
}

func notDatabase(path string, cause error) error {
	return sentence(ErrNotDatabase, cause, "%s is not a bimtek database (or it is damaged); choose another file with --db", path)
}

func readOnly(path string, cause error) error {
	return sentence(ErrReadOnly, cause, "%s cannot be written (the file or its folder is read-only); make it writable or choose another file with --db", path)
}
