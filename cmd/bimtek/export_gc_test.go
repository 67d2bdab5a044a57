//go:build !windows

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestExportCollectsOnlyNearTheMemoryLimit exports the scale session with
// the runtime's collector trace on: bimtek export runs no collection (its
// heap stays far below the soft memory limit main sets), while the same
// export with the user's own GOGC=100 collects as Go usually does, so the
// trace can tell the two apart; and the export is the same either way.
func TestExportCollectsOnlyNearTheMemoryLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("writes the scale session")
	}
	cleanEnv(t)
	db, id := scaleDB(t, 1)
	collections := func(env ...string) (int, map[string]string) {
		t.Helper()
		dir := filepath.Join(t.TempDir(), "hasil")
		cmd := exec.Command(binPath, "--db", db, "export", strconv.FormatInt(id, 10), "--dir", dir)
		cmd.Env = append(os.Environ(), append([]string{"GODEBUG=gctrace=1", "GOGC=", "GOMEMLIMIT="}, env...)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("export %v: %v\n%s", env, err, out)
		}
		n := 0
		for _, l := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(l, "gc ") {
				n++
			}
		}
		return n, readFolder(t, dir)
	}
	ours, a := collections()
	if ours != 0 {
		t.Errorf("bimtek export ran %d collections of the scale session; want none", ours)
	}
	theirs, b := collections("GOGC=100")
	if theirs == 0 {
		t.Errorf("with GOGC=100 the export ran no collection either: the trace cannot tell the two apart")
	}
	if !sameFolder(a, b) {
		t.Errorf("the export differs with GOGC=100")
	}
}
