//go:build unix

package report

import "syscall"

func setUmask(m int) int { return syscall.Umask(m) }
