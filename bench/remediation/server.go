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
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/salvehq/salve/internal/salvetest/salveproc"
)

// account is the account the bench's access key id names.
const account = "123456789012"

// server is a running `salve serve` with clients for it.
type server struct {
	*salveproc.Process
	config *configservice.Client
	ssm    *ssm.Client
}

// startServer starts salve on a free port and a fresh data dir under tmp
// and waits until it answers its health check.
func startServer(ctx context.Context, o options, tmp, name string) (*server, error) {
	proc, err := salveproc.Start(ctx, salveproc.Params{Bin: o.salve, LogLevel: o.logLevel,
		DataDir: filepath.Join(tmp, name+"-data"), LogPath: filepath.Join(tmp, name+".log")})
	if err != nil {
		return nil, err
	}
	s := &server{Process: proc}
	s.config, s.ssm = newClients(s.Endpoint)
	return s, nil
}

// newClients are Config and SSM clients for endpoint. They retry only
// broken connections (a keep-alive connection the server closed as the
// request went out); every answer the server gave is taken as given.
func newClients(endpoint string) (*configservice.Client, *ssm.Client) {
	retryer := retry.NewStandard(func(o *retry.StandardOptions) {
		o.Retryables = []retry.IsErrorRetryable{retry.RetryableConnectionError{}}
		o.RateLimiter = ratelimit.None
	})
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = 64, 64
	hc := &http.Client{Transport: tr}
	creds := credentials.NewStaticCredentialsProvider(account, "secret", "")
	cfg := configservice.New(configservice.Options{Region: "us-east-1", BaseEndpoint: aws.String(endpoint),
		Credentials: creds, HTTPClient: hc, Retryer: retryer})
	sm := ssm.New(ssm.Options{Region: "us-east-1", BaseEndpoint: aws.String(endpoint),
		Credentials: creds, HTTPClient: hc, Retryer: retryer})
	return cfg, sm
}
