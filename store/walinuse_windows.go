//go:build windows

package store

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/windows"
)

// shmDMS is the byte of the -shm file that every SQLite connection to a
// WAL database holds a shared lock on while it is open (WIN_SHM_DMS).
const shmDMS = 128

// walInUse reports whether another process has the database open: it
// tries to take the -shm file's DMS byte exclusively for an instant, which
// fails while any connection holds it. Locks on Windows belong to a
// handle, so this never disturbs this process's own.
func walInUse(path string) (bool, error) {
	f, err := os.OpenFile(path+"-shm", os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	h := windows.Handle(f.Fd())
	ol := &windows.Overlapped{Offset: shmDMS}
	err = windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if err != nil {
		return true, nil
	}
	_ = windows.UnlockFileEx(h, 0, 1, 0, ol)
	return false, nil
}
