//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// TestExportDiskFull exports onto a real disk too small for the files: the
// facilitator reads that the disk is full (naming the export folder, not a
// hidden file), and the disk holds nothing afterwards. Mounting a small
// tmpfs needs root (as CI runs); elsewhere the test skips and
// report.TestExportFullDisk covers the same path with a failing writer.
func TestExportDiskFull(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root")
	}
	cleanEnv(t)
	small := filepath.Join(t.TempDir(), "usb")
	if err := os.Mkdir(small, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", small).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs here: %v %s", err, out)
	}
	defer exec.Command("umount", small).Run()
	db := dbPath(t)
	id := strconv.FormatInt(mustDemo(t, db, 1), 10)
	for _, lang := range langs {
		dir := filepath.Join(small, "ekspor")
		r := bt(t, "--db", db, "--lang", lang, "export", id, "--dir", dir)
		said(t, r, 1, tr(lang, "err.export_disk_full", dir))
		if entries, _ := os.ReadDir(small); len(entries) != 0 {
			t.Errorf("the full disk still holds %v", entries)
		}
	}
}
