package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// applicationID marks a bimtek database ("BIMT"); set by migration 1.
const applicationID = 0x42494D54

// migration is one embedded SQL file; version n is the file named
// "000n_*.sql" and leaves PRAGMA user_version at n.
type migration struct {
	version int
	name    string
	sql     string
}

// schema is the list of migrations in order, read once.
var schema = mustMigrations()

// schemaVersion is the newest schema this binary knows.
var schemaVersion = len(schema)

func mustMigrations() []migration {
	ms, err := loadMigrations(migrationFiles)
	if err != nil {
		// The files are embedded at build time; a bad one is a build bug,
		// caught by the first test run.
		panic(err)
	}
	return ms
}

// loadMigrations reads the migration files and checks that they are
// numbered 1, 2, 3, ... without gaps.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	ms := make([]migration, 0, len(names))
	for i, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s: want a name starting with %04d_", base, i+1)
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(body)})
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("no migrations embedded")
	}
	return ms, nil
}

// migrate applies every migration newer than the file's user_version, each
// in its own IMMEDIATE transaction together with the new user_version, so a
// crash leaves the file at one version or the next, and two processes
// opening a new file at once apply each step once.
func migrate(ctx context.Context, db *sql.DB, ms []migration) error {
	for _, m := range ms {
		if err := applyMigration(ctx, db, m); err != nil {
			return err
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate to schema %d: %w", m.version, err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("migrate to schema %d: %w", m.version, err)
	}
	if v >= m.version {
		return nil
	}
	if v != m.version-1 {
		return fmt.Errorf("migrate to schema %d: the file is at schema %d", m.version, v)
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migrate to schema %d (%s): %w", m.version, m.name, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return fmt.Errorf("migrate to schema %d: %w", m.version, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate to schema %d: %w", m.version, err)
	}
	return nil
}
