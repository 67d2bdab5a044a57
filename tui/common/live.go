package common

import (
	"context"
	"io"

	"github.com/bimtek/bimtek/workshop"
)

// Live is an open session as the screens change it: every write goes
// through it (it commits, then updates its own copy and tells its
// subscribers). *live.Session is one; the screens name only this
// interface, so package tui does not depend on the store.
//
// The screens never draw from Live's memory: Sess keeps its own copy
// (Data, Board, notes), which it updates on the program's goroutine from
// the results of its own writes and from the Changes that Listen forwards
// as messages. Read and Snapshot copy under Live's lock.
type Live interface {
	ID() int64
	Path() string
	Read(fn func(d *workshop.Data, b *workshop.Board))
	Snapshot() *workshop.Data
	Cell(opdID int64, key string) (workshop.Answer, string)
	// Cells reads many cells as they are now under one lock.
	Cells(fn func(cell func(opdID int64, key string) (workshop.Answer, string)))
	// Err is why every write is refused for good (the lock was lost).
	Err() error
	Subscribe() (<-chan workshop.Change, func())
	Close() error

	SetAnswer(ctx context.Context, src workshop.Source, opdID int64, key string, a workshop.Answer) (workshop.Event, error)
	SetAnswerAndState(ctx context.Context, src workshop.Source, opdID int64, key string, a workshop.Answer, uiState []byte) (workshop.Event, error)
	SetNote(ctx context.Context, src workshop.Source, opdID int64, key, note string) (workshop.Event, error)
	// SaveCells is a phone's save, group-committed with the other phones'.
	SaveCells(ctx context.Context, src workshop.Source, opdID int64, edits []workshop.CellEdit) ([]workshop.Event, error)
	Undo(ctx context.Context) (workshop.Event, bool, error)
	Redo(ctx context.Context) (workshop.Event, bool, error)
	AddOPD(ctx context.Context, in workshop.OPDInput) (workshop.OPD, error)
	AddOPDs(ctx context.Context, in []workshop.OPDInput) ([]workshop.OPD, error)
	UpdateOPD(ctx context.Context, o workshop.OPD) error
	RemoveOPD(ctx context.Context, opdID int64) error
	SetTarget(ctx context.Context, dimensionKey string, target float64) error
	SetPriority(ctx context.Context, elementKey string, on bool) error
	SaveUIState(ctx context.Context, state []byte) error
	ImportScores(ctx context.Context, src workshop.Source, rows []workshop.ScoreRow) (int, error)
	// Refresh reads what another process wrote (the projector view).
	Refresh(ctx context.Context) (bool, error)

	// Room mode's access codes (the roster reissues one; the server
	// checks them on every request).
	AccessCodes(ctx context.Context) ([]workshop.AccessCode, error)
	AccessCodeOPD(ctx context.Context, code string) (workshop.AccessCode, error)
	EnsureAccessCodes(ctx context.Context, random io.Reader) ([]workshop.AccessCode, error)
	ReissueAccessCode(ctx context.Context, opdID int64, random io.Reader) (string, error)
	SetSubmitted(ctx context.Context, opdID int64, on bool) error
}

// Sessions is the database as the home screen sees it: the list, a new
// session, a session to export, a correction or a deletion, the settings
// (the theme, the export's choice and folder). *store.Store is one.
type Sessions interface {
	ListSessions(ctx context.Context) ([]workshop.SessionSummary, error)
	CreateSession(ctx context.Context, n workshop.NewSession) (int64, error)
	Load(ctx context.Context, sessionID int64) (*workshop.Data, error)
	Setting(ctx context.Context, key string) (value string, ok bool, err error)
	SetSetting(ctx context.Context, key, value string) error
	// UpdateSession corrects a session's details; DeleteSession removes a
	// session and only it. Both refuse a session another bimtek has open
	// (*workshop.LockedError).
	UpdateSession(ctx context.Context, id int64, d workshop.SessionDetails) error
	DeleteSession(ctx context.Context, id int64) error
	Path() string
}

// Opener opens a session as a Live, locked for writing unless readOnly
// (live.Open).
type Opener func(ctx context.Context, id int64, readOnly bool) (Live, error)
