package report

import (
	"fmt"
	"os"
	"path/filepath"
)

// File is one file of a folder written by WriteFolder or WriteFiles: its
// name inside the folder and its whole content.
type File struct {
	Name string
	Data []byte
}

// WriteFiles writes files into dir beside whatever else dir holds (unlike
// WriteFolder, which makes dir a whole export): every file goes to a hidden
// temporary file first (private, 0600, synced) and all are renamed into
// place only when all were written, so a failure leaves the folder as it was
// and no temporary file behind. A full disk is a *DiskFullError. It returns
// the paths written.
func WriteFiles(dir string, files []File) (paths []string, err error) {
	if abs, aerr := filepath.Abs(dir); aerr == nil {
		dir = abs
	}
	defer func() {
		if err != nil && isDiskFull(err) {
			err = &DiskFullError{Dir: dir, Err: err}
		}
	}()
	created, err := mkdirParents(dir)
	if err != nil {
		return nil, err
	}
	temps := make([]string, 0, len(files))
	defer func() {
		if err != nil {
			for _, t := range temps {
				_ = os.Remove(t)
			}
			for i := len(created) - 1; i >= 0; i-- {
				_ = os.Remove(created[i])
			}
		}
	}()
	for _, f := range files {
		if f.Name == "" || f.Name != filepath.Base(f.Name) {
			return nil, fmt.Errorf("write into %s: the file name %q cannot be used", dir, f.Name)
		}
		t, err := os.CreateTemp(dir, "."+f.Name+".*.tmp")
		if err != nil {
			return nil, fmt.Errorf("write %s: %w", filepath.Join(dir, f.Name), err)
		}
		temps = append(temps, t.Name())
		_, err = t.Write(f.Data)
		if err == nil {
			err = t.Chmod(0o600)
		}
		if err == nil {
			err = t.Sync()
		}
		if cerr := t.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("write %s: %w", filepath.Join(dir, f.Name), err)
		}
	}
	paths = make([]string, len(files))
	for i, f := range files {
		paths[i] = filepath.Join(dir, f.Name)
		if err := os.Rename(temps[i], paths[i]); err != nil {
			return nil, fmt.Errorf("write %s: %w", paths[i], err)
		}
	}
	_ = syncDir(dir)
	return paths, nil
}

// TextCell prepares a text cell of a CSV file for Excel the way the exports
// do: a cell that begins with = + - @ or a tab can never become a formula.
func TextCell(s string) string { return text(s) }
