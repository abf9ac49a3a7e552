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
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/salvehq/salve/internal/salvetest/salveproc"
)

func main() {
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "remediation:", err)
		os.Exit(1)
	}
}

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
	tmp, err := os.MkdirTemp("", "salve-bench-remediation-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if o.salve == "" {
		if o.salve, err = salveproc.Build(ctx, tmp); err != nil {
			return err
		}
	}
	steps := []struct {
		name string
		fn   func(context.Context, options, *server) (any, error)
	}{{"latency", measureLatency}, {"throughput", measureThroughput}, {"concurrency", measureConcurrency}}
	for _, s := range steps {
		if o.only != "" && o.only != s.name {
			continue
		}
		if err := measure(ctx, o, tmp, s.name, s.fn); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	return nil
}

// measure runs fn against a fresh server and prints its result as JSON.
func measure(ctx context.Context, o options, tmp, name string, fn func(context.Context, options, *server) (any, error)) error {
	s, err := startServer(ctx, o, tmp, name)
	if err != nil {
		return err
	}
	defer s.Stop()
	res, err := fn(ctx, o, s)
	if err != nil {
		return fmt.Errorf("%w (server log: %s)", err, s.LogPath)
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{"measurement": name, "result": res})
}
