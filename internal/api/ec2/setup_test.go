package ec2_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	ec2api "github.com/salvehq/salve/internal/api/ec2"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// start is the fake clock's initial time.
var start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// env is a test server with an EC2 client for it.
type env struct {
	URL   string
	EC2   *ec2.Client
	Clock *clock.Fake
	Items *configitem.Collect
}

// setup starts the EC2 service over a fresh SQLite store.
func setup(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	fake := clock.NewFake(start)
	items := &configitem.Collect{}
	svc := sandbox.New(sandbox.Params{Store: st, Clock: fake, Sink: items})
	srv := awsproto.NewServer(awsproto.ServerParams{
		Auth:  &awsproto.Authenticator{Mode: awsproto.AuthOff, Clock: clock.Real{}},
		Query: []*awsproto.QueryService{ec2api.Service(ec2api.Deps{EC2: svc})},
	})
	ts := httptest.NewServer(srv)
	t.Cleanup(func() {
		ts.Close()
		require.NoError(t, st.Close())
	})
	e := &env{URL: ts.URL, Clock: fake, Items: items}
	e.EC2 = e.client("123456789012", "us-east-1")
	return e
}

// client returns an EC2 client signed by a 12-digit key (the account).
func (e *env) client(account, region string) *ec2.Client {
	return ec2.NewFromConfig(aws.Config{
		Region:       region,
		Credentials:  credentials.NewStaticCredentialsProvider(account, "secret", ""),
		BaseEndpoint: aws.String(e.URL),
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.Retryables = []retry.IsErrorRetryable{retry.RetryableConnectionError{}}
				o.RateLimiter = ratelimit.None
			})
		},
	})
}

// requireCode asserts err is the AWS error code.
func requireCode(t *testing.T, err error, code string) {
	t.Helper()
	var ae smithy.APIError
	require.Error(t, err)
	require.True(t, errors.As(err, &ae), "not an API error: %v", err)
	require.Equal(t, code, ae.ErrorCode(), ae.ErrorMessage())
}
