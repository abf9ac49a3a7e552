package main

import (
	"context"
	"net/http"
	"path/filepath"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"

	"github.com/salvehq/salve/internal/salvetest/salveproc"
)

// account is the account the bench's access key id names.
const account = "123456789012"

// bench is a running `salve serve`, clients for it and the receiver its
// webhook target points at.
type bench struct {
	server *salveproc.Process
	config *configservice.Client
	events *eventbridge.Client
	recv   *receiver
}

// startBench starts the receiver, and salve on a free port and a fresh
// data dir under tmp, and waits until salve answers its health check.
func startBench(ctx context.Context, o options, tmp, name string) (*bench, error) {
	recv, err := startReceiver()
	if err != nil {
		return nil, err
	}
	proc, err := salveproc.Start(ctx, salveproc.Params{Bin: o.salve, LogLevel: o.logLevel,
		DataDir: filepath.Join(tmp, name+"-data"), LogPath: filepath.Join(tmp, name+".log")})
	if err != nil {
		recv.Stop()
		return nil, err
	}
	b := &bench{server: proc, recv: recv}
	b.config, b.events = newClients(proc.Endpoint)
	return b, nil
}

// Stop stops the server, then the receiver.
func (b *bench) Stop() {
	b.server.Stop()
	b.recv.Stop()
}

// newClients are Config and EventBridge clients for endpoint. They retry
// only broken connections (a keep-alive connection the server closed as
// the request went out); every answer the server gave is taken as given.
func newClients(endpoint string) (*configservice.Client, *eventbridge.Client) {
	retryer := retry.NewStandard(func(o *retry.StandardOptions) {
		o.Retryables = []retry.IsErrorRetryable{retry.RetryableConnectionError{}}
		o.RateLimiter = ratelimit.None
	})
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = 16, 16
	hc := &http.Client{Transport: tr}
	creds := credentials.NewStaticCredentialsProvider(account, "secret", "")
	cfg := configservice.New(configservice.Options{Region: "us-east-1", BaseEndpoint: aws.String(endpoint),
		Credentials: creds, HTTPClient: hc, Retryer: retryer})
	eb := eventbridge.New(eventbridge.Options{Region: "us-east-1", BaseEndpoint: aws.String(endpoint),
		Credentials: creds, HTTPClient: hc, Retryer: retryer})
	return cfg, eb
}
