//go:build !windows

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/creack/pty"

	"github.com/bimtek/bimtek/assets"
	"github.com/bimtek/bimtek/store"
)

// BenchmarkStartToFirstFrame measures DESIGN section 10's start-up target:
// from starting the built binary on a database of 50 sessions to the home
// screen's first frame that lists them (the newest session's city appears
// in the terminal output). One iteration is one process start.
func BenchmarkStartToFirstFrame(b *testing.B) {
	db := filepath.Join(b.TempDir(), "fifty.db")
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	f, err := assets.Framework("elemen")
	if err != nil {
		b.Fatal(err)
	}
	var opds []store.OPDInput
	for _, p := range assets.PresetOPDs() {
		opds = append(opds, store.OPDInput{Code: p.Code, Name: p.Name})
	}
	for i := 1; i <= 50; i++ {
		id, err := st.CreateSession(ctx, store.NewSession{City: fmt.Sprintf("Kota Uji %02d", i), Stage: 1 + i%4, Date: "2026-11-28", Framework: f, OPDs: opds})
		if err != nil {
			b.Fatal(err)
		}
		d, err := st.Load(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := st.ImportScores(ctx, id, demoScores(f, d.OPDs, uint64(i))); err != nil {
			b.Fatal(err)
		}
	}
	st.Close()
	marker := []byte("Kota Uji 50")

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
