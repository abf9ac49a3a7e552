package s3_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	s3api "github.com/salvehq/salve/internal/api/s3"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	sandbox "github.com/salvehq/salve/internal/sandbox/s3"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// The accounts of the tests: a 12-digit access key is the account.
const (
	account = "111122223333"
	other   = "444455556666"
)

var start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// env is a running S3 sandbox and what a test needs to drive it.
type env struct {
	url   string
	clock *clock.Fake
	sink  *configitem.Collect
	svc   *sandbox.Service
	// s3 is a us-east-1 client of account.
	s3 *s3.Client

	mu sync.Mutex
	// requests are the requests served: "host method uri".
	requests []string
}

// served returns the requests served so far.
func (e *env) served() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.requests)
}

// setup starts the S3 service on httptest over a fresh SQLite store.
func setup(t *testing.T, mode ...awsproto.AuthMode) *env {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	e := &env{clock: clock.NewFake(start), sink: &configitem.Collect{}}
	e.svc = sandbox.New(sandbox.Params{Store: st, Clock: e.clock, Sink: e.sink})
	auth := &awsproto.Authenticator{Mode: awsproto.AuthOff, Clock: clock.Real{}}
	if len(mode) > 0 && mode[0] == awsproto.AuthSigV4 {
		auth = &awsproto.Authenticator{Mode: awsproto.AuthSigV4, Clock: clock.Real{},
			Credentials: map[string]awsproto.AccessKey{"AKIDS3TEST": {AccessKeyID: "AKIDS3TEST", SecretAccessKey: "secret", AccountID: account}}}
	}
	srv := awsproto.NewServer(awsproto.ServerParams{Auth: auth,
		REST: []*awsproto.RESTService{s3api.Service(s3api.Deps{S3: e.svc})}})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.mu.Lock()
		e.requests = append(e.requests, r.Host+" "+r.Method+" "+r.URL.RequestURI())
		e.mu.Unlock()
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		ts.Close()
		require.NoError(t, st.Close())
	})
	e.url = ts.URL
	e.s3 = e.client(account, "us-east-1")
	return e
}

// client returns a path-style S3 client signed by an account's key in a
// region.
func (e *env) client(accessKey, region string) *s3.Client {
	return e.signedClient(accessKey, "secret", region)
}

func (e *env) signedClient(accessKey, secret, region string) *s3.Client {
	return s3.New(s3.Options{
		Region: region, BaseEndpoint: aws.String(e.url), UsePathStyle: true,
		Credentials: credentials.NewStaticCredentialsProvider(accessKey, secret, ""),
		Retryer:     aws.NopRetryer{},
	})
}

// createBucket creates a bucket in us-east-1.
func (e *env) createBucket(t *testing.T, name string) {
	t.Helper()
	_, err := e.s3.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(name)})
	require.NoError(t, err)
}

// requireCode asserts err is an AWS error with code.
func requireCode(t *testing.T, err error, code string) {
	t.Helper()
	var ae smithy.APIError
	require.Error(t, err)
	require.True(t, errors.As(err, &ae), "not an API error: %v", err)
	require.Equal(t, code, ae.ErrorCode(), "message: %s", ae.ErrorMessage())
}

// lastItem returns the last item recorded for a bucket.
func (e *env) lastItem(t *testing.T, name string) *configitem.Item {
	t.Helper()
	it := e.sink.Last(sandbox.ResourceType, name)
	require.NotNil(t, it, "no item recorded for %s", name)
	return it
}
