package events_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/events/eventstest"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/sqlite"
	"github.com/salvehq/salve/internal/tenant"
)

var (
	start = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	home  = tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}
)

const (
	lambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:fix-bucket"
	topicARN  = "arn:aws:sns:us-east-1:123456789012:alerts"
	// productPattern is the event pattern of the product's §5.3.
	productPattern = `{"source":["aws.config"],"detail-type":["Config Rules Compliance Change"],` +
		`"detail":{"configRuleName":["S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"],"newEvaluationResult":{"complianceType":["NON_COMPLIANT"]}}}`
)

// fixture is a Service over a SQLite file with fake deliverers.
type fixture struct {
	path      string
	st        store.Store
	svc       *events.Service
	clock     *clock.Fake
	functions *eventstest.Functions
	sns       *eventstest.SNS
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{path: filepath.Join(t.TempDir(), "salve.db"), clock: clock.NewFake(start),
		functions: &eventstest.Functions{}, sns: &eventstest.SNS{}}
	f.open(t)
	t.Cleanup(func() { f.st.Close() })
	return f
}

// open opens the store file and builds a new Service over it.
func (f *fixture) open(t *testing.T) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), sqlite.OpenParams{Path: f.path})
	require.NoError(t, err)
	f.st = st
	f.svc = events.New(events.Params{Store: st, Clock: f.clock, Functions: f.functions, SNS: f.sns})
}

// restart closes the store and opens it again with a new Service.
func (f *fixture) restart(t *testing.T) {
	t.Helper()
	require.NoError(t, f.st.Close())
	f.open(t)
}

func (f *fixture) rule(t *testing.T, name, pattern string, targets ...events.Target) {
	t.Helper()
	ctx := context.Background()
	_, err := f.svc.PutRule(ctx, home, events.PutRuleParams{Name: name, EventPattern: &pattern})
	require.NoError(t, err)
	failed, err := f.svc.PutTargets(ctx, home, "", name, targets)
	require.NoError(t, err)
	require.Empty(t, failed)
}

func (f *fixture) tick(t *testing.T) int {
	t.Helper()
	n, err := f.svc.Tick(context.Background())
	require.NoError(t, err)
	return n
}

func (f *fixture) emit(t *testing.T, detail string) {
	t.Helper()
	require.NoError(t, f.svc.Emit(context.Background(), home, events.Event{Source: "aws.config",
		DetailType: "Config Rules Compliance Change", Detail: json.RawMessage(detail)}))
}

const nonCompliant = `{"resourceId":"my-bucket","configRuleName":"S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",` +
	`"newEvaluationResult":{"complianceType":"NON_COMPLIANT"}}`

func retry(attempts, age int) *events.RetryPolicy {
	return &events.RetryPolicy{MaximumRetryAttempts: &attempts, MaximumEventAgeInSeconds: &age}
}

func TestEmit_MatchesAndDelivers(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.rule(t, "s3-encryption", productPattern, events.Target{ID: "fix", ARN: lambdaARN}, events.Target{ID: "tell", ARN: topicARN})
	f.emit(t, nonCompliant)
	f.emit(t, `{"resourceId":"other","configRuleName":"S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED","newEvaluationResult":{"complianceType":"COMPLIANT"}}`)
	require.Equal(t, 2, f.tick(t))

	calls := f.functions.Calls()
	require.Len(t, calls, 1)
	var ev struct {
		Version, ID, Source, Account, Time, Region string
		DetailType                                 string `json:"detail-type"`
		Resources                                  []string
		Detail                                     struct{ ResourceID string }
	}
	require.NoError(t, json.Unmarshal([]byte(calls[0].Payload), &ev))
	require.Equal(t, "0", ev.Version)
	require.Equal(t, "aws.config", ev.Source)
	require.Equal(t, "2026-11-01T12:00:00Z", ev.Time)
	require.Equal(t, home.AccountID, ev.Account)
	require.Equal(t, []string{}, ev.Resources)
	require.Equal(t, "my-bucket", ev.Detail.ResourceID)
	require.Len(t, f.sns.Calls(), 1)
	require.Empty(t, f.sns.Calls()[0].Subject)
}

func TestEmit_RefusesADetailThatIsNotAnObject(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	err := f.svc.Emit(context.Background(), home, events.Event{Source: "aws.config", DetailType: "x", Detail: []string{"a"}})
	require.ErrorContains(t, err, "must be a JSON object")
}

func TestDelivery_RetriesWithBackoffThenDeadLetters(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	f.rule(t, "r", productPattern, events.Target{ID: "fix", ARN: lambdaARN, RetryPolicy: retry(2, 86400),
		DeadLetterConfig: &events.DeadLetterConfig{ARN: "arn:aws:sqs:us-east-1:123456789012:dlq"}})
	f.functions.FailNext(100)
	f.emit(t, nonCompliant)

	require.Equal(t, 1, f.tick(t))
	queued, err := f.svc.Deliveries(ctx, home, "r")
	require.NoError(t, err)
	require.Len(t, queued, 1)
	require.Equal(t, 1, queued[0].Attempts)
	require.Equal(t, start.Add(events.BackoffBase), queued[0].DueAt.UTC())
	require.Contains(t, queued[0].LastError, eventstest.ErrInjected.Error())

	require.Zero(t, f.tick(t), "not due before its backoff")
	f.clock.Advance(time.Second)
	require.Equal(t, 1, f.tick(t))
	queued, err = f.svc.Deliveries(ctx, home, "r")
	require.NoError(t, err)
	require.Equal(t, f.clock.Now().Add(2*time.Second), queued[0].DueAt.UTC(), "the backoff doubles")
	f.clock.Advance(2 * time.Second)
	require.Equal(t, 1, f.tick(t))
	require.Equal(t, 3, f.functions.Tries(), "one attempt and MaximumRetryAttempts retries")

	queued, err = f.svc.Deliveries(ctx, home, "")
	require.NoError(t, err)
	require.Empty(t, queued)
	dead, err := f.svc.DeadLetters(ctx, home)
	require.NoError(t, err)
	require.Len(t, dead, 1)
	require.Contains(t, dead[0].Reason, "MaximumRetryAttempts (2) exhausted after 3 attempts")
	require.Equal(t, "arn:aws:sqs:us-east-1:123456789012:dlq", dead[0].DeadLetterARN)
	require.Contains(t, dead[0].Payload, "my-bucket")
}

func TestDelivery_SucceedsAfterFailures(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.rule(t, "r", productPattern, events.Target{ID: "fix", ARN: lambdaARN})
	f.functions.FailNext(2)
	f.emit(t, nonCompliant)
	for range 3 {
		f.tick(t)
		f.clock.Advance(events.BackoffMax)
	}
	require.Len(t, f.functions.Calls(), 1)
	require.Equal(t, 3, f.functions.Tries())
	queued, err := f.svc.Deliveries(context.Background(), home, "")
	require.NoError(t, err)
	require.Empty(t, queued)
}

func TestDelivery_MaximumEventAge(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.rule(t, "r", productPattern, events.Target{ID: "fix", ARN: lambdaARN, RetryPolicy: retry(185, 60)})
	f.functions.FailNext(1000)
	f.emit(t, nonCompliant)
	f.tick(t)
	f.clock.Advance(61 * time.Second)
	f.tick(t)
	require.Equal(t, 1, f.functions.Tries(), "an event older than MaximumEventAgeInSeconds is not attempted again")
	dead, err := f.svc.DeadLetters(context.Background(), home)
	require.NoError(t, err)
	require.Len(t, dead, 1)
	require.Contains(t, dead[0].Reason, "MaximumEventAgeInSeconds (60) exceeded")
}

func TestDelivery_SurvivesRestart(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.rule(t, "r", productPattern, events.Target{ID: "fix", ARN: lambdaARN})
	f.emit(t, nonCompliant)
	f.restart(t)
	require.Equal(t, 1, f.tick(t))
	require.Len(t, f.functions.Calls(), 1)
}

func TestDelivery_LeasedByAStoppedProcess(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	f.rule(t, "r", productPattern, events.Target{ID: "fix", ARN: lambdaARN})
	f.emit(t, nonCompliant)
	// The process claims the delivery and stops before attempting it.
	claimed, err := f.svc.ClaimForTest(ctx)
	require.NoError(t, err)
	require.Len(t, claimed, 1)
	f.restart(t)
	require.Zero(t, f.tick(t), "still leased")

	require.NoError(t, f.svc.Recover(ctx))
	require.Equal(t, 1, f.tick(t))
	require.Len(t, f.functions.Calls(), 1)

	// Without Recover, the lease running out brings it back too.
	f.emit(t, nonCompliant)
	_, err = f.svc.ClaimForTest(ctx)
	require.NoError(t, err)
	f.clock.Advance(f.svc.LeaseForTest())
	require.Equal(t, 1, f.tick(t))
	require.Len(t, f.functions.Calls(), 2)
}

func TestDelivery_LateFinishAfterLeaseIsDropped(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	f.rule(t, "r", productPattern, events.Target{ID: "fix", ARN: lambdaARN})
	f.emit(t, nonCompliant)
	claimed, err := f.svc.ClaimForTest(ctx)
	require.NoError(t, err)
	// Another worker took it again after the lease; the first one's
	// outcome must not touch the re-leased record.
	f.clock.Advance(f.svc.LeaseForTest())
	again, err := f.svc.ClaimForTest(ctx)
	require.NoError(t, err)
	require.Len(t, again, 1)
	require.NoError(t, f.svc.FinishForTest(ctx, claimed[0], eventstest.ErrInjected))
	queued, err := f.svc.Deliveries(ctx, home, "")
	require.NoError(t, err)
	require.Len(t, queued, 1)
	require.Zero(t, queued[0].Attempts)
}

func TestPutTargets_NeedsADeliverer(t *testing.T) {
	t.Parallel()
	st, err := sqlite.Open(context.Background(), sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	svc := events.New(events.Params{Store: st, Clock: clock.NewFake(start)})
	pattern := productPattern
	_, err = svc.PutRule(context.Background(), home, events.PutRuleParams{Name: "r", EventPattern: &pattern})
	require.NoError(t, err)
	failed, err := svc.PutTargets(context.Background(), home, "", "r", []events.Target{{ID: "fix", ARN: lambdaARN},
		{ID: "hook", ARN: "https://example.com/"}})
	require.NoError(t, err)
	require.Len(t, failed, 2)
	require.Contains(t, failed[0].ErrorMessage, "no lambda service is configured")
}

func TestBackoff(t *testing.T) {
	t.Parallel()
	cases := map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 3: 4 * time.Second, 9: 256 * time.Second,
		10: events.BackoffMax, 185: events.BackoffMax}
	for n, want := range cases {
		require.Equal(t, want, events.Backoff(n), "after %d failures", n)
	}
}

func TestEmit_SeesRuleChangesOfAnotherProcess(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	other := events.New(events.Params{Store: f.st, Clock: f.clock, Functions: f.functions})
	f.rule(t, "r", productPattern, events.Target{ID: "fix", ARN: lambdaARN})
	require.NoError(t, other.Emit(ctx, home, events.Event{Source: "aws.config", DetailType: "Config Rules Compliance Change",
		Detail: json.RawMessage(nonCompliant)}))
	require.Equal(t, 1, f.tick(t))

	// The first Service disables the rule; the other one's cached rules must not be used.
	require.NoError(t, f.svc.SetRuleState(ctx, home, "", "r", events.StateDisabled))
	require.NoError(t, other.Emit(ctx, home, events.Event{Source: "aws.config", DetailType: "Config Rules Compliance Change",
		Detail: json.RawMessage(nonCompliant)}))
	require.Zero(t, f.tick(t))
	require.NoError(t, f.svc.SetRuleState(ctx, home, "", "r", events.StateEnabled))
	require.NoError(t, other.Emit(ctx, home, events.Event{Source: "aws.config", DetailType: "Config Rules Compliance Change",
		Detail: json.RawMessage(nonCompliant)}))
	require.Equal(t, 1, f.tick(t))
	require.Len(t, f.functions.Calls(), 2)
}

func TestRun_DeliversWhenWoken(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.rule(t, "r", productPattern, events.Target{ID: "fix", ARN: lambdaARN})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.svc.Run(ctx) }()
	f.emit(t, nonCompliant)
	require.Eventually(t, func() bool { return len(f.functions.Calls()) == 1 }, 5*time.Second, 5*time.Millisecond)
	cancel()
	require.NoError(t, <-done)
}
