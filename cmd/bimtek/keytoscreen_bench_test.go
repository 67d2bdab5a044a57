//go:build !windows

package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// The key-to-screen target of DESIGN section 10: a digit typed into a
// pseudo-terminal until the terminal receives the redrawn cell, for the
// built bimtek on the scale session's grid at 200x60, beside the floor, a
// minimal Bubble Tea v2 program that shows the key typed
// (testdata/keyecho). Both go through the same pty, the same renderer and
// its frame ticker; bimtek's digit also makes its durable commit first.

// ptyProg is a program running in a pty, its output read as it comes.
type ptyProg struct {
	cmd *exec.Cmd
	tty *os.File
	out chan []byte
}

func startPTY(b *testing.B, w, h int, name string, args ...string) *ptyProg {
	b.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor", "BIMTEK_DB=")
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)})
	if err != nil {
		b.Fatal(err)
	}
	p := &ptyProg{cmd: cmd, tty: tty, out: make(chan []byte, 1024)}
	go func() {
		defer close(p.out)
		for {
			buf := make([]byte, 64*1024)
			n, err := tty.Read(buf)
			if n > 0 {
				p.out <- buf[:n]
			}
			if err != nil {
				return
			}
		}
	}()
	b.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		tty.Close()
	})
	return p
}

// until reads the output until it holds marker; the deadline guards a hung
// benchmark only.
func (p *ptyProg) until(b *testing.B, marker []byte) {
	b.Helper()
	var seen []byte
	deadline := time.After(20 * time.Second)
	for !bytes.Contains(seen, marker) {
		select {
		case c, ok := <-p.out:
			if !ok {
				b.Fatalf("the program ended before it drew %q:\n%q", marker, seen)
			}
			seen = append(seen, c...)
		case <-deadline:
			b.Fatalf("no %q after 20 s:\n%q", marker, seen)
		}
	}
}

// quiet reads until nothing came for 30 ms: the frame is finished.
func (p *ptyProg) quiet() {
	for {
		select {
		case <-p.out:
		case <-time.After(30 * time.Millisecond):
			return
		}
	}
}

// keysToScreen types digits one at a time; each is timed from the write
// until the output holds the cursor mark drawn after it. The renderer
// sends frames on its own clock (60 a second): a key waits for the next
// tick after its Update, so each key is typed at a random moment of a
// frame's time (as a person types), never locked to the ticker by the
// fixed pause of quiet.
func keysToScreen(b *testing.B, p *ptyProg) {
	mark := []byte("◀")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := p.tty.Write([]byte(strconv.Itoa(1 + i%4))); err != nil {
			b.Fatal(err)
		}
		p.until(b, mark)
		b.StopTimer()
		p.quiet()
		time.Sleep(time.Duration(rand.Int64N(int64(time.Second / 60))))
		b.StartTimer()
	}
}

// BenchmarkKeyToScreen is one digit in bimtek's grid, scale session, 200x60.
func BenchmarkKeyToScreen(b *testing.B) {
	db, id := scaleDB(b, 1)
	p := startPTY(b, 200, 60, binPath, "--db", db, "open", strconv.FormatInt(id, 10))
	p.until(b, []byte("Kota Skala 01"))
	p.quiet()
	for range 3 { // opening, roster, briefing: the grid is the fourth phase
		if _, err := p.tty.Write([]byte("]")); err != nil {
			b.Fatal(err)
		}
		p.quiet()
	}
	if _, err := p.tty.Write([]byte("1")); err != nil {
		b.Fatal(err)
	}
	p.until(b, []byte("◀"))
	p.quiet()
	keysToScreen(b, p)
}

var keyecho struct {
	once sync.Once
	path string
	err  error
}

// BenchmarkKeyToScreenFloor is the same digit in keyecho.
func BenchmarkKeyToScreenFloor(b *testing.B) {
	keyecho.once.Do(func() {
		dir, err := os.MkdirTemp("", "keyecho")
		if err != nil {
			keyecho.err = err
			return
		}
		keyecho.path = filepath.Join(dir, "keyecho")
		if out, err := exec.Command("go", "build", "-o", keyecho.path, "./testdata/keyecho").CombinedOutput(); err != nil {
			keyecho.err = err
			b.Log(string(out))
		}
	})
	if keyecho.err != nil {
		b.Fatalf("build keyecho: %v", keyecho.err)
	}
	p := startPTY(b, 200, 60, keyecho.path)
	p.until(b, []byte("ready"))
	p.quiet()
	keysToScreen(b, p)
}
