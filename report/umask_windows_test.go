//go:build windows

package report

func setUmask(m int) int { return 0 }
