package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
)

// SetTarget changes one dimension's target for the session (the framework
// gives the default). The target must lie on the framework's scale.
func (s *Store) SetTarget(ctx context.Context, sessionID int64, dimensionKey string, target float64) error {
	fr, err := s.frame(ctx, sessionID)
	if err != nil {
		return err
	}
	if _, ok := fr.fw.Dimension(dimensionKey); !ok {
		return invalid("the framework %q of this session has no dimension %q; pick a dimension from the list", fr.fw.Key, dimensionKey)
	}
	lo, hi := float64(fr.fw.MinLevel()), float64(fr.fw.MaxLevel())
	if math.IsNaN(target) || target < lo || target > hi {
		return sentence(ErrOutOfScale, nil, "target %g is outside the scale of this session; give a target from %g to %g", target, lo, hi)
	}
	return s.writeSession(ctx, sessionID, fmt.Sprintf("the target of %s", dimensionKey), func(tx *sql.Tx) error {
		if err := s.touch(ctx, tx, sessionID, s.now()); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO targets (session_id, dimension_key, target) VALUES (?, ?, ?)
			ON CONFLICT (session_id, dimension_key) DO UPDATE SET target = excluded.target`, sessionID, dimensionKey, target)
		return err
	})
}

// SetPriority marks (on) or unmarks an element as a priority of the
// session; marks keep the order they were made in.
func (s *Store) SetPriority(ctx context.Context, sessionID int64, elementKey string, on bool) error {
	fr, err := s.frame(ctx, sessionID)
	if err != nil {
		return err
	}
	if !fr.elements[elementKey] {
		return invalid("the framework %q of this session has no element %q; pick an element from the list", fr.fw.Key, elementKey)
	}
	return s.writeSession(ctx, sessionID, fmt.Sprintf("the priority of %s", elementKey), func(tx *sql.Tx) error {
		if err := s.touch(ctx, tx, sessionID, s.now()); err != nil {
			return err
		}
		var err error
		if on {
			_, err = tx.ExecContext(ctx, `INSERT INTO priorities (session_id, element_key, seq)
				SELECT ?1, ?2, coalesce(max(seq), 0) + 1 FROM priorities WHERE session_id = ?1
				ON CONFLICT (session_id, element_key) DO NOTHING`, sessionID, elementKey)
		} else {
			_, err = tx.ExecContext(ctx, `DELETE FROM priorities WHERE session_id = ? AND element_key = ?`, sessionID, elementKey)
		}
		return err
	})
}

// SaveUIState keeps the TUI's opaque state of the session (phase, tab,
// cursor, timers, ...), so a reopened session shows the same screen.
func (s *Store) SaveUIState(ctx context.Context, sessionID int64, state []byte) error {
	if state == nil {
		state = []byte{}
	}
	return s.writeSession(ctx, sessionID, fmt.Sprintf("the screen state of session %d", sessionID), func(tx *sql.Tx) error {
		at := s.now()
		if err := s.touch(ctx, tx, sessionID, at); err != nil {
			return err
		}
		_, err := tx.StmtContext(ctx, s.stmts.uiState).ExecContext(ctx, state, sessionID)
		return err
	})
}

// Setting returns a global setting (theme, lang); ok is false when unset.
func (s *Store) Setting(ctx context.Context, key string) (value string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, s.fail("read setting "+key, err)
	}
	return value, true, nil
}

// SetSetting stores a global setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	if key == "" {
		return invalid("a setting needs a name")
	}
	return s.write(ctx, "setting "+key, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}
