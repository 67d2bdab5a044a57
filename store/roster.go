package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/bimtek/bimtek/workshop"
)

// cleanOPD trims an OPD's code and name and refuses what
// workshop.CheckText refuses (empty, too long, control characters).
func cleanOPD(code, name string) (string, string, error) {
	code, err := workshop.CheckText(workshop.FieldOPDCode, code, true)
	if err != nil {
		return "", "", refused("OPD code", err)
	}
	name, err = workshop.CheckText(workshop.FieldOPDName, name, true)
	if err != nil {
		return "", "", refused("OPD "+code, err)
	}
	return code, name, nil
}

// cleanOPDs trims a list of new OPDs and refuses empty and repeated codes
// (compared as the database does: ASCII letters in any case).
func cleanOPDs(in []OPDInput) ([]OPDInput, error) {
	out := make([]OPDInput, len(in))
	seen := make(map[string]int, len(in))
	for i, o := range in {
		code, name, err := cleanOPD(o.Code, o.Name)
		if err != nil {
			return nil, fmt.Errorf("OPD %d of %d: %w", i+1, len(in), err)
		}
		k := asciiLower(code)
		if j, dup := seen[k]; dup {
			return nil, sentence(ErrDuplicateCode, nil, "OPD code %s appears twice (OPD %d and %d); give each OPD its own code", code, j+1, i+1)
		}
		seen[k] = i
		out[i] = OPDInput{Code: code, Name: name}
	}
	return out, nil
}

// asciiLower folds ASCII letters only, like SQLite's NOCASE collation.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func duplicateCode(code string) error {
	return sentence(ErrDuplicateCode, nil, "OPD code %s is already in this session; choose another code", code)
}

func noOPD(sessionID, opdID int64) error {
	return sentence(ErrNoOPD, nil, "session %d has no OPD %d; it may have been removed, reload the roster", sessionID, opdID)
}

// insertOPDs appends OPDs (present) after the last roster position.
func insertOPDs(ctx context.Context, tx *sql.Tx, sessionID int64, in []OPDInput) ([]workshop.OPD, error) {
	if len(in) == 0 {
		return nil, nil
	}
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position), 0) FROM opds WHERE session_id = ?`, sessionID).Scan(&last); err != nil {
		return nil, err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO opds (session_id, code, name, present, position) VALUES (?, ?, ?, 1, ?)`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	out := make([]workshop.OPD, 0, len(in))
	for i, o := range in {
		res, err := stmt.ExecContext(ctx, sessionID, o.Code, o.Name, last+int64(i)+1)
		if isUnique(err) {
			return nil, duplicateCode(o.Code)
		}
		if err != nil {
			return nil, err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return nil, err
		}
		out = append(out, workshop.OPD{ID: id, Code: o.Code, Name: o.Name, Present: true})
	}
	return out, nil
}

// listOPDs returns the roster in order.
func listOPDs(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, sessionID int64) ([]workshop.OPD, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, code, name, present FROM opds WHERE session_id = ? ORDER BY position, id`, sessionID)
	if err != nil {
		return nil, err
	}
	var out []workshop.OPD
	for rows.Next() {
		var o workshop.OPD
		if err := rows.Scan(&o.ID, &o.Code, &o.Name, &o.Present); err != nil {
			rows.Close()
			return nil, err
		}
		o.Code, o.Name = workshop.Visible(o.Code), workshop.Visible(o.Name) // stored before entry refused control characters
		out = append(out, o)
	}
	return out, closeRows(rows)
}

// AddOPD appends one OPD, present, at the end of the roster.
func (s *Store) AddOPD(ctx context.Context, sessionID int64, in OPDInput) (workshop.OPD, error) {
	out, err := s.AddOPDs(ctx, sessionID, []OPDInput{in})
	if err != nil {
		return workshop.OPD{}, err
	}
	return out[0], nil
}

// AddOPDs appends OPDs (a preset or a CSV import) all or nothing: one bad
// or repeated code and none is added.
func (s *Store) AddOPDs(ctx context.Context, sessionID int64, in []OPDInput) ([]workshop.OPD, error) {
	clean, err := cleanOPDs(in)
	if err != nil {
		return nil, err
	}
	var out []workshop.OPD
	err = s.writeSession(ctx, sessionID, fmt.Sprintf("add OPDs to session %d", sessionID), func(tx *sql.Tx) error {
		if err := s.touch(ctx, tx, sessionID, s.now()); err != nil {
			return err
		}
		out, err = insertOPDs(ctx, tx, sessionID, clean)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateOPD changes an OPD's code, name and presence.
func (s *Store) UpdateOPD(ctx context.Context, sessionID int64, o workshop.OPD) error {
	code, name, err := cleanOPD(o.Code, o.Name)
	if err != nil {
		return err
	}
	return s.writeSession(ctx, sessionID, fmt.Sprintf("update OPD %s", code), func(tx *sql.Tx) error {
		if err := s.touch(ctx, tx, sessionID, s.now()); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE opds SET code = ?, name = ?, present = ? WHERE id = ? AND session_id = ?`,
			code, name, o.Present, o.ID, sessionID)
		if isUnique(err) {
			return duplicateCode(code)
		}
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return noOPD(sessionID, o.ID)
		}
		return nil
	})
}

// RemoveOPD deletes an OPD and its scores; its score events stay in the
// log for the audit trail (and are skipped by Undo).
func (s *Store) RemoveOPD(ctx context.Context, sessionID, opdID int64) error {
	return s.writeSession(ctx, sessionID, fmt.Sprintf("remove OPD %d", opdID), func(tx *sql.Tx) error {
		if err := s.touch(ctx, tx, sessionID, s.now()); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM opds WHERE id = ? AND session_id = ?`, opdID, sessionID)
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
