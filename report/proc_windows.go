//go:build windows

package report

import (
	"errors"
	"syscall"
)

// isDiskFull tells a write refused for want of space: ERROR_DISK_FULL or
// ERROR_HANDLE_DISK_FULL.
func isDiskFull(err error) bool {
	return errors.Is(err, syscall.Errno(112)) || errors.Is(err, syscall.Errno(39)) || errors.Is(err, syscall.ENOSPC)
}

// ignoreDirSyncError: Windows cannot flush a folder handle; NTFS journals
// the renames itself.
func ignoreDirSyncError(error) bool { return true }
