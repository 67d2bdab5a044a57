package report

import (
	"fmt"
	"os"
	"path/filepath"
)

// tempFile is the part of *os.File the atomic writer uses; tests put a
// failing writer behind it to act out a full disk.
type tempFile interface {
	Write(p []byte) (int, error)
	Chmod(mode os.FileMode) error
	Sync() error
	Close() error
	Name() string
}

// fileSystem creates the temporary files of an export.
type fileSystem interface {
	CreateTemp(dir, pattern string) (tempFile, error)
}

type osFS struct{}

func (osFS) CreateTemp(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }

// writeAtomic writes every file to a temporary file in dir first and renames
// them into place only when all of them were written and synced, so a
// failure leaves the folder as it was (older exports included) and no
// temporary file behind.
func writeAtomic(fs fileSystem, dir string, files []namedContent) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create export folder %s: %w", dir, err)
	}
	temps := make([]string, 0, len(files))
	ok := false
	defer func() {
		if !ok {
			for _, t := range temps {
				_ = os.Remove(t) // already renamed ones are gone: harmless
			}
		}
	}()
	for _, f := range files {
		tmp, err := writeTemp(fs, dir, f)
		if tmp != "" {
			temps = append(temps, tmp)
		}
		if err != nil {
			return nil, err
		}
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = filepath.Join(dir, f.name)
		if err := os.Rename(temps[i], paths[i]); err != nil {
			return nil, fmt.Errorf("write %s: %w", paths[i], err)
		}
	}
	ok = true
	return paths, nil
}

// writeTemp writes one file's content to a new temporary file and returns its
// name (also on error, so the caller can remove it).
func writeTemp(fs fileSystem, dir string, f namedContent) (string, error) {
	final := filepath.Join(dir, f.name)
	t, err := fs.CreateTemp(dir, "."+f.name+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", final, err)
	}
	name := t.Name()
	_, err = t.Write(f.data)
	if err == nil {
		// CreateTemp makes the file private (0600); an export is meant to be
		// opened and shared like any document.
		err = t.Chmod(0o644)
	}
	if err == nil {
		// Some file systems report a full disk only when the data reaches
		// the device.
		err = t.Sync()
	}
	if cerr := t.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return name, fmt.Errorf("write %s: %w", final, err)
	}
	return name, nil
}
