// Command automation measures Salve's Automation executions through the
// real `salve serve` binary and aws-sdk-go-v2 clients:
//
//   - waiting: start -waiting executions of a runbook whose first step is
//     aws:sleep PT1H, wait until every one is asleep, then read the
//     server's resident memory (VmRSS, VmHWM in /proc/<pid>/status) and the
//     CPU it spends idle with them;
//   - throughput: -clients concurrent clients each start a one-step
//     runbook (aws:sleep PT0S) with StartAutomationExecution and poll
//     GetAutomationExecution until it is Success, for -duration.
//
// Each measurement gets a fresh server on a fresh data dir.
//
//	go run ./bench/automation                      # both, defaults
//	go run ./bench/automation -only throughput -duration 20s
//
// It prints one JSON object per measurement on stdout and a summary line
// on stderr.
package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/salvehq/salve/bench/benchkit"
)

func main() { benchkit.Main("automation", run) }

// options are the command-line settings.
type options struct {
	salve       string
	logLevel    string
	only        string
	waiting     int
	starters    int
	clients     int
	duration    time.Duration
	warmup      time.Duration
	poll        time.Duration
	idleCPUTime time.Duration
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("automation", flag.ContinueOnError)
	fs.StringVar(&o.salve, "salve", "", "salve binary (default: go build ./cmd/salve into a temp dir)")
	fs.StringVar(&o.logLevel, "log-level", "info", "salve --log-level")
	fs.StringVar(&o.only, "only", "", "waiting | throughput (default both)")
	fs.IntVar(&o.waiting, "waiting", 10000, "executions left waiting on aws:sleep PT1H")
	fs.IntVar(&o.starters, "starters", 64, "concurrent clients starting the waiting executions")
	fs.IntVar(&o.clients, "clients", 16, "concurrent clients of the throughput measurement")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "measured duration of the throughput measurement")
	fs.DurationVar(&o.warmup, "warmup", 2*time.Second, "unmeasured warm-up before the throughput measurement")
	fs.DurationVar(&o.poll, "poll", 2*time.Millisecond, "pause between GetAutomationExecution polls")
	fs.DurationVar(&o.idleCPUTime, "idle", 10*time.Second, "how long to watch the server's CPU with the executions waiting")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.only != "" && o.only != "waiting" && o.only != "throughput" {
		return o, fmt.Errorf("-only %q: want waiting or throughput", o.only)
	}
	if o.clients < 1 || o.starters < 1 {
		return o, fmt.Errorf("-clients and -starters must be at least 1")
	}
	return o, nil
}

func run(ctx context.Context, args []string) error {
	o, err := parseFlags(args)
	if err != nil {
		return err
	}
	return benchkit.Run(ctx, benchkit.Params{Salve: o.salve, LogLevel: o.logLevel, Only: o.only,
		TempPattern: "salve-automation-bench.", KeepOnFailure: true, Bare: true}, o, openServer,
		benchkit.Step[options, *server]{Name: "waiting", Run: measureWaiting},
		benchkit.Step[options, *server]{Name: "throughput", Run: measureThroughput})
}

// result is one measurement; fields that do not apply are omitted.
type result struct {
	Measurement string `json:"measurement"`
	// waiting
	Executions     int     `json:"executions,omitempty"`
	StartSeconds   float64 `json:"start_seconds,omitempty"`
	StartsPerSec   float64 `json:"starts_per_sec,omitempty"`
	SettleSeconds  float64 `json:"settle_seconds,omitempty"`
	BaselineRSSMiB float64 `json:"baseline_rss_mib,omitempty"`
	RSSMiB         float64 `json:"rss_mib,omitempty"`
	HWMMiB         float64 `json:"hwm_mib,omitempty"`
	KiBPerWaiting  float64 `json:"kib_per_waiting,omitempty"`
	IdleCores      float64 `json:"idle_cores,omitempty"`
	DataDirMiB     float64 `json:"data_dir_mib,omitempty"`
	// throughput
	Clients       int     `json:"clients,omitempty"`
	Completed     int     `json:"completed,omitempty"`
	ExecsPerSec   float64 `json:"executions_per_sec,omitempty"`
	P50ms         float64 `json:"p50_ms,omitempty"`
	P99ms         float64 `json:"p99_ms,omitempty"`
	ServerCores   float64 `json:"server_cores,omitempty"`
	ClientCores   float64 `json:"client_cores,omitempty"`
	PollsPerExec  float64 `json:"polls_per_execution,omitempty"`
	ServerRSSMiB  float64 `json:"server_rss_mib,omitempty"`
	ServerHWMMiB  float64 `json:"server_hwm_mib,omitempty"`
	MeasuredSecs  float64 `json:"measured_seconds,omitempty"`
	NonSuccessful int     `json:"non_successful,omitempty"`
}

// Summary is the human line of a result.
func (r result) Summary() string {
	if r.Measurement == "waiting" {
		return fmt.Sprintf("waiting: %d executions asleep; VmRSS %.1f MiB (baseline %.1f), VmHWM %.1f MiB, "+
			"%.1f KiB each; started in %.1fs (%.0f/s); idle server %.3f cores; data dir %.1f MiB",
			r.Executions, r.RSSMiB, r.BaselineRSSMiB, r.HWMMiB, r.KiBPerWaiting, r.StartSeconds, r.StartsPerSec,
			r.IdleCores, r.DataDirMiB)
	}
	return fmt.Sprintf("throughput: %d clients, %.0f executions/s (start→Success), p50 %.1f ms, p99 %.1f ms, "+
		"server %.2f cores, client %.2f cores, %.1f polls/execution, VmHWM %.1f MiB",
		r.Clients, r.ExecsPerSec, r.P50ms, r.P99ms, r.ServerCores, r.ClientCores, r.PollsPerExec, r.ServerHWMMiB)
}
