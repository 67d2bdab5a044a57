//go:build linux

package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/workshop"
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

// TestDiskFullKeystroke is TestDiskFull for the keystroke on a held
// session (answer, event and cursor on the prepared statements): the
// refusal is ErrDiskFull, every keystroke that returned is in the file
// with its cursor, and the next keystroke is refused the same way, as the
// failed one left no transaction open on the connection.
func TestDiskFullKeystroke(t *testing.T) {
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
	release, err := s.Acquire(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	keys := []string{"governance.e1.i1", "governance.e1.i2", "governance.e2.i1", "governance.e2.i2", "economy.e1.i1", "economy.e1.i2", "economy.e2.i1", "economy.e2.i2"}
	pad := strings.Repeat("x", 3000) // a large screen state: the -wal fills in few keystrokes
	saved := map[[2]any]int{}
	var state string
	var fullErr error
	for i := 0; i < 1000; i++ {
		o := opds[i%len(opds)].ID
		k := keys[(i/len(opds))%len(keys)]
		level := 1 + (i/24)%5
		st := fmt.Sprintf(`{"i":%d,"pad":"%s"}`, i, pad)
		if _, err := s.SetAnswerAndState(bg, id, o, k, workshop.Answer{Level: level}, []byte(st)); err != nil {
			fullErr = err
			break
		}
		saved[[2]any{o, k}] = level
		state = st
	}
	if fullErr == nil {
		t.Fatal("the small disk never filled up")
	}
	t.Logf("%d cells saved, then: %v", len(saved), fullErr)
	if !errors.Is(fullErr, ErrDiskFull) || strings.Contains(fullErr.Error(), "\n") {
		t.Fatalf("a full disk gave %v, want ErrDiskFull in one sentence", fullErr)
	}
	if _, err := s.SetAnswerAndState(bg, id, opds[0].ID, keys[0], workshop.Answer{Level: 5}, []byte(`{}`)); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("the keystroke after the full disk gave %v, want ErrDiskFull again", err)
	}
	d := mustLoad(t, s, id)
	got := map[[2]any]int{}
	for _, r := range d.Scores {
		got[[2]any{r.OPDID, r.IndicatorKey}] = r.Answer.Level
	}
	for k, level := range saved {
		if got[k] != level {
			t.Fatalf("an answer saved before the disk filled up is gone or changed: %v is %d, was %d", k, got[k], level)
		}
	}
	if string(d.UIState) != state {
		t.Fatalf("the cursor is not the last saved one (%.20s...)", d.UIState)
	}
}
