//go:build !linux && !darwin

package report

// swapDirs cannot exchange two folders in one step here (Windows has no
// such call); replaceDir renames the old folder aside instead.
func swapDirs(a, b string) (swapped bool, err error) { return false, nil }
