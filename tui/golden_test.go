package tui

import (
	"testing"

	"github.com/bimtek/bimtek/internal/tuitest"
)

// golden compares a rendered view, ANSI stripped and with trailing spaces
// trimmed per line, with testdata/<name>.golden. Run `go test ./tui -update`
// to rewrite them, then read the diff. The -update flag is teatest's.
func golden(t *testing.T, name, got string) {
	t.Helper()
	tuitest.Golden(t, name, got)
}
