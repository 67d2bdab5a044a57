package report

import "os"

// tempFile is the part of *os.File the folder writer uses; tests put a
// failing writer behind it to act out a full disk.
type tempFile interface {
	Write(p []byte) (int, error)
	Chmod(mode os.FileMode) error
	Sync() error
	Close() error
}

// fileSystem creates the files of an export folder. Create is called on
// one goroutine, in the order of the files; each file's own methods may
// then run on a goroutine of its own (the folder writer syncs one file
// while it makes the next).
type fileSystem interface {
	Create(path string) (tempFile, error)
}

type osFS struct{}

// Create makes a new private file; it never opens an existing one.
func (osFS) Create(path string) (tempFile, error) {
	return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
}
