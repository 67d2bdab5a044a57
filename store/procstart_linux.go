//go:build linux

package store

import (
	"bytes"
	"os"
	"strconv"
	"strings"
)

// processStart names the start of process pid on this boot ("boot id/start
// ticks" from /proc), or "" when it cannot be read. A pid reused by
// another program has another start, so a lock row of a dead bimtek is not
// kept alive by whatever runs under its pid now.
func processStart(pid int) string {
	boot, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if err != nil {
		return ""
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return ""
	}
	// The command name (field 2) is in parentheses and may hold spaces:
	// the fields after the last ')' start with field 3, the state.
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return ""
	}
	fields := strings.Fields(string(stat[i+1:]))
	const startTime = 22 - 3 // field 22, counted from field 3
	if len(fields) <= startTime {
		return ""
	}
	return strings.TrimSpace(string(boot)) + "/" + fields[startTime]
}
