package events_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	apievents "github.com/salvehq/salve/internal/api/events"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/events/eventstest"
	"github.com/salvehq/salve/internal/store/sqlite"
	"github.com/salvehq/salve/internal/tenant"
)

// start is the fake clock's initial time.
var start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// home is the default client's account and region.
var home = tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}

// Target ARNs of the fakes.
const (
	lambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:fix-bucket"
	topicARN  = "arn:aws:sns:us-east-1:123456789012:alerts"
)

// env is a running EventBridge server with fake deliverers.
type env struct {
	URL       string
	EB        *eventbridge.Client
	Domain    *events.Service
	Sink      *configitem.Collect
	Clock     *clock.Fake
	Functions *eventstest.Functions
	SNS       *eventstest.SNS
	HTTP      *eventstest.HTTP
}

func setup(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	e := &env{Sink: &configitem.Collect{}, Clock: clock.NewFake(start), Functions: &eventstest.Functions{},
		SNS: &eventstest.SNS{}, HTTP: &eventstest.HTTP{}}
	e.Domain = events.New(events.Params{Store: st, Clock: e.Clock, Sink: e.Sink, Functions: e.Functions,
		SNS: e.SNS, HTTP: e.HTTP})
	srv := awsproto.NewServer(awsproto.ServerParams{
		Auth: &awsproto.Authenticator{Mode: awsproto.AuthOff, Clock: clock.Real{}},
		JSON: []*awsproto.JSONService{apievents.Service(apievents.Deps{Events: e.Domain})},
	})
	ts := httptest.NewServer(srv)
	t.Cleanup(func() {
		ts.Close()
		require.NoError(t, st.Close())
	})
	e.URL = ts.URL
	e.EB = e.client("AKIDSALVETEST", "us-east-1")
	return e
}

// client returns a client signed with another key (a 12-digit key is its
// account) or region.
func (e *env) client(accessKey, region string) *eventbridge.Client {
	return eventbridge.NewFromConfig(aws.Config{
		Region:       region,
		Credentials:  credentials.NewStaticCredentialsProvider(accessKey, "secret", ""),
		BaseEndpoint: aws.String(e.URL),
		Retryer:      func() aws.Retryer { return aws.NopRetryer{} },
	})
}

// requireCode asserts err is the AWS error code and returns its message.
func requireCode(t *testing.T, err error, code string) string {
	t.Helper()
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae), "want %s, got %v", code, err)
	require.Equal(t, code, ae.ErrorCode(), ae.ErrorMessage())
	return ae.ErrorMessage()
}

// putRule creates a rule on the default bus with a pattern.
func putRule(t *testing.T, e *env, name, pattern string) string {
	t.Helper()
	out, err := e.EB.PutRule(context.Background(), &eventbridge.PutRuleInput{Name: aws.String(name),
		EventPattern: aws.String(pattern)})
	require.NoError(t, err)
	return *out.RuleArn
}

// putTargets adds targets to a rule and requires none failed.
func putTargets(t *testing.T, e *env, rule string, targets ...types.Target) {
	t.Helper()
	out, err := e.EB.PutTargets(context.Background(), &eventbridge.PutTargetsInput{Rule: aws.String(rule), Targets: targets})
	require.NoError(t, err)
	require.Zero(t, out.FailedEntryCount, out.FailedEntries)
}

// putEvent puts one custom event and returns its id.
func putEvent(t *testing.T, e *env, source, detailType, detail string) string {
	t.Helper()
	out, err := e.EB.PutEvents(context.Background(), &eventbridge.PutEventsInput{Entries: []types.PutEventsRequestEntry{{
		Source: aws.String(source), DetailType: aws.String(detailType), Detail: aws.String(detail)}}})
	require.NoError(t, err)
	require.Zero(t, out.FailedEntryCount, out.Entries)
	return *out.Entries[0].EventId
}

// tick works the due deliveries.
func (e *env) tick(t *testing.T) int {
	t.Helper()
	n, err := e.Domain.Tick(context.Background())
	require.NoError(t, err)
	return n
}

const orderPattern = `{"source":["com.example.orders"],"detail":{"status":["PLACED"]}}`
