package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// cpuUsage is how many cores each party kept busy during the measurement
// (Linux /proc; zero where unavailable). Other is everything else on the
// machine: a busy neighbour shows up there, not as a slow server.
type cpuUsage struct {
	ServerCores float64 `json:"server_cores"`
	LoadgenCore float64 `json:"loadgen_cores"`
	OtherCores  float64 `json:"other_cores"`
}

// cpuSnapshot is the CPU time counters at one instant.
type cpuSnapshot struct {
	at      time.Time
	machine time.Duration // busy time of all CPUs together
	server  time.Duration
	self    time.Duration
}

// clockTick is USER_HZ, the unit of /proc times (100 on Linux).
const clockTick = 100

func takeCPUSnapshot(serverPID int) cpuSnapshot {
	s := cpuSnapshot{at: time.Now(), machine: machineBusy(), self: selfCPU()}
	if serverPID > 0 {
		s.server = processCPU(serverPID)
	}
	return s
}

// usageBetween converts two snapshots into cores used.
func usageBetween(a, b cpuSnapshot) cpuUsage {
	wall := b.at.Sub(a.at).Seconds()
	if wall <= 0 {
		return cpuUsage{}
	}
	server := (b.server - a.server).Seconds() / wall
	self := (b.self - a.self).Seconds() / wall
	machine := (b.machine - a.machine).Seconds() / wall
	return cpuUsage{ServerCores: server, LoadgenCore: self, OtherCores: max(0, machine-server-self)}
}

// machineBusy sums the non-idle jiffies of the "cpu" line of /proc/stat.
func machineBusy() time.Duration {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	var busy int64
	for i, v := range f[1:] {
		n, _ := strconv.ParseInt(v, 10, 64)
		if i == 3 || i == 4 || i >= 8 { // idle, iowait; guest times are already in user
			continue
		}
		busy += n
	}
	return time.Duration(busy) * time.Second / clockTick
}

// processCPU reads utime+stime of a process from /proc/PID/stat.
func processCPU(pid int) time.Duration {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:]) // skip "pid (comm) "
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * time.Second / clockTick
}

func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
