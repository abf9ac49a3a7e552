package securityhub_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdk "github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/securityhub/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	shapi "github.com/salvehq/salve/internal/api/securityhub"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/rules"
	shdomain "github.com/salvehq/salve/internal/securityhub"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/sqlite"
	"github.com/salvehq/salve/internal/tenant"
)

// start is the fake clock's initial time.
var start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

const (
	account = "123456789012"
	other   = "111122223333"
	region  = "us-east-1"
)

var scope = tenant.Scope{AccountID: account, Region: region}

// env is a Security Hub server on a fresh SQLite store, fed by Config
// rules in process, and a client of the default account in us-east-1.
type env struct {
	url   string
	clock *clock.Fake
	store store.Store
	rules *rules.Service
	hub   *shdomain.Service
	sh    *sdk.Client
}

func setup(t *testing.T, opts ...func(*shdomain.Params)) *env {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	e := &env{clock: clock.NewFake(start), store: st}
	p := shdomain.Params{Store: st, Clock: e.clock}
	for _, o := range opts {
		o(&p)
	}
	e.hub = shdomain.New(p)
	e.rules = rules.New(rules.Params{Store: st, Clock: e.clock})
	e.rules.OnEvaluationChangeTx(e.hub.OnEvaluationChange)
	e.rules.OnRuleEvent(e.hub.RuleHook, nil)
	srv := awsproto.NewServer(awsproto.ServerParams{
		Auth: &awsproto.Authenticator{Mode: awsproto.AuthOff, Clock: clock.Real{}},
		REST: []*awsproto.RESTService{shapi.Service(shapi.Deps{Hub: e.hub})},
	})
	ts := httptest.NewServer(srv)
	t.Cleanup(func() {
		ts.Close()
		require.NoError(t, st.Close())
	})
	e.url = ts.URL
	e.sh = e.client(account, region)
	return e
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

// putRule creates a Config rule in the default scope.
func (e *env) putRule(t *testing.T, name string) *rules.Rule {
	t.Helper()
	require.NoError(t, e.rules.PutRule(context.Background(), scope, rules.PutRuleParams{Rule: rules.Rule{Name: name,
		Source: rules.Source{Owner: rules.OwnerAWS, SourceIdentifier: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"}}}))
	var r *rules.Rule
	require.NoError(t, e.store.View(context.Background(), func(tx store.Tx) error {
		var err error
		r, err = rules.GetRule(tx, scope, name)
		return err
	}))
	return r
}

// evaluate records a rule's result for a bucket, a second after the last.
func (e *env) evaluate(t *testing.T, rule, bucket, compliance string) {
	t.Helper()
	e.clock.Advance(time.Second)
	require.NoError(t, e.rules.PutEvaluations(context.Background(), scope, rules.PutEvaluationsParams{ResultToken: rule,
		Evaluations: []rules.Evaluation{{ResourceType: "AWS::S3::Bucket", ResourceID: bucket,
			ComplianceType: compliance, OrderingTimestamp: e.clock.Now()}}}))
}

// findings returns the findings passing filters (nil for all).
func (e *env) findings(t *testing.T, filters *types.AwsSecurityFindingFilters) []types.AwsSecurityFinding {
	t.Helper()
	out, err := e.sh.GetFindings(context.Background(), &sdk.GetFindingsInput{Filters: filters})
	require.NoError(t, err)
	return out.Findings
}

// eq is an EQUALS string filter.
func eq(v string) []types.StringFilter {
	return []types.StringFilter{{Value: aws.String(v), Comparison: types.StringFilterComparisonEquals}}
}

// custom returns a valid finding of the default account's own product.
func custom(id string) types.AwsSecurityFinding {
	return types.AwsSecurityFinding{
		SchemaVersion: aws.String("2018-10-08"), Id: aws.String(id),
		ProductArn:  aws.String("arn:aws:securityhub:us-east-1:" + account + ":product/" + account + "/default"),
		GeneratorId: aws.String("my-scanner"), AwsAccountId: aws.String(account),
		Types:     []string{"Software and Configuration Checks/Vulnerabilities/CVE"},
		CreatedAt: aws.String("2026-11-01T10:00:00Z"), UpdatedAt: aws.String("2026-11-01T10:00:00Z"),
		Severity: &types.Severity{Label: types.SeverityLabelHigh}, Title: aws.String("Title " + id),
		Description: aws.String("Description of " + id),
		Resources:   []types.Resource{{Type: aws.String("AwsS3Bucket"), Id: aws.String("arn:aws:s3:::bucket-" + id)}},
	}
}

// importAll imports findings and requires every one to succeed.
func (e *env) importAll(t *testing.T, fs ...types.AwsSecurityFinding) {
	t.Helper()
	out, err := e.sh.BatchImportFindings(context.Background(), &sdk.BatchImportFindingsInput{Findings: fs})
	require.NoError(t, err)
	require.Empty(t, out.FailedFindings)
	require.Equal(t, int32(len(fs)), aws.ToInt32(out.SuccessCount))
}

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
	header http.Header
	body   map[string]any
}

// raw sends body to a Security Hub route as-is, signed for securityhub
// (the default account in us-east-1): for requests the SDK refuses to send.
func (e *env) raw(t *testing.T, method, path, body string) rawResponse {
	t.Helper()
	req, err := http.NewRequest(method, e.url+path, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+account+"/20261101/us-east-1/securityhub/aws4_request, SignedHeaders=host, Signature=0")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	out := rawResponse{status: resp.StatusCode, header: resp.Header}
	require.NoError(t, json.Unmarshal(b, &out.body), string(b))
	return out
}
