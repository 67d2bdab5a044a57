//go:build windows

package store

import (
	"errors"
	"io/fs"
)

// isReadOnlyErr reports whether err means "you may not write here".
func isReadOnlyErr(err error) bool {
	return errors.Is(err, fs.ErrPermission)
}
