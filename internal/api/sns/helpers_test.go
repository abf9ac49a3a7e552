package sns_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
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
	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
	"github.com/salvehq/salve/internal/store/sqlite"
	"github.com/salvehq/salve/internal/tenant"
)

// start is the fake clock's initial time.
var start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// home is the default clients' account and region.
var home = tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}

// env is a running SNS server and a client for it.
type env struct {
	URL     string
	Handler http.Handler
	SNS     *sns.Client
	Sink    *configitem.Collect
	Clock   *clock.Fake
	Domain  *sandbox.Service
}

func setup(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	sink := &configitem.Collect{}
	fake := clock.NewFake(start)
	domain := sandbox.New(sandbox.Params{Store: st, Clock: fake, Sink: sink, MaxDeliveries: 5})
	srv := awsproto.NewServer(awsproto.ServerParams{
		Auth:  &awsproto.Authenticator{Mode: awsproto.AuthOff, Clock: clock.Real{}},
		Query: []*awsproto.QueryService{apisns.Service(apisns.Deps{SNS: domain})},
	})
	ts := httptest.NewServer(srv)
	t.Cleanup(func() {
		ts.Close()
		require.NoError(t, st.Close())
	})
	e := &env{URL: ts.URL, Handler: srv, Sink: sink, Clock: fake, Domain: domain}
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
