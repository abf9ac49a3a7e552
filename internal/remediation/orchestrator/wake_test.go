package orchestrator_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/remediation/orchestrator"
	"github.com/salvehq/salve/internal/salvetest"
	"github.com/salvehq/salve/internal/tenant"
)

// TestOrchestrator_RunIsWokenByWork runs the orchestrator as serve does,
// with an hourly tick: executions start and settle only because
// PutEvaluations, StartRemediationExecution and the end of the Automation
// executions wake it.
func TestOrchestrator_RunIsWokenByWork(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t, func(o *salvetest.Options) { o.RunOrchestrator = true })
	seed(t, env, runbook)
	putConfig(t, env, config(true, nil))

	evaluate(t, env, types.ComplianceTypeNonCompliant, "auto")
	require.Eventually(t, func() bool {
		return statuses(t, env, "auto")["auto"] == types.RemediationExecutionStateSucceeded
	}, 10*time.Second, 5*time.Millisecond, "an automatic remediation runs to the end without a tick")

	putConfig(t, env, config(false, nil))
	evaluate(t, env, types.ComplianceTypeNonCompliant, "manual")
	_, err := env.Config.StartRemediationExecution(context.Background(), &configservice.StartRemediationExecutionInput{
		ConfigRuleName: aws.String(rule), ResourceKeys: []types.ResourceKey{{ResourceType: types.ResourceTypeBucket, ResourceId: aws.String("manual")}}})
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		return statuses(t, env, "manual")["manual"] == types.RemediationExecutionStateSucceeded
	}, 10*time.Second, 5*time.Millisecond, "a manual remediation runs to the end without a tick")
}

// TestOrchestrator_ReevaluationRequeues checks that an evaluation
// confirming NON_COMPLIANT queues a new automatic remediation, that a
// success the rule then contradicts counts as a failed attempt, and that
// a resource that was COMPLIANT in between starts afresh.
func TestOrchestrator_ReevaluationRequeues(t *testing.T) {
	t.Parallel()
	env := setup(t, runbook)
	putConfig(t, env, config(true, func(c *types.RemediationConfiguration) {
		c.MaximumAutomaticAttempts = aws.Int32(2)
		c.RetryAttemptSeconds = aws.Int64(600)
	}))

	// Drift after a fix: not an ineffective attempt.
	evaluate(t, env, types.ComplianceTypeNonCompliant, "drift")
	env.Remediate(t)
	first := status(t, env, "drift")[0]
	require.Equal(t, types.RemediationExecutionStateSucceeded, first.State)
	env.Clock.Advance(time.Second)
	evaluate(t, env, types.ComplianceTypeCompliant, "drift")
	env.Clock.Advance(time.Second)
	evaluate(t, env, types.ComplianceTypeNonCompliant, "drift")
	env.Remediate(t)
	env.Clock.Advance(time.Second)
	evaluate(t, env, types.ComplianceTypeCompliant, "drift")
	second := status(t, env, "drift")[0]
	require.Equal(t, types.RemediationExecutionStateSucceeded, second.State)
	require.True(t, second.InvocationTime.After(*first.InvocationTime))

	// The rule keeps finding the resource NON_COMPLIANT after each success.
	evaluate(t, env, types.ComplianceTypeNonCompliant, "stuck")
	env.Remediate(t)
	one := status(t, env, "stuck")[0]
	require.Equal(t, types.RemediationExecutionStateSucceeded, one.State)
	env.Clock.Advance(time.Second)
	evaluate(t, env, types.ComplianceTypeNonCompliant, "stuck") // attempt 1 did not fix it
	env.Remediate(t)
	two := status(t, env, "stuck")[0]
	require.Equal(t, types.RemediationExecutionStateSucceeded, two.State)
	require.True(t, two.InvocationTime.After(*one.InvocationTime), "the confirmation queued a new execution")
	env.Clock.Advance(time.Second)
	evaluate(t, env, types.ComplianceTypeNonCompliant, "stuck") // attempt 2 did not fix it: 2 of 2 used
	env.Remediate(t)
	require.Equal(t, *two.InvocationTime, *status(t, env, "stuck")[0].InvocationTime, "no third execution")

	ex, err := env.Config.DescribeRemediationExceptions(context.Background(), &configservice.DescribeRemediationExceptionsInput{ConfigRuleName: aws.String(rule)})
	require.NoError(t, err)
	require.Len(t, ex.RemediationExceptions, 1, "only the stuck resource is excepted")
	require.Equal(t, "stuck", aws.ToString(ex.RemediationExceptions[0].ResourceId))
	require.Contains(t, aws.ToString(ex.RemediationExceptions[0].Message), "2 attempts failed within 600 seconds")
	require.Contains(t, aws.ToString(ex.RemediationExceptions[0].Message), "SUCCEEDED but the rule evaluated the resource NON_COMPLIANT again")
}

// TestOrchestrator_SkipsQueuedResourceThatBecameCompliant checks that an
// automatic execution whose resource the rule found COMPLIANT while it
// waited for a slot ends without running its runbook.
func TestOrchestrator_SkipsQueuedResourceThatBecameCompliant(t *testing.T) {
	t.Parallel()
	env := setup(t, sleeper)
	putConfig(t, env, config(true, nil)) // 10 %: one at a time
	evaluate(t, env, types.ComplianceTypeNonCompliant, "x", "y")
	env.Remediate(t)
	got := statuses(t, env, "x", "y")
	require.Equal(t, 1, count(got, types.RemediationExecutionStateQueued), "%v", got)
	waiting := "x"
	if got["y"] == types.RemediationExecutionStateQueued {
		waiting = "y"
	}
	evaluate(t, env, types.ComplianceTypeCompliant, waiting)
	env.Clock.Advance(time.Minute)
	require.NoError(t, env.Salve.Runbooks.Tick(context.Background()))
	env.Remediate(t)

	st := status(t, env, waiting)[0]
	require.Equal(t, types.RemediationExecutionStateSucceeded, st.State)
	require.Len(t, st.StepDetails, 1)
	require.Equal(t, orchestrator.SkippedStep, aws.ToString(st.StepDetails[0].Name))
	require.Equal(t, 1, automationRuns(t, env), "the skipped remediation started no Automation execution")
}

// TestOrchestrator_StatusHookSeesStartAndEnd checks that a status hook
// sees each execution start and end, after the commit.
func TestOrchestrator_StatusHookSeesStartAndEnd(t *testing.T) {
	t.Parallel()
	env := setup(t, runbook)
	var got []string
	env.Salve.Orchestrator.OnStatusChange(func(_ context.Context, _ tenant.Scope, e remediation.Execution) {
		got = append(got, e.ResourceID+" "+string(e.State))
	})
	putConfig(t, env, config(true, func(c *types.RemediationConfiguration) { c.MaximumAutomaticAttempts = aws.Int32(1) }))
	evaluate(t, env, types.ComplianceTypeNonCompliant, "good", "bad")
	env.Remediate(t)
	require.ElementsMatch(t, []string{"good IN_PROGRESS", "good SUCCEEDED", "bad IN_PROGRESS", "bad FAILED"}, got)
}
