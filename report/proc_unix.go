//go:build unix

package report

import (
	"errors"
	"syscall"
)

// isDiskFull tells a write refused for want of space (or of quota).
func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// ignoreDirSyncError: some file systems cannot sync a folder; their
// renames are then as durable as they can be.
func ignoreDirSyncError(err error) bool {
	return errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP)
}
