package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	sqlite3 "modernc.org/sqlite/lib"
)

// BackupResult is where a backup went and how many sessions it holds.
type BackupResult struct {
	Path     string
	Sessions int
}

// Backup writes one session (sessionID > 0) or all (0) into a new
// database file at to: a consistent snapshot (VACUUM INTO, which reads
// beside a running writer), with no lock rows and an identity of its own,
// so it opens as an ordinary bimtek database on any laptop. An existing
// file at to is never overwritten; the new file appears complete or not
// at all.
func (s *Store) Backup(ctx context.Context, sessionID int64, to string) (BackupResult, error) {
	if sessionID > 0 {
		if _, err := s.frame(ctx, sessionID); err != nil {
			return BackupResult{}, err
		}
	}
	real, fi, err := resolvePath(to)
	if err != nil {
		return BackupResult{}, err
	}
	if fi != nil {
		return BackupResult{}, &ExistsError{Path: real}
	}
	dir := filepath.Dir(real)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		if isReadOnlyErr(err) {
			return BackupResult{}, readOnly(real, err)
		}
		return BackupResult{}, fmt.Errorf("back up into %s: %w", real, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	tmp := filepath.Join(dir, "."+filepath.Base(real)+".bimtek-backup-"+hex.EncodeToString(b))
	defer os.Remove(tmp)
	defer os.Remove(tmp + "-journal")
	op := "back up into " + real
	// Its own read-only connection: the Store's may be query_only, which
	// refuses VACUUM INTO.
	src, err := sql.Open("sqlite", fileURI(s.path)+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return BackupResult{}, fmt.Errorf("%s: %w", op, err)
	}
	_, err = src.ExecContext(ctx, `VACUUM INTO ?`, tmp)
	src.Close()
	if err != nil {
		return BackupResult{}, s.failAt(real, op, err)
	}
	n, err := trimBackup(ctx, tmp, sessionID)
	if err != nil {
		return BackupResult{}, s.failAt(real, op, err)
	}
	if err := syncFile(tmp); err != nil {
		return BackupResult{}, s.failAt(real, op, err)
	}
	if err := placeNew(tmp, real); err != nil {
		return BackupResult{}, err
	}
	syncDir(dir)
	return BackupResult{Path: real, Sessions: n}, nil
}

// trimBackup keeps only sessionID (0: all) in the new file, drops the lock
// rows, gives it its own identity and returns its number of sessions.
func trimBackup(ctx context.Context, path string, sessionID int64) (int, error) {
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=rw&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	stmts := []string{`DELETE FROM locks`,
		`UPDATE identity SET id = randomblob(16)`, `DELETE FROM generations`, `INSERT INTO generations (gen) VALUES (randomblob(8))`}
	if sessionID > 0 {
		stmts = append(stmts, fmt.Sprintf(`DELETE FROM sessions WHERE id <> %d`, sessionID), `VACUUM`)
	}
	for _, q := range stmts {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return 0, fmt.Errorf("%s: %w", q, err)
		}
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sessions`).Scan(&n); err != nil {
		return 0, err
	}
	return n, db.Close()
}

// placeNew gives the complete file tmp its name to, never replacing a file
// already there: a hard link fails if to exists; a file system without
// links (FAT on a USB stick) gets a check and a rename.
func placeNew(tmp, to string) error {
	err := os.Link(tmp, to)
	if err == nil {
		return nil
	}
	if errors.Is(err, os.ErrExist) {
		return &ExistsError{Path: to}
	}
	if _, serr := os.Lstat(to); serr == nil {
		return &ExistsError{Path: to}
	}
	if err := os.Rename(tmp, to); err != nil {
		return fmt.Errorf("back up into %s: %w", to, err)
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // best effort: not every system syncs folders
		d.Close()
	}
}

// failAt is fail for a write to another file (the backup target).
func (s *Store) failAt(path, op string, err error) error {
	var se *sentenceError
	if errors.As(err, &se) {
		return err
	}
	if isReadOnlyErr(err) {
		return readOnly(path, err)
	}
	if sqliteCode(err) == sqlite3.SQLITE_FULL {
		return sentence(ErrDiskFull, err, "the disk holding %s is full (%s failed, nothing of it was saved); free some space and try again", path, op)
	}
	return fmt.Errorf("%s: %w", op, err)
}
