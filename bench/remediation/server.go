package main

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/salvehq/salve/bench/benchkit"
	"github.com/salvehq/salve/internal/salvetest/salveproc"
)

// account is the account the bench's access key id names.
const account = benchkit.Account

// server is a running `salve serve` with clients for it.
type server struct {
	*salveproc.Process
	config *configservice.Client
	ssm    *ssm.Client
}

// openServer builds Config and SSM clients for proc that retry only
// broken connections.
func openServer(_ context.Context, _ options, proc *salveproc.Process) (*server, error) {
	cfg := benchkit.Clients(proc.Endpoint, 64, benchkit.ConnRetries())
	return &server{Process: proc, config: configservice.NewFromConfig(cfg), ssm: ssm.NewFromConfig(cfg)}, nil
}
