package orchestrator_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/remediation/orchestrator"
	"github.com/salvehq/salve/internal/salvetest"
)

func TestOrchestrator_Plan(t *testing.T) {
	t.Parallel()
	limit := func(rate, errs int32) func(*types.RemediationConfiguration) {
		return func(c *types.RemediationConfiguration) {
			c.MaximumAutomaticAttempts = aws.Int32(1)
			c.ExecutionControls = &types.ExecutionControls{SsmControls: &types.SsmControls{
				ConcurrentExecutionRatePercentage: aws.Int32(rate), ErrorPercentage: aws.Int32(errs)}}
		}
	}
	tests := []struct {
		name    string
		content string
		cfg     types.RemediationConfiguration
		ids     []string
		prepare func(t *testing.T, env *salvetest.Env)
		want    map[string]int // decision → resources
	}{
		{name: "Manual", content: runbook, cfg: config(false, nil), ids: ids("b", 2),
			want: map[string]int{orchestrator.DecisionManual: 2}},
		{name: "QueuedBeyondConcurrency", content: sleeper, cfg: config(true, limit(30, 50)), ids: ids("b", 10),
			want: map[string]int{orchestrator.DecisionRemediate: 3, orchestrator.DecisionConcurrencyLimit: 7}},
		{name: "RunningBeyondConcurrency", content: sleeper, cfg: config(true, limit(30, 50)), ids: ids("b", 10),
			prepare: func(t *testing.T, env *salvetest.Env) { env.Remediate(t) },
			want:    map[string]int{orchestrator.DecisionInProgress: 3, orchestrator.DecisionConcurrencyLimit: 7}},
		{name: "ErrorLimitAndAttemptsUsed", content: runbook, cfg: config(true, limit(10, 40)), ids: ids("bad", 10),
			prepare: func(t *testing.T, env *salvetest.Env) { env.Remediate(t) },
			want:    map[string]int{orchestrator.DecisionAttemptsUsed: 5, orchestrator.DecisionErrorLimit: 5}},
		{name: "AwaitingApproval", content: runbook, cfg: config(true, withApproval("true")), ids: ids("b", 2),
			want: map[string]int{orchestrator.DecisionAwaitingApproval: 2}},
		{name: "ApprovalRequired", content: runbook, cfg: config(false, withApproval("true")), ids: ids("b", 1),
			prepare: func(t *testing.T, env *salvetest.Env) { putConfig(t, env, config(true, withApproval("true"))) },
			want:    map[string]int{orchestrator.DecisionAwaitingApproval: 1}},
		{name: "Exception", content: runbook, cfg: config(false, nil), ids: ids("b", 2),
			prepare: func(t *testing.T, env *salvetest.Env) { except(t, env, "b00", time.Hour) },
			want:    map[string]int{orchestrator.DecisionException: 1, orchestrator.DecisionManual: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env := setup(t, tt.content)
			putConfig(t, env, tt.cfg)
			evaluate(t, env, types.ComplianceTypeNonCompliant, tt.ids...)
			if tt.prepare != nil {
				tt.prepare(t, env)
			}
			plans, err := env.Salve.Orchestrator.Plan(context.Background(), scope, "")
			require.NoError(t, err)
			require.Len(t, plans, 1)
			require.Equal(t, rule, plans[0].Rule)
			require.Equal(t, len(tt.ids), plans[0].Limits.NonCompliant)
			got := map[string]int{}
			for _, r := range plans[0].Resources {
				got[r.Decision]++
				require.NotEmpty(t, r.Reason)
				require.Equal(t, []string{r.ResourceID}, r.Parameters["BucketName"], "resolved parameters")
			}
			require.Equal(t, tt.want, got)
		})
	}
}

func TestOrchestrator_PlanReportsTheException(t *testing.T) {
	t.Parallel()
	env := setup(t, runbook)
	putConfig(t, env, config(false, nil))
	evaluate(t, env, types.ComplianceTypeNonCompliant, "x")
	except(t, env, "x", time.Hour)
	plans, err := env.Salve.Orchestrator.Plan(context.Background(), scope, rule)
	require.NoError(t, err)
	r := plans[0].Resources[0]
	require.Equal(t, orchestrator.DecisionException, r.Decision)
	require.Equal(t, "looking into it", r.ExceptionMessage)
	require.Equal(t, env.Clock.Now().Add(time.Hour).Unix(), r.ExceptionExpiry.Unix())
	require.Empty(t, r.ExecutionID, "nothing was queued")

	_, err = env.Salve.Orchestrator.Plan(context.Background(), scope, "no-such-rule")
	require.True(t, awserr.Is(err, awserr.NoSuchRemediationConfigurationException), "%v", err)
}

// except puts a remediation exception on a bucket lapsing after d.
func except(t *testing.T, env *salvetest.Env, id string, d time.Duration) {
	t.Helper()
	out, err := env.Config.PutRemediationExceptions(context.Background(), &configservice.PutRemediationExceptionsInput{
		ConfigRuleName: aws.String(rule), ResourceKeys: []types.RemediationExceptionResourceKey{{ResourceType: aws.String(bucket), ResourceId: aws.String(id)}},
		Message: aws.String("looking into it"), ExpirationTime: aws.Time(env.Clock.Now().Add(d))})
	require.NoError(t, err)
	require.Empty(t, out.FailedBatches)
}
