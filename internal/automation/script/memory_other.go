//go:build !linux

package script

import "os"

// peakMemoryMB is unknown outside Linux.
func peakMemoryMB(*os.ProcessState) int { return 0 }
