package report

import (
	"errors"

	"golang.org/x/sys/unix"
)

// swapDirs exchanges the folders a and b in one step (renamex_np
// RENAME_SWAP), so that b is at every moment either the old or the new
// folder. swapped is false when this file system cannot do it.
func swapDirs(a, b string) (swapped bool, err error) {
	err = unix.RenamexNp(a, b, unix.RENAME_SWAP)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOTSUP) || errors.Is(err, unix.ENOSYS) {
		return false, nil
	}
	return true, err
}
