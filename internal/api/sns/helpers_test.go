package sns_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	apisns "github.com/salvehq/salve/internal/api/sns"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/delivery"
	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/sqlite"
	"github.com/salvehq/salve/internal/tenant"
)

// start is the fake clock's initial time.
var start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// home is the default clients' account and region.
var home = tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}

// env is a running SNS server and a client for it.
type env struct {
	URL        string
	Handler    http.Handler
	SNS        *sns.Client
	Sink       *configitem.Collect
	Clock      *clock.Fake
	Domain     *sandbox.Service
	Deliveries *delivery.Service
	Functions  *functions
}

func setup(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	sink := &configitem.Collect{}
	fake := clock.NewFake(start)
	// The listener comes first: messages carry URLs on Salve's endpoint.
	ts := httptest.NewUnstartedServer(nil)
	deliveries := delivery.New(delivery.Params{Store: st, Clock: fake})
	fns := &functions{}
	domain := sandbox.New(sandbox.Params{Store: st, Clock: fake, Sink: sink, MaxDeliveries: 5,
		Endpoint: "http://" + ts.Listener.Addr().String(), Deliveries: deliveries, Functions: fns})
	srv := awsproto.NewServer(awsproto.ServerParams{
		Auth:  &awsproto.Authenticator{Mode: awsproto.AuthOff, Clock: clock.Real{}},
		Query: []*awsproto.QueryService{apisns.Service(apisns.Deps{SNS: domain})},
		Salve: apisns.SalveHandlers(apisns.SalveDeps{SNS: domain, Deliveries: deliveries}),
	})
	ts.Config.Handler = srv
	ts.Start()
	t.Cleanup(func() {
		ts.Close()
		require.NoError(t, st.Close())
	})
	e := &env{URL: ts.URL, Handler: srv, Sink: sink, Clock: fake, Domain: domain, Deliveries: deliveries, Functions: fns}
	e.SNS = e.client("AKIDSALVETEST", "us-east-1")
	return e
}

// client returns an SNS client signed with another key (a 12-digit key is
// its account) or region.
func (e *env) client(accessKey, region string) *sns.Client {
	return sns.NewFromConfig(aws.Config{
		Region:       region,
		Credentials:  credentials.NewStaticCredentialsProvider(accessKey, "secret", ""),
		BaseEndpoint: aws.String(e.URL),
		Retryer:      func() aws.Retryer { return aws.NopRetryer{} },
	})
}

// requireCode asserts err is the AWS error code.
func requireCode(t *testing.T, err error, code string) {
	t.Helper()
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae), "want %s, got %v", code, err)
	require.Equal(t, code, ae.ErrorCode(), ae.ErrorMessage())
}

func createTopic(t *testing.T, e *env, name string, attrs map[string]string) string {
	t.Helper()
	out, err := e.SNS.CreateTopic(context.Background(), &sns.CreateTopicInput{Name: aws.String(name), Attributes: attrs})
	require.NoError(t, err)
	return *out.TopicArn
}

// functions is a sandbox.Functions that keeps the invocations.
type functions struct {
	mu      sync.Mutex
	invoked []invocation
	woken   int
}

// invocation is one InvokeAsync call.
type invocation struct {
	Scope    tenant.Scope
	Function string
	Payload  string
}

// InvokeAsync implements sandbox.Functions.
func (f *functions) InvokeAsync(_ store.Tx, scope tenant.Scope, arn string, payload []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.invoked = append(f.invoked, invocation{Scope: scope, Function: arn, Payload: string(payload)})
	return nil
}

// Wake implements sandbox.Functions.
func (f *functions) Wake() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.woken++
}

func (f *functions) invocations() []invocation {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]invocation(nil), f.invoked...)
}

// deliver runs the delivery workers once and asserts how many POSTs they
// made.
func (e *env) deliver(t *testing.T, posts int) {
	t.Helper()
	n, err := e.Deliveries.Tick(context.Background())
	require.NoError(t, err)
	require.Equal(t, posts, n, "POSTs made")
}
