package room

import (
	"os/exec"
	"strings"
	"testing"
)

// TestScreensAndRoomDoNotImportTheStore: the screens (tui) and room mode
// reach the session's file only through the live session, so neither
// package, nor anything it imports, is the store (or the owner that wraps
// it). The command line is what joins them.
func TestScreensAndRoomDoNotImportTheStore(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/bimtek/bimtek/tui", "github.com/bimtek/bimtek/room").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 5 {
		t.Fatalf("go list -deps named only %q", deps)
	}
	seen := map[string]bool{}
	for _, p := range deps {
		seen[p] = true
		if p == "github.com/bimtek/bimtek/store" || p == "github.com/bimtek/bimtek/live" {
			t.Errorf("tui or room imports %s (through some package): go list -deps ./tui ./room names it", p)
		}
	}
	for _, want := range []string{"github.com/bimtek/bimtek/workshop", "github.com/bimtek/bimtek/room", "github.com/bimtek/bimtek/tui"} {
		if !seen[want] {
			t.Errorf("go list -deps does not name %s: the check looks at the wrong list", want)
		}
	}
}
