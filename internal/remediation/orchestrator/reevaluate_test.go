package orchestrator_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/remediation/orchestrator"
)

func TestOrchestrator_OnSucceededAsksForReevaluation(t *testing.T) {
	t.Parallel()
	env := setup(t, runbook)
	var got []orchestrator.Succeeded
	env.Salve.Orchestrator.OnSucceeded(func(_ context.Context, s orchestrator.Succeeded) { got = append(got, s) })
	putConfig(t, env, config(true, nil))
	evaluate(t, env, types.ComplianceTypeNonCompliant, "good", "bad")
	env.Remediate(t)
	require.Len(t, got, 1, "only the SUCCEEDED remediation asks: %v", got)
	require.Equal(t, rule, got[0].ConfigRuleName)
	require.Equal(t, bucket, got[0].ResourceType)
	require.Equal(t, "good", got[0].ResourceID)
	require.Equal(t, "123456789012", got[0].Scope.AccountID)
	require.Equal(t, "us-east-1", got[0].Scope.Region)
	require.NotEmpty(t, got[0].ExecutionID)
}
