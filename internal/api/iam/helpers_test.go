package iam_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	apiiam "github.com/salvehq/salve/internal/api/iam"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// start is the fake clock's initial time.
var start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// trustPolicy lets EC2 assume a role.
const trustPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`

// s3Policy grants reading one bucket.
const s3Policy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::b/*"}]}`

// env is a running IAM server and a client for it.
type env struct {
	URL     string
	Handler http.Handler
	IAM     *iam.Client
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
	domain := sandbox.New(sandbox.Params{Store: st, Clock: fake, Sink: sink})
	srv := awsproto.NewServer(awsproto.ServerParams{
		Auth:  &awsproto.Authenticator{Mode: awsproto.AuthOff, Clock: clock.Real{}},
		Query: []*awsproto.QueryService{apiiam.Service(apiiam.Deps{IAM: domain})},
	})
	ts := httptest.NewServer(srv)
	t.Cleanup(func() {
		ts.Close()
		require.NoError(t, st.Close())
	})
	e := &env{URL: ts.URL, Handler: srv, Sink: sink, Clock: fake, Domain: domain}
	e.IAM = e.client("AKIDSALVETEST", "us-east-1")
	return e
}

// client returns an IAM client signed with another key (a 12-digit key is
// its account) or region.
func (e *env) client(accessKey, region string) *iam.Client {
	return iam.NewFromConfig(aws.Config{
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

// decoded URL-decodes a policy document from a response.
func decoded(t *testing.T, doc *string) string {
	t.Helper()
	require.NotNil(t, doc)
	out, err := url.QueryUnescape(*doc)
	require.NoError(t, err)
	return out
}

func createRole(t *testing.T, e *env, name string) *iam.CreateRoleOutput {
	t.Helper()
	out, err := e.IAM.CreateRole(context.Background(), &iam.CreateRoleInput{
		RoleName: aws.String(name), AssumeRolePolicyDocument: aws.String(trustPolicy)})
	require.NoError(t, err)
	return out
}

func createPolicy(t *testing.T, e *env, name string) string {
	t.Helper()
	out, err := e.IAM.CreatePolicy(context.Background(), &iam.CreatePolicyInput{
		PolicyName: aws.String(name), PolicyDocument: aws.String(s3Policy)})
	require.NoError(t, err)
	return *out.Policy.Arn
}
