package main

import (
	"bytes"
	"os"
	"testing"
)

// TestExportLeavesTheDatabaseAsItWas: export closes the database while it
// writes the files (not after), and that close still folds what a
// read-only open leaves beside the file: after the export the database is
// byte for byte what it was, with no -wal or -shm beside it.
func TestExportLeavesTheDatabaseAsItWas(t *testing.T) {
	cleanEnv(t)
	db := dbPath(t)
	id := mustDemo(t, db, 4)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		exportTo(t, db, id)
		after, err := os.ReadFile(db)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(before, after) {
			t.Errorf("export %d changed the database file", i+1)
		}
		for _, side := range []string{"-wal", "-shm"} {
			if _, err := os.Lstat(db + side); err == nil {
				t.Errorf("export %d left %s beside the database", i+1, side)
			}
		}
	}
}
