package report

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
)

// FolderProblem is why a folder cannot take an export.
type FolderProblem int

const (
	FolderMissing     FolderProblem = iota + 1 // nothing is there
	FolderNotFolder                            // a file or something else
	FolderNotWritable                          // no new file may be made in it
)

// BaseFolderError is a folder chosen to write exports into (the in-app
// export's folder) that cannot take one. Nothing was written.
type BaseFolderError struct {
	Dir     string
	Problem FolderProblem
	Err     error // the system's error, if any
}

func (e *BaseFolderError) Error() string {
	switch e.Problem {
	case FolderMissing:
		return fmt.Sprintf("the folder %s does not exist; type a folder that exists", e.Dir)
	case FolderNotFolder:
		return fmt.Sprintf("%s is not a folder; type a folder to export into", e.Dir)
	}
	return fmt.Sprintf("bimtek cannot write into the folder %s; choose a folder you may write to", e.Dir)
}

func (e *BaseFolderError) Unwrap() error { return e.Err }

// CheckBaseFolder says whether exports may be written under dir: it exists,
// is a folder, and a file can be made in it (tried with a hidden file
// named like an export's temporary folder, removed at once, so a crash
// leaves nothing the next export does not clean). Unlike WriteFolder, it
// never creates dir: a folder typed by hand that does not exist is most
// likely a typo.
func CheckBaseFolder(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &BaseFolderError{Dir: dir, Problem: FolderMissing, Err: err}
	case err != nil:
		return &BaseFolderError{Dir: dir, Problem: FolderNotWritable, Err: err}
	case !fi.IsDir():
		return &BaseFolderError{Dir: dir, Problem: FolderNotFolder}
	}
	probe, err := os.MkdirTemp(dir, tempPrefix+strconv.Itoa(os.Getpid())+"-probe-*")
	if err != nil {
		return &BaseFolderError{Dir: dir, Problem: FolderNotWritable, Err: err}
	}
	if err := os.Remove(probe); err != nil {
		return &BaseFolderError{Dir: dir, Problem: FolderNotWritable, Err: err}
	}
	return nil
}
