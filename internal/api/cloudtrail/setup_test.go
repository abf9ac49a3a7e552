package cloudtrail_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	ctapi "github.com/salvehq/salve/internal/api/cloudtrail"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	ctdomain "github.com/salvehq/salve/internal/sandbox/cloudtrail"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// start is the fake clock's initial time.
var start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

const (
	account = "123456789012"
	other   = "111122223333"
	bucket  = "trail-bucket"
	topic   = "trail-topic"
)

// env is a CloudTrail server on a fresh SQLite store and a client of the
// default account in us-east-1.
type env struct {
	url   string
	clock *clock.Fake
	sink  *configitem.Collect
	ct    *sdk.Client

	mu      sync.Mutex
	buckets map[string]bool
}

type options struct {
	maxTrails int
}

func setup(t *testing.T, opts ...func(*options)) *env {
	t.Helper()
	var o options
	for _, f := range opts {
		f(&o)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	e := &env{clock: clock.NewFake(start), sink: &configitem.Collect{},
		buckets: map[string]bool{account + "/" + bucket: true, account + "/other-bucket": true, other + "/" + bucket: true}}
	svc := ctdomain.New(ctdomain.Params{Store: st, Clock: e.clock, Sink: e.sink, BucketExists: e.bucketExists,
		TopicExists: e.topicExists, MaxTrailsPerRegion: o.maxTrails})
	srv := awsproto.NewServer(awsproto.ServerParams{
		Auth: &awsproto.Authenticator{Mode: awsproto.AuthOff, Clock: clock.Real{}},
		JSON: []*awsproto.JSONService{ctapi.Service(ctapi.Deps{Trails: svc})},
	})
	ts := httptest.NewServer(srv)
	t.Cleanup(func() {
		ts.Close()
		require.NoError(t, st.Close())
	})
	e.url = ts.URL
	e.ct = e.client(account, "us-east-1")
	return e
}

func (e *env) bucketExists(_ context.Context, accountID, name string) (bool, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.buckets[accountID+"/"+name], nil
}

func (e *env) topicExists(_ context.Context, arn string) (bool, error) {
	return arn == "arn:aws:sns:us-east-1:"+account+":"+topic, nil
}

// client returns a client of the account (its access key is the account
// id, which Salve takes as the account) in region.
func (e *env) client(accountID, region string) *sdk.Client {
	return sdk.NewFromConfig(aws.Config{
		Region:       region,
		Credentials:  credentials.NewStaticCredentialsProvider(accountID, "secret", ""),
		BaseEndpoint: aws.String(e.url),
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.Retryables = []retry.IsErrorRetryable{retry.RetryableConnectionError{}}
				o.RateLimiter = ratelimit.None
			})
		},
	})
}

// createTrail creates a trail writing to the default bucket.
func createTrail(t *testing.T, c *sdk.Client, name string, mutate ...func(*sdk.CreateTrailInput)) *sdk.CreateTrailOutput {
	t.Helper()
	in := &sdk.CreateTrailInput{Name: aws.String(name), S3BucketName: aws.String(bucket)}
	for _, m := range mutate {
		m(in)
	}
	out, err := c.CreateTrail(context.Background(), in)
	require.NoError(t, err)
	return out
}

func multiRegion(in *sdk.CreateTrailInput) { in.IsMultiRegionTrail = aws.Bool(true) }

// requireCode asserts err is the AWS error code.
func requireCode(t *testing.T, err error, code string) {
	t.Helper()
	require.Error(t, err)
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae), "not an API error: %v", err)
	require.Equal(t, code, ae.ErrorCode(), ae.ErrorMessage())
}

// rawResponse is the answer to a request sent without an SDK.
type rawResponse struct {
	status int
	body   map[string]any
	code   string
}

// raw posts body to a CloudTrail operation as-is, unsigned (the default
// account in us-east-1), under the X-Amz-Target prefix given — for requests
// the SDKs refuse to send, and for botocore's prefix.
func (e *env) raw(t *testing.T, prefix, op, body string) rawResponse {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.url+"/", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("X-Amz-Target", prefix+"."+op)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	out := rawResponse{status: resp.StatusCode, code: resp.Header.Get("X-Amzn-ErrorType")}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out.body))
	return out
}

func arnOf(region, accountID, name string) string {
	return "arn:aws:cloudtrail:" + region + ":" + accountID + ":trail/" + name
}
