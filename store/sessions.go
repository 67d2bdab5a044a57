package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/bimtek/bimtek/workshop"
)

// write runs fn in one IMMEDIATE transaction and returns after the commit
// is durable. op names the change for error messages ("save score").
func (s *Store) write(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	return s.writeSession(ctx, 0, op, fn)
}

// writeSession is write for a change to one session (sessionID > 0): when
// this Store holds the session's lock, the transaction first confirms that
// the lock is still this Store's, and refuses with ErrLockLost otherwise.
func (s *Store) writeSession(ctx context.Context, sessionID int64, op string, fn func(tx *sql.Tx) error) error {
	return s.writeSessionLease(ctx, sessionID, op, true, fn)
}

// writeSessionLease is writeSession; with confirm false, fn confirms the
// lease itself (in a statement it runs anyway) before it returns nil.
func (s *Store) writeSessionLease(ctx context.Context, sessionID int64, op string, confirm bool, fn func(tx *sql.Tx) error) error {
	if err := s.writable(op); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(op, err)
	}
	if sessionID > 0 && confirm {
		if err := s.confirmLease(ctx, tx, sessionID); err != nil {
			tx.Rollback()
			return s.fail(op, err)
		}
	}
	marked := s.needMark.Load()
	if marked {
		if _, err := tx.ExecContext(ctx, markSQL); err != nil {
			tx.Rollback()
			return s.fail(op, err)
		}
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return s.fail(op, err)
	}
	if err := tx.Commit(); err != nil {
		return s.fail(op, err)
	}
	if marked {
		s.needMark.Store(false)
	}
	s.afterWrite()
	return nil
}

// walCheckpointBytes is the -wal size at which bimtek copies it into the
// database file (SQLite's own default is 1000 pages).
const walCheckpointBytes = 4 << 20

// afterWrite runs after each commit: every 64th commit it looks at the
// -wal's size and, past walCheckpointBytes, copies it into the database
// file. When that emptied it, the next write (which starts the next -wal)
// carries the identity mark (see wal.go).
func (s *Store) afterWrite() {
	if s.writes.Add(1)%64 != 0 {
		return
	}
	fi, err := os.Stat(s.path + "-wal")
	if err != nil || fi.Size() < walCheckpointBytes {
		return
	}
	var busy, log, done int
	if err := s.db.QueryRow("PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &log, &done); err != nil {
		return // a later commit tries again
	}
	if busy == 0 && log == done {
		s.needMark.Store(true)
	}
}

// writable refuses a write (op) on a store opened read-only.
func (s *Store) writable(op string) error {
	if s.readOnly {
		return sentence(ErrReadOnly, nil, "%s is open read-only here, so %s was not saved; open the session with `bimtek open` to change it", s.path, op)
	}
	return nil
}

// touch records activity on the session inside a write, and is how a write
// learns that the session is gone.
func (s *Store) touch(ctx context.Context, tx *sql.Tx, sessionID int64, at time.Time) error {
	res, err := tx.StmtContext(ctx, s.stmts.touch).ExecContext(ctx, at.UnixNano(), sessionID)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return noSession(sessionID)
	}
	return nil
}

func noSession(id int64) error {
	return sentence(ErrNoSession, nil, "there is no session %d in this database; see `bimtek list` for the sessions it holds", id)
}

func invalid(format string, args ...any) error {
	return sentence(ErrInvalid, nil, format, args...)
}

// checkFramework refuses a framework the store could not keep scores for.
func checkFramework(f *workshop.Framework) error {
	if f == nil {
		return invalid("the session has no framework; choose one of the built-in frameworks or a framework file")
	}
	if strings.TrimSpace(f.Key) == "" {
		return invalid("the framework has no key; give it one in its file (key: ...)")
	}
	if len(f.Scale) == 0 {
		return invalid("framework %q has no level scale; add the levels to its file", f.Key)
	}
	for _, l := range f.Scale {
		if l.Value <= 0 {
			return invalid("framework %q has level %d on its scale; levels start at 1 (0 means unanswered)", f.Key, l.Value)
		}
	}
	if f.ItemCount() == 0 {
		return invalid("framework %q has no indicators; add at least one to its file", f.Key)
	}
	seen := map[string]bool{}
	for _, d := range f.Dimensions {
		for _, e := range d.Elements {
			for _, ind := range e.Indicators {
				if seen[ind.Key] {
					return invalid("framework %q uses the indicator key %q twice; give each indicator its own key", f.Key, ind.Key)
				}
				seen[ind.Key] = true
			}
		}
	}
	return nil
}

func newFrame(f *workshop.Framework) *frame {
	fr := &frame{fw: f, indicators: map[string]bool{}, elements: map[string]bool{}}
	for _, d := range f.Dimensions {
		for _, e := range d.Elements {
			fr.elements[e.Key] = true
			for _, ind := range e.Indicators {
				fr.indicators[ind.Key] = true
			}
		}
	}
	return fr
}

// frame returns the session's framework, parsed once per Store: a
// session's framework copy never changes after creation.
func (s *Store) frame(ctx context.Context, sessionID int64) (*frame, error) {
	s.mu.Lock()
	fr := s.frames[sessionID]
	s.mu.Unlock()
	if fr != nil {
		return fr, nil
	}
	var raw string
	err := s.db.QueryRowContext(ctx, `SELECT json FROM frameworks WHERE session_id = ?`, sessionID).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, noSession(sessionID)
	}
	if err != nil {
		return nil, s.fail(fmt.Sprintf("read session %d", sessionID), err)
	}
	f, err := decodeFramework(sessionID, raw)
	if err != nil {
		return nil, err
	}
	fr = newFrame(f)
	s.mu.Lock()
	s.frames[sessionID] = fr
	s.mu.Unlock()
	return fr, nil
}

func decodeFramework(sessionID int64, raw string) (*workshop.Framework, error) {
	var f workshop.Framework
	if err := json.Unmarshal([]byte(raw), &f); err != nil {
		return nil, fmt.Errorf("read the framework of session %d: %w", sessionID, err)
	}
	f.MakeVisible() // a copy stored before frameworks were checked for control characters
	return &f, nil
}

// forget drops a deleted session's cached framework.
func (s *Store) forget(sessionID int64) {
	s.mu.Lock()
	delete(s.frames, sessionID)
	s.mu.Unlock()
}

// CreateSession stores a new session with its own copy of the framework
// and its first OPDs (present, in the given order), all or nothing.
func (s *Store) CreateSession(ctx context.Context, n NewSession) (int64, error) {
	city, err := workshop.CheckCity(n.City)
	if err != nil {
		return 0, refused("create session", err)
	}
	if err := workshop.CheckTahap(n.Stage); err != nil {
		return 0, refused("create session", err)
	}
	date := strings.TrimSpace(n.Date)
	if date != "" {
		if date, err = workshop.CheckDate(date); err != nil {
			return 0, refused("create session", err)
		}
	}
	venue, err := workshop.CheckVenue(n.Venue)
	if err != nil {
		return 0, refused("create session", err)
	}
	facilitator, err := workshop.CheckFacilitator(n.Facilitator)
	if err != nil {
		return 0, refused("create session", err)
	}
	if err := checkFramework(n.Framework); err != nil {
		return 0, err
	}
	raw, err := json.Marshal(n.Framework)
	if err != nil {
		return 0, fmt.Errorf("create session: copy framework %q: %w", n.Framework.Key, err)
	}
	opds, err := cleanOPDs(n.OPDs)
	if err != nil {
		return 0, err
	}
	var id int64
	now := s.now()
	err = s.write(ctx, "create session", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO sessions
			(city, stage, date, venue, facilitator, framework_key, item_count, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			city, n.Stage, date, venue, facilitator,
			n.Framework.Key, n.Framework.ItemCount(), now.UnixNano(), now.UnixNano())
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO frameworks (session_id, json) VALUES (?, ?)`, id, string(raw)); err != nil {
			return err
		}
		_, err = insertOPDs(ctx, tx, id, opds)
		return err
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// ListSessions lists every session, most recent activity first, with its
// completion over the OPDs in scope: present, or with at least one answer
// (DESIGN section 3).
func (s *Store) ListSessions(ctx context.Context) ([]SessionSummary, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT s.id, s.city, s.stage, s.date, s.venue, s.facilitator, s.framework_key, s.item_count, s.updated_at,
		       (SELECT count(*) FROM opds o WHERE o.session_id = s.id),
		       (SELECT count(*) FROM opds o WHERE o.session_id = s.id AND o.present),
		       (SELECT count(*) FROM opds o WHERE o.session_id = s.id AND (o.present OR EXISTS
		         (SELECT 1 FROM scores sc WHERE sc.session_id = s.id AND sc.opd_id = o.id AND (sc.na OR sc.level > 0)))),
		       s.answered
		FROM sessions s
		ORDER BY s.updated_at DESC, s.id DESC`)
	if err != nil {
		return nil, s.fail("list sessions", err)
	}
	defer rows.Close()
	var out []SessionSummary
	for rows.Next() {
		var ss SessionSummary
		var items, inScope int
		var updated int64
		if err := rows.Scan(&ss.ID, &ss.City, &ss.Stage, &ss.Date, &ss.Venue, &ss.Facilitator, &ss.FrameworkKey,
			&items, &updated, &ss.OPDs, &ss.Present, &inScope, &ss.Completion.Done); err != nil {
			return nil, s.fail("list sessions", err)
		}
		ss.Completion.Possible = inScope * items
		ss.LastActivity = time.Unix(0, updated)
		ss.MakeVisible() // text stored before entry refused control characters
		out = append(out, ss)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("list sessions", err)
	}
	return out, nil
}

// Load reads everything of one session at once, from one snapshot.
func (s *Store) Load(ctx context.Context, sessionID int64) (*Data, error) {
	op := fmt.Sprintf("load session %d", sessionID)
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, s.fail(op, err)
	}
	defer tx.Rollback()
	d, err := s.load(ctx, tx, sessionID)
	if err != nil {
		return nil, s.fail(op, err)
	}
	return d, nil
}

func (s *Store) load(ctx context.Context, tx *sql.Tx, sessionID int64) (*Data, error) {
	d := &Data{}
	ss := &d.Session
	var raw string
	var created, updated, answered int64
	err := tx.QueryRowContext(ctx, `SELECT s.id, s.city, s.stage, s.date, s.venue, s.facilitator, f.json, s.created_at, s.updated_at, s.answered
		FROM sessions s JOIN frameworks f ON f.session_id = s.id WHERE s.id = ?`, sessionID).
		Scan(&ss.ID, &ss.City, &ss.Stage, &ss.Date, &ss.Venue, &ss.Facilitator, &raw, &created, &updated, &answered)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, noSession(sessionID)
	}
	if err != nil {
		return nil, err
	}
	ss.MakeVisible() // text stored before entry refused control characters
	ss.CreatedAt, ss.UpdatedAt = time.Unix(0, created), time.Unix(0, updated)
	if ss.Framework, err = decodeFramework(sessionID, raw); err != nil {
		return nil, err
	}

	if d.OPDs, err = listOPDs(ctx, tx, sessionID); err != nil {
		return nil, err
	}

	if d.Scores, err = loadScores(ctx, tx, sessionID, int(answered)); err != nil {
		return nil, err
	}

	d.Targets = ss.Framework.Targets()
	rows, err := tx.QueryContext(ctx, `SELECT dimension_key, target FROM targets WHERE session_id = ?`, sessionID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var k string
		var t float64
		if err := rows.Scan(&k, &t); err != nil {
			rows.Close()
			return nil, err
		}
		d.Targets[k] = t
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}

	rows, err = tx.QueryContext(ctx, `SELECT element_key FROM priorities WHERE session_id = ? ORDER BY seq`, sessionID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return nil, err
		}
		d.Priorities = append(d.Priorities, k)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}

	err = tx.QueryRowContext(ctx, `SELECT ui_state FROM sessions WHERE id = ?`, sessionID).Scan(&d.UIState)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	return d, nil
}

// closeRows closes rows and reports the iteration error, if any.
func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

// UpdateSession corrects a session's details (city, tahap, date, venue,
// facilitator), checked as a new session's are; its framework, OPDs and
// scores stay as they are. A session another live bimtek has open is
// refused.
func (s *Store) UpdateSession(ctx context.Context, id int64, d SessionDetails) error {
	op := fmt.Sprintf("edit session %d", id)
	d, err := d.Check()
	if err != nil {
		return refused(op, err)
	}
	return s.writeSession(ctx, id, op, func(tx *sql.Tx) error {
		if err := s.checkNotHeld(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE sessions SET city = ?, stage = ?, date = ?, venue = ?, facilitator = ?, updated_at = ? WHERE id = ?`,
			d.City, d.Stage, d.Date, d.Venue, d.Facilitator, s.now().UnixNano(), id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return noSession(id)
		}
		return nil
	})
}

// DeleteSession removes a session with everything it holds, its event log
// included. A session another live bimtek has open is refused.
func (s *Store) DeleteSession(ctx context.Context, id int64) error {
	err := s.writeSession(ctx, id, fmt.Sprintf("delete session %d", id), func(tx *sql.Tx) error {
		if err := s.checkNotHeld(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return noSession(id)
		}
		return nil
	})
	s.forget(id)
	return err
}
