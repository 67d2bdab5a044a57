//go:build unix

package store

import (
	"errors"
	"io/fs"
	"syscall"
)

// isReadOnlyErr reports whether err means "you may not write here":
// permissions, or a read-only file system.
func isReadOnlyErr(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}
