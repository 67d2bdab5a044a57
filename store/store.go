// Package store keeps bimtek's sessions in one SQLite file: every write is a
// durable transaction returned only after commit, every score change is also
// appended to an event log (undo, audit), and one process at a time may
// write a session.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/bimtek/bimtek/workshop"
)

// Store is an open bimtek database. Its methods are safe for concurrent use;
// writes run one at a time, in call order per goroutine.
type Store struct {
	db        *sql.DB
	path      string
	readOnly  bool
	immutable bool // read-only, opened as an immutable file (no -shm possible)

	// lock parameters; tests shorten them.
	pid            int
	host           string
	started        string // processStart of this process
	now            func() time.Time
	heartbeatEvery time.Duration
	staleAfter     time.Duration

	stmts    stmts        // the write path's statements, prepared once
	raw      rawStmts     // the keystroke's, on the driver's connection (keystroke.go)
	writes   atomic.Int64 // commits, for afterWrite
	needMark atomic.Bool  // the next write transaction first runs markSQL

	mu     sync.Mutex
	frames map[int64]*frame // parsed framework per session (immutable copies)
	leases map[*lease]bool  // locks this Store holds, released by Close
	closed bool
}

// frame is what writes need of a session's framework, cached after first
// use: a session's framework copy never changes.
type frame struct {
	fw         *workshop.Framework
	indicators map[string]bool
	elements   map[string]bool
}

// The DSN parameters of every read-write connection. journal_mode=WAL is
// set by Open with a statement once the file is known to be ours, so a
// foreign or newer file is never converted.
// wal_autocheckpoint(0): bimtek checkpoints itself (Store.afterWrite), so
// that the first write of every new -wal carries the file's identity.
const rwParams = "_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_pragma=wal_autocheckpoint(0)&_txlock=immediate"

// roParams opens without creating, and refuses writes at the SQLite level.
const roParams = "mode=ro&_pragma=busy_timeout(5000)&_pragma=query_only(1)"

// DefaultPath is the database in the user's data folder: on Linux
// $XDG_DATA_HOME/bimtek/bimtek.db (~/.local/share/...), on macOS
// ~/Library/Application Support/bimtek/bimtek.db, on Windows
// %AppData%\bimtek\bimtek.db.
func DefaultPath() (string, error) {
	var base string
	switch runtime.GOOS {
	case "windows":
		base = os.Getenv("AppData")
		if base == "" {
			return "", errors.New("the AppData folder is not set; choose a database file with --db")
		}
	case "darwin", "ios":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the home folder (choose a database file with --db): %w", err)
		}
		base = filepath.Join(home, "Library", "Application Support")
	default:
		if x := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(x) {
			base = x
			break
		}
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the home folder (choose a database file with --db): %w", err)
		}
		base = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(base, "bimtek", "bimtek.db"), nil
}

// ResolvePath picks the database: the --db flag, else $BIMTEK_DB, else
// DefaultPath. A leading ~/ is the home folder. The result is absolute.
func ResolvePath(flag string) (string, error) {
	p := strings.TrimSpace(flag)
	if p == "" {
		p = strings.TrimSpace(os.Getenv("BIMTEK_DB"))
	}
	if p == "" {
		return DefaultPath()
	}
	if p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("expand %s: %w", p, err)
		}
		p = filepath.Join(home, p[1:])
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", fmt.Errorf("resolve database path %s: %w", p, err)
	}
	return abs, nil
}

// Open opens the database at path for reading and writing, creating the
// folder (0700) and the file (0600) when missing, and migrating an older
// schema forward. A file that is not a bimtek database, is damaged, is
// read-only or has a newer schema is refused before anything is written
// to it.
func Open(ctx context.Context, path string) (*Store, error) {
	here.Lock()
	defer here.Unlock()
	path, fi, err := resolvePath(path)
	if err != nil {
		return nil, err
	}
	if here.open[path] == 0 {
		if err := prepareFile(path, fi); err != nil {
			return nil, err
		}
		if err := checkLeftoverWAL(ctx, path); err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite", fileURI(path)+"?"+rwParams)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// One connection: writes keep their order and never wait on each other
	// inside this process.
	db.SetMaxOpenConns(1)
	s := newStore(db, path, false)
	if err := s.setUp(ctx); err != nil {
		db.Close()
		return nil, err
	}
	here.open[path]++
	return s, nil
}

// here counts the Stores this process has open per database file, and
// serialises Open. While SQLite has a file open, the process must not open
// and close the file itself: on Unix, closing any descriptor of a file
// drops every POSIX lock the process holds on it, SQLite's included. So the
// checks that read the file directly run only while no Store of this
// process has it open (and then SQLite has checked it already).
var here = struct {
	sync.Mutex
	open map[string]int
}{open: map[string]int{}}

// setUp checks the file, switches it to WAL, migrates it and prepares the
// write path, in that order: nothing is written to a file check refuses.
func (s *Store) setUp(ctx context.Context) error {
	if _, err := s.check(ctx); err != nil {
		return err
	}
	if err := s.enableWAL(ctx); err != nil {
		return err
	}
	if err := migrate(ctx, s.db, schema); err != nil {
		return s.fail("set up "+s.path, err)
	}
	s.needMark.Store(true)
	if err := s.stmts.prepare(ctx, s.db); err != nil {
		return s.fail("set up "+s.path, err)
	}
	return nil
}

// OpenReadOnly opens an existing database for reading (the projector view,
// list, export). It never creates, migrates or writes the file; it can run
// beside the process that writes.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	here.Lock()
	defer here.Unlock()
	path, fi, err := resolvePath(path)
	if err != nil {
		return nil, err
	}
	if fi == nil {
		return nil, sentence(fs.ErrNotExist, nil, "%s does not exist; create a session first with `bimtek new`, or choose another file with --db", path)
	}
	if here.open[path] == 0 {
		if fi.Size() == 0 && !nonEmpty(path+"-wal") {
			return nil, emptyDatabase(path)
		}
		if err := checkHeader(path, fi.Size()); err != nil {
			return nil, err
		}
		if err := checkLeftoverWAL(ctx, path); err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite", fileURI(path)+"?"+roParams)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	s := newStore(db, path, true)
	fresh, err := s.check(ctx)
	if errors.Is(err, ErrReadOnly) && !nonEmpty(path+"-wal") {
		// A WAL database in a folder nobody may write (a read-only USB
		// stick, a shared folder): SQLite cannot make its -shm file there.
		// With no -wal beside it the file holds every commit, so it can be
		// read as an immutable file.
		db.Close()
		if db, err = sql.Open("sqlite", fileURI(path)+"?"+roParams+"&immutable=1"); err != nil {
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
		db.SetMaxOpenConns(1)
		s = newStore(db, path, true)
		s.immutable = true
		fresh, err = s.check(ctx)
	}
	if err == nil && fresh {
		// A file whose first run stopped before its schema was written (a
		// kill during the first migration): empty, not damaged.
		err = emptyDatabase(path)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	here.open[path]++
	return s, nil
}

// emptyDatabase is a file with no bimtek schema yet: 0 bytes, or a first
// run that stopped before its first migration committed.
func emptyDatabase(path string) error { return &EmptyDatabaseError{Path: path} }

// nonEmpty reports whether path is a file of at least one byte.
func nonEmpty(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Size() > 0
}

func newStore(db *sql.DB, path string, readOnly bool) *Store {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "unknown host"
	}
	return &Store{
		db:             db,
		path:           path,
		readOnly:       readOnly,
		pid:            os.Getpid(),
		host:           host,
		started:        processStart(os.Getpid()),
		now:            time.Now,
		heartbeatEvery: 10 * time.Second,
		staleAfter:     time.Minute,
		frames:         map[int64]*frame{},
		leases:         map[*lease]bool{},
	}
}

// Path is the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close releases the session locks this Store holds and closes the file.
// Calling it again does nothing.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	leases := make([]*lease, 0, len(s.leases))
	for l := range s.leases {
		leases = append(leases, l)
	}
	s.mu.Unlock()
	var errs []error
	for _, l := range leases {
		errs = append(errs, l.release())
	}
	if !s.readOnly {
		// Copy every commit into the file and empty the -wal, so a clean
		// quit leaves a database that is whole on its own; SQLite then
		// deletes the -wal and -shm when the last connection closes.
		if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			errs = append(errs, s.fail("close "+s.path, err))
		}
	}
	s.stmts.close()
	s.closeRaw()
	here.Lock()
	if err := s.db.Close(); err != nil {
		errs = append(errs, fmt.Errorf("close database %s: %w", s.path, err))
	}
	if here.open[s.path]--; here.open[s.path] <= 0 {
		delete(here.open, s.path)
		if s.readOnly && !s.immutable && exists(s.path+"-wal") {
			// The projector view quit after the facilitator: let SQLite
			// fold the -wal into the file and delete it, as the
			// facilitator's own quit would have done.
			foldWAL(s.path)
		}
	}
	here.Unlock()
	return errors.Join(errs...)
}

// foldWAL opens the file for writing without creating anything and
// closes it again: when no other process has it open, SQLite copies the
// -wal into the file and deletes it and the -shm on that close. A file
// that cannot be written is left as it is.
func foldWAL(path string) {
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=rw&_pragma=busy_timeout(1000)")
	if err != nil {
		return
	}
	db.SetMaxOpenConns(1)
	_, _ = db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	db.Close()
}

// prepareFile makes sure the folder and file exist with private modes, and
// that an existing file looks like SQLite and can be written, all before
// SQLite touches it. fi is the file as resolvePath found it (nil: none).
func prepareFile(path string, fi fs.FileInfo) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		if isReadOnlyErr(err) {
			return readOnly(path, err)
		}
		if errors.Is(err, syscall.ENOTDIR) || errors.Is(err, fs.ErrExist) {
			return &PathError{Path: path, Kind: PathParentNotFolder, Err: err}
		}
		return fmt.Errorf("create folder %s: %w", dir, err)
	}
	if fi == nil {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		switch {
		case errors.Is(err, fs.ErrExist):
			// Another process created it just now (or put something else
			// there): look again, once.
			real, fi, err := resolvePath(path)
			if err != nil {
				return err
			}
			if fi == nil || real != path {
				return fmt.Errorf("create database %s: the file appeared and went again; try again", path)
			}
			return prepareExisting(path, fi)
		case isReadOnlyErr(err):
			return readOnly(path, err)
		case err != nil:
			return fmt.Errorf("create database %s: %w", path, err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("create database %s: %w", path, err)
		}
		return probeFolder(path)
	}
	return prepareExisting(path, fi)
}

// prepareExisting checks an existing regular file before SQLite opens it.
func prepareExisting(path string, fi fs.FileInfo) error {
	if err := checkKind(path, fi); err != nil {
		return err
	}
	if err := checkHeader(path, fi.Size()); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if isReadOnlyErr(err) {
			return readOnly(path, err)
		}
		return fmt.Errorf("open database %s: %w", path, err)
	}
	f.Close()
	return probeFolder(path)
}

// probeFolder checks that the folder takes new files: WAL keeps two files
// beside the database.
func probeFolder(path string) error {
	dir := filepath.Dir(path)
	probe, err := os.CreateTemp(dir, ".bimtek-probe-*")
	if err != nil {
		if isReadOnlyErr(err) {
			return readOnly(path, err)
		}
		return fmt.Errorf("write in folder %s: %w", dir, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// sqliteMagic opens every SQLite 3 database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// checkHeader refuses a non-empty file that does not start like SQLite, so
// SQLite never gets to look at (or lock, or journal) a stranger's file. An
// empty file is a new database.
func checkHeader(path string, size int64) error {
	// O_NONBLOCK: should the file have turned into a FIFO since it was
	// looked at, opening it never waits for a writer.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return unreadable(path, err)
		}
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	} else if err := checkKind(path, fi); err != nil {
		return err
	}
	if size == 0 {
		return nil
	}
	head := make([]byte, 100) // the SQLite header
	if _, err := io.ReadFull(f, head); err != nil || !bytes.HasPrefix(head, sqliteMagic) {
		return notDatabase(path, err)
	}
	// The header also holds the application id and the schema version. A
	// recent change may still sit in the -wal file, so only a definite
	// answer is taken here (check asks SQLite again); it spares SQLite from
	// opening, and a read-only open from leaving -wal and -shm files beside,
	// a database that is not ours or is newer.
	appID, version := binary.BigEndian.Uint32(head[68:]), int(binary.BigEndian.Uint32(head[60:]))
	switch {
	case appID != 0 && appID != applicationID:
		return notDatabase(path, nil)
	case appID == applicationID && version > schemaVersion:
		return newerSchema(path, version)
	}
	return nil
}

func newerSchema(path string, version int) error {
	return sentence(ErrNewerSchema, nil, "%s was written by a newer bimtek (schema %d; this one knows up to %d); update bimtek to open it",
		path, version, schemaVersion)
}

// fileURI makes an SQLite URI of an absolute path, escaping ?, # and %.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x -> /C:/x, as SQLite wants on Windows
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// check looks at the open file before anything is written: it must be an
// empty new file (fresh) or a bimtek database of a schema this binary
// knows, readable from end to end.
func (s *Store) check(ctx context.Context) (fresh bool, err error) {
	var appID, version, objects int
	q := `SELECT (SELECT application_id FROM pragma_application_id),
	             (SELECT user_version FROM pragma_user_version),
	             (SELECT count(*) FROM sqlite_schema)`
	if err := s.db.QueryRowContext(ctx, q).Scan(&appID, &version, &objects); err != nil {
		return false, s.fail("open "+s.path, err)
	}
	if appID == 0 && version == 0 && objects == 0 {
		return true, nil
	}
	if appID != applicationID {
		return false, notDatabase(s.path, nil)
	}
	if version > schemaVersion {
		return false, newerSchema(s.path, version)
	}
	if s.readOnly && version < schemaVersion {
		return false, sentence(ErrReadOnly, nil, "%s was written by an older bimtek (schema %d); open it once with `bimtek open` to update it, then try again",
			s.path, version)
	}
	// No integrity scan here: it would make every open cost the whole
	// file. A -wal left by an unclean shutdown was checked before this
	// (checkLeftoverWAL); `bimtek check` scans the whole file on demand.
	return false, nil
}

// Check scans the whole database file (SQLite's integrity_check and the
// foreign keys) and returns what is wrong, nothing when it is sound. It
// reads only: it runs beside the process that writes.
func (s *Store) Check(ctx context.Context) (problems []string, err error) {
	for _, q := range []string{"PRAGMA integrity_check", "PRAGMA foreign_key_check"} {
		rows, err := s.db.QueryContext(ctx, q)
		if err != nil {
			if sqliteCode(err) == sqlite3.SQLITE_CORRUPT || sqliteCode(err) == sqlite3.SQLITE_NOTADB {
				return append(problems, err.Error()), nil
			}
			return nil, s.fail("check "+s.path, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, s.fail("check "+s.path, err)
			}
			if len(vals) == 1 && fmt.Sprint(vals[0]) == "ok" {
				continue
			}
			if len(cols) == 1 {
				problems = append(problems, fmt.Sprint(vals[0]))
			} else {
				problems = append(problems, fmt.Sprintf("table %v row %v refers to a missing row of %v", vals[0], vals[1], vals[2]))
			}
		}
		if err := closeRows(rows); err != nil {
			if sqliteCode(err) == sqlite3.SQLITE_CORRUPT || sqliteCode(err) == sqlite3.SQLITE_NOTADB {
				return append(problems, err.Error()), nil
			}
			return nil, s.fail("check "+s.path, err)
		}
	}
	// The answered count each session row keeps for the home screen
	// (migration 5) against the scores themselves.
	rows, err := s.db.QueryContext(ctx, `SELECT s.id, s.answered,
		(SELECT count(*) FROM scores sc WHERE sc.session_id = s.id AND (sc.na OR sc.level > 0))
		FROM sessions s ORDER BY s.id`)
	if err != nil {
		return nil, s.fail("check "+s.path, err)
	}
	for rows.Next() {
		var id int64
		var kept, counted int
		if err := rows.Scan(&id, &kept, &counted); err != nil {
			rows.Close()
			return nil, s.fail("check "+s.path, err)
		}
		if kept != counted {
			problems = append(problems, fmt.Sprintf("session %d: its row counts %d answered scores, its scores hold %d", id, kept, counted))
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, s.fail("check "+s.path, err)
	}
	return problems, nil
}

// enableWAL switches the file to write-ahead logging (persistent) after
// making sure SQLite did not fall back to read-only.
func (s *Store) enableWAL(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.fail("open "+s.path, err)
	}
	defer conn.Close()
	var ro bool
	err = conn.Raw(func(dc any) error {
		if r, ok := dc.(interface{ IsReadOnly(string) (bool, error) }); ok {
			var err error
			ro, err = r.IsReadOnly("main")
			return err
		}
		return nil
	})
	if err != nil {
		return s.fail("open "+s.path, err)
	}
	if ro {
		return readOnly(s.path, nil)
	}
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return s.fail("open "+s.path, err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("open %s: the file system does not allow write-ahead logging (journal mode stays %q); choose a file on a local disk with --db", s.path, mode)
	}
	return nil
}

// stmts are the statements of the write path. Prepared once, they are
// reused by every call (Tx.StmtContext on the one connection), which spares
// SQLite from parsing them again on every keystroke.
type stmts struct {
	apply, touch, uiState, leasedUIState, lease *sql.Stmt
	accessCode                                  *sql.Stmt // AccessCodeOPD: the phone server asks it on every request
}

// uiStateSQL keeps the TUI's screen state of a session.
// It lives on the session's row (migration 6), the row a keystroke already
// writes, so saving the cursor with an answer costs no page of its own.
const uiStateSQL = `UPDATE sessions SET ui_state = ? WHERE id = ?`

// leasedUIStateSQL is uiStateSQL that also confirms the lease (token ?3):
// it changes no row when another process holds the session, so the
// keystroke's transaction confirms the lease without a statement of its
// own.
const leasedUIStateSQL = `UPDATE sessions SET ui_state = ?1 WHERE id = ?2
	AND EXISTS (SELECT 1 FROM locks WHERE session_id = ?2 AND token = ?3)`

func (st *stmts) prepare(ctx context.Context, db *sql.DB) error {
	for _, p := range []struct {
		to    **sql.Stmt
		query string
	}{
		{&st.apply, applySQL},
		{&st.touch, `UPDATE sessions SET updated_at = ? WHERE id = ?`},
		{&st.uiState, uiStateSQL},
		{&st.leasedUIState, leasedUIStateSQL},
		{&st.lease, `SELECT pid, host, since, heartbeat, token, started FROM locks WHERE session_id = ?`},
		{&st.accessCode, accessCodeSQL},
	} {
		stmt, err := db.PrepareContext(ctx, p.query)
		if err != nil {
			st.close()
			return fmt.Errorf("prepare %q: %w", p.query, err)
		}
		*p.to = stmt
	}
	return nil
}

func (st *stmts) close() {
	for _, p := range []*sql.Stmt{st.apply, st.touch, st.uiState, st.leasedUIState, st.lease, st.accessCode} {
		if p != nil {
			p.Close() // later use fails with "statement is closed", never panics
		}
	}
}
