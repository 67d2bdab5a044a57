package report

import (
	"errors"

	"golang.org/x/sys/unix"
)

// swapDirs exchanges the folders a and b in one step (renameat2
// RENAME_EXCHANGE), so that b is at every moment either the old or the new
// folder. swapped is false when this file system cannot do it.
func swapDirs(a, b string) (swapped bool, err error) {
	err = unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return false, nil
	}
	return true, err
}
