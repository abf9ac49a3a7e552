//go:build linux

package script

import (
	"os"
	"syscall"
)

// peakMemoryMB is the peak resident memory of an ended process, in MB
// (Linux reports it in kilobytes).
func peakMemoryMB(ps *os.ProcessState) int {
	if ps == nil {
		return 0
	}
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	return int((ru.Maxrss + 1023) / 1024)
}
