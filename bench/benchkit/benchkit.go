// Package benchkit is the driver the benchmark programs under bench/ share:
// a fresh `salve serve` per measurement on a fresh data dir under one temp
// dir, one JSON object per measurement on stdout, aws-sdk-go-v2 client
// settings for the server, /proc readings of its memory and CPU, and the
// percentile and millisecond helpers of their results.
package benchkit

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/salvehq/salve/internal/salvetest/salveproc"
)

// Main runs run with the command line's arguments; when it fails, Main
// prints "name: error" on stderr and exits with status 1.
func Main(name string, run func(context.Context, []string) error) {
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, name+":", err)
		os.Exit(1)
	}
}

// Params configure Run.
type Params struct {
	// Salve is the salve binary; when empty, Run builds cmd/salve into
	// the temp dir (which needs the repository root as working dir).
	Salve string
	// LogLevel is each server's --log-level.
	LogLevel string
	// Only names the one step to run; every step runs when it is empty.
	Only string
	// TempPattern is the os.MkdirTemp pattern of the temp dir.
	TempPattern string
	// Keep keeps the temp dir; KeptNote, then its path, is printed on
	// stderr before the first measurement.
	Keep     bool
	KeptNote string
	// KeepOnFailure keeps the temp dir, for its server logs, when a
	// measurement fails.
	KeepOnFailure bool
	// Bare prints each result as it is instead of
	// {"measurement": name, "result": result}.
	Bare bool
}

// Server is what a program builds around a started salve process; Stop
// stops it and the process.
type Server interface {
	Stop()
}

// Step is one measurement: Run measures against a fresh server and
// returns the result to print.
type Step[O any, S Server] struct {
	Name string
	Run  func(context.Context, O, S) (any, error)
}

// Opener builds a program's server around a started salve process.
type Opener[O any, S Server] func(context.Context, O, *salveproc.Process) (S, error)

// Run makes the temp dir, builds salve unless p.Salve is set, and runs
// each selected step against a fresh server made by open, printing its
// result; a failure reads "step: error (server log: path)".
func Run[O any, S Server](ctx context.Context, p Params, o O, open Opener[O, S], steps ...Step[O, S]) (err error) {
	tmp, err := os.MkdirTemp("", p.TempPattern)
	if err != nil {
		return err
	}
	defer func() { err = cleanup(p, tmp, err) }()
	if p.Keep {
		fmt.Fprintln(os.Stderr, p.KeptNote, tmp)
	}
	if p.Salve == "" {
		if p.Salve, err = salveproc.Build(ctx, tmp); err != nil {
			return err
		}
	}
	for _, s := range steps {
		if p.Only != "" && p.Only != s.Name {
			continue
		}
		if err := measure(ctx, p, tmp, o, open, s); err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
	}
	return nil
}

// cleanup removes the temp dir unless p keeps it, and returns err or the
// removal's error.
func cleanup(p Params, tmp string, err error) error {
	if p.Keep || (err != nil && p.KeepOnFailure) {
		return err
	}
	if rmErr := os.RemoveAll(tmp); err == nil {
		return rmErr
	}
	return err
}

// measure runs s against a fresh server and prints its result.
func measure[O any, S Server](ctx context.Context, p Params, tmp string, o O, open Opener[O, S], s Step[O, S]) error {
	proc, err := Start(ctx, p.Salve, p.LogLevel, tmp, s.Name)
	if err != nil {
		return err
	}
	srv, err := open(ctx, o, proc)
	if err != nil {
		proc.Stop()
		return err
	}
	defer srv.Stop()
	res, err := s.Run(ctx, o, srv)
	if err != nil {
		return fmt.Errorf("%w (server log: %s)", err, proc.LogPath)
	}
	return Print(p.Bare, s.Name, res)
}

// Start starts `salve serve` from bin on a free port, with the data dir
// tmp/name-data and the log tmp/name.log, and waits until it is healthy.
func Start(ctx context.Context, bin, logLevel, tmp, name string) (*salveproc.Process, error) {
	return salveproc.Start(ctx, salveproc.Params{Bin: bin, LogLevel: logLevel,
		DataDir: filepath.Join(tmp, name+"-data"), LogPath: filepath.Join(tmp, name+".log")})
}

// Summarizer is a result with a human summary, which Print writes on
// stderr.
type Summarizer interface {
	Summary() string
}

// Print writes res as one JSON line on stdout: as it is when bare,
// otherwise as {"measurement": name, "result": res}.
func Print(bare bool, name string, res any) error {
	if s, ok := res.(Summarizer); ok {
		fmt.Fprintln(os.Stderr, s.Summary())
	}
	if bare {
		return json.NewEncoder(os.Stdout).Encode(res)
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{"measurement": name, "result": res})
}
