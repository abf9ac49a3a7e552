package main

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/salvehq/salve/bench/benchkit"
	"github.com/salvehq/salve/internal/salvetest/salveproc"
)

// server is a running `salve serve` with an SSM client for it.
type server struct {
	*salveproc.Process
	ssm *ssm.Client
}

// openServer builds an SSM client for proc with keep-alive connections
// for every client and no retries (a throttled or failed call is an error
// of the run).
func openServer(_ context.Context, o options, proc *salveproc.Process) (*server, error) {
	cfg := benchkit.Clients(proc.Endpoint, 4*max(o.clients, o.starters), benchkit.NoRetries())
	return &server{Process: proc, ssm: ssm.NewFromConfig(cfg)}, nil
}

// memory is the server's resident set (VmRSS) and its peak (VmHWM) in MiB.
func (s *server) memory() (rss, hwm float64, err error) { return benchkit.Memory(s.Cmd.Process.Pid) }

// cpu is the CPU time (user + system) the server and this program have
// used.
func (s *server) cpu() (server, self time.Duration) { return benchkit.CPU(s.Cmd.Process.Pid) }

// dataDirMiB is the size of the server's data dir.
func (s *server) dataDirMiB() float64 { return benchkit.DirMiB(s.DataDir) }
