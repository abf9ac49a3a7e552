package configservice_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestGetComplianceSummaryByResourceType(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	complianceScenario(t, env.Config)
	putTestEvaluations(t, env.Config, "no-results", types.Evaluation{
		ComplianceResourceType: aws.String("AWS::EC2::Instance"), ComplianceResourceId: aws.String("i-1"),
		ComplianceType: types.ComplianceTypeNonCompliant, OrderingTimestamp: aws.Time(salvetest.Start),
	})
	count := func(n int) *types.ComplianceContributorCount {
		return &types.ComplianceContributorCount{CappedCount: int32(n)}
	}

	all, err := env.Config.GetComplianceSummaryByResourceType(ctx, &configservice.GetComplianceSummaryByResourceTypeInput{})
	require.NoError(t, err)
	require.Len(t, all.ComplianceSummariesByResourceType, 1)
	s := all.ComplianceSummariesByResourceType[0]
	require.Nil(t, s.ResourceType, "the summary over every type names none")
	require.Equal(t, count(1), s.ComplianceSummary.CompliantResourceCount, "b1")
	require.Equal(t, count(2), s.ComplianceSummary.NonCompliantResourceCount, "b2 and i-1")
	require.True(t, env.Clock.Now().Equal(aws.ToTime(s.ComplianceSummary.ComplianceSummaryTimestamp)))

	byType, err := env.Config.GetComplianceSummaryByResourceType(ctx, &configservice.GetComplianceSummaryByResourceTypeInput{
		ResourceTypes: []string{"AWS::S3::Bucket", "AWS::EC2::Instance", "AWS::IAM::Role"},
	})
	require.NoError(t, err)
	got := map[string][2]int32{}
	for _, s := range byType.ComplianceSummariesByResourceType {
		got[aws.ToString(s.ResourceType)] = [2]int32{s.ComplianceSummary.CompliantResourceCount.CappedCount, s.ComplianceSummary.NonCompliantResourceCount.CappedCount}
	}
	require.Equal(t, map[string][2]int32{"AWS::S3::Bucket": {1, 1}, "AWS::EC2::Instance": {0, 1}, "AWS::IAM::Role": {0, 0}}, got)
}

func TestGetComplianceSummaryByResourceType_Cap(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	putTestRule(t, env.Config, "r")
	for batch := range 2 {
		var evals []types.Evaluation
		for i := range 51 {
			evals = append(evals, testEval(fmt.Sprintf("b%d-%02d", batch, i), types.ComplianceTypeCompliant, salvetest.Start))
		}
		putTestEvaluations(t, env.Config, "r", evals...)
	}
	out, err := env.Config.GetComplianceSummaryByResourceType(context.Background(), &configservice.GetComplianceSummaryByResourceTypeInput{})
	require.NoError(t, err)
	require.Equal(t, &types.ComplianceContributorCount{CappedCount: 100, CapExceeded: true},
		out.ComplianceSummariesByResourceType[0].ComplianceSummary.CompliantResourceCount)
}

func TestGetComplianceSummaryByResourceType_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	tooMany := make([]string, 21)
	for i := range tooMany {
		tooMany[i] = fmt.Sprint("AWS::X::T", i)
	}
	_, err := env.Config.GetComplianceSummaryByResourceType(context.Background(), &configservice.GetComplianceSummaryByResourceTypeInput{ResourceTypes: tooMany})
	requireRulesError(t, err, "ValidationException", "'resourceTypes' failed to satisfy constraint: Member must have length less than or equal to 20")
	_, err = env.Config.GetComplianceSummaryByResourceType(context.Background(), &configservice.GetComplianceSummaryByResourceTypeInput{ResourceTypes: []string{strings.Repeat("t", 257)}})
	requireRulesError(t, err, "ValidationException", "resourceTypes.1.member")
}
