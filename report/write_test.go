package report

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// failingFS acts out a full disk: the n-th file (0-based) fails at the given
// step after part of its data reached the disk.
type failingFS struct {
	n    int
	step string // "create", "write", "sync"
	seen int
}

func (f *failingFS) Create(path string) (tempFile, error) {
	i := f.seen
	f.seen++
	if i == f.n && f.step == "create" {
		return nil, &os.PathError{Op: "open", Path: path, Err: syscall.ENOSPC}
	}
	t, err := osFS{}.Create(path)
	if err != nil || i != f.n {
		return t, err
	}
	return &failingFile{File: t.(*os.File), step: f.step}, nil
}

type failingFile struct {
	*os.File
	step string
}

func (f *failingFile) Write(p []byte) (int, error) {
	if f.step != "write" {
		return f.File.Write(p)
	}
	n, _ := f.File.Write(p[:len(p)/2]) // half of it made it
	return n, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
}

func (f *failingFile) Sync() error {
	if f.step == "sync" {
		return &os.PathError{Op: "sync", Path: f.Name(), Err: syscall.ENOSPC}
	}
	return f.File.Sync()
}

// TestExportFullDisk: whichever file fails and however, the error is a
// DiskFullError that names the export folder and no hidden file, the older
// export is untouched, and nothing else is left beside it.
func TestExportFullDisk(t *testing.T) {
	cases := []struct {
		n    int
		step string
	}{{0, "write"}, {2, "write"}, {3, "sync"}, {1, "create"}}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s file %d", c.step, c.n), func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "out")
			if _, err := Export(dir, testData(), Options{}); err != nil {
				t.Fatal(err)
			}
			before := folderContent(t, dir)
			_, err := export(dir, testData(), Options{Lang: "en"}, &failingFS{n: c.n, step: c.step})
			var full *DiskFullError
			if !errors.As(err, &full) {
				t.Fatalf("export on a full disk: %v, want a *DiskFullError", err)
			}
			if !errors.Is(err, syscall.ENOSPC) || full.Dir != dir {
				t.Errorf("DiskFullError %+v: want the folder %s and the cause ENOSPC", full, dir)
			}
			if msg := err.Error(); !strings.Contains(msg, "disk") || !strings.Contains(msg, "full") || strings.Contains(msg, ".bimtek") || strings.Contains(msg, ".tmp") {
				t.Errorf("message %q: want one sentence about the full disk, naming no hidden file", msg)
			}
			if after := folderContent(t, dir); !sameContent(before, after) {
				t.Errorf("the older export changed: %v", after)
			}
			assertOnly(t, parent, "out")
		})
	}
}

// TestExportFailureLeavesNoFolder: an export into folders that do not exist
// yet, failing on a full disk, leaves none of them behind (the in-app
// export's folder included).
func TestExportFailureLeavesNoFolder(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "a", "b", "bimtek-kota-1")
	_, err := export(dir, testData(), Options{}, &failingFS{n: 1, step: "write"})
	if err == nil {
		t.Fatal("export succeeded on a full disk")
	}
	assertOnly(t, base)
}

// TestExportPrivate: files 0600 and the folder 0700 even when the umask
// would let everyone read them.
func TestExportPrivate(t *testing.T) {
	old := setUmask(0)
	defer setUmask(old)
	dir := filepath.Join(t.TempDir(), "out")
	res, err := Export(dir, testData(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o700 {
		t.Errorf("export folder mode %v, want 0700", perm)
	}
	for _, f := range res.Files {
		fi, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm != 0o600 {
			t.Errorf("%s mode %v, want 0600", filepath.Base(f), perm)
		}
	}
}

// TestExportReplacesOldLayout: a folder written by an older bimtek, with
// the hidden .tmp files its interrupted exports left, is replaced whole.
func TestExportReplacesOldLayout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{ScoresFile, CitySummaryFile, ".scores.csv.1234.tmp", ".priorities.csv.99.tmp"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("lama"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Export(dir, testData(), Options{}); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, dir, allFiles...)
	if b, _ := os.ReadFile(filepath.Join(dir, CitySummaryFile)); string(b) == "lama" {
		t.Error("city_summary.csv is still the old one")
	}
}

// TestExportRefusesForeignFolder: --dir naming a folder with the user's own
// files refuses, and the folder is as it was.
func TestExportRefusesForeignFolder(t *testing.T) {
	for _, entry := range []string{"laporan.docx", "sub"} {
		t.Run(entry, func(t *testing.T) {
			dir := t.TempDir()
			if entry == "sub" {
				if err := os.Mkdir(filepath.Join(dir, entry), 0o755); err != nil {
					t.Fatal(err)
				}
			} else if err := os.WriteFile(filepath.Join(dir, entry), []byte("milik pengguna"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, ScoresFile), []byte("lama"), 0o644); err != nil {
				t.Fatal(err)
			}
			before := folderContent(t, dir)
			_, err := Export(dir, testData(), Options{})
			var nf *NotExportFolderError
			if !errors.As(err, &nf) || nf.Entry != entry {
				t.Fatalf("Export into a folder with %s: %v, want a NotExportFolderError naming it", entry, err)
			}
			if !sameContent(before, folderContent(t, dir)) {
				t.Error("the folder changed")
			}
			assertOnly(t, filepath.Dir(dir), filepath.Base(dir))
		})
	}
}

// deadPID is a pid no process has: a child that has exited and been waited.
func deadPID(t *testing.T) int {
	t.Helper()
	p, err := os.StartProcess("/bin/true", []string{"true"}, &os.ProcAttr{})
	if err != nil {
		t.Skipf("cannot start /bin/true: %v", err)
	}
	if _, err := p.Wait(); err != nil {
		t.Fatal(err)
	}
	return p.Pid
}

// TestExportCleansLeftovers: the next export removes what interrupted
// exports of any name left (a half-made folder, an older export on its way
// out), puts back an older export whose place is empty, and leaves alone the
// folders of an export that is still running.
func TestExportCleansLeftovers(t *testing.T) {
	parent := t.TempDir()
	dead := strconv.Itoa(deadPID(t))
	live := strconv.Itoa(os.Getppid())
	mk := func(name string, files ...string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(parent, name), 0o700); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(parent, name, f), []byte(name), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	mk("kemarin", allFiles...)
	mk(tempPrefix+dead+"-123", ScoresFile)                     // half-made
	mk(oldPrefix+dead+"-abc-kemarin", allFiles...)             // replaced, its place taken: remove
	mk(oldPrefix+dead+"-def-lusa", ScoresFile, PrioritiesFile) // replaced, its place empty: put back
	mk(tempPrefix+live+"-456", ScoresFile)                     // another export at work now
	mk(".bimtek-tmp-notapid", ScoresFile)                      // not ours: leave

	if _, err := Export(filepath.Join(parent, "hari-ini"), testData(), Options{}); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, parent, "kemarin", "hari-ini", "lusa", tempPrefix+live+"-456", ".bimtek-tmp-notapid")
	if b, _ := os.ReadFile(filepath.Join(parent, "kemarin", ScoresFile)); string(b) != "kemarin" {
		t.Errorf("the export kemarin changed: %q", b)
	}
	assertOnly(t, filepath.Join(parent, "lusa"), ScoresFile, PrioritiesFile)
}

// TestReplaceDirWithoutSwap: where the system cannot swap two folders
// (Windows), the old folder goes aside and the new one in; the result is the
// same whole replacement with nothing left.
func TestReplaceDirWithoutSwap(t *testing.T) {
	saved := swap
	swap = func(a, b string) (bool, error) { return false, nil }
	defer func() { swap = saved }()
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	d := testData()
	if _, err := Export(dir, d, Options{}); err != nil {
		t.Fatal(err)
	}
	d.Session.City = "Kota Cimahi"
	if _, err := Export(dir, d, Options{Excel: true}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ScoresFile)); !strings.Contains(string(b), "Kota Cimahi") || !hasBOM(b) {
		t.Errorf("scores.csv is not the new export")
	}
	assertOnly(t, parent, "out")
	assertOnly(t, dir, allFiles...)
}

// TestExportReadOnlyDir uses a real read-only folder. Root ignores the mode
// bits, so a probe write decides whether the test can mean anything.
func TestExportReadOnlyDir(t *testing.T) {
	parent := t.TempDir()
	if err := os.Chmod(parent, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(parent, 0o755) })
	probe := filepath.Join(parent, "probe")
	if err := os.WriteFile(probe, nil, 0o644); err == nil {
		_ = os.Remove(probe)
		t.Skip("this user can write into a read-only folder (root?); TestExportFullDisk covers the failure path")
	}
	_, err := Export(filepath.Join(parent, "out"), testData(), Options{})
	if err == nil || !errors.Is(err, os.ErrPermission) {
		t.Fatalf("Export into a read-only folder: %v, want a permission error", err)
	}
	assertOnly(t, parent)
}

// folderContent reads every file of dir.
func folderContent(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		m[e.Name()] = string(b)
	}
	return m
}

func sameContent(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestWriteFiles: files written into a folder beside the user's own, private,
// with no temporary file left; the user's file is untouched.
func TestWriteFiles(t *testing.T) {
	old := setUmask(0)
	defer setUmask(old)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "milik.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	paths, err := WriteFiles(dir, []File{{Name: "kartu.html", Data: []byte("<p>")}})
	if err != nil {
		t.Fatal(err)
	}
	assertOnly(t, dir, "milik.txt", "kartu.html")
	if fi, err := os.Stat(paths[0]); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("kartu.html: %v %v, want mode 0600", fi.Mode(), err)
	}
}

// recordingFS keeps, per file, the size of every write made to it.
type recordingFS struct {
	mu     sync.Mutex
	writes map[string][]int
}

func (r *recordingFS) Create(path string) (tempFile, error) {
	f, err := osFS{}.Create(path)
	if err != nil {
		return nil, err
	}
	return &recordingFile{File: f.(*os.File), fs: r, name: filepath.Base(path)}, nil
}

type recordingFile struct {
	*os.File
	fs   *recordingFS
	name string
}

func (f *recordingFile) Write(p []byte) (int, error) {
	f.fs.mu.Lock()
	f.fs.writes[f.name] = append(f.fs.writes[f.name], len(p))
	f.fs.mu.Unlock()
	return f.File.Write(p)
}

// TestExportWritesScoresAsTheyAreMade: the scale session's scores.csv
// (1.6 MB) reaches its file in pieces of about spillAt bytes as it is
// made, not as one buffer of the whole file, and the files are byte for
// byte those of an export made whole in memory (CSVFiles).
func TestExportWritesScoresAsTheyAreMade(t *testing.T) {
	d := scaleData()
	for _, excel := range []bool{false, true} {
		rec := &recordingFS{writes: map[string][]int{}}
		dir := filepath.Join(t.TempDir(), "out")
		if _, err := export(dir, d, Options{Excel: excel}, rec); err != nil {
			t.Fatal(err)
		}
		whole, err := CSVFiles(d, Options{Excel: excel})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range whole {
			got, err := os.ReadFile(filepath.Join(dir, f.Name))
			if err != nil || !bytes.Equal(got, f.Data) {
				t.Errorf("excel %v: %s differs from the file made whole (%d bytes, want %d; %v)", excel, f.Name, len(got), len(f.Data), err)
			}
		}
		ws := rec.writes[ScoresFile]
		total := 0
		for _, n := range ws {
			total += n
			if n > spillAt+4096 {
				t.Errorf("excel %v: a write of %d bytes to scores.csv; want pieces of about %d", excel, n, spillAt)
			}
		}
		if len(ws) < 10 || total < 1<<20 {
			t.Errorf("excel %v: scores.csv written in %d pieces, %d bytes; want the scale file in pieces", excel, len(ws), total)
		}
	}
}
