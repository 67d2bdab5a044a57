package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/bimtek/bimtek/workshop"
)

// AccessCode is one OPD's code for the room-mode phone form (the type
// lives in workshop, so that room mode names it without the store).
type AccessCode = workshop.AccessCode

// codeTries bounds the redraws of a code that another OPD of the session
// already has: with 113 million codes and at most a few hundred OPDs a
// second draw is already rare.
const codeTries = 16

// EnsureAccessCodes gives every OPD of the session that has none an access
// code drawn from random (crypto/rand when nil), in one transaction, and
// returns the codes of all OPDs in roster order. Codes already issued never
// change here, so cards printed yesterday still work.
func (s *Store) EnsureAccessCodes(ctx context.Context, sessionID int64, random io.Reader) ([]AccessCode, error) {
	if _, err := s.frame(ctx, sessionID); err != nil {
		return nil, err
	}
	var out []AccessCode
	err := s.writeSession(ctx, sessionID, fmt.Sprintf("the access codes of session %d", sessionID), func(tx *sql.Tx) error {
		roster, err := listOPDs(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		have, err := accessCodes(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		byOPD := make(map[int64]AccessCode, len(have))
		for _, c := range have {
			byOPD[c.OPDID] = c
		}
		now := s.now()
		out = out[:0]
		for _, o := range roster {
			c, ok := byOPD[o.ID]
			if !ok {
				code, err := insertCode(ctx, tx, sessionID, o.ID, now, random, false)
				if err != nil {
					return err
				}
				c = AccessCode{OPDID: o.ID, Code: code, IssuedAt: time.Unix(0, now.UnixNano())}
			}
			out = append(out, c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// insertCode draws a code no other OPD of the session has and stores it for
// opdID (replacing its old one when replace is set).
func insertCode(ctx context.Context, tx *sql.Tx, sessionID, opdID int64, at time.Time, random io.Reader, replace bool) (string, error) {
	for range codeTries {
		code, err := workshop.NewAccessCode(random)
		if err != nil {
			return "", err
		}
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM access_codes WHERE session_id = ? AND code = ?`, sessionID, code).Scan(&taken); err != nil {
			return "", err
		}
		if taken > 0 {
			continue
		}
		if replace {
			_, err = tx.ExecContext(ctx, `UPDATE access_codes SET code = ?, issued_at = ? WHERE session_id = ? AND opd_id = ?`,
				code, at.UnixNano(), sessionID, opdID)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO access_codes (session_id, opd_id, code, issued_at) VALUES (?, ?, ?, ?)`,
				sessionID, opdID, code, at.UnixNano())
		}
		return code, err
	}
	return "", fmt.Errorf("draw an access code for OPD %d: %d draws were all taken; the random source is broken", opdID, codeTries)
}

func accessCodes(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, sessionID int64) ([]AccessCode, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.opd_id, a.code, a.issued_at, a.submitted_at FROM access_codes a
		JOIN opds o ON o.session_id = a.session_id AND o.id = a.opd_id
		WHERE a.session_id = ? ORDER BY o.position, o.id`, sessionID)
	if err != nil {
		return nil, err
	}
	var out []AccessCode
	for rows.Next() {
		var c AccessCode
		var issued, sent int64
		if err := rows.Scan(&c.OPDID, &c.Code, &issued, &sent); err != nil {
			rows.Close()
			return nil, err
		}
		c.IssuedAt = time.Unix(0, issued)
		if sent != 0 {
			c.Submitted = time.Unix(0, sent)
		}
		out = append(out, c)
	}
	return out, closeRows(rows)
}

// AccessCodes returns the codes issued in the session, in roster order;
// OPDs without a code are left out.
func (s *Store) AccessCodes(ctx context.Context, sessionID int64) ([]AccessCode, error) {
	if _, err := s.frame(ctx, sessionID); err != nil {
		return nil, err
	}
	out, err := accessCodes(ctx, s.db, sessionID)
	if err != nil {
		return nil, s.fail(fmt.Sprintf("read the access codes of session %d", sessionID), err)
	}
	return out, nil
}

// ErrNoAccessCode is a code that names no OPD of the session (mistyped,
// guessed, or reissued since).
var ErrNoAccessCode = workshop.ErrNoAccessCode

// accessCodeSQL finds the OPD of a normalised access code; the statement
// is prepared once (stmts.accessCode), as the phone server asks it on
// every request.
const accessCodeSQL = `SELECT opd_id, code, issued_at, submitted_at FROM access_codes WHERE session_id = ? AND code = ?`

// AccessCodeOPD returns the OPD that code (as typed: see
// workshop.NormalizeAccessCode) opens. It is one indexed read: the phone
// server asks it on every request.
func (s *Store) AccessCodeOPD(ctx context.Context, sessionID int64, code string) (AccessCode, error) {
	norm, ok := workshop.NormalizeAccessCode(code)
	if !ok {
		return AccessCode{}, ErrNoAccessCode
	}
	var c AccessCode
	var issued, sent int64
	var row *sql.Row
	if s.stmts.accessCode != nil {
		row = s.stmts.accessCode.QueryRowContext(ctx, sessionID, norm)
	} else { // a read-only store prepares no statements
		row = s.db.QueryRowContext(ctx, accessCodeSQL, sessionID, norm)
	}
	err := row.Scan(&c.OPDID, &c.Code, &issued, &sent)
	if errors.Is(err, sql.ErrNoRows) {
		return AccessCode{}, ErrNoAccessCode
	}
	if err != nil {
		return AccessCode{}, s.fail(fmt.Sprintf("check an access code of session %d", sessionID), err)
	}
	c.IssuedAt = time.Unix(0, issued)
	if sent != 0 {
		c.Submitted = time.Unix(0, sent)
	}
	return c, nil
}

// ReissueAccessCode gives the OPD a new code (the old card stops working at
// once) and returns it.
func (s *Store) ReissueAccessCode(ctx context.Context, sessionID, opdID int64, random io.Reader) (string, error) {
	if _, err := s.frame(ctx, sessionID); err != nil {
		return "", err
	}
	var code string
	err := s.writeSession(ctx, sessionID, fmt.Sprintf("a new access code for OPD %d", opdID), func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM opds WHERE session_id = ? AND id = ?`, sessionID, opdID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return noOPD(sessionID, opdID)
		}
		var have int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM access_codes WHERE session_id = ? AND opd_id = ?`, sessionID, opdID).Scan(&have); err != nil {
			return err
		}
		var err error
		code, err = insertCode(ctx, tx, sessionID, opdID, s.now(), random, have > 0)
		return err
	})
	if err != nil {
		return "", err
	}
	return code, nil
}

// SetSubmitted marks that the OPD sent its answers from its phone (on), or
// reopens its form (off). An OPD without a code cannot send.
func (s *Store) SetSubmitted(ctx context.Context, sessionID, opdID int64, on bool) error {
	if _, err := s.frame(ctx, sessionID); err != nil {
		return err
	}
	return s.writeSession(ctx, sessionID, fmt.Sprintf("the sent mark of OPD %d", opdID), func(tx *sql.Tx) error {
		var at int64
		if on {
			at = s.now().UnixNano()
		}
		res, err := tx.ExecContext(ctx, `UPDATE access_codes SET submitted_at = ? WHERE session_id = ? AND opd_id = ?`, at, sessionID, opdID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return noOPD(sessionID, opdID)
		}
		return nil
	})
}

// PhoneCells lists, per OPD, the cells whose newest change in the score
// log came from a phone in room mode (the grid marks them), so the marks
// come back when the session is reopened.
func (s *Store) PhoneCells(ctx context.Context, sessionID int64) (map[int64]map[string]bool, error) {
	if _, err := s.frame(ctx, sessionID); err != nil {
		return nil, err
	}
	op := fmt.Sprintf("read the phone answers of session %d", sessionID)
	rows, err := s.db.QueryContext(ctx, `SELECT opd_id, indicator_key, source = 'phone' FROM score_events WHERE session_id = ? ORDER BY id`, sessionID)
	if err != nil {
		return nil, s.fail(op, err)
	}
	out := map[int64]map[string]bool{}
	for rows.Next() {
		var opd int64
		var key string
		var phone bool
		if err := rows.Scan(&opd, &key, &phone); err != nil {
			rows.Close()
			return nil, s.fail(op, err)
		}
		switch {
		case phone:
			if out[opd] == nil {
				out[opd] = map[string]bool{}
			}
			out[opd][key] = true
		case out[opd] != nil:
			delete(out[opd], key)
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, s.fail(op, err)
	}
	return out, nil
}
