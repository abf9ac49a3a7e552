// Package salvetest starts a whole Salve server on httptest for tests and
// hands back real aws-sdk-go-v2 clients pointed at it.
package salvetest

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awscall"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/server"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// Start is the fake clock's initial time in every test server.
var Start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// Env is a running test server and clients for it.
type Env struct {
	URL    string
	Clock  *clock.Fake
	Store  store.Store
	Salve  *server.Salve
	Config *configservice.Client
	SSM    *ssm.Client
	STS    *sts.Client
}

// Options adjust Setup.
type Options struct {
	AuthMode    awsproto.AuthMode
	Credentials []awsproto.AccessKey
	// AccessKeyID and Secret sign the default clients ("AKIDSALVETEST"/"secret").
	AccessKeyID, Secret string
	// Region of the default clients (us-east-1).
	Region string
	// AWSRemote, when set, is the real endpoint (e.g. a moto_server) runbook
	// steps and scripts reach for the services Salve does not serve.
	AWSRemote *awscall.RemoteConfig
	// RunOrchestrator runs the remediation orchestrator's and the rules
	// evaluator's Run, as serve does: rules evaluate and executions start
	// and settle on their own as they are woken. Left false, nothing is
	// evaluated or remediated until the test calls env.Evaluate,
	// env.Remediate or env.RemediateOnce, so each step can be observed.
	RunOrchestrator bool
}

// Setup starts a server on a fresh SQLite store in a temporary directory.
func Setup(t testing.TB, opts ...func(*Options)) *Env {
	t.Helper()
	o := Options{AccessKeyID: "AKIDSALVETEST", Secret: "secret", Region: "us-east-1"}
	for _, f := range opts {
		f(&o)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	fake := clock.NewFake(Start)
	// The listener comes first so runbook scripts know Salve's URL.
	ts := httptest.NewUnstartedServer(nil)
	s, err := server.New(server.Params{Store: st, Clock: fake, AuthMode: o.AuthMode, Credentials: o.Credentials,
		Endpoint: "http://" + ts.Listener.Addr().String(), AWSRemote: o.AWSRemote, RemediationTick: time.Hour})
	require.NoError(t, err)
	ts.Config.Handler = s.Handler
	ts.Start()
	t.Cleanup(func() {
		ts.Close()
		require.NoError(t, st.Close())
	})
	startBackground(t, s, o.RunOrchestrator)
	env := &Env{URL: ts.URL, Clock: fake, Store: st, Salve: s}
	env.Config, env.SSM, env.STS = env.Clients(o.AccessKeyID, o.Secret, o.Region)
	return env
}

// AWSConfig returns an SDK configuration for this server signed by the
// given key in the given region. The client retries only broken
// connections (aws-sdk-go-v2 can lose a keep-alive connection under load):
// every answer the server gave is seen as it was given.
func (e *Env) AWSConfig(accessKeyID, secret, region string) aws.Config {
	return aws.Config{
		Region:       region,
		Credentials:  credentials.NewStaticCredentialsProvider(accessKeyID, secret, ""),
		BaseEndpoint: aws.String(e.URL),
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.Retryables = []retry.IsErrorRetryable{retry.RetryableConnectionError{}}
				o.RateLimiter = ratelimit.None
			})
		},
	}
}

// Clients returns Config, SSM and STS clients signed by another key or
// region (another account, for isolation tests).
func (e *Env) Clients(accessKeyID, secret, region string) (*configservice.Client, *ssm.Client, *sts.Client) {
	cfg := e.AWSConfig(accessKeyID, secret, region)
	return configservice.NewFromConfig(cfg), ssm.NewFromConfig(cfg), sts.NewFromConfig(cfg)
}

// startBackground runs the server's background services until the test
// ends (before the store closes): the Automation workers, and the
// orchestrator when orchestrate. Tests drive time with Env.Clock and
// env.Salve.Runbooks.Tick, and wait with env.Salve.Runbooks.Drain.
func startBackground(t testing.TB, s *server.Salve, orchestrate bool) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 3)
	n := 1
	go func() { done <- s.Runbooks.Run(ctx) }()
	if orchestrate {
		n += 2
		go func() { done <- s.Orchestrator.Run(ctx) }()
		go func() { done <- s.Evaluator.Run(ctx) }()
	}
	t.Cleanup(func() {
		cancel()
		for range n {
			require.NoError(t, <-done)
		}
	})
}

// Remediate drives remediation to rest at the fake clock's now: it ticks
// the orchestrator and drains the Automation workers until a tick changes
// nothing. (The orchestrator's Run is not running unless
// Options.RunOrchestrator.)
func (e *Env) Remediate(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	for range 10000 {
		require.NoError(t, e.Salve.Runbooks.Drain(ctx))
		changed, err := e.Salve.Orchestrator.Tick(ctx)
		require.NoError(t, err)
		if !changed {
			return
		}
	}
	t.Fatal("remediation did not come to rest")
}

// RemediateOnce ticks the orchestrator once and drains the Automation
// workers, for tests that observe each admission.
func (e *Env) RemediateOnce(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	_, err := e.Salve.Orchestrator.Tick(ctx)
	require.NoError(t, err)
	require.NoError(t, e.Salve.Runbooks.Drain(ctx))
}

// Evaluate runs the rules evaluator until it has nothing left to do at
// the fake clock's now: recorded changes, rule jobs, due periodic rules.
func (e *Env) Evaluate(t testing.TB) {
	t.Helper()
	_, err := e.Salve.Evaluator.Tick(context.Background())
	require.NoError(t, err)
}

// Settle evaluates, remediates and delivers until nothing is left to do:
// the whole loop (change → evaluation → remediation → change, and the
// events, function invocations and HTTP deliveries they cause) at the
// fake clock's now.
func (e *Env) Settle(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	for range 1000 {
		did, err := e.Salve.Evaluator.Tick(ctx)
		require.NoError(t, err)
		require.NoError(t, e.Salve.Runbooks.Drain(ctx))
		changed, err := e.Salve.Orchestrator.Tick(ctx)
		require.NoError(t, err)
		require.NoError(t, e.Salve.Runbooks.Drain(ctx))
		if n := e.Deliver(t); !did && !changed && n == 0 {
			return
		}
	}
	t.Fatal("the loop did not come to rest")
}

// Deliver runs what is due of the event bus, the functions' asynchronous
// invocations and the HTTP deliveries, once each, and reports how many
// items they handled.
func (e *Env) Deliver(t testing.TB) int {
	t.Helper()
	ctx := context.Background()
	n := 0
	for _, tick := range []func(context.Context) (int, error){e.Salve.Events.Tick, e.Salve.Functions.Tick, e.Salve.Deliveries.Tick} {
		m, err := tick(ctx)
		require.NoError(t, err)
		n += m
	}
	return n
}
