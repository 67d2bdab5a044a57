package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/bimtek/bimtek/workshop"
)

// What a PathSpecial path is.
const (
	SpecialFIFO   = workshop.SpecialFIFO
	SpecialDevice = workshop.SpecialDevice
	SpecialSocket = workshop.SpecialSocket
	SpecialOther  = workshop.SpecialOther
)

// resolvePath makes path absolute and follows symbolic links to the file
// they name, without ever opening anything: the result is the real path
// (which may not exist yet), or a *PathError for a link to nothing, a
// folder, a FIFO, a device or a socket, a path through a file, and an
// unreadable file. fi is the file's information, nil when it does not
// exist.
func resolvePath(path string) (real string, fi fs.FileInfo, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", nil, fmt.Errorf("open database %s: %w", path, err)
	}
	real = abs
	lfi, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// The parent must be a folder or not exist yet.
		if perr := checkParents(abs); perr != nil {
			return "", nil, perr
		}
		return abs, nil, nil
	case errors.Is(err, syscall.ENOTDIR):
		return "", nil, &PathError{Path: abs, Kind: PathParentNotFolder, Err: err}
	case err != nil:
		return "", nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	if lfi.Mode()&fs.ModeSymlink != 0 {
		r, err := filepath.EvalSymlinks(abs)
		if err != nil {
			target, _ := os.Readlink(abs)
			if errors.Is(err, syscall.ENOTDIR) {
				return "", nil, &PathError{Path: abs, Kind: PathParentNotFolder, Err: err}
			}
			return "", nil, &PathError{Path: abs, Kind: PathDanglingLink, Target: target, Err: err}
		}
		if real, err = filepath.Abs(r); err != nil {
			return "", nil, fmt.Errorf("open database %s: %w", abs, err)
		}
		if lfi, err = os.Stat(real); err != nil {
			return "", nil, fmt.Errorf("open database %s: %w", abs, err)
		}
	}
	if err := checkKind(abs, lfi); err != nil {
		return "", nil, err
	}
	return real, lfi, nil
}

// checkKind refuses anything but a regular file.
func checkKind(path string, fi fs.FileInfo) error {
	m := fi.Mode()
	switch {
	case m.IsDir():
		return &PathError{Path: path, Kind: PathFolder}
	case m&fs.ModeNamedPipe != 0:
		return &PathError{Path: path, Kind: PathSpecial, What: SpecialFIFO}
	case m&fs.ModeSocket != 0:
		return &PathError{Path: path, Kind: PathSpecial, What: SpecialSocket}
	case m&fs.ModeDevice != 0:
		return &PathError{Path: path, Kind: PathSpecial, What: SpecialDevice}
	case !m.IsRegular():
		return &PathError{Path: path, Kind: PathSpecial, What: SpecialOther}
	}
	return nil
}

// checkParents refuses a path under a file ("/etc/passwd/x.db").
func checkParents(path string) error {
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		fi, err := os.Stat(dir)
		if err == nil {
			if !fi.IsDir() {
				return &PathError{Path: path, Kind: PathParentNotFolder}
			}
			return nil
		}
		if errors.Is(err, syscall.ENOTDIR) {
			return &PathError{Path: path, Kind: PathParentNotFolder, Err: err}
		}
		if next := filepath.Dir(dir); next == dir {
			return nil
		}
	}
}

func unreadable(path string, cause error) error {
	return &PathError{Path: path, Kind: PathUnreadable, Err: cause}
}
