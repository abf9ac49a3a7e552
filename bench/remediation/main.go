// Command remediation measures Salve's remediation orchestrator through the
// real `salve serve` binary and aws-sdk-go-v2 clients, with a moto-free
// one-step runbook (aws:sleep) as the remediation target:
//
//   - latency: -latency resources are reported NON_COMPLIANT one at a time
//     (one PutEvaluations each, -pace apart) under an automatic
//     configuration; for each, the time from the start of its PutEvaluations
//     call to the StartTime of the first step of its Automation execution
//     (StepDetails[0].StartTime in DescribeRemediationExecutionStatus);
//     p50/p99/max;
//   - throughput: -throughput resources reported NON_COMPLIANT in
//     PutEvaluations batches of 100 with ConcurrentExecutionRatePercentage
//     100; remediations per second from the first PutEvaluations call to the
//     last execution's SUCCEEDED (its LastUpdatedTime);
//   - concurrency: -concurrency resources, ConcurrentExecutionRatePercentage
//     10, a runbook that sleeps -hold; IN_PROGRESS counts sampled through
//     DescribeRemediationExecutionStatus; the maximum seen vs the bound.
//
// Each measurement gets a fresh server on a fresh data dir.
//
//	go run ./bench/remediation
//	go run ./bench/remediation -only latency -latency 200
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

func main() { benchkit.Main("remediation", run) }

// options are the command-line settings.
type options struct {
	salve       string
	logLevel    string
	only        string
	latency     int
	pace        time.Duration
	throughput  int
	concurrency int
	hold        time.Duration
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("remediation", flag.ContinueOnError)
	fs.StringVar(&o.salve, "salve", "", "salve binary (default: go build ./cmd/salve into a temp dir)")
	fs.StringVar(&o.logLevel, "log-level", "warn", "salve --log-level")
	fs.StringVar(&o.only, "only", "", "latency | throughput | concurrency (default all)")
	fs.IntVar(&o.latency, "latency", 1000, "resources of the latency measurement")
	fs.DurationVar(&o.pace, "pace", 5*time.Millisecond, "pause between the latency measurement's PutEvaluations calls")
	fs.IntVar(&o.throughput, "throughput", 10000, "resources of the throughput measurement")
	fs.IntVar(&o.concurrency, "concurrency", 200, "resources of the concurrency measurement")
	fs.DurationVar(&o.hold, "hold", time.Second, "how long each execution of the concurrency measurement runs")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	switch o.only {
	case "", "latency", "throughput", "concurrency":
		return o, nil
	}
	return o, fmt.Errorf("-only %q: want latency, throughput or concurrency", o.only)
}

func run(ctx context.Context, args []string) error {
	o, err := parseFlags(args)
	if err != nil {
		return err
	}
	return benchkit.Run(ctx, benchkit.Params{Salve: o.salve, LogLevel: o.logLevel, Only: o.only,
		TempPattern: "salve-bench-remediation-"}, o, openServer,
		benchkit.Step[options, *server]{Name: "latency", Run: measureLatency},
		benchkit.Step[options, *server]{Name: "throughput", Run: measureThroughput},
		benchkit.Step[options, *server]{Name: "concurrency", Run: measureConcurrency})
}
