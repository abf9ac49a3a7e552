package engine_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/action"
	"github.com/salvehq/salve/internal/automation/engine"
)

// instances is a DescribeInstances response with the instances in state.
func instances(state string, ids ...string) answer {
	list := make([]any, len(ids))
	for i, id := range ids {
		list[i] = map[string]any{"InstanceId": id, "State": map[string]any{"Name": state}}
	}
	return ok(map[string]any{"Reservations": []any{map[string]any{"Instances": list}}})
}

func TestRunbook_StopEC2Instance(t *testing.T) {
	t.Parallel()
	params := map[string][]string{"InstanceId": {"i-1", "i-2"},
		"AutomationAssumeRole": {"arn:aws:iam::123456789012:role/Stop"}}
	t.Run("StopsThenForceStops", func(t *testing.T) {
		t.Parallel()
		b := runbook(t, "AWS-StopEC2Instance", params)
		b.caller.on("DescribeInstances", instances("stopping", "i-1", "i-2"), instances("stopped", "i-1", "i-2"))
		require.Equal(t, engine.Outcome{Kind: engine.WaitUntil, Until: t0.Add(action.PollInterval)}, b.advance(t))
		b.clk.Advance(action.PollInterval)
		require.Equal(t, engine.Done, b.advance(t).Kind)
		require.Equal(t, engine.StatusSuccess, b.x.Status)
		require.Equal(t, []string{"stopInstances:Success", "forceStopInstances:Success"}, trace(b.x))
		require.Equal(t, []string{"StopInstances", "DescribeInstances", "DescribeInstances", "StopInstances",
			"DescribeInstances"}, b.caller.apis())
		ids := []any{"i-1", "i-2"}
		require.Equal(t, map[string]any{"InstanceIds": ids}, b.caller.calls[0].Input)
		require.Equal(t, map[string]any{"InstanceIds": ids, "Force": true}, b.caller.calls[3].Input)
		for _, c := range b.caller.calls {
			require.Equal(t, "ec2", c.Service)
			require.Equal(t, "us-east-1", c.Region)
		}
	})
	t.Run("PlainStopFailsForceStopWins", func(t *testing.T) {
		t.Parallel()
		b := runbook(t, "AWS-StopEC2Instance", params)
		b.caller.on("StopInstances", fails("IncorrectInstanceState"), ok(nil))
		b.caller.on("DescribeInstances", instances("stopped", "i-1", "i-2"))
		b.advance(t)
		require.Equal(t, []string{"stopInstances:Failed", "forceStopInstances:Success"}, trace(b.x))
		require.Equal(t, engine.StatusSuccess, b.x.Status, "onFailure: Continue makes the first step non-critical")
	})
	t.Run("TimesOut", func(t *testing.T) {
		t.Parallel()
		b := runbook(t, "AWS-StopEC2Instance", params)
		b.caller.on("DescribeInstances", instances("stopping", "i-1", "i-2"))
		b.advance(t)
		require.Equal(t, 3600, b.x.StepExecutions[0].TimeoutSeconds)
		for range 3600 / 5 {
			b.clk.Advance(action.PollInterval)
			b.advance(t)
		}
		require.Equal(t, []string{"stopInstances:TimedOut", "forceStopInstances:InProgress"}, trace(b.x))
		b.clk.Advance(time.Hour)
		require.Equal(t, engine.Done, b.advance(t).Kind)
		require.Equal(t, engine.StatusTimedOut, b.x.Status)
		require.Contains(t, b.x.FailureMessage, "Step forceStopInstances (aws:changeInstanceState) timed out")
	})
}
