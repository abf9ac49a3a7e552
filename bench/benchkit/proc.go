package benchkit

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// clockTicks is USER_HZ, the unit of utime and stime in /proc/<pid>/stat
// (100 on Linux for every common architecture).
const clockTicks = 100

// Memory is a process's resident set (VmRSS) and its peak (VmHWM) in MiB,
// from /proc/<pid>/status.
func Memory(pid int) (rss, hwm float64, err error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ":")
		switch k {
		case "VmRSS":
			rss = kib(v) / 1024
		case "VmHWM":
			hwm = kib(v) / 1024
		}
	}
	return rss, hwm, sc.Err()
}

// kib parses a /proc/<pid>/status size such as "  12345 kB".
func kib(v string) float64 {
	n, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
	return n
}

// CPU is the CPU time (user + system) the process pid and this program
// have used so far (zero where /proc cannot be read).
func CPU(pid int) (server, self time.Duration) {
	server, _ = ProcessCPU(strconv.Itoa(pid))
	self, _ = ProcessCPU("self")
	return server, self
}

// ProcessCPU is the CPU time a process ("self" or a pid) has used, from
// /proc/<pid>/stat.
func ProcessCPU(pid string) (time.Duration, error) {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0, err
	}
	// The command name may hold spaces; the fields after it are fixed.
	i := strings.LastIndexByte(string(b), ')')
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, errors.New("short /proc stat line")
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * time.Second / clockTicks, nil
}

// DirMiB is the size of the files under dir in MiB.
func DirMiB(dir string) float64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return float64(n) / (1 << 20)
}
