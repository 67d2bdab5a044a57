//go:build !windows

package main

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestExportKilled kills `bimtek export` with SIGKILL at random moments,
// again and again, into a folder that already holds an export of another
// flavour. After every kill the folder must be exactly one complete export
// (the old or the new one, never a mix and never half a file), and after
// the next export that runs to its end, the parent folder must hold that
// export and nothing else (no leftovers of the killed one).
//
// BIMTEK_EXPORT_KILLS sets the number of kills (default 100, 15 with
// -short).
func TestExportKilled(t *testing.T) {
	kills := 100
	if testing.Short() {
		kills = 15
	}
	if s := os.Getenv("BIMTEK_EXPORT_KILLS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("BIMTEK_EXPORT_KILLS=%q: want a positive number", s)
		}
		kills = n
	}
	cleanEnv(t)
	db := dbPath(t)
	id := strconv.FormatInt(mustDemo(t, db, 3), 10)

	// The four flavours differ in every file but priorities.csv, which is
	// only a header in the demo.
	flavours := [][]string{{}, {"--excel"}, {"--lang", "en"}, {"--lang", "en", "--excel"}}
	want := make([]map[string]string, len(flavours))
	for i, f := range flavours {
		want[i] = readFolder(t, exportTo(t, db, mustID(t, id), f...))
	}
	for i := range want {
		for j := range i {
			if sameFolder(want[i], want[j]) {
				t.Fatalf("flavours %v and %v give the same export; the test could not tell them apart", flavours[i], flavours[j])
			}
		}
	}
	which := func(got map[string]string) int {
		for i, w := range want {
			if sameFolder(got, w) {
				return i
			}
		}
		return -1
	}

	parent := t.TempDir()
	dir := filepath.Join(parent, "hasil")
	exportArgs := func(f int) []string {
		return append([]string{"--db", db, "export", id, "--dir", dir}, flavours[f]...)
	}
	runWhole := func(f int) time.Duration {
		t.Helper()
		start := time.Now()
		out, err := exec.Command(binPath, exportArgs(f)...).CombinedOutput()
		if err != nil {
			t.Fatalf("bimtek export %v: %v\n%s", flavours[f], err, out)
		}
		return time.Since(start)
	}
	// How long one export takes here decides when to kill: anywhere from
	// the start to a little after the usual end.
	var runs []time.Duration
	for i := range 5 {
		runs = append(runs, runWhole(i%len(flavours)))
	}
	slices.Sort(runs)
	typical := runs[len(runs)/2]
	cur := which(readFolder(t, dir))
	if cur < 0 {
		t.Fatal("the folder after a whole export matches no flavour")
	}

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	counts := map[string]int{}
	for k := range kills {
		f := (cur + 1 + rng.IntN(len(flavours)-1)) % len(flavours) // not what is there
		cmd := exec.Command(binPath, exportArgs(f)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(typical) * 6 / 5)))
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()

		got := readFolder(t, dir)
		switch now := which(got); now {
		case cur:
			counts["old"]++
		case f:
			counts["new"]++
			cur = now
		default:
			t.Fatalf("kill %d: the folder is neither the old nor the new export: %v", k+1, folderSummary(got, want[cur], want[f]))
		}
		if entries, _ := os.ReadDir(parent); len(entries) > 1 {
			counts["leftovers"]++
		}

		next := (cur + 1 + rng.IntN(len(flavours)-1)) % len(flavours)
		runWhole(next)
		if got := which(readFolder(t, dir)); got != next {
			t.Fatalf("kill %d: the export after it did not replace the folder whole (it matches flavour %d, want %d)", k+1, got, next)
		}
		cur = next
		entries, err := os.ReadDir(parent)
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 1 || entries[0].Name() != "hasil" {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Fatalf("kill %d: after the next export the parent folder holds %v, want only hasil", k+1, names)
		}
	}
	t.Logf("%d kills (typical export %v): old export kept %d times, new one complete %d times; %d kills left hidden work behind, all cleaned by the next export",
		kills, typical.Round(time.Millisecond), counts["old"], counts["new"], counts["leftovers"])
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// readFolder reads every entry of dir (a sub-folder reads as "<folder>").
func readFolder(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read the export folder: %v", err)
	}
	m := map[string]string{}
	for _, e := range entries {
		if e.IsDir() {
			m[e.Name()] = "<folder>"
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = string(b)
	}
	return m
}

func sameFolder(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || v != w {
			return false
		}
	}
	return true
}

// folderSummary says, file by file, whether it is the old one, the new one,
// or neither.
func folderSummary(got, old, new map[string]string) []string {
	var out []string
	for name, c := range got {
		switch {
		case c == old[name]:
			out = append(out, name+"=old")
		case c == new[name]:
			out = append(out, name+"=new")
		default:
			out = append(out, name+"=neither("+strconv.Itoa(len(c))+" bytes)")
		}
	}
	for name := range old {
		if _, ok := got[name]; !ok {
			out = append(out, name+"=missing")
		}
	}
	sort.Strings(out)
	return out
}
