// Command evaluation measures issue 5's sandbox, recorder and managed
// rules through the real `salve serve` binary and aws-sdk-go-v2 clients:
//
//   - flow: the managed rule S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED with
//     the automatic remediation AWS-ConfigureS3BucketEncryption (as
//     `salve demo` puts them); then -flow times in a row: CreateBucket of a
//     new bucket without default encryption, and
//     GetComplianceDetailsByResource every -poll until the rule reports it
//     COMPLIANT after having reported it NON_COMPLIANT (or COMPLIANT with
//     a SUCCEEDED remediation, when the polls missed NON_COMPLIANT);
//     p50/p99/max of CreateBucket → COMPLIANT, and where the time went
//     (the server's timestamps of each result and of the remediation);
//   - rss: -items PutResourceConfig calls of a custom type (a ~300-byte
//     Configuration each) from -clients concurrent clients; the server's
//     VmRSS and VmHWM afterwards, the data dir's size and items/s.
//
// The throughput of the evaluator itself is measured in process by the
// benchmarks of this package (go test -bench).
//
// Each measurement gets a fresh server on a fresh data dir; run it from
// the repository root:
//
//	go run ./bench/evaluation
//	go run ./bench/evaluation -only rss -items 200000
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

func main() { benchkit.Main("evaluation", run) }

// options are the command-line settings.
type options struct {
	salve    string
	logLevel string
	only     string
	flow     int
	poll     time.Duration
	timeout  time.Duration
	items    int
	clients  int
	keep     bool
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("evaluation", flag.ContinueOnError)
	fs.StringVar(&o.salve, "salve", "", "salve binary (default: go build ./cmd/salve into a temp dir)")
	fs.StringVar(&o.logLevel, "log-level", "warn", "salve --log-level")
	fs.StringVar(&o.only, "only", "", "flow | rss (default both)")
	fs.IntVar(&o.flow, "flow", 50, "buckets of the flow measurement, one after the other")
	fs.DurationVar(&o.poll, "poll", time.Millisecond, "pause between GetComplianceDetailsByResource calls")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Second, "how long one bucket may take to become COMPLIANT")
	fs.IntVar(&o.items, "items", 1000000, "configuration items of the rss measurement")
	fs.IntVar(&o.clients, "clients", 32, "concurrent PutResourceConfig clients of the rss measurement")
	fs.BoolVar(&o.keep, "keep", false, "keep the data dirs and server logs (their directory is printed on stderr)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	switch o.only {
	case "", "flow", "rss":
		return o, nil
	}
	return o, fmt.Errorf("-only %q: want flow or rss", o.only)
}

func run(ctx context.Context, args []string) error {
	o, err := parseFlags(args)
	if err != nil {
		return err
	}
	return benchkit.Run(ctx, benchkit.Params{Salve: o.salve, LogLevel: o.logLevel, Only: o.only,
		TempPattern: "salve-bench-evaluation-", Keep: o.keep, KeptNote: "evaluation: data dirs and logs kept in"},
		o, openServer,
		benchkit.Step[options, *server]{Name: "flow", Run: measureFlow},
		benchkit.Step[options, *server]{Name: "rss", Run: measureRSS})
}
