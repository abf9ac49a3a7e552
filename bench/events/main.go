// Command events measures the path from a Config compliance change to an
// EventBridge webhook delivery through the real `salve serve` binary and
// aws-sdk-go-v2 clients. The bench process runs its own HTTP receiver on
// 127.0.0.1 that timestamps every POST; an EventBridge rule on the default
// bus matches Salve's aws.config "Config Rules Compliance Change" events
// of one CUSTOM_LAMBDA Config rule, and its only target is the receiver's
// URL (an http(s) URL target is a Salve extension).
//
//   - latency: -latency resources are reported NON_COMPLIANT one at a time
//     (one PutEvaluations each, -pace apart); for each, the time from just
//     before its PutEvaluations call to the receiver getting the event that
//     names the resource; p50/p90/p99/max and how many arrived;
//   - throughput: -batches PutEvaluations of -batch resources each, sent
//     back to back; events delivered per second from the first call to the
//     last arrival.
//
// Each measurement gets a fresh server on a fresh data dir.
//
//	go run ./bench/events
//	go run ./bench/events -only latency -latency 200
//
// It prints one JSON object per measurement on stdout.
package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/salvehq/salve/bench/benchkit"
)

func main() { benchkit.Main("events", run) }

// options are the command-line settings.
type options struct {
	salve    string
	logLevel string
	only     string
	latency  int
	pace     time.Duration
	batches  int
	batch    int
	wait     time.Duration
	retries  int
	keep     bool
}

// parseFlags reads the command line.
func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("events", flag.ContinueOnError)
	fs.StringVar(&o.salve, "salve", "", "salve binary (default: go build ./cmd/salve into a temp dir)")
	fs.StringVar(&o.logLevel, "log-level", "info", "salve --log-level (info is salve's default)")
	fs.StringVar(&o.only, "only", "", "latency | throughput (default both)")
	fs.IntVar(&o.latency, "latency", 1000, "resources of the latency measurement")
	fs.DurationVar(&o.pace, "pace", 5*time.Millisecond, "pause between the latency measurement's PutEvaluations calls")
	fs.IntVar(&o.batches, "batches", 100, "PutEvaluations calls of the throughput measurement")
	fs.IntVar(&o.batch, "batch", 100, "resources per PutEvaluations of the throughput measurement (at most 100)")
	fs.DurationVar(&o.wait, "wait", 2*time.Minute, "how long to wait for the events after the last PutEvaluations")
	fs.IntVar(&o.retries, "retries", 3, "the target's RetryPolicy.MaximumRetryAttempts; negative: no RetryPolicy (AWS's default, 185)")
	fs.BoolVar(&o.keep, "keep", false, "keep the temp dir (server logs and data dirs) and print its path")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.latency < 1 || o.batches < 1 {
		return o, fmt.Errorf("-latency %d, -batches %d: want at least 1", o.latency, o.batches)
	}
	if o.batch < 1 || o.batch > 100 {
		return o, fmt.Errorf("-batch %d: want 1 to 100 (PutEvaluations takes at most 100 evaluations)", o.batch)
	}
	switch o.only {
	case "", "latency", "throughput":
		return o, nil
	}
	return o, fmt.Errorf("-only %q: want latency or throughput", o.only)
}

// run runs the measurements. The temp dir (server logs and data) is kept
// when one fails, or with -keep.
func run(ctx context.Context, args []string) error {
	o, err := parseFlags(args)
	if err != nil {
		return err
	}
	return benchkit.Run(ctx, benchkit.Params{Salve: o.salve, LogLevel: o.logLevel, Only: o.only,
		TempPattern: "salve-bench-events-", Keep: o.keep, KeptNote: "events: kept", KeepOnFailure: true}, o, openBench,
		benchkit.Step[options, *bench]{Name: "latency", Run: measureLatency},
		benchkit.Step[options, *bench]{Name: "throughput", Run: measureThroughput})
}
