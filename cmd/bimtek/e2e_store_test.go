//go:build !windows

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// runBin runs the built binary with stdin from /dev/null and returns its
// exit code and output. setsid detaches it from any controlling terminal;
// cred runs it as another user (nil: as the test).
func runBin(t *testing.T, setsid bool, cred *syscall.Credential, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	cmd.Env = append(os.Environ(), "BIMTEK_DB=", "BIMTEK_LANG=")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: setsid, Credential: cred}
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, out.String(), errb.String()
	case errors.As(err, &ee):
		return ee.ExitCode(), out.String(), errb.String()
	}
	t.Fatalf("run bimtek %v: %v", args, err)
	return 0, "", ""
}

// TestNoTerminal: the commands that need a screen, run where there is no
// terminal at all (a cron job, ssh without -t), say so in one sentence
// that names what works without one, and write nothing.
func TestNoTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test of the built binary")
	}
	if f, err := os.Open("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	} else {
		f.Close()
	}
	db := filepath.Join(t.TempDir(), "tty.db")
	bimtek(t, "--db", db, "demo", "--no-open")
	had := eventsIn(t, db)
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	for _, lang := range []string{"id", "en"} {
		for _, args := range [][]string{{"--db", db}, {"--db", db, "open", "1"}, {"--db", fresh, "demo"}} {
			args = append(args, "--lang", lang)
			code, stdout, stderr := runBin(t, true, nil, args...)
			want := tr(lang, "err.need_terminal") + "\n"
			if code != 1 || stderr != want || stdout != "" {
				t.Errorf("%v without a terminal: exit %d, stdout %q, stderr %q; want 1 and %q", args, code, stdout, stderr, want)
			}
		}
	}
	if _, err := os.Stat(fresh); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("demo without a terminal created %s", fresh)
	}
	if n := eventsIn(t, db); n != had {
		t.Errorf("the refused commands changed the score log: %d events, had %d", n, had)
	}
}

// eventsIn counts the score events of session 1.
func eventsIn(t *testing.T, db string) int {
	t.Helper()
	st, err := store.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	evs, err := st.Events(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	return len(evs)
}

// TestDatabasePathKinds: --db /dev/null and a file nobody may read get one
// sentence and exit 1 from every command at once, and nothing appears
// beside them (SQLite made /dev/null-journal before).
func TestDatabasePathKinds(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test of the built binary")
	}
	cmds := [][]string{{"list"}, {"present", "1"}, {"export", "1", "--dir", filepath.Join(t.TempDir(), "x")},
		{"open", "1"}, {"import", "1", "/dev/null"}, {"new", "--city", "X", "--stage", "1"}, {"check"}, {"backup", "--all", filepath.Join(t.TempDir(), "b.db")}}

	t.Run("/dev/null", func(t *testing.T) {
		fi, err := os.Stat("/dev/null")
		if err != nil || fi.Mode()&os.ModeDevice == 0 {
			t.Skip("no /dev/null device")
		}
		for _, lang := range []string{"id", "en"} {
			for _, args := range cmds {
				code, stdout, stderr := runBin(t, false, nil, append([]string{"--db", "/dev/null", "--lang", lang}, args...)...)
				if want := tr(lang, "err.db_device", "/dev/null") + "\n"; code != 1 || stderr != want || stdout != "" {
					t.Errorf("%v: exit %d, %q %q; want 1 and %q", args, code, stdout, stderr, want)
				}
			}
		}
		for _, suffix := range []string{"-journal", "-wal", "-shm"} {
			if _, err := os.Lstat("/dev/null" + suffix); err == nil {
				os.Remove("/dev/null" + suffix) // leave the machine as it was
				t.Errorf("/dev/null%s was created", suffix)
			}
		}
	})

	t.Run("mode 0000", func(t *testing.T) {
		// Root reads any file; the binary then runs as nobody.
		var cred *syscall.Credential
		dir := t.TempDir()
		if os.Geteuid() == 0 {
			cred = &syscall.Credential{Uid: 65534, Gid: 65534}
			// nobody must reach the binary and the folder.
			for _, d := range []string{dir, filepath.Dir(dir)} {
				os.Chmod(d, 0o777)
			}
			os.Chmod(filepath.Dir(binPath), 0o755)
			os.Chmod(binPath, 0o755)
		}
		db := filepath.Join(dir, "locked.db")
		bimtek(t, "--db", db, "demo", "--no-open")
		if err := os.Chmod(db, 0); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(db, 0o600)
		before := snapshot(t, dir)
		for _, lang := range []string{"id", "en"} {
			for _, args := range cmds {
				if args[0] == "export" || args[0] == "backup" {
					continue // their targets are folders of the test user
				}
				code, stdout, stderr := runBin(t, false, cred, append([]string{"--db", db, "--lang", lang}, args...)...)
				if want := tr(lang, "err.db_unreadable", db) + "\n"; code != 1 || stderr != want || stdout != "" {
					t.Errorf("%v: exit %d, %q %q; want 1 and %q", args, code, stdout, stderr, want)
				}
			}
		}
		sameSnapshot(t, before, snapshot(t, dir))
	})
}

// TestLockLostAfterPause is issue 7's paused facilitator: the first
// process is stopped (SIGSTOP, a laptop lid closed), the session is taken
// over from a second terminal (--take-over, confirmed with y), the second
// scores a cell; the first is continued (SIGCONT): its next digit and its
// ctrl+z are refused on its screen with the sentence naming the new
// holder, and the file keeps the second one's change.
func TestLockLostAfterPause(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test of the built binary")
	}
	db := filepath.Join(t.TempDir(), "pause.db")
	bimtek(t, "--db", db, "demo", "--no-open")
	first := startTerm(t, 120, 40, "--db", db, "open", "1")
	first.waitText("Pembukaan")
	first.send("g")
	first.waitText("1")
	first.pressAndSettle("4")
	first.waitText("Rata-rata kota")
	first.pressAndSettle("3")
	typed := eventsIn(t, db)

	if err := first.cmd.Process.Signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	defer first.cmd.Process.Signal(syscall.SIGCONT)

	second := startTerm(t, 120, 40, "--db", db, "open", "1", "--take-over")
	second.waitText("[y/N]")
	second.send("y\r")
	second.waitText("Rata-rata kota") // the same screen: the grid
	second.pressAndSettle("5")
	afterSecond := eventsIn(t, db)
	if afterSecond != typed+1 {
		t.Fatalf("the second process's digit: %d events, want %d", afterSecond, typed+1)
	}

	if err := first.cmd.Process.Signal(syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("pid %d", second.cmd.Process.Pid)
	first.send("2")
	screen := first.waitFor("the refusal naming the new holder", func(s string) bool {
		return strings.Contains(flat(s), "diambil alih") && strings.Contains(flat(s), want)
	})
	first.send("\x1a") // ctrl+z
	first.settle()
	if n := eventsIn(t, db); n != afterSecond {
		t.Fatalf("the paused process wrote after the take-over: %d events, want %d\n%s", n, afterSecond, screen)
	}
	evs := lastEvents(t, db)
	if last := evs[len(evs)-1]; last.New != (workshop.Answer{Level: 5}) || last.Undo {
		t.Fatalf("the newest change is %+v, want the second process's 5", last)
	}
	second.send("q")
	second.waitText("bimtek open 1")
}

// flat joins the screen's lines, so a sentence wrapped over two lines is
// found whole.
func flat(screen string) string {
	var b strings.Builder
	for _, l := range strings.Split(screen, "\n") {
		b.WriteString(strings.TrimSpace(l))
		b.WriteByte(' ')
	}
	return b.String()
}

func lastEvents(t *testing.T, db string) []store.Event {
	t.Helper()
	st, err := store.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	evs, err := st.Events(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}
