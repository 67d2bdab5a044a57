//go:build !windows

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"

	"github.com/bimtek/bimtek/store"
	"github.com/bimtek/bimtek/workshop"
)

// binPath is the bimtek binary built once for the end-to-end tests.
var binPath string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "bimtek-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binPath = filepath.Join(dir, "bimtek")
	out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build bimtek: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// term runs the built binary in a pseudo-terminal and keeps a virtual
// screen of what it drew, as a person in front of it would see it.
type term struct {
	t    *testing.T
	cmd  *exec.Cmd
	pty  *os.File
	mu   sync.Mutex
	emu  *vt.Emulator
	done chan struct{}
}

func startTerm(t *testing.T, w, h int, args ...string) *term {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor", "BIMTEK_DB=")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)})
	if err != nil {
		t.Fatalf("start bimtek in a pty: %v", err)
	}
	tm := &term{t: t, cmd: cmd, pty: f, emu: vt.NewEmulator(w, h), done: make(chan struct{})}
	// The terminal's answers to the app's queries go back to the app.
	go func() { _, _ = io.Copy(f, tm.emu) }()
	go func() {
		defer close(tm.done)
		buf := make([]byte, 32*1024)
		for {
			n, err := f.Read(buf)
			if n > 0 {
				tm.mu.Lock()
				_, _ = tm.emu.Write(buf[:n])
				tm.mu.Unlock()
			}
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { tm.kill() })
	return tm
}

func (tm *term) screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.String()
}

// body is the screen without its first line, where the clock ticks.
func body(screen string) string {
	if i := strings.IndexByte(screen, '\n'); i >= 0 {
		return screen[i+1:]
	}
	return ""
}

func (tm *term) send(keys string) {
	tm.t.Helper()
	if _, err := tm.pty.Write([]byte(keys)); err != nil {
		tm.t.Fatalf("type %q: %v", keys, err)
	}
}

// waitFor polls the screen until ok says so; the deadline only guards a
// hung test, it measures nothing.
func (tm *term) waitFor(what string, ok func(string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		s := tm.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("waiting for %s; the screen shows:\n%s", what, s)
		}
		time.Sleep(15 * time.Millisecond)
	}
}

func (tm *term) waitText(text string) string {
	tm.t.Helper()
	return tm.waitFor(fmt.Sprintf("%q", text), func(s string) bool { return strings.Contains(s, text) })
}

// pressAndSettle types one key and waits until the screen shows its effect,
// then until the screen holds still (one full frame drawn).
func (tm *term) pressAndSettle(key string) string {
	tm.t.Helper()
	before := body(tm.screen())
	tm.send(key)
	tm.waitFor("the effect of key "+fmt.Sprintf("%q", key), func(s string) bool { return body(s) != before })
	return tm.settle()
}

func (tm *term) settle() string {
	tm.t.Helper()
	prev := body(tm.screen())
	for i := 0; i < 200; i++ {
		time.Sleep(40 * time.Millisecond)
		cur := body(tm.screen())
		if cur == prev {
			return tm.screen()
		}
		prev = cur
	}
	return tm.screen()
}

func (tm *term) kill() {
	if tm.cmd.Process != nil && tm.cmd.ProcessState == nil {
		_ = tm.cmd.Process.Signal(syscall.SIGKILL)
		_ = tm.cmd.Wait()
	}
	_ = tm.pty.Close()
	<-tm.done
}

func bimtek(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(binPath, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("bimtek %v: %v\n%s", args, err, errb.String())
	}
	return strings.TrimSpace(out.String())
}

// events reads the score log of a session from the file the killed
// process left behind.
func events(t *testing.T, db string, id int64) []store.Event {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer st.Close()
	evs, err := st.Events(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// TestKillAndResume types scores into the grid of the real binary, kills it
// with SIGKILL right after the screen showed them, reopens, and checks that
// every score shown is in the file, in the order typed, and that the app
// comes back on the same screen.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test of the built binary")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "e2e.db")
	idText := bimtek(t, "--db", db, "new", "--city", "Kota Uji", "--stage", "2", "--date", "2026-11-28", "--opds", "preset")
	var id int64
	if _, err := fmt.Sscan(idText, &id); err != nil {
		t.Fatalf("new printed %q, not an id", idText)
	}

	const w, h = 120, 40
	tm := startTerm(t, w, h, "--db", db, "open", idText)
	tm.waitText("Pembukaan")
	tm.send("g")
	tm.waitText("1")
	tm.pressAndSettle("4")
	tm.waitText("Rata-rata kota")

	// Three rounds, each killed at a different point: after 3, 5 and 8
	// keys. The keys mix levels, N/A (0) and a level of 1.
	rounds := []string{"345", "01523", "44213205"}
	var typed []workshop.Answer
	last := tm.settle()
	for r, keys := range rounds {
		for _, k := range keys {
			last = tm.pressAndSettle(string(k))
			a := workshop.Answer{Level: int(k - '0')}
			if k == '0' {
				a = workshop.Answer{NA: true}
			}
			typed = append(typed, a)
		}
		tm.kill()

		evs := events(t, db, id)
		if len(evs) != len(typed) {
			t.Fatalf("round %d: %d scores were shown, the file has %d events", r, len(typed), len(evs))
		}
		for i, ev := range evs {
			if ev.New != typed[i] {
				t.Fatalf("round %d: event %d is %+v, typed %+v", r, i, ev.New, typed[i])
			}
		}

		tm = startTerm(t, w, h, "--db", db, "open", idText)
		again := tm.waitFor("the same screen after reopening", func(s string) bool { return body(s) == body(last) })
		last = again
	}

	// Leave the grid for the scoreboard, kill there, and come back to it.
	last = tm.pressAndSettle("]")
	tm.kill()
	tm = startTerm(t, w, h, "--db", db, "open", idText)
	tm.waitFor("the scoreboard again after reopening", func(s string) bool { return body(s) == body(last) })

	// A clean quit says how to reopen.
	tm.send("q")
	tm.waitText("bimtek open " + idText)
}

// TestSecondFacilitatorRefused opens a session, then tries to open it again
// from another process: the second is refused with the holder named, and
// the projector view may still run beside it.
func TestSecondFacilitatorRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test of the built binary")
	}
	db := filepath.Join(t.TempDir(), "two.db")
	id := bimtek(t, "--db", db, "demo", "--no-open")
	tm := startTerm(t, 100, 30, "--db", db, "open", id)
	tm.waitText("Pembukaan")

	var errb bytes.Buffer
	cmd := exec.Command(binPath, "--db", db, "open", id)
	cmd.Stderr = &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("second open: want exit 1, got %v", err)
	}
	msg := strings.TrimSpace(errb.String())
	if !strings.Contains(msg, fmt.Sprint(tm.cmd.Process.Pid)) || strings.Count(msg, "\n") != 0 {
		t.Errorf("the refusal should be one sentence naming pid %d: %q", tm.cmd.Process.Pid, msg)
	}

	pv := startTerm(t, 100, 30, "--db", db, "present", id)
	pv.waitText("Pembukaan")
	// The facilitator moves on; the projector follows.
	tm.pressAndSettle("]")
	pv.waitText("▶ 2 Daftar OPD")
}
