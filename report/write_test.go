package report

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// failingFS acts out a full disk: the n-th temporary file (0-based) fails at
// the given step after part of its data reached the disk.
type failingFS struct {
	n    int
	step string // "create", "write", "sync"
	seen int
}

func (f *failingFS) CreateTemp(dir, pattern string) (tempFile, error) {
	i := f.seen
	f.seen++
	if i == f.n && f.step == "create" {
		return nil, &os.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: syscall.ENOSPC}
	}
	t, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	if i != f.n {
		return t, nil
	}
	return &failingFile{File: t, step: f.step}, nil
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

// TestExportFullDisk: whichever file fails, the error names it and wraps the
// cause, the older export in the folder is untouched, and no temporary or
// half file is left.
func TestExportFullDisk(t *testing.T) {
	cases := []struct {
		n    int
		step string
		file string
	}{
		{0, "write", ScoresFile},
		{2, "write", CitySummaryFile},
		{3, "sync", PrioritiesFile},
		{1, "create", OPDDimensionsFile},
	}
	for _, c := range cases {
		t.Run(c.step+" "+c.file, func(t *testing.T) {
			dir := t.TempDir()
			old := []byte("export lama\r\n")
			if err := os.WriteFile(filepath.Join(dir, ScoresFile), old, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := export(dir, testData(), Options{}, &failingFS{n: c.n, step: c.step})
			if err == nil {
				t.Fatal("export succeeded on a full disk")
			}
			if !errors.Is(err, syscall.ENOSPC) {
				t.Errorf("error %v does not wrap ENOSPC", err)
			}
			if !strings.Contains(err.Error(), c.file) {
				t.Errorf("error %q does not name %s", err, c.file)
			}
			if got, _ := os.ReadFile(filepath.Join(dir, ScoresFile)); string(got) != string(old) {
				t.Errorf("the older scores.csv was changed to %q", got)
			}
			assertOnly(t, dir, ScoresFile)
		})
	}
}

// TestExportReadOnlyDir uses a real read-only folder. Root ignores the mode
// bits, so a probe write decides whether the test can mean anything.
func TestExportReadOnlyDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	probe := filepath.Join(dir, "probe")
	if err := os.WriteFile(probe, nil, 0o644); err == nil {
		_ = os.Remove(probe)
		t.Skip("this user can write into a read-only folder (root?); TestExportFullDisk covers the failure path")
	}
	_, err := Export(dir, testData(), Options{})
	if err == nil || !strings.Contains(err.Error(), ScoresFile) || !errors.Is(err, os.ErrPermission) {
		t.Fatalf("Export into a read-only folder: %v, want a permission error naming %s", err, ScoresFile)
	}
	assertOnly(t, dir)
}
