package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"
)

// lease is one Acquire of a session: a heartbeat goroutine keeps the lock
// row fresh until release.
type lease struct {
	s         *Store
	sessionID int64
	stop      chan struct{}
	done      chan struct{}
	once      sync.Once
	err       error
}

// lockRow is the holder recorded for a session.
type lockRow struct {
	pid       int
	host      string
	since     int64
	heartbeat int64
}

// Acquire takes the session for writing: only one bimtek process at a time
// may hold a session. It returns *LockedError when another live process
// holds it; the lock of a process that died (or stopped beating for
// staleAfter) is taken over. Within one process Acquire is re-entrant. The
// returned release gives the lock back; Close releases it too.
func (s *Store) Acquire(ctx context.Context, sessionID int64) (release func() error, err error) {
	if _, err := s.frame(ctx, sessionID); err != nil {
		return nil, err
	}
	err = s.write(ctx, fmt.Sprintf("open session %d for writing", sessionID), func(tx *sql.Tx) error {
		h, found, err := readLock(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		now := s.now()
		switch {
		case !found:
			_, err = tx.ExecContext(ctx, `INSERT INTO locks (session_id, pid, host, since, heartbeat, holds) VALUES (?, ?, ?, ?, ?, 1)`,
				sessionID, s.pid, s.host, now.UnixNano(), now.UnixNano())
		case h.pid == s.pid && h.host == s.host && s.fresh(h, now):
			_, err = tx.ExecContext(ctx, `UPDATE locks SET holds = holds + 1, heartbeat = ? WHERE session_id = ?`, now.UnixNano(), sessionID)
		case s.held(h, now):
			return &LockedError{SessionID: sessionID, Holder: Holder{PID: h.pid, Host: h.host, Since: time.Unix(0, h.since)}}
		default: // a dead or silent holder: take over
			_, err = tx.ExecContext(ctx, `UPDATE locks SET pid = ?, host = ?, since = ?, heartbeat = ?, holds = 1 WHERE session_id = ?`,
				s.pid, s.host, now.UnixNano(), now.UnixNano(), sessionID)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	l := &lease{s: s, sessionID: sessionID, stop: make(chan struct{}), done: make(chan struct{})}
	s.mu.Lock()
	s.leases[l] = true
	s.mu.Unlock()
	go l.beat()
	return l.release, nil
}

func readLock(ctx context.Context, tx *sql.Tx, sessionID int64) (lockRow, bool, error) {
	var h lockRow
	err := tx.QueryRowContext(ctx, `SELECT pid, host, since, heartbeat FROM locks WHERE session_id = ?`, sessionID).
		Scan(&h.pid, &h.host, &h.since, &h.heartbeat)
	if errors.Is(err, sql.ErrNoRows) {
		return lockRow{}, false, nil
	}
	return h, err == nil, err
}

// fresh reports whether the holder has beaten recently.
func (s *Store) fresh(h lockRow, now time.Time) bool {
	return now.Sub(time.Unix(0, h.heartbeat)) < s.staleAfter
}

// held reports whether another process holds the lock: its heartbeat is
// fresh and, on this host, its pid is alive (a crash frees the session at
// once; a pid reused by an unrelated process stops beating).
func (s *Store) held(h lockRow, now time.Time) bool {
	if !s.fresh(h, now) {
		return false
	}
	if h.host == s.host {
		return h.pid != s.pid && processAlive(h.pid)
	}
	return true
}

// checkNotHeld refuses to go on when another live process holds the
// session.
func (s *Store) checkNotHeld(ctx context.Context, tx *sql.Tx, sessionID int64) error {
	h, found, err := readLock(ctx, tx, sessionID)
	if err != nil || !found {
		return err
	}
	if s.held(h, s.now()) {
		return &LockedError{SessionID: sessionID, Holder: Holder{PID: h.pid, Host: h.host, Since: time.Unix(0, h.since)}}
	}
	return nil
}

// beat refreshes the heartbeat until release.
func (l *lease) beat() {
	defer close(l.done)
	t := time.NewTicker(l.s.heartbeatEvery)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			// A failed beat (disk busy, file gone) is not fatal: the next one
			// may succeed, and a lock that goes stale is only taken over by a
			// process that finds it so.
			l.s.db.Exec(`UPDATE locks SET heartbeat = ? WHERE session_id = ? AND pid = ? AND host = ?`,
				l.s.now().UnixNano(), l.sessionID, l.s.pid, l.s.host)
		}
	}
}

// release stops the heartbeat and gives back this hold; the row goes when
// the process's last hold goes. Calling it again does nothing.
func (l *lease) release() error {
	l.once.Do(func() {
		close(l.stop)
		<-l.done
		s := l.s
		s.mu.Lock()
		delete(s.leases, l)
		s.mu.Unlock()
		l.err = s.write(context.Background(), fmt.Sprintf("release session %d", l.sessionID), func(tx *sql.Tx) error {
			if _, err := tx.Exec(`UPDATE locks SET holds = holds - 1 WHERE session_id = ? AND pid = ? AND host = ?`,
				l.sessionID, s.pid, s.host); err != nil {
				return err
			}
			_, err := tx.Exec(`DELETE FROM locks WHERE session_id = ? AND pid = ? AND host = ? AND holds <= 0`,
				l.sessionID, s.pid, s.host)
			return err
		})
	})
	return l.err
}
