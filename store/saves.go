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
	var next func() (bool, *KeyWrite)
	if more != nil {
		next = func() (bool, *KeyWrite) { return !more(), nil }
	}
	out, err := s.writeSaves(ctx, sessionID, saves, next)
	if err != nil {
		return nil, 0, err
	}
	return out, len(out), nil
}

// KeyWrite is the facilitator's answer (and, when State is not nil, the
// moved cursor) written inside a group's transaction: SetAnswerAndState's
// write, made in the group's commit instead of one of its own.
type KeyWrite struct {
	Src    workshop.Source
	OPDID  int64
	Key    string
	Answer workshop.Answer
	State  []byte
	// Event is the answer's event once committed (ID 0: the cell already
	// held it); Err, the answer refused for what it says (an indicator
	// or a level the session does not have, an OPD removed): then nothing
	// of it was written and the group's saves are not affected.
	Event Event
	Err   error
}

// WriteSavesWith is WriteSavesUntil where next, asked before each save
// after the first and once after the last, may also hand over a
// keystroke: the keystroke is then written in the same transaction after
// the saves written so far, and the transaction commits (one fsync for
// both). stop alone ends the group there, as WriteSavesUntil's more
// saying no. The returned KeyWrite is the one written (with its Event or
// Err), nil when next handed none over; it is committed when err is nil.
func (s *Store) WriteSavesWith(ctx context.Context, sessionID int64, saves []Save, next func() (stop bool, key *KeyWrite)) ([]SaveResult, int, *KeyWrite, error) {
	var taken *KeyWrite
	wrapped := func() (bool, *KeyWrite) {
		stop, k := next()
		if k != nil {
			taken = k
		}
		return stop, k
	}
	out, err := s.writeSaves(ctx, sessionID, saves, wrapped)
	if err != nil {
		return nil, 0, taken, err
	}
	return out, len(out), taken, nil
}

// writeKey writes a keystroke handed over inside a group's transaction
// (the lease is already confirmed by it).
func (s *Store) writeKey(ctx context.Context, tx *sql.Tx, stmt *sql.Stmt, fr *frame, sessionID int64, k *KeyWrite) error {
	if err := k.Src.Check(); err != nil {
		k.Err = err
		return nil
	}
	if err := fr.checkAnswer(k.Key, k.Answer); err != nil {
		k.Err = err
		return nil
	}
	ev, _, err := s.apply(ctx, stmt, tx, change{sessionID: sessionID, opdID: k.OPDID, key: k.Key, setAnswer: true, answer: k.Answer, src: k.Src}, s.now())
	if err != nil {
		if saveRefusal(err) {
			k.Err = err
			return nil
		}
		return err
	}
	if k.State != nil {
		if _, err := tx.StmtContext(ctx, s.stmts.uiState).ExecContext(ctx, k.State, sessionID); err != nil {
			return err
		}
	}
	k.Event = ev
	return nil
}

func (s *Store) writeSaves(ctx context.Context, sessionID int64, saves []Save, next func() (bool, *KeyWrite)) ([]SaveResult, error) {
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
			if i > 0 && next != nil {
				stop, k := next()
				if k != nil {
					out = out[:i]
					return s.writeKey(ctx, tx, stmt, fr, sessionID, k)
				}
				if stop {
					out = out[:i] // the rest waits for the next transaction
					break
				}
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
		if next != nil && len(out) == len(valid) {
			if _, k := next(); k != nil {
				return s.writeKey(ctx, tx, stmt, fr, sessionID, k)
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
