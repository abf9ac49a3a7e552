package main

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/salvehq/salve/bench/benchkit"
)

// clockTick is USER_HZ, the unit of /proc times (100 on Linux).
const clockTick = 100

// cpuSnapshot is the CPU time counters at one instant (zero where /proc
// is unavailable).
type cpuSnapshot struct {
	at      time.Time
	machine time.Duration // busy time of all CPUs together
	server  time.Duration
	self    time.Duration
}

// cpuUsage is how many cores each party kept busy between two snapshots.
// Other is everything else on the machine (a busy neighbour).
type cpuUsage struct {
	ServerCores float64 `json:"server_cores"`
	BenchCores  float64 `json:"bench_cores"`
	OtherCores  float64 `json:"other_cores"`
}

// takeCPU reads the counters now.
func takeCPU(serverPID int) cpuSnapshot {
	return cpuSnapshot{at: time.Now(), machine: machineBusy(), server: processCPU(serverPID),
		self: processCPU(os.Getpid())}
}

// usageSince is the usage from a to now.
func usageSince(a cpuSnapshot, serverPID int) cpuUsage {
	b := takeCPU(serverPID)
	wall := b.at.Sub(a.at).Seconds()
	if wall <= 0 {
		return cpuUsage{}
	}
	server, self := (b.server-a.server).Seconds()/wall, (b.self-a.self).Seconds()/wall
	machine := (b.machine - a.machine).Seconds() / wall
	return cpuUsage{ServerCores: round2(server), BenchCores: round2(self), OtherCores: round2(max(0, machine-server-self))}
}

// machineBusy sums the non-idle jiffies of /proc/stat's "cpu" line.
func machineBusy() time.Duration {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	var busy int64
	for i, v := range strings.Fields(line)[1:] {
		if i == 3 || i == 4 || i >= 8 { // idle, iowait; guest time is already in user
			continue
		}
		n, _ := strconv.ParseInt(v, 10, 64)
		busy += n
	}
	return jiffies(busy)
}

// processCPU is a process's user+system time from /proc/PID/stat (zero
// where it cannot be read).
func processCPU(pid int) time.Duration {
	d, _ := benchkit.ProcessCPU(strconv.Itoa(pid))
	return d
}

// jiffies converts /proc clock ticks to a duration.
func jiffies(n int64) time.Duration { return time.Duration(n) * time.Second / clockTick }

// round2 rounds x to two decimals.
func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }
