//go:build unix

package report

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with this pid exists on this host
// (EPERM: it exists but belongs to another user).
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// isDiskFull tells a write refused for want of space (or of quota).
func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// ignoreDirSyncError: some file systems cannot sync a folder; their
// renames are then as durable as they can be.
func ignoreDirSyncError(err error) bool {
	return errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP)
}
