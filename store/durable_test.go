package store

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/workshop"
)

// writerEnv names the database TestHelperWriter writes to.
const writerEnv = "BIMTEK_STORE_TEST_WRITER"

// TestHelperWriter is the child process of TestKillDuringWrites: it writes
// one score per cell of session 1 and prints each after SetAnswer has
// returned, then waits to be killed.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv(writerEnv)
	if path == "" {
		t.Skip("the child process of TestKillDuringWrites")
	}
	s, err := Open(bg, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	d, err := s.Load(bg, 1)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	i := 0
	for _, o := range d.OPDs {
		for _, dim := range d.Session.Framework.Dimensions {
			for _, ind := range dim.Indicators() {
				level := i%5 + 1
				if _, err := s.SetAnswer(bg, 1, o.ID, ind.Key, workshop.Answer{Level: level}); err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(3)
				}
				fmt.Printf("saved %d %s %d\n", o.ID, ind.Key, level)
				i++
			}
		}
	}
	// Wait for the kill; a parent that died closes stdin and ends us too.
	io.Copy(io.Discard, os.Stdin)
	os.Exit(0)
}

// A score reported as saved survives a kill -9 of the writer at any moment,
// and the log keeps the order of the writes.
func TestKillDuringWrites(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	path := filepath.Join(t.TempDir(), "bimtek.db")
	s, err := Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := newSession(t, s, "A", "B", "C", "D", "E", "F", "G", "H", "I", "J")
	if id != 1 {
		t.Fatalf("session id %d, the helper writes session 1", id)
	}
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$")
	cmd.Env = append(os.Environ(), writerEnv+"="+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	const killAfter = 25 // of 80 cells
	var saved []string
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		line, ok := strings.CutPrefix(sc.Text(), "saved ")
		if !ok {
			continue
		}
		saved = append(saved, line)
		if len(saved) == killAfter {
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
		}
	}
	cmd.Wait()
	if cmd.ProcessState.Exited() {
		t.Fatalf("the writer was not killed (exit %d); stderr:\n%s", cmd.ProcessState.ExitCode(), stderr.String())
	}
	if len(saved) < killAfter {
		t.Fatalf("the writer reported %d saves before dying; stderr:\n%s", len(saved), stderr.String())
	}

	s, err = Open(bg, path)
	if err != nil {
		t.Fatalf("reopen after kill -9: %v", err)
	}
	defer s.Close()
	evs := mustEvents(t, s, id)
	if len(evs) < len(saved) || len(evs) > len(saved)+1 {
		t.Fatalf("%d events after %d reported saves; at most one unreported write may have committed", len(evs), len(saved))
	}
	stored := map[string]int{}
	for _, r := range mustLoad(t, s, id).Scores {
		stored[fmt.Sprintf("%d %s", r.OPDID, r.IndicatorKey)] = r.Answer.Level
	}
	for i, line := range saved {
		var opd int64
		var key string
		var level int
		if _, err := fmt.Sscanf(line, "%d %s %d", &opd, &key, &level); err != nil {
			t.Fatalf("helper line %q: %v", line, err)
		}
		e := evs[i]
		if e.OPDID != opd || e.IndicatorKey != key || e.New.Level != level {
			t.Fatalf("event %d = %+v, want the reported save %q", i+1, e, line)
		}
		if got := stored[fmt.Sprintf("%d %s", opd, key)]; got != level {
			t.Fatalf("score %q lost: stored level %d", line, got)
		}
	}
	t.Logf("killed after %d reported saves, %d events on disk", len(saved), len(evs))
}
