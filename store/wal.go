package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// A -wal file beside a database holds commits not yet copied into it.
// SQLite applies whatever -wal it finds, so one copied from another laptop,
// or left by another file of the same name, would be mixed into this
// database. bimtek checks a -wal before SQLite sees it whenever no other
// process has the database open (a process that has it open checked it
// when it opened it): after an unclean shutdown, or when someone put a
// -wal there.
//
// The identity: migration 2 gives every database a random id and a list
// of generations; the first write of every read-write open adds a new
// generation in its own transaction (markSQL), so a -wal begun since then
// holds the generations that followed the newest one the database file
// holds. The -wal belongs to the file when, replayed, the id is the file's
// and the list still holds the file's newest generation. A copy of the
// file that went its own way (opened and changed on another laptop) has a
// generation the -wal never saw. The replay happens on a private copy,
// opened read-only, which also gets SQLite's quick_check: the check after
// an unclean shutdown that no longer runs on every open.

// walHeader is the 32-byte header of a -wal file.
type walHeader struct {
	magic    uint32
	version  uint32
	pageSize uint32
	salt1    uint32
	salt2    uint32
	sum1     uint32
	sum2     uint32
}

const (
	walMagicLE = 0x377f0682 // checksums in little-endian words
	walMagicBE = 0x377f0683 // big-endian
	walVersion = 3007000
)

// readWALHeader reads the header of the -wal file; ok is false when SQLite
// would not apply the file at all (too short, wrong magic, version or
// checksum): it treats such a file as empty and overwrites it.
func readWALHeader(path string) (h walHeader, ok bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return h, false, err
	}
	defer f.Close()
	var b [32]byte
	if _, err := io.ReadFull(f, b[:]); err != nil {
		return h, false, nil
	}
	be := binary.BigEndian
	h = walHeader{magic: be.Uint32(b[0:]), version: be.Uint32(b[4:]), pageSize: be.Uint32(b[8:]),
		salt1: be.Uint32(b[16:]), salt2: be.Uint32(b[20:]), sum1: be.Uint32(b[24:]), sum2: be.Uint32(b[28:])}
	if (h.magic != walMagicLE && h.magic != walMagicBE) || h.version != walVersion {
		return h, false, nil
	}
	if h.pageSize < 512 || h.pageSize > 65536 || h.pageSize&(h.pageSize-1) != 0 {
		return h, false, nil
	}
	s1, s2 := walChecksum(b[:24], h.magic == walMagicBE)
	return h, s1 == h.sum1 && s2 == h.sum2, nil
}

// walChecksum is SQLite's WAL checksum of data (a multiple of 8 bytes).
func walChecksum(data []byte, bigEndian bool) (uint32, uint32) {
	var order binary.ByteOrder = binary.LittleEndian
	if bigEndian {
		order = binary.BigEndian
	}
	var s1, s2 uint32
	for i := 0; i+8 <= len(data); i += 8 {
		s1 += order.Uint32(data[i:]) + s2
		s2 += order.Uint32(data[i+4:]) + s1
	}
	return s1, s2
}

// dbPageSize reads the page size from the database header (0: no header).
func dbPageSize(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var b [100]byte
	if _, err := io.ReadFull(f, b[:]); err != nil {
		return 0, nil
	}
	if !bytes.HasPrefix(b[:], sqliteMagic) {
		return 0, nil
	}
	n := int(binary.BigEndian.Uint16(b[16:]))
	if n == 1 {
		n = 65536
	}
	return n, nil
}

func foreignWAL(path, why string) error { return &ForeignWALError{Path: path, Reason: why} }

// identityRow is what readIdentity finds in a file.
type identityRow struct {
	found            bool     // the file has an identity (schema 2 or later)
	id               []byte   // the identity
	gens             [][]byte // its generations, oldest first
	appID, version   int
	problems         []string
	unreadableReason string
}

func (r identityRow) newest() []byte {
	if len(r.gens) == 0 {
		return nil
	}
	return r.gens[len(r.gens)-1]
}

func (r identityRow) has(gen []byte) bool {
	for _, g := range r.gens {
		if bytes.Equal(g, gen) {
			return true
		}
	}
	return false
}

// checkLeftoverWAL checks a non-empty -wal beside path that no live
// process has open; see the comment at the top of this file. It never
// writes beside path.
func checkLeftoverWAL(ctx context.Context, path string) error {
	wal := path + "-wal"
	if !nonEmpty(wal) {
		return nil
	}
	inUse, err := walInUse(path)
	if err != nil {
		return fmt.Errorf("check %s: %w", wal, err)
	}
	if inUse {
		return nil
	}
	h, ok, err := readWALHeader(wal)
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return unreadable(wal, err)
		}
		return fmt.Errorf("check %s: %w", wal, err)
	}
	if !ok {
		return nil // SQLite ignores it and will overwrite it: nothing is applied
	}
	ps, err := dbPageSize(path)
	if err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	if ps != 0 && ps != int(h.pageSize) {
		return foreignWAL(path, fmt.Sprintf("its pages are %d bytes, the database's %d", h.pageSize, ps))
	}
	tmp, err := os.MkdirTemp("", "bimtek-walcheck-")
	if err != nil {
		return fmt.Errorf("check %s: %w", wal, err)
	}
	defer os.RemoveAll(tmp)
	cp := filepath.Join(tmp, "copy.db")
	if err := copyFile(path, cp); err != nil {
		return fmt.Errorf("check %s: %w", wal, err)
	}
	alone, err := readIdentity(ctx, cp)
	if err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	// Reading the copy alone may have left an empty -wal and -shm beside it.
	os.Remove(cp + "-wal")
	os.Remove(cp + "-shm")
	if err := copyFile(wal, cp+"-wal"); err != nil {
		return fmt.Errorf("check %s: %w", wal, err)
	}
	replayed, err := readIdentity(ctx, cp)
	if err != nil {
		return fmt.Errorf("check %s: %w", wal, err)
	}
	switch {
	case replayed.unreadableReason != "":
		return foreignWAL(path, "the two together are not a readable database: "+replayed.unreadableReason)
	case replayed.appID != applicationID && !(replayed.appID == 0 && replayed.version == 0):
		return foreignWAL(path, "it turns the file into a database of another program")
	case alone.found && !replayed.found:
		return foreignWAL(path, "it replaces the database's identity with none")
	case alone.found && !bytes.Equal(alone.id, replayed.id):
		return foreignWAL(path, "it was written by another database file")
	case alone.found && alone.newest() != nil && !replayed.has(alone.newest()):
		return foreignWAL(path, "it was written by a copy of this database that went its own way")
	case len(replayed.problems) > 0:
		return notDatabase(path, fmt.Errorf("after an unclean shutdown: %s", strings.Join(replayed.problems, "; ")))
	}
	return nil
}

// readIdentity opens the private copy at path read-only and reads its
// application id, schema version and identity row, and, when a -wal is
// beside it, SQLite's quick_check of the two together.
func readIdentity(ctx context.Context, path string) (identityRow, error) {
	var r identityRow
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro&_pragma=query_only(1)")
	if err != nil {
		return r, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var objects int
	err = db.QueryRowContext(ctx, `SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)`).Scan(&r.appID, &r.version, &objects)
	if err != nil {
		r.unreadableReason = err.Error()
		return r, nil
	}
	var one int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'identity'`).Scan(&one)
	if err != nil {
		r.unreadableReason = err.Error()
		return r, nil
	}
	if one == 1 {
		err := db.QueryRowContext(ctx, `SELECT id FROM identity WHERE one = 1`).Scan(&r.id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			r.unreadableReason = err.Error()
			return r, nil
		default:
			r.found = true
		}
		rows, err := db.QueryContext(ctx, `SELECT gen FROM generations ORDER BY seq`)
		if err != nil {
			r.unreadableReason = err.Error()
			return r, nil
		}
		for rows.Next() {
			var g []byte
			if err := rows.Scan(&g); err != nil {
				rows.Close()
				r.unreadableReason = err.Error()
				return r, nil
			}
			r.gens = append(r.gens, g)
		}
		if err := closeRows(rows); err != nil {
			r.unreadableReason = err.Error()
			return r, nil
		}
	}
	if !nonEmpty(path + "-wal") {
		return r, nil
	}
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		r.unreadableReason = err.Error()
		return r, nil
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			r.unreadableReason = err.Error()
			return r, nil
		}
		if line != "ok" {
			r.problems = append(r.problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		r.unreadableReason = err.Error()
	}
	return r, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// markSQL is run inside the first write transaction of every read-write
// open, and of the first write after afterWrite emptied the -wal: a new
// generation (see the top of this file), keeping the last 256.
const markSQL = `INSERT INTO generations (gen) VALUES (randomblob(8));
DELETE FROM generations WHERE seq <= (SELECT max(seq) FROM generations) - 256`
