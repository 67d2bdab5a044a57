package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/bimtek/bimtek/workshop"
)

// checkAnswer refuses an indicator the session's framework does not have
// and a level that is not a step of its scale. Level 0 without N/A clears
// the cell.
func (fr *frame) checkAnswer(key string, a workshop.Answer) error {
	if !fr.indicators[key] {
		return sentence(ErrNoIndicator, nil, "the framework %q of this session has no indicator %q; pick an indicator from the grid", fr.fw.Key, key)
	}
	if a.NA && a.Level != 0 {
		return invalid("an answer cannot be N/A and level %d at once; choose one", a.Level)
	}
	if a.Level != 0 {
		if _, ok := fr.fw.LevelOf(a.Level); !ok {
			return sentence(ErrOutOfScale, nil, "level %d is not on the scale of this session; type a level from %d to %d",
				a.Level, fr.fw.MinLevel(), fr.fw.MaxLevel())
		}
	}
	return nil
}

// cell is one stored answer with its note.
type cell struct {
	answer workshop.Answer
	note   string
}

// change is one cell write: the answer, the note, or both (an undo).
type change struct {
	sessionID, opdID int64
	key              string
	setAnswer        bool
	answer           workshop.Answer
	setNote          bool
	note             string
	undoOf           int64 // > 0: an undo, logged even if the cell is already so
	redoOf           int64 // > 0: a redo of that undo, logged likewise
	src              workshop.Source
}

// applySQL appends the event of a change, computed from the stored cell,
// unless the change changes nothing; the trigger score_events_apply then
// writes the cell and the session's activity. One statement: in autocommit
// it is one durable transaction. Parameters: 1 session, 2 OPD, 3 indicator,
// 4 set answer?, 5 level, 6 N/A, 7 set note?, 8 note, 9 time, 10 undo_of,
// 11 log even without a change?, 12 redo_of, 13 source, 14 source OPD,
// 15 source device
const applySQL = `
WITH cur AS (
	SELECT o.session_id, o.id AS opd_id,
	       coalesce(sc.level, 0) AS level, coalesce(sc.na, 0) AS na, coalesce(sc.note, '') AS note
	FROM opds o
	LEFT JOIN scores sc ON sc.session_id = o.session_id AND sc.opd_id = o.id AND sc.indicator_key = ?3
	WHERE o.id = ?2 AND o.session_id = ?1
), nxt AS (
	SELECT cur.*, iif(?4, ?5, level) AS new_level, iif(?4, ?6, na) AS new_na, iif(?7, ?8, note) AS new_note
	FROM cur
)
INSERT INTO score_events
	(session_id, id, opd_id, indicator_key, old_level, old_na, old_note, new_level, new_na, new_note, at, undo_of,
	 redo_of, source, source_opd, source_device)
SELECT session_id, (SELECT coalesce(max(e.id), 0) + 1 FROM score_events e WHERE e.session_id = ?1),
       opd_id, ?3, level, na, note, new_level, new_na, new_note, ?9, ?10, ?12, ?13, ?14, ?15
FROM nxt
WHERE ?11 OR new_level IS NOT level OR new_na IS NOT na OR new_note IS NOT note
RETURNING id, old_level, old_na, old_note, new_level, new_na, new_note`

// applyValues are applySQL's parameters for change c at time at, in
// their order (a change without a source is the keyboard's).
func applyValues(c change, at time.Time) [15]any {
	var undoOf, redoOf, srcOPD any
	if c.undoOf > 0 {
		undoOf = c.undoOf
	}
	if c.redoOf > 0 {
		redoOf = c.redoOf
	}
	if c.src.Kind == "" {
		c.src = workshop.Keyboard
	}
	if c.src.OPDID != 0 {
		srcOPD = c.src.OPDID
	}
	return [15]any{c.sessionID, c.opdID, c.key, c.setAnswer, int64(c.answer.Level), c.answer.NA,
		c.setNote, c.note, at.UnixNano(), undoOf, c.undoOf > 0 || c.redoOf > 0, redoOf, string(c.src.Kind), srcOPD, c.src.Device}
}

// apply runs a change through stmt (the prepared applySQL, bound to a
// transaction or not) and returns its event. When nothing was logged (the
// cell already held the value, or the OPD is not in the session) it says
// which, with q to ask.
func (s *Store) apply(ctx context.Context, stmt *sql.Stmt, q queryer, c change, at time.Time) (Event, bool, error) {
	vals := applyValues(c, at)
	if c.src.Kind == "" {
		c.src = workshop.Keyboard
	}
	rows, err := stmt.QueryContext(ctx, vals[:]...)
	if err != nil {
		return Event{}, false, err
	}
	ev := Event{SessionID: c.sessionID, OPDID: c.opdID, IndicatorKey: c.key, At: at, Undo: c.undoOf > 0, Redo: c.redoOf > 0, Source: c.src}
	logged := false
	for rows.Next() {
		if err := rows.Scan(&ev.ID, &ev.Old.Level, &ev.Old.NA, &ev.OldNote, &ev.New.Level, &ev.New.NA, &ev.NewNote); err != nil {
			rows.Close()
			return Event{}, false, err
		}
		logged = true
	}
	// The statement has run to its end (and, in autocommit, committed)
	// only once Next is false: its error, a failed commit included, is here.
	if err := closeRows(rows); err != nil {
		return Event{}, false, err
	}
	if logged {
		return ev, true, nil
	}
	var old cell
	err = q.QueryRowContext(ctx, `SELECT coalesce(sc.level, 0), coalesce(sc.na, 0), coalesce(sc.note, '')
		FROM opds o LEFT JOIN scores sc ON sc.session_id = o.session_id AND sc.opd_id = o.id AND sc.indicator_key = ?
		WHERE o.id = ? AND o.session_id = ?`, c.key, c.opdID, c.sessionID).Scan(&old.answer.Level, &old.answer.NA, &old.note)
	if errors.Is(err, sql.ErrNoRows) {
		var one int
		if err := q.QueryRowContext(ctx, `SELECT 1 FROM sessions WHERE id = ?`, c.sessionID).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return Event{}, false, noSession(c.sessionID)
		}
		return Event{}, false, noOPD(c.sessionID, c.opdID)
	}
	if err != nil {
		return Event{}, false, err
	}
	ev.Old, ev.New, ev.OldNote, ev.NewNote = old.answer, old.answer, old.note, old.note
	return ev, false, nil
}

// queryer is a *sql.DB or a *sql.Tx.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// SetAnswer records one OPD's answer to one indicator, keeping its note, in
// one durable transaction (event, score, session activity) and returns the
// event once it is committed. An answer equal to the stored one writes
// nothing and returns an event with ID 0.
func (s *Store) SetAnswer(ctx context.Context, sessionID, opdID int64, indicatorKey string, a workshop.Answer) (Event, error) {
	return s.SetAnswerBy(ctx, workshop.Keyboard, sessionID, opdID, indicatorKey, a)
}

// SetAnswerBy is SetAnswer made by src (the keyboard, a phone), which the
// event log records.
func (s *Store) SetAnswerBy(ctx context.Context, src workshop.Source, sessionID, opdID int64, indicatorKey string, a workshop.Answer) (Event, error) {
	if err := src.Check(); err != nil {
		return Event{}, err
	}
	return s.setOne(ctx, change{sessionID: sessionID, opdID: opdID, key: indicatorKey, setAnswer: true, answer: a, src: src})
}

// SetAnswerAndState records an answer like SetAnswer and, in the same
// durable transaction, the TUI's screen state (the grid cursor that moved on
// with the digit). One commit instead of two keeps a keystroke cheap, and a
// kill between the two can never leave the score without its cursor.
func (s *Store) SetAnswerAndState(ctx context.Context, sessionID, opdID int64, indicatorKey string, a workshop.Answer, state []byte) (Event, error) {
	return s.SetAnswerAndStateBy(ctx, workshop.Keyboard, sessionID, opdID, indicatorKey, a, state)
}

// SetAnswerAndStateBy is SetAnswerAndState made by src.
func (s *Store) SetAnswerAndStateBy(ctx context.Context, src workshop.Source, sessionID, opdID int64, indicatorKey string, a workshop.Answer, state []byte) (Event, error) {
	if err := src.Check(); err != nil {
		return Event{}, err
	}
	fr, err := s.frame(ctx, sessionID)
	if err != nil {
		return Event{}, err
	}
	if err := fr.checkAnswer(indicatorKey, a); err != nil {
		return Event{}, err
	}
	if state == nil {
		state = []byte{}
	}
	c := change{sessionID: sessionID, opdID: opdID, key: indicatorKey, setAnswer: true, answer: a, src: src}
	op := fmt.Sprintf("the answer of OPD %d to %s", opdID, indicatorKey)
	l := s.leaseOf(sessionID)
	if l != nil && !s.needMark.Load() {
		if err := s.writable(op); err != nil {
			return Event{}, err
		}
		// The common case, on the statements prepared for it (keystroke.go);
		// an unchanged answer or a lease found lost goes on below.
		if ev, done, err := s.keystroke(ctx, op, c, state, l.token); done {
			return ev, err
		}
	}
	var ev Event
	// The lease is confirmed by the statement that saves the cursor (it
	// changes no row when the lease is gone): the keystroke's transaction
	// is three statements, not four. Inside one transaction, confirming
	// last is as safe as first: nothing commits unless it holds.
	err = s.writeSessionLease(ctx, sessionID, op, l == nil, func(tx *sql.Tx) error {
		at := s.now()
		var err error
		ev, _, err = s.apply(ctx, tx.StmtContext(ctx, s.stmts.apply), tx, c, at)
		if err != nil {
			return err
		}
		if l == nil {
			_, err = tx.StmtContext(ctx, s.stmts.uiState).ExecContext(ctx, state, sessionID)
			return err
		}
		res, err := tx.StmtContext(ctx, s.stmts.leasedUIState).ExecContext(ctx, state, sessionID, l.token)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return err
		}
		if err := s.confirmLease(ctx, tx, sessionID); err != nil {
			return err
		}
		return noSession(sessionID)
	})
	if err != nil {
		return Event{}, err
	}
	return ev, nil
}

// SetNote changes the note of one cell, keeping its answer; it is logged
// like an answer (Old == New, the notes differ).
func (s *Store) SetNote(ctx context.Context, sessionID, opdID int64, indicatorKey, note string) (Event, error) {
	return s.SetNoteBy(ctx, workshop.Keyboard, sessionID, opdID, indicatorKey, note)
}

// SetNoteBy is SetNote made by src.
func (s *Store) SetNoteBy(ctx context.Context, src workshop.Source, sessionID, opdID int64, indicatorKey, note string) (Event, error) {
	if err := src.Check(); err != nil {
		return Event{}, err
	}
	note, err := workshop.CheckNote(note)
	if err != nil {
		return Event{}, refused(fmt.Sprintf("the note of OPD %d on %s", opdID, indicatorKey), err)
	}
	return s.setOne(ctx, change{sessionID: sessionID, opdID: opdID, key: indicatorKey, setNote: true, note: note, src: src})
}

// setOne validates a change against the session's framework (cached) and
// writes it as one autocommit statement.
func (s *Store) setOne(ctx context.Context, c change) (Event, error) {
	fr, err := s.frame(ctx, c.sessionID)
	if err != nil {
		return Event{}, err
	}
	if err := fr.checkAnswer(c.key, c.answer); err != nil {
		return Event{}, err
	}
	op := fmt.Sprintf("the answer of OPD %d to %s", c.opdID, c.key)
	if err := s.writable(op); err != nil {
		return Event{}, err
	}
	l := s.leaseOf(c.sessionID)
	if l != nil && !s.needMark.Load() {
		// A held session, on the keystroke's prepared statements
		// (keystroke.go); an unchanged cell or a lease found lost goes on
		// below.
		if ev, done, err := s.keystroke(ctx, op, c, nil, l.token); done {
			return ev, err
		}
	}
	if l != nil || s.needMark.Load() {
		// A held session: the lease is confirmed in the same transaction
		// (and the first write of an open carries the identity mark).
		var ev Event
		err := s.writeSession(ctx, c.sessionID, op, func(tx *sql.Tx) error {
			var err error
			ev, _, err = s.apply(ctx, tx.StmtContext(ctx, s.stmts.apply), tx, c, s.now())
			return err
		})
		if err != nil {
			return Event{}, err
		}
		return ev, nil
	}
	ev, _, err := s.apply(ctx, s.stmts.apply, s.db, c, s.now())
	if err != nil {
		return Event{}, s.fail(op, err)
	}
	s.afterWrite()
	return ev, nil
}

// Undo reverts the newest change of the session that is not undone yet,
// by appending an event that restores its old value. Repeated calls walk
// back through the history (an undo is never itself undone; a redo is a
// change like any other and can be), across restarts. Changes to OPDs
// removed since are skipped. ok is false when nothing is left to undo.
func (s *Store) Undo(ctx context.Context, sessionID int64) (ev Event, ok bool, err error) {
	if _, err := s.frame(ctx, sessionID); err != nil {
		return Event{}, false, err
	}
	err = s.writeSession(ctx, sessionID, fmt.Sprintf("undo in session %d", sessionID), func(tx *sql.Tx) error {
		target, found, err := undoTarget(ctx, tx, sessionID)
		if err != nil || !found {
			return err
		}
		ev, ok, err = s.apply(ctx, tx.StmtContext(ctx, s.stmts.apply), tx, change{sessionID: sessionID, opdID: target.opdID, key: target.key,
			setAnswer: true, answer: target.old.answer, setNote: true, note: target.old.note, undoOf: target.id}, s.now())
		return err
	})
	if err != nil {
		return Event{}, false, err
	}
	return ev, ok, nil
}

// Redo re-applies what the newest undo reverted that is not redone yet:
// the cell gets back the value it had before that undo. Repeated calls walk
// forward again through a run of undos; any other change made after an
// undo ends the run (there is nothing to redo then), across restarts. An
// undo of an OPD removed since is skipped. ok is false when nothing is left
// to redo.
func (s *Store) Redo(ctx context.Context, sessionID int64) (ev Event, ok bool, err error) {
	if _, err := s.frame(ctx, sessionID); err != nil {
		return Event{}, false, err
	}
	err = s.writeSession(ctx, sessionID, fmt.Sprintf("redo in session %d", sessionID), func(tx *sql.Tx) error {
		target, found, err := redoTarget(ctx, tx, sessionID)
		if err != nil || !found {
			return err
		}
		ev, ok, err = s.apply(ctx, tx.StmtContext(ctx, s.stmts.apply), tx, change{sessionID: sessionID, opdID: target.opdID, key: target.key,
			setAnswer: true, answer: target.old.answer, setNote: true, note: target.old.note, redoOf: target.id}, s.now())
		return err
	})
	if err != nil {
		return Event{}, false, err
	}
	return ev, ok, nil
}

// redoTarget finds the newest undo of the session that no redo names yet,
// walking back from the newest event through undos and redos only: the
// first other change ends the walk (a change after an undo clears what
// could be redone). old is the cell as the undo found it.
func redoTarget(ctx context.Context, tx *sql.Tx, sessionID int64) (undoEvent, bool, error) {
	roster, err := listOPDs(ctx, tx, sessionID)
	if err != nil {
		return undoEvent{}, false, err
	}
	inRoster := make(map[int64]bool, len(roster))
	for _, o := range roster {
		inRoster[o.ID] = true
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, opd_id, indicator_key, old_level, old_na, old_note, undo_of IS NOT NULL, redo_of
		FROM score_events WHERE session_id = ? ORDER BY id DESC`, sessionID)
	if err != nil {
		return undoEvent{}, false, err
	}
	defer rows.Close()
	redone := map[int64]bool{}
	for rows.Next() {
		var e undoEvent
		var isUndo bool
		var redoOf sql.NullInt64
		if err := rows.Scan(&e.id, &e.opdID, &e.key, &e.old.answer.Level, &e.old.answer.NA, &e.old.note, &isUndo, &redoOf); err != nil {
			return undoEvent{}, false, err
		}
		switch {
		case redoOf.Valid:
			redone[redoOf.Int64] = true
		case !isUndo:
			return undoEvent{}, false, rows.Close()
		case !redone[e.id] && inRoster[e.opdID]:
			return e, true, rows.Close()
		}
	}
	return undoEvent{}, false, rows.Err()
}

// undoEvent is the event Undo reverts.
type undoEvent struct {
	id, opdID int64
	key       string
	old       cell
}

// undoTarget finds the newest event of the session that is neither an
// undo nor undone, and whose OPD is still in the session. Walking back from
// the newest event, every undo names an older event, so the undone ones are
// known by the time the walk reaches them; the walk stops at the first
// candidate, a few rows back in practice.
func undoTarget(ctx context.Context, tx *sql.Tx, sessionID int64) (undoEvent, bool, error) {
	roster, err := listOPDs(ctx, tx, sessionID)
	if err != nil {
		return undoEvent{}, false, err
	}
	inRoster := make(map[int64]bool, len(roster))
	for _, o := range roster {
		inRoster[o.ID] = true
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, opd_id, indicator_key, old_level, old_na, old_note, undo_of
		FROM score_events WHERE session_id = ? ORDER BY id DESC`, sessionID)
	if err != nil {
		return undoEvent{}, false, err
	}
	defer rows.Close()
	undone := map[int64]bool{}
	for rows.Next() {
		var e undoEvent
		var undoOf sql.NullInt64
		if err := rows.Scan(&e.id, &e.opdID, &e.key, &e.old.answer.Level, &e.old.answer.NA, &e.old.note, &undoOf); err != nil {
			return undoEvent{}, false, err
		}
		switch {
		case undoOf.Valid:
			undone[undoOf.Int64] = true
		case !undone[e.id] && inRoster[e.opdID]:
			return e, true, rows.Close()
		}
	}
	return undoEvent{}, false, rows.Err()
}

// ImportScores writes many cells (answer and note) all or nothing: one bad
// row and none is written. Rows equal to the stored value are skipped and
// logged nowhere; changed counts the others.
func (s *Store) ImportScores(ctx context.Context, sessionID int64, rows []ScoreRow) (changed int, err error) {
	return s.ImportScoresBy(ctx, workshop.Import, sessionID, rows)
}

// ImportScoresBy is ImportScores with the source the event log records
// (an import; room mode may send many answers of one phone at once).
func (s *Store) ImportScoresBy(ctx context.Context, src workshop.Source, sessionID int64, rows []ScoreRow) (changed int, err error) {
	if err := src.Check(); err != nil {
		return 0, err
	}
	fr, err := s.frame(ctx, sessionID)
	if err != nil {
		return 0, err
	}
	clean := slices.Clone(rows) // the caller's rows stay as they were
	for i, r := range rows {
		if err := fr.checkAnswer(r.IndicatorKey, r.Answer); err != nil {
			return 0, fmt.Errorf("score row %d of %d: %w", i+1, len(rows), err)
		}
		if clean[i].Note, err = workshop.CheckNote(r.Note); err != nil {
			return 0, refused(fmt.Sprintf("score row %d of %d", i+1, len(rows)), err)
		}
	}
	err = s.writeSession(ctx, sessionID, fmt.Sprintf("the import of %d scores", len(rows)), func(tx *sql.Tx) error {
		changed = 0
		at := s.now()
		stmt := tx.StmtContext(ctx, s.stmts.apply)
		for i, r := range clean {
			_, ch, err := s.apply(ctx, stmt, tx, change{sessionID: sessionID, opdID: r.OPDID, key: r.IndicatorKey,
				setAnswer: true, answer: r.Answer, setNote: true, note: r.Note, src: src}, at)
			if err != nil {
				return fmt.Errorf("score row %d of %d: %w", i+1, len(rows), err)
			}
			if ch {
				changed++
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return changed, nil
}

// Events returns the session's score log, oldest first, including the
// events of OPDs removed since.
func (s *Store) Events(ctx context.Context, sessionID int64) ([]Event, error) {
	if _, err := s.frame(ctx, sessionID); err != nil {
		return nil, err
	}
	op := fmt.Sprintf("read the score log of session %d", sessionID)
	rows, err := s.db.QueryContext(ctx, `SELECT id, opd_id, indicator_key, old_level, old_na, old_note,
		new_level, new_na, new_note, at, undo_of IS NOT NULL, redo_of IS NOT NULL, source, coalesce(source_opd, 0), source_device
		FROM score_events WHERE session_id = ? ORDER BY id`, sessionID)
	if err != nil {
		return nil, s.fail(op, err)
	}
	var out []Event
	for rows.Next() {
		e := Event{SessionID: sessionID}
		var at int64
		var kind string
		if err := rows.Scan(&e.ID, &e.OPDID, &e.IndicatorKey, &e.Old.Level, &e.Old.NA, &e.OldNote,
			&e.New.Level, &e.New.NA, &e.NewNote, &at, &e.Undo, &e.Redo, &kind, &e.Source.OPDID, &e.Source.Device); err != nil {
			rows.Close()
			return nil, s.fail(op, err)
		}
		e.At = time.Unix(0, at)
		e.Source.Kind = workshop.SourceKind(kind)
		e.OldNote, e.NewNote = workshop.VisibleLines(e.OldNote), workshop.VisibleLines(e.NewNote)
		e.Source.Device = workshop.Visible(e.Source.Device)
		out = append(out, e)
	}
	if err := closeRows(rows); err != nil {
		return nil, s.fail(op, err)
	}
	return out, nil
}
