//go:build linux

package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestScaleSessionMemoryAfter1000Keys is DESIGN section 10's memory
// target: the built binary on the scale session (80 OPDs x 90
// indicators), 1000 digits typed into its grid at 200x60 (each one a
// durable commit and a frame), then its resident memory read from
// /proc: at most 60 MB.
func TestScaleSessionMemoryAfter1000Keys(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the binary and types 1000 keys")
	}
	db, id := scaleDB(t, 1)
	tm := startTerm(t, 200, 60, "--db", db, "open", strconv.FormatInt(id, 10))
	tm.waitText("Kota Skala 01")
	for range 3 { // opening, roster, briefing: the grid is the fourth phase
		tm.pressAndSettle("]")
	}
	tm.waitText("◀")
	for i := 0; i < 1000; i += 50 {
		var keys strings.Builder
		for j := i; j < i+50; j++ {
			keys.WriteString(strconv.Itoa(1 + j%5))
		}
		tm.send(keys.String())
	}
	// Keys are handled in order: when help is on screen, every digit
	// before it has been committed and drawn.
	// 1000 durable commits take a while on a busy machine: the deadline
	// only guards a hung test.
	tm.send("?")
	deadline := time.Now().Add(3 * time.Minute)
	for !strings.Contains(tm.screen(), "ctrl+z") {
		if time.Now().After(deadline) {
			t.Fatalf("help never came after the 1000 digits; the screen shows:\n%s", tm.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.settle()
	rss, peak := residentKB(t, tm.cmd.Process.Pid)
	t.Logf("after 1000 keys: VmRSS %d KB, VmHWM %d KB", rss, peak)
	if rss > 60*1024 {
		t.Errorf("bimtek holds %.1f MB after 1000 keys on the scale session, more than 60 MB", float64(rss)/1024)
	}
	evs := events0(t, tm, db, id)
	if evs < 1000 {
		t.Errorf("%d score events after 1000 digits", evs)
	}
}

// residentKB reads VmRSS and VmHWM of pid.
func residentKB(t *testing.T, pid int) (rss, peak int) {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) < 2 {
			continue
		}
		switch f[0] {
		case "VmRSS:":
			rss, _ = strconv.Atoi(f[1])
		case "VmHWM:":
			peak, _ = strconv.Atoi(f[1])
		case "RssAnon:", "RssFile:":
			t.Logf("%s %s KB", f[0], f[1])
		}
	}
	if rss == 0 {
		t.Fatalf("no VmRSS in /proc/%d/status", pid)
	}
	return rss, peak
}

// events0 is the number of score events once the app has quit.
func events0(t *testing.T, tm *term, db string, id int64) int {
	t.Helper()
	tm.kill()
	return len(events(t, db, id))
}
