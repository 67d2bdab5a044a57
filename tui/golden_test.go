package tui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// updating reports -update. The flag itself is defined by the golden
// package that teatest brings in (flags are global, a second definition
// would panic), so it is looked up rather than declared here.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// golden compares a rendered view, ANSI stripped and with trailing spaces
// trimmed per line, with testdata/<name>.golden. Run `go test ./tui -update`
// to rewrite them, then read the diff.
func golden(t *testing.T, name, got string) {
	t.Helper()
	lines := strings.Split(ansi.Strip(got), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	got = strings.Join(lines, "\n") + "\n"
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v (run go test ./tui -update to create it)", path, err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the view:\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}
