package main

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"

	"github.com/salvehq/salve/bench/benchkit"
	"github.com/salvehq/salve/internal/salvetest/salveproc"
)

// account is the account the bench's access key id names.
const account = benchkit.Account

// bench is a running `salve serve`, clients for it and the receiver its
// webhook target points at.
type bench struct {
	server *salveproc.Process
	config *configservice.Client
	events *eventbridge.Client
	recv   *receiver
}

// openBench starts the receiver and builds Config and EventBridge clients
// for proc that retry only broken connections.
func openBench(_ context.Context, _ options, proc *salveproc.Process) (*bench, error) {
	recv, err := startReceiver()
	if err != nil {
		return nil, err
	}
	cfg := benchkit.Clients(proc.Endpoint, 16, benchkit.ConnRetries())
	return &bench{server: proc, recv: recv, config: configservice.NewFromConfig(cfg),
		events: eventbridge.NewFromConfig(cfg)}, nil
}

// Stop stops the server, then the receiver.
func (b *bench) Stop() {
	b.server.Stop()
	b.recv.Stop()
}
