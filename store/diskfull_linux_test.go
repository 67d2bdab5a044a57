//go:build linux

package store

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiskFull fills a small disk with notes until SQLite refuses: the
// refusal is ErrDiskFull with one sentence, and every write that returned
// before it is still in the file. It needs a tmpfs mount, so it runs as
// root (as CI does) and skips elsewhere.
func TestDiskFull(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root")
	}
	dir := filepath.Join(t.TempDir(), "small")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=320k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs here: %v %s", err, out)
	}
	defer exec.Command("umount", dir).Run()

	path := filepath.Join(dir, "bimtek.db")
	s, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, opds := newSession(t, s, "BAPPEDA", "DINKES", "DISHUB")
	keys := []string{"governance.e1.i1", "governance.e1.i2", "governance.e2.i1", "governance.e2.i2", "economy.e1.i1", "economy.e1.i2", "economy.e2.i1", "economy.e2.i2"}
	note := strings.Repeat("catatan panjang dari OPD ", 80) // 2000 characters, the longest note
	saved := map[[2]any]string{}
	var fullErr error
	for i := 0; i < 1000 && fullErr == nil; i++ {
		o := opds[i%len(opds)].ID
		k := keys[(i/len(opds))%len(keys)]
		n := note[:len(note)-i%50] // every write changes the note
		if _, err := s.SetNote(bg, id, o, k, n); err != nil {
			fullErr = err
			break
		}
		saved[[2]any{o, k}] = strings.TrimSpace(n) // a note is stored trimmed
	}
	if fullErr == nil {
		t.Fatal("the small disk never filled up")
	}
	t.Logf("%d notes saved, then: %v", len(saved), fullErr)
	if !errors.Is(fullErr, ErrDiskFull) {
		t.Fatalf("a full disk gave %v, want ErrDiskFull", fullErr)
	}
	if msg := fullErr.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, "full") {
		t.Errorf("not one sentence about the full disk: %q", msg)
	}
	d := mustLoad(t, s, id)
	got := map[[2]any]string{}
	for _, r := range d.Scores {
		got[[2]any{r.OPDID, r.IndicatorKey}] = r.Note
	}
	for k, n := range saved {
		if got[k] != n {
			t.Fatalf("a note saved before the disk filled up is gone or changed: %v", k)
		}
	}
}
