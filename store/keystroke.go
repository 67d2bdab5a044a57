package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/bimtek/bimtek/workshop"
)

// The keystroke's write (an answer, its event and the moved cursor, on a
// session this Store holds) is the write bimtek makes most, and the one
// DESIGN section 10 holds to a bare INSERT. Through database/sql it paid,
// besides SQLite's own work, a BEGIN IMMEDIATE and a COMMIT parsed again
// for every transaction by the driver and database/sql's bookkeeping of a
// transaction and two statements. Here the same four statements (BEGIN
// IMMEDIATE, applySQL, leasedUIStateSQL, COMMIT) are prepared once on the
// driver's connection and run in one reservation of it (sql.Conn.Raw):
// the same rows, the same one fsync'd commit, the lease confirmed by the
// cursor's UPDATE inside the transaction.

// rawStmts are the keystroke's statements prepared on one driver
// connection. They are used only inside sql.Conn.Raw, which has the
// connection to itself, so they need no lock of their own.
type rawStmts struct {
	conn                                           any // the driver connection they belong to
	begin, lease, apply, uiState, commit, rollback driver.Stmt
}

// rawLeaseSQL confirms the lease (token ?2) of a write that saves no
// cursor: it returns a row only while the lock row still names it.
const rawLeaseSQL = `SELECT 1 FROM locks WHERE session_id = ?1 AND token = ?2`

// rawFor returns the keystroke's statements on dc, preparing them the
// first time. The Store has one connection; should database/sql ever
// replace it (a connection found bad), the statements are prepared again
// on the new one (those of the closed one went with it).
func (s *Store) rawFor(ctx context.Context, dc any) (*rawStmts, error) {
	if s.raw.conn == dc && s.raw.begin != nil {
		return &s.raw, nil
	}
	c, ok := dc.(driver.ConnPrepareContext)
	if !ok {
		return nil, fmt.Errorf("the SQLite driver's connection %T cannot prepare statements", dc)
	}
	r := rawStmts{conn: dc}
	for _, p := range []struct {
		to    *driver.Stmt
		query string
	}{
		{&r.begin, "BEGIN IMMEDIATE"},
		{&r.lease, rawLeaseSQL},
		{&r.apply, applySQL},
		{&r.uiState, leasedUIStateSQL},
		{&r.commit, "COMMIT"},
		{&r.rollback, "ROLLBACK"},
	} {
		st, err := c.PrepareContext(ctx, p.query)
		if err != nil {
			r.close()
			return nil, fmt.Errorf("prepare %q: %w", p.query, err)
		}
		if _, ok := st.(driver.StmtExecContext); !ok {
			st.Close()
			r.close()
			return nil, fmt.Errorf("the SQLite driver's statement %T cannot run with a context", st)
		}
		if _, ok := st.(driver.StmtQueryContext); !ok {
			st.Close()
			r.close()
			return nil, fmt.Errorf("the SQLite driver's statement %T cannot query with a context", st)
		}
		*p.to = st
	}
	s.raw = r
	return &s.raw, nil
}

func (r *rawStmts) close() {
	for _, st := range []driver.Stmt{r.begin, r.lease, r.apply, r.uiState, r.commit, r.rollback} {
		if st != nil {
			st.Close()
		}
	}
	*r = rawStmts{}
}

// closeRaw finalizes the keystroke's statements before the connection
// closes (Store.Close).
func (s *Store) closeRaw() {
	conn, err := s.db.Conn(context.Background())
	if err != nil {
		return
	}
	defer conn.Close()
	conn.Raw(func(dc any) error {
		if s.raw.begin != nil && s.raw.conn == dc {
			s.raw.close()
		}
		return nil
	})
}

func execRaw(ctx context.Context, st driver.Stmt, args []driver.NamedValue) (driver.Result, error) {
	return st.(driver.StmtExecContext).ExecContext(ctx, args)
}

// applyArgs are applySQL's parameters for change c at time at, as the
// driver takes them.
func applyArgs(c change, at time.Time) []driver.NamedValue {
	vals := applyValues(c, at)
	args := make([]driver.NamedValue, len(vals))
	for i, v := range vals {
		args[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return args
}

// keystroke writes change c, and the screen state unless state is nil, in
// one IMMEDIATE transaction on the prepared statements, the lease (token)
// confirmed by the state's UPDATE or, without a state, first by
// rawLeaseSQL, as the general path confirms it. done is false, with
// nothing written, when the transaction was rolled back because the
// change changed nothing (no event) or the lease was not confirmed (lost,
// or the session gone): the caller then writes through the general path,
// which says which and still saves the state of an unchanged answer.
func (s *Store) keystroke(ctx context.Context, op string, c change, state []byte, token string) (ev Event, done bool, err error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return Event{}, true, s.fail(op, err)
	}
	ev = Event{SessionID: c.sessionID, OPDID: c.opdID, IndicatorKey: c.key, Undo: c.undoOf > 0, Redo: c.redoOf > 0, Source: c.src}
	if ev.Source.Kind == "" {
		ev.Source = workshop.Keyboard
	}
	err = conn.Raw(func(dc any) error {
		r, err := s.rawFor(ctx, dc)
		if err != nil {
			return err
		}
		if _, err := execRaw(ctx, r.begin, nil); err != nil {
			return err
		}
		// As database/sql's Tx.Rollback: its error is not the write's.
		rollback := func() { execRaw(context.Background(), r.rollback, nil) }
		if state == nil {
			held, err := r.held(ctx, c.sessionID, token)
			if err != nil || !held {
				rollback()
				return err
			}
		}
		ev.At = s.now() // as the general path: the time once the write lock is taken
		logged, err := r.applyRow(ctx, applyArgs(c, ev.At), &ev)
		if err != nil || !logged {
			rollback()
			return err
		}
		if state != nil {
			res, err := execRaw(ctx, r.uiState, []driver.NamedValue{
				{Ordinal: 1, Value: state}, {Ordinal: 2, Value: c.sessionID}, {Ordinal: 3, Value: token}})
			if err != nil {
				rollback()
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n != 1 {
				rollback()
				return err
			}
		}
		if _, err := execRaw(ctx, r.commit, nil); err != nil {
			rollback() // as the driver's Commit: never leave the connection in the transaction
			return err
		}
		done = true
		return nil
	})
	// Back to the pool before afterWrite, which may checkpoint through it.
	conn.Close()
	if err != nil {
		return Event{}, true, s.fail(op, err)
	}
	if !done {
		return Event{}, false, nil
	}
	s.afterWrite()
	return ev, true, nil
}

// held says whether the lock row of the session still names token.
func (r *rawStmts) held(ctx context.Context, sessionID int64, token string) (bool, error) {
	rows, err := r.lease.(driver.StmtQueryContext).QueryContext(ctx, []driver.NamedValue{
		{Ordinal: 1, Value: sessionID}, {Ordinal: 2, Value: token}})
	if err != nil {
		return false, err
	}
	var dest [1]driver.Value
	err = rows.Next(dest[:])
	held := err == nil
	if err != nil && !errors.Is(err, io.EOF) {
		rows.Close()
		return false, err
	}
	return held, rows.Close()
}

// applyRow runs applySQL with args to its end and fills ev from the event
// it returned; logged is false when it logged none.
func (r *rawStmts) applyRow(ctx context.Context, args []driver.NamedValue, ev *Event) (logged bool, err error) {
	rows, err := r.apply.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return false, err
	}
	var dest [7]driver.Value
	for {
		err := rows.Next(dest[:])
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			rows.Close()
			return false, err
		}
		var ok [7]bool
		ev.ID, ok[0] = dest[0].(int64)
		ev.Old.Level, ok[1] = intOf(dest[1])
		ev.Old.NA, ok[2] = boolOf(dest[2])
		ev.OldNote, ok[3] = textOf(dest[3])
		ev.New.Level, ok[4] = intOf(dest[4])
		ev.New.NA, ok[5] = boolOf(dest[5])
		ev.NewNote, ok[6] = textOf(dest[6])
		for i, good := range ok {
			if !good {
				rows.Close()
				return false, fmt.Errorf("the new event's column %d is %T %v", i+1, dest[i], dest[i])
			}
		}
		logged = true
	}
	return logged, rows.Close()
}

func intOf(v driver.Value) (int, bool) {
	n, ok := v.(int64)
	return int(n), ok
}

func boolOf(v driver.Value) (bool, bool) {
	n, ok := v.(int64)
	return n != 0, ok
}

func textOf(v driver.Value) (string, bool) {
	switch t := v.(type) {
	case string:
		return t, true
	case []byte:
		return string(t), true
	}
	return "", false
}
