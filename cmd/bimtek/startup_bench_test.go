//go:build !windows

package main

import (
	"bytes"
	"os"
	"os/exec"
	"syscall"
	"testing"

	"github.com/creack/pty"
)

// BenchmarkStartToFirstFrame measures DESIGN section 10's start-up target:
// from starting the built binary on a database of 50 scale-size sessions
// (each 80 OPDs x 90 indicators, about 87% answered: some 315,000 scores
// and as many events, a file of about 100 MB) to the home screen's first
// frame that lists them (the newest session's city appears in the
// terminal output). One iteration is one process start.
func BenchmarkStartToFirstFrame(b *testing.B) {
	db, _ := scaleDB(b, 50)
	if fi, err := os.Stat(db); err == nil {
		b.Logf("%d sessions, file %.1f MB", 50, float64(fi.Size())/(1<<20))
	}
	marker := []byte("Kota Skala 50")

	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(binPath, "--db", db)
		cmd.Env = append(os.Environ(), "TERM=xterm-256color")
		tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 120, Rows: 40})
		if err != nil {
			b.Fatal(err)
		}
		var seen bytes.Buffer
		buf := make([]byte, 64*1024)
		for !bytes.Contains(seen.Bytes(), marker) {
			n, err := tty.Read(buf)
			if err != nil {
				b.Fatalf("the home screen never listed the sessions: %v\n%q", err, seen.String())
			}
			seen.Write(buf[:n])
		}
		b.StopTimer()
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		tty.Close()
		b.StartTimer()
	}
}
