// Command loadgen drives a Config/SSM endpoint (Salve or a peer such as
// moto) with SigV4-signed JSON 1.1 requests at a fixed number of
// connections for a fixed time and reports throughput and latency.
//
//	loadgen -endpoint http://127.0.0.1:4580 -seed                 # create what reads need
//	loadgen -endpoint http://127.0.0.1:4580 -mix read -c 64 -duration 10s -server salve
//	loadgen -report results.jsonl                                  # markdown tables
//
// Each run prints a table line on stderr and one JSON object on stdout.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"
)

func main() {
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

// options are the command-line settings.
type options struct {
	endpoint    string
	server      string
	mix         string
	connections int
	duration    time.Duration
	warmup      time.Duration
	region      string
	accessKey   string
	seed        bool
	report      string
	serverPID   int
}

func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.StringVar(&o.endpoint, "endpoint", "http://127.0.0.1:4580", "endpoint URL")
	fs.StringVar(&o.server, "server", "salve", "label of the server in the results")
	fs.StringVar(&o.mix, "mix", "read", "read | write | mixed")
	fs.IntVar(&o.connections, "c", 16, "concurrent connections (one request in flight each)")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "measured duration")
	fs.DurationVar(&o.warmup, "warmup", time.Second, "unmeasured warm-up before the measurement")
	fs.StringVar(&o.region, "region", "us-east-1", "signing region")
	fs.StringVar(&o.accessKey, "access-key", "123456789012", "access key id (Salve: a 12-digit key is the account)")
	fs.BoolVar(&o.seed, "seed", false, "create the rules and documents the reads need, then exit")
	fs.StringVar(&o.report, "report", "", "print markdown tables from a JSON-lines results file, then exit")
	fs.IntVar(&o.serverPID, "server-pid", 0, "process id of the server, to report the CPU it used (Linux)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.connections < 1 {
		return o, fmt.Errorf("-c %d: need at least one connection", o.connections)
	}
	if _, ok := mixes[o.mix]; !ok && !o.seed && o.report == "" {
		return o, fmt.Errorf("-mix %q: want read, write or mixed", o.mix)
	}
	return o, nil
}

func run(ctx context.Context, args []string) error {
	o, err := parseFlags(args)
	if err != nil {
		return err
	}
	if o.report != "" {
		return writeReport(os.Stdout, o.report)
	}
	c := newClient(o.endpoint, o.region, o.accessKey, o.connections)
	if o.seed {
		return seed(ctx, c)
	}
	res, err := load(ctx, c, o)
	if err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, res.line())
	return json.NewEncoder(os.Stdout).Encode(res)
}
