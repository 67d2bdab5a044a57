package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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

// setCell writes one cell inside tx and appends its event; next gives the
// new cell from the stored one. Nothing is written when the cell would not
// change, unless the write is an undo (undoOf > 0), which is always logged
// so that the undone event is marked.
func (s *Store) setCell(ctx context.Context, tx *sql.Tx, sessionID, opdID int64, key string, next func(cell) cell, at time.Time, undoOf int64) (Event, bool, error) {
	var (
		present   int64
		level, na sql.NullInt64
		note      sql.NullString
	)
	err := tx.QueryRowContext(ctx, `SELECT o.id, sc.level, sc.na, sc.note
		FROM opds o LEFT JOIN scores sc ON sc.session_id = o.session_id AND sc.opd_id = o.id AND sc.indicator_key = ?
		WHERE o.id = ? AND o.session_id = ?`, key, opdID, sessionID).Scan(&present, &level, &na, &note)
	if errors.Is(err, sql.ErrNoRows) {
		return Event{}, false, noOPD(sessionID, opdID)
	}
	if err != nil {
		return Event{}, false, err
	}
	old := cell{answer: workshop.Answer{Level: int(level.Int64), NA: na.Int64 != 0}, note: note.String}
	c := next(old)
	ev := Event{SessionID: sessionID, OPDID: opdID, IndicatorKey: key, Old: old.answer, New: c.answer,
		OldNote: old.note, NewNote: c.note, At: at, Undo: undoOf > 0}
	if old == c && undoOf == 0 {
		return ev, false, nil
	}
	if !c.answer.Answered() && c.note == "" {
		_, err = tx.ExecContext(ctx, `DELETE FROM scores WHERE session_id = ? AND opd_id = ? AND indicator_key = ?`, sessionID, opdID, key)
	} else {
		_, err = tx.ExecContext(ctx, `INSERT INTO scores (session_id, opd_id, indicator_key, level, na, note, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (session_id, opd_id, indicator_key) DO UPDATE
			SET level = excluded.level, na = excluded.na, note = excluded.note, updated_at = excluded.updated_at`,
			sessionID, opdID, key, c.answer.Level, c.answer.NA, c.note, at.UnixNano())
	}
	if err != nil {
		return Event{}, false, err
	}
	var undo any
	if undoOf > 0 {
		undo = undoOf
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO score_events
		(session_id, opd_id, indicator_key, old_level, old_na, old_note, new_level, new_na, new_note, at, undo_of)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		sessionID, opdID, key, old.answer.Level, old.answer.NA, old.note, c.answer.Level, c.answer.NA, c.note, at.UnixNano(), undo)
	if err != nil {
		return Event{}, false, err
	}
	if ev.ID, err = res.LastInsertId(); err != nil {
		return Event{}, false, err
	}
	if err := s.touch(ctx, tx, sessionID, at); err != nil {
		return Event{}, false, err
	}
	return ev, true, nil
}

// SetAnswer records one OPD's answer to one indicator in one durable
// transaction (score, event, session activity) and returns the event once
// it is committed. An answer equal to the stored one writes nothing and
// returns an event with ID 0.
func (s *Store) SetAnswer(ctx context.Context, sessionID, opdID int64, indicatorKey string, a workshop.Answer) (Event, error) {
	return s.setOne(ctx, sessionID, opdID, indicatorKey, func(old cell) cell { return cell{answer: a, note: old.note} }, a)
}

// SetNote changes the note of one cell, keeping its answer; it is logged
// like an answer (Old == New, the notes differ).
func (s *Store) SetNote(ctx context.Context, sessionID, opdID int64, indicatorKey, note string) (Event, error) {
	return s.setOne(ctx, sessionID, opdID, indicatorKey, func(old cell) cell { return cell{answer: old.answer, note: note} }, workshop.Answer{})
}

// setOne validates and writes one cell; next gives the new cell from the
// stored one (so SetNote keeps the answer and SetAnswer the note).
func (s *Store) setOne(ctx context.Context, sessionID, opdID int64, key string, next func(cell) cell, check workshop.Answer) (Event, error) {
	fr, err := s.frame(ctx, sessionID)
	if err != nil {
		return Event{}, err
	}
	if err := fr.checkAnswer(key, check); err != nil {
		return Event{}, err
	}
	var ev Event
	op := fmt.Sprintf("the answer of OPD %d to %s", opdID, key)
	err = s.write(ctx, op, func(tx *sql.Tx) error {
		var err error
		ev, _, err = s.setCell(ctx, tx, sessionID, opdID, key, next, s.now(), 0)
		return err
	})
	return ev, err
}

// to makes a next function for setCell that ignores the stored cell.
func to(c cell) func(cell) cell { return func(cell) cell { return c } }

// Undo reverts the newest change of the session that is not undone yet,
// by appending an event that restores its old value. Repeated calls walk
// back through the history (an undo is never itself undone), across
// restarts. Changes to OPDs removed since are skipped. ok is false when
// nothing is left to undo.
func (s *Store) Undo(ctx context.Context, sessionID int64) (ev Event, ok bool, err error) {
	if _, err := s.frame(ctx, sessionID); err != nil {
		return Event{}, false, err
	}
	err = s.write(ctx, fmt.Sprintf("undo in session %d", sessionID), func(tx *sql.Tx) error {
		var (
			id, opdID int64
			key       string
			old       cell
		)
		err := tx.QueryRowContext(ctx, `SELECT e.id, e.opd_id, e.indicator_key, e.old_level, e.old_na, e.old_note
			FROM score_events e
			WHERE e.session_id = ? AND e.undo_of IS NULL
			  AND NOT EXISTS (SELECT 1 FROM score_events u WHERE u.undo_of = e.id)
			  AND EXISTS (SELECT 1 FROM opds o WHERE o.id = e.opd_id AND o.session_id = e.session_id)
			ORDER BY e.id DESC LIMIT 1`, sessionID).Scan(&id, &opdID, &key, &old.answer.Level, &old.answer.NA, &old.note)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		ev, ok, err = s.setCell(ctx, tx, sessionID, opdID, key, to(old), s.now(), id)
		return err
	})
	if err != nil {
		return Event{}, false, err
	}
	return ev, ok, nil
}

// ImportScores writes many cells (answer and note) all or nothing: one bad
// row and none is written. Rows equal to the stored value are skipped and
// logged nowhere; changed counts the others.
func (s *Store) ImportScores(ctx context.Context, sessionID int64, rows []ScoreRow) (changed int, err error) {
	fr, err := s.frame(ctx, sessionID)
	if err != nil {
		return 0, err
	}
	for i, r := range rows {
		if err := fr.checkAnswer(r.IndicatorKey, r.Answer); err != nil {
			return 0, fmt.Errorf("score row %d of %d: %w", i+1, len(rows), err)
		}
	}
	err = s.write(ctx, fmt.Sprintf("the import of %d scores", len(rows)), func(tx *sql.Tx) error {
		changed = 0
		at := s.now()
		for i, r := range rows {
			_, ch, err := s.setCell(ctx, tx, sessionID, r.OPDID, r.IndicatorKey, to(cell{answer: r.Answer, note: r.Note}), at, 0)
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
		new_level, new_na, new_note, at, undo_of IS NOT NULL
		FROM score_events WHERE session_id = ? ORDER BY id`, sessionID)
	if err != nil {
		return nil, s.fail(op, err)
	}
	var out []Event
	for rows.Next() {
		e := Event{SessionID: sessionID}
		var at int64
		if err := rows.Scan(&e.ID, &e.OPDID, &e.IndicatorKey, &e.Old.Level, &e.Old.NA, &e.OldNote,
			&e.New.Level, &e.New.NA, &e.NewNote, &at, &e.Undo); err != nil {
			rows.Close()
			return nil, s.fail(op, err)
		}
		e.At = time.Unix(0, at)
		out = append(out, e)
	}
	if err := closeRows(rows); err != nil {
		return nil, s.fail(op, err)
	}
	return out, nil
}
