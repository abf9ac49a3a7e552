package main

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/salvehq/salve/bench/benchkit"
	"github.com/salvehq/salve/internal/salvetest/salveproc"
)

// account is the account the bench's access key id names.
const account = benchkit.Account

// server is a running `salve serve` with clients for it.
type server struct {
	*salveproc.Process
	config *configservice.Client
	s3     *s3.Client
}

// openServer builds Config and S3 (path-style) clients for proc with
// keep-alive connections for every client and no retries: a failed call
// is an error of the run.
func openServer(_ context.Context, o options, proc *salveproc.Process) (*server, error) {
	cfg := benchkit.Clients(proc.Endpoint, 2*max(o.clients, 1), benchkit.NoRetries())
	return &server{Process: proc, config: configservice.NewFromConfig(cfg),
		s3: s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true })}, nil
}

// memory is the server's resident set (VmRSS) and its peak (VmHWM) in MiB.
func (s *server) memory() (rss, hwm float64, err error) { return benchkit.Memory(s.Cmd.Process.Pid) }

// cpu is the CPU time (user + system) the server and this program have
// used so far.
func (s *server) cpu() (server, self time.Duration) { return benchkit.CPU(s.Cmd.Process.Pid) }

// dataDirMiB is the size of the server's data dir.
func (s *server) dataDirMiB() float64 { return benchkit.DirMiB(s.DataDir) }

// ms is d in milliseconds, rounded to 0.01.
func ms(d time.Duration) float64 {
	return float64(d.Round(10*time.Microsecond).Microseconds()) / 1000
}
