package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bimtek/bimtek/proc"
)

// lease is one Acquire of a session: a heartbeat goroutine keeps the lock
// row fresh until release. token is the holding process's lease, shared by
// its re-entrant acquisitions; the lock row names it while this process
// holds the session.
type lease struct {
	s         *Store
	sessionID int64
	token     string
	lost      atomic.Bool // the heartbeat touched no row: another process took over
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
	token     string
	started   string
}

func (h lockRow) holder() Holder {
	return Holder{PID: h.pid, Host: h.host, Since: time.Unix(0, h.since)}
}

// Acquire takes the session for writing: only one bimtek process at a time
// may hold a session. It returns *LockedError when another live process
// holds it; the lock of a process that died (or stopped beating for
// staleAfter) is taken over, and the take-over logged. Within one process
// Acquire is re-entrant. The returned release gives the lock back; Close
// releases it too. From then on every write of this Store to the session
// first confirms, in its own transaction, that the lock row still names
// this lease, and fails with ErrLockLost (*LockLostError) once it does not.
func (s *Store) Acquire(ctx context.Context, sessionID int64) (release func() error, err error) {
	return s.acquire(ctx, sessionID, false)
}

// TakeOver takes the session for writing even from a live holder
// (`bimtek open ID --take-over`, after the user confirmed). The take-over
// is recorded in the lock log; the holder's next write is refused with
// ErrLockLost.
func (s *Store) TakeOver(ctx context.Context, sessionID int64) (release func() error, err error) {
	return s.acquire(ctx, sessionID, true)
}

func (s *Store) acquire(ctx context.Context, sessionID int64, force bool) (release func() error, err error) {
	if _, err := s.frame(ctx, sessionID); err != nil {
		return nil, err
	}
	var token string
	err = s.write(ctx, fmt.Sprintf("open session %d for writing", sessionID), func(tx *sql.Tx) error {
		h, found, err := readLock(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		now := s.now()
		switch {
		case !found:
			token = newToken()
			_, err = tx.ExecContext(ctx, `INSERT INTO locks (session_id, pid, host, since, heartbeat, holds, token, started) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
				sessionID, s.pid, s.host, now.UnixNano(), now.UnixNano(), token, s.started)
		case h.pid == s.pid && h.host == s.host && h.token != "" && s.fresh(h, now):
			token = h.token
			_, err = tx.ExecContext(ctx, `UPDATE locks SET holds = holds + 1, heartbeat = ? WHERE session_id = ?`, now.UnixNano(), sessionID)
		case s.held(h, now) && !force:
			return s.lockedError(sessionID, h)
		default: // a dead or silent holder, or a forced take-over
			token = newToken()
			forced := s.held(h, now)
			if _, err = tx.ExecContext(ctx, `UPDATE locks SET pid = ?, host = ?, since = ?, heartbeat = ?, holds = 1, token = ?, started = ? WHERE session_id = ?`,
				s.pid, s.host, now.UnixNano(), now.UnixNano(), token, s.started, sessionID); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO lock_log (session_id, at, pid, host, from_pid, from_host, from_since, from_heartbeat, forced)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, sessionID, now.UnixNano(), s.pid, s.host, h.pid, h.host, h.since, h.heartbeat, forced)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	l := &lease{s: s, sessionID: sessionID, token: token, stop: make(chan struct{}), done: make(chan struct{})}
	s.mu.Lock()
	s.leases[l] = true
	s.mu.Unlock()
	go l.beat()
	return l.release, nil
}

func newToken() string {
	b := make([]byte, 12)
	rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

func (s *Store) lockedError(sessionID int64, h lockRow) *LockedError {
	beat := time.Unix(0, h.heartbeat)
	le := &LockedError{SessionID: sessionID, Holder: h.holder(), FreesAt: beat.Add(s.staleAfter)}
	// The commands the refusal names must open this file: --db unless it
	// is the default database.
	if def, err := DefaultPath(); err != nil || !samePath(def, s.path) {
		le.DB = s.path
	}
	return le
}

// samePath compares two database paths as the system does: Windows and
// macOS ignore case in file names.
func samePath(a, b string) bool {
	a, b = filepath.Clean(a), filepath.Clean(b)
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return strings.EqualFold(a, b)
	}
	return a == b
}

func readLock(ctx context.Context, tx *sql.Tx, sessionID int64) (lockRow, bool, error) {
	var h lockRow
	err := tx.QueryRowContext(ctx, `SELECT pid, host, since, heartbeat, token, started FROM locks WHERE session_id = ?`, sessionID).
		Scan(&h.pid, &h.host, &h.since, &h.heartbeat, &h.token, &h.started)
	if errors.Is(err, sql.ErrNoRows) {
		return lockRow{}, false, nil
	}
	return h, err == nil, err
}

// fresh reports whether the holder has beaten recently. A heartbeat in the
// future (a clock set wrong, or a clock that went back) is taken as fresh
// only within staleAfter, the most two laptops' clocks may plausibly
// differ: beyond that it is stale, so no lock can outlive its holder by
// more than twice staleAfter.
func (s *Store) fresh(h lockRow, now time.Time) bool {
	age := now.Sub(time.Unix(0, h.heartbeat))
	return age < s.staleAfter && age > -s.staleAfter
}

// held reports whether another process holds the lock: its heartbeat is
// fresh and, on this host, its pid is alive and is the process that took
// the lock (a pid reused by an unrelated program has another start time).
func (s *Store) held(h lockRow, now time.Time) bool {
	if !s.fresh(h, now) {
		return false
	}
	if h.host == s.host {
		if h.pid == s.pid || !proc.Alive(h.pid) {
			return false
		}
		if h.started != "" {
			if now := processStart(h.pid); now != "" && now != h.started {
				return false
			}
		}
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
		return s.lockedError(sessionID, h)
	}
	return nil
}

// leaseOf returns a lease this Store holds on the session, or nil.
func (s *Store) leaseOf(sessionID int64) *lease {
	s.mu.Lock()
	defer s.mu.Unlock()
	for l := range s.leases {
		if l.sessionID == sessionID {
			return l
		}
	}
	return nil
}

// confirmLease is the first statement of every write transaction on a
// session this Store holds: it reads the lock row (one primary-key
// lookup) and refuses the write when the row no longer names this lease.
// A session this Store does not hold is not checked.
func (s *Store) confirmLease(ctx context.Context, tx *sql.Tx, sessionID int64) error {
	l := s.leaseOf(sessionID)
	if l == nil {
		return nil
	}
	var h lockRow
	err := tx.StmtContext(ctx, s.stmts.lease).QueryRowContext(ctx, sessionID).
		Scan(&h.pid, &h.host, &h.since, &h.heartbeat, &h.token, &h.started)
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if found && h.token == l.token {
		return nil
	}
	l.lost.Store(true)
	e := &LockLostError{SessionID: sessionID}
	if found {
		e.Holder = h.holder()
		e.HolderKnown = true
	}
	return e
}

// beat refreshes the heartbeat until release, or until it touches no row:
// then another process has taken the session over, and the next write
// finds out.
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
			res, err := l.s.db.Exec(`UPDATE locks SET heartbeat = ? WHERE session_id = ? AND token = ?`,
				l.s.now().UnixNano(), l.sessionID, l.token)
			if err != nil {
				continue
			}
			if n, err := res.RowsAffected(); err == nil && n == 0 {
				l.lost.Store(true)
				return
			}
		}
	}
}

// release stops the heartbeat and gives back this hold; the row goes when
// the process's last hold goes. A lease another process took over leaves
// that process's row alone. Calling it again does nothing.
func (l *lease) release() error {
	l.once.Do(func() {
		close(l.stop)
		<-l.done
		s := l.s
		s.mu.Lock()
		delete(s.leases, l)
		s.mu.Unlock()
		l.err = s.write(context.Background(), fmt.Sprintf("release session %d", l.sessionID), func(tx *sql.Tx) error {
			if _, err := tx.Exec(`UPDATE locks SET holds = holds - 1 WHERE session_id = ? AND token = ?`,
				l.sessionID, l.token); err != nil {
				return err
			}
			_, err := tx.Exec(`DELETE FROM locks WHERE session_id = ? AND token = ? AND holds <= 0`,
				l.sessionID, l.token)
			return err
		})
	})
	return l.err
}

// TakeOvers is the lock log of a session: every time its lock was taken
// from another holder, oldest first.
func (s *Store) TakeOvers(ctx context.Context, sessionID int64) ([]TakeOver, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, pid, host, from_pid, from_host, from_since, forced
		FROM lock_log WHERE session_id = ? ORDER BY rowid`, sessionID)
	if err != nil {
		return nil, s.fail(fmt.Sprintf("read the lock log of session %d", sessionID), err)
	}
	var out []TakeOver
	for rows.Next() {
		var t TakeOver
		var at, since int64
		if err := rows.Scan(&at, &t.By.PID, &t.By.Host, &t.From.PID, &t.From.Host, &since, &t.Forced); err != nil {
			rows.Close()
			return nil, s.fail("read the lock log", err)
		}
		t.At, t.By.Since, t.From.Since = time.Unix(0, at), time.Unix(0, at), time.Unix(0, since)
		out = append(out, t)
	}
	if err := closeRows(rows); err != nil {
		return nil, s.fail("read the lock log", err)
	}
	return out, nil
}

// TakeOver is one entry of the lock log.
type TakeOver struct {
	At     time.Time
	By     Holder // the process that took the lock
	From   Holder // the holder it was taken from
	Forced bool   // taken from a live holder (--take-over), not a stale one
}
