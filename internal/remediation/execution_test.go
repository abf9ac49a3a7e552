package remediation

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/memstore"
	"github.com/salvehq/salve/internal/tenant"
)

var (
	testStart = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	testScope = tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}
)

func TestExecution_Transition(t *testing.T) {
	t.Parallel()
	all := []ExecutionState{StateQueued, StateInProgress, StateSucceeded, StateFailed, StateUnknown}
	allowed := map[ExecutionState][]ExecutionState{
		StateQueued:     {StateInProgress, StateSucceeded, StateFailed, StateUnknown},
		StateInProgress: {StateSucceeded, StateFailed, StateUnknown},
	}
	for _, from := range all {
		for _, to := range all {
			t.Run(string(from)+"To"+string(to), func(t *testing.T) {
				e := &Execution{State: from, LastUpdatedTime: testStart}
				later := testStart.Add(time.Minute)
				err := e.Transition(to, later)
				for _, ok := range allowed[from] {
					if ok == to {
						require.NoError(t, err)
						require.Equal(t, to, e.State)
						require.Equal(t, later, e.LastUpdatedTime)
						return
					}
				}
				require.ErrorIs(t, err, ErrInvalidTransition)
				require.Equal(t, from, e.State, "a refused transition changes nothing")
				require.Equal(t, testStart, e.LastUpdatedTime)
			})
		}
	}
}

func TestExecutionState_InFlight(t *testing.T) {
	t.Parallel()
	require.True(t, StateQueued.InFlight())
	require.True(t, StateInProgress.InFlight())
	require.False(t, StateSucceeded.InFlight())
	require.False(t, StateFailed.InFlight())
	require.False(t, StateUnknown.InFlight())
}

func TestNextFailures(t *testing.T) {
	t.Parallel()
	t1, t2 := testStart, testStart.Add(time.Minute)
	require.Nil(t, nextFailures(nil))
	require.Nil(t, nextFailures(&Execution{State: StateSucceeded, PreviousFailures: []time.Time{t1}, InvocationTime: t2}))
	require.Equal(t, []time.Time{t1, t2}, nextFailures(&Execution{State: StateFailed, PreviousFailures: []time.Time{t1}, InvocationTime: t2}))

	long := make([]time.Time, MaxAutomaticAttemptsLimit)
	for i := range long {
		long[i] = testStart.Add(time.Duration(i) * time.Second)
	}
	got := nextFailures(&Execution{State: StateFailed, PreviousFailures: long, InvocationTime: t2.Add(time.Hour)})
	require.Len(t, got, MaxAutomaticAttemptsLimit)
	require.Equal(t, long[1], got[0], "the oldest failure is dropped")
	require.Equal(t, t2.Add(time.Hour), got[len(got)-1])
}

func newTestService(t *testing.T) (*Service, *clock.Fake, store.Store) {
	t.Helper()
	st := memstore.New()
	t.Cleanup(func() { require.NoError(t, st.Close()) })
	fake := clock.NewFake(testStart)
	return New(Params{Store: st, Clock: fake}), fake, st
}

func testConfiguration() *Configuration {
	return &Configuration{
		ConfigRuleName: "rule", TargetType: TargetTypeSSMDocument, TargetID: "Fix", TargetVersion: "2",
		Arn: "arn:aws:config:us-east-1:123456789012:remediation-configuration/rule/x",
		Parameters: map[string]ParameterValue{
			"BucketName": {ResourceValue: ResourceIDValue},
			"Algorithm":  {StaticValues: []string{"AES256"}},
		},
	}
}

func TestService_Enqueue(t *testing.T) {
	t.Parallel()
	s, fake, st := newTestService(t)
	ctx := context.Background()
	key := ResourceKey{ResourceType: "AWS::S3::Bucket", ResourceID: "b1"}
	enqueue := func() (*Execution, error) {
		var e *Execution
		err := st.Update(ctx, func(tx store.Tx) error {
			var err error
			e, err = s.Enqueue(tx, testScope, testConfiguration(), key, TriggerAutomatic)
			return err
		})
		return e, err
	}

	first, err := enqueue()
	require.NoError(t, err)
	require.Equal(t, StateQueued, first.State)
	require.Equal(t, 1, first.Attempt)
	require.Equal(t, testStart, first.InvocationTime)
	require.Equal(t, Target{ConfigurationArn: testConfiguration().Arn, TargetType: TargetTypeSSMDocument,
		DocumentName: "Fix", DocumentVersion: "2",
		Parameters: map[string][]string{"BucketName": {"b1"}, "Algorithm": {"AES256"}}}, first.Target)

	_, err = enqueue()
	require.ErrorIs(t, err, ErrInFlight)

	fake.Advance(time.Minute)
	require.NoError(t, st.Update(ctx, func(tx store.Tx) error {
		require.NoError(t, first.Transition(StateInProgress, fake.Now()))
		require.NoError(t, first.Transition(StateFailed, fake.Now()))
		return PutExecution(tx, testScope, first)
	}))
	second, err := enqueue()
	require.NoError(t, err)
	require.Equal(t, 2, second.Attempt)
	require.Equal(t, []time.Time{testStart}, second.PreviousFailures)
	require.NotEqual(t, first.ID, second.ID)
}

func TestPutExecution_QueueIndex(t *testing.T) {
	t.Parallel()
	_, _, st := newTestService(t)
	ctx := context.Background()
	other := tenant.Scope{AccountID: "111122223333", Region: "eu-west-1"}
	late := &Execution{ID: "late", ConfigRuleName: "r", ResourceType: "AWS::S3::Bucket", ResourceID: "a",
		State: StateQueued, InvocationTime: testStart.Add(time.Second)}
	early := &Execution{ID: "early", ConfigRuleName: "r", ResourceType: "AWS::S3::Bucket", ResourceID: "b",
		State: StateQueued, InvocationTime: testStart}
	require.NoError(t, st.Update(ctx, func(tx store.Tx) error {
		require.NoError(t, PutExecution(tx, testScope, late))
		return PutExecution(tx, other, early)
	}))

	var queue []QueueEntry
	require.NoError(t, st.View(ctx, func(tx store.Tx) (err error) {
		queue, err = ScanQueue(tx, 0)
		return err
	}))
	require.Len(t, queue, 2)
	require.Equal(t, "early", queue[0].ExecutionID, "oldest first, across tenants")
	require.Equal(t, other, queue[0].Scope)
	require.Equal(t, "late", queue[1].ExecutionID)

	require.NoError(t, st.Update(ctx, func(tx store.Tx) error {
		require.NoError(t, early.Transition(StateInProgress, testStart.Add(time.Minute)))
		return PutExecution(tx, other, early)
	}))
	require.NoError(t, st.View(ctx, func(tx store.Tx) (err error) {
		queue, err = ScanQueue(tx, 0)
		return err
	}))
	require.Len(t, queue, 1)
	require.Equal(t, "late", queue[0].ExecutionID, "an execution leaves the queue once it is no longer QUEUED")

	require.NoError(t, st.View(ctx, func(tx store.Tx) error {
		got, err := FindExecution(tx, other, "r", "AWS::S3::Bucket", "b")
		require.NoError(t, err)
		require.Equal(t, StateInProgress, got.State)
		missing, err := FindExecution(tx, testScope, "r", "AWS::S3::Bucket", "b")
		require.NoError(t, err)
		require.Nil(t, missing, "executions are per tenant")
		return nil
	}))
}
