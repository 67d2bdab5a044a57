package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/bimtek/bimtek/workshop"
)

// Save is one save of a group commit: the cells one source (an OPD's
// phone) changed at once, for one OPD. It is written whole or not at all.
type Save struct {
	Src   workshop.Source
	OPDID int64
	Edits []workshop.CellEdit
}

// SaveResult is what became of one Save: its events in the order of its
// edits (an edit that changed nothing has an event with ID 0), or why
// none of it was written.
type SaveResult struct {
	Events []Event
	Err    error
}

// WriteSaves writes many saves in one durable transaction (one commit,
// one fsync, however many saves), in the order given, with the session's
// lease confirmed first like every write. Each save is checked on its own
// first (its source, indicators, levels and notes, as SetAnswerBy and
// SetNoteBy check them) and written inside its own savepoint (one of a
// single change is atomic as the statement it is), so a save
// refused for what it says (a level off the scale, an OPD removed
// meanwhile) is left out with its reason in its SaveResult while the
// others are written. When the transaction itself fails (the lock was
// taken over, the disk is full, the commit failed) err is that failure
// and nothing of any save was written: the results are then nil.
func (s *Store) WriteSaves(ctx context.Context, sessionID int64, saves []Save) ([]SaveResult, error) {
	out, _, err := s.WriteSavesUntil(ctx, sessionID, saves, nil)
	return out, err
}

// WriteSavesUntil is WriteSaves that can end its transaction early: before
// each save after the first, more (when not nil) is asked, and when it
// says no, the transaction commits the saves written so far. n is how many
// of saves the results and the commit cover (the first n, all of them
// unless more said no); the rest were not looked at and are to be written
// later. The group commit of room mode uses it to let a keystroke in
// between two saves instead of after the whole group.
func (s *Store) WriteSavesUntil(ctx context.Context, sessionID int64, saves []Save, more func() bool) ([]SaveResult, int, error) {
	out, err := s.writeSaves(ctx, sessionID, saves, more)
	if err != nil {
		return nil, 0, err
	}
	return out, len(out), nil
}

func (s *Store) writeSaves(ctx context.Context, sessionID int64, saves []Save, more func() bool) ([]SaveResult, error) {
	fr, err := s.frame(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	op := fmt.Sprintf("%d saves of session %d", len(saves), sessionID)
	if err := s.writable(op); err != nil {
		return nil, err
	}
	out := make([]SaveResult, len(saves))
	valid := make([][]change, len(saves))
	some := false
	for i, sv := range saves {
		cs, err := checkSave(fr, sessionID, sv)
		if err != nil {
			out[i].Err = err
			continue
		}
		valid[i], some = cs, true
	}
	if !some {
		return out, nil
	}
	err = s.writeSession(ctx, sessionID, op, func(tx *sql.Tx) error {
		stmt := tx.StmtContext(ctx, s.stmts.apply)
		for i, cs := range valid {
			if i > 0 && more != nil && !more() {
				out = out[:i] // the rest waits for the next transaction
				break
			}
			if cs == nil {
				continue
			}
			// A save of one change needs no savepoint: a statement that
			// fails leaves nothing of itself behind.
			sp := len(cs) > 1
			if sp {
				if _, err := tx.ExecContext(ctx, `SAVEPOINT phone_save`); err != nil {
					return err
				}
			}
			at := s.now()
			evs := make([]Event, 0, len(cs))
			var refusedErr error
			for _, c := range cs {
				ev, _, err := s.apply(ctx, stmt, tx, c, at)
				if err != nil {
					if !saveRefusal(err) {
						return err
					}
					refusedErr = err
					break
				}
				evs = append(evs, ev)
			}
			if refusedErr != nil && sp {
				if _, err := tx.ExecContext(ctx, `ROLLBACK TO phone_save`); err != nil {
					return err
				}
			}
			if refusedErr != nil {
				out[i].Err = refusedErr
			} else {
				out[i].Events = evs
			}
			if sp {
				if _, err := tx.ExecContext(ctx, `RELEASE phone_save`); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// checkSave turns one save into its changes, refusing it whole when its
// source, an indicator, a level or a note is wrong.
func checkSave(fr *frame, sessionID int64, sv Save) ([]change, error) {
	if err := sv.Src.Check(); err != nil {
		return nil, err
	}
	var cs []change
	for _, e := range sv.Edits {
		if err := fr.checkAnswer(e.Key, e.Answer); err != nil {
			return nil, err
		}
		base := change{sessionID: sessionID, opdID: sv.OPDID, key: e.Key, src: sv.Src}
		if e.SetAnswer {
			c := base
			c.setAnswer, c.answer = true, e.Answer
			cs = append(cs, c)
		}
		if e.SetNote {
			note, err := workshop.CheckNote(e.Note)
			if err != nil {
				return nil, refused(fmt.Sprintf("the note of OPD %d on %s", sv.OPDID, e.Key), err)
			}
			c := base
			c.setNote, c.note = true, note
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return nil, invalid("a save of OPD %d changes no cell", sv.OPDID)
	}
	return cs, nil
}

// saveRefusal tells a save refused for what it says (its OPD is not in
// the session) from a failure of the transaction.
func saveRefusal(err error) bool {
	return errors.Is(err, ErrNoOPD)
}
