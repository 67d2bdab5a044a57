//go:build unix

package store

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// shmDMS is the byte of the -shm file on which every SQLite connection to
// a WAL database holds a read lock while it is open (UNIX_SHM_DMS in
// SQLite's unix VFS).
const shmDMS = 128

// walInUse reports whether another process has the database open: it
// asks the kernel (F_GETLK, which takes no lock) whether anyone holds a
// lock on the -shm file's DMS byte. Call it only while this process has
// no connection to the file: closing the descriptor it opens drops the
// POSIX locks this process holds on the -shm.
func walInUse(path string) (bool, error) {
	f, err := os.OpenFile(path+"-shm", os.O_RDWR, 0)
	if errors.Is(err, fs.ErrPermission) {
		f, err = os.Open(path + "-shm")
	}
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil // every open connection keeps a -shm
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: 0, Start: shmDMS, Len: 1}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_GETLK, &lk); err != nil {
		return false, err
	}
	return lk.Type != syscall.F_UNLCK, nil
}
