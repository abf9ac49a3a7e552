package configservice_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestGetComplianceSummaryByConfigRule(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	other, _, _ := env.Clients("111122223333", "secret", "us-east-1")
	complianceScenario(t, env.Config)
	env.Clock.Advance(time.Hour)

	out, err := env.Config.GetComplianceSummaryByConfigRule(context.Background(), &configservice.GetComplianceSummaryByConfigRuleInput{})
	require.NoError(t, err)
	s := out.ComplianceSummary
	require.Equal(t, &types.ComplianceContributorCount{CappedCount: 1}, s.CompliantResourceCount)
	require.Equal(t, &types.ComplianceContributorCount{CappedCount: 1}, s.NonCompliantResourceCount)
	require.True(t, env.Clock.Now().Equal(aws.ToTime(s.ComplianceSummaryTimestamp)))

	empty, err := other.GetComplianceSummaryByConfigRule(context.Background(), &configservice.GetComplianceSummaryByConfigRuleInput{})
	require.NoError(t, err)
	require.Equal(t, &types.ComplianceContributorCount{}, empty.ComplianceSummary.CompliantResourceCount)
	require.Equal(t, &types.ComplianceContributorCount{}, empty.ComplianceSummary.NonCompliantResourceCount)

	code, body := rawRulesCall(t, env, "GetComplianceSummaryByConfigRule", `{}`)
	require.Empty(t, code, "clients send {} for an operation without input")
	require.Contains(t, body, `"ComplianceSummaryTimestamp":`)
}

func TestGetComplianceSummaryByConfigRule_Cap(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	for i := range 26 {
		name := fmt.Sprintf("r%02d", i)
		putTestRule(t, env.Config, name)
		putTestEvaluations(t, env.Config, name, testEval("b", types.ComplianceTypeCompliant, salvetest.Start))
	}
	out, err := env.Config.GetComplianceSummaryByConfigRule(context.Background(), &configservice.GetComplianceSummaryByConfigRuleInput{})
	require.NoError(t, err)
	require.Equal(t, &types.ComplianceContributorCount{CappedCount: 25, CapExceeded: true}, out.ComplianceSummary.CompliantResourceCount)
}
