package configservice_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"
)

func remStatusIDs(st []types.RemediationExecutionStatus) []string {
	out := make([]string, len(st))
	for i, s := range st {
		out[i] = aws.ToString(s.ResourceKey.ResourceId)
	}
	return out
}

func TestDescribeRemediationExecutionStatus_Paging(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	remPutConfig(t, env.Config, remConfig())
	ids := make([]string, 12)
	for i := range ids {
		ids[i] = fmt.Sprintf("b%02d", i)
	}
	remEvaluate(t, env, env.Config, remRule, types.ComplianceTypeNonCompliant, ids...)
	_, err := env.Config.StartRemediationExecution(ctx, &configservice.StartRemediationExecutionInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remKeys(ids...)})
	require.NoError(t, err)

	all, err := env.Config.DescribeRemediationExecutionStatus(ctx, &configservice.DescribeRemediationExecutionStatusInput{ConfigRuleName: aws.String(remRule)})
	require.NoError(t, err)
	require.Equal(t, ids, remStatusIDs(all.RemediationExecutionStatuses), "the default page holds up to 100")
	require.Nil(t, all.NextToken)

	pager := configservice.NewDescribeRemediationExecutionStatusPaginator(env.Config, &configservice.DescribeRemediationExecutionStatusInput{
		ConfigRuleName: aws.String(remRule), Limit: 5}, func(o *configservice.DescribeRemediationExecutionStatusPaginatorOptions) {
		o.StopOnDuplicateToken = true
	})
	var got []string
	pages := 0
	for pager.HasMorePages() {
		page, err := pager.NextPage(ctx)
		require.NoError(t, err)
		require.LessOrEqual(t, len(page.RemediationExecutionStatuses), 5)
		got = append(got, remStatusIDs(page.RemediationExecutionStatuses)...)
		pages++
	}
	require.Equal(t, ids, got)
	require.Equal(t, 3, pages)

	keyed, err := env.Config.DescribeRemediationExecutionStatus(ctx, &configservice.DescribeRemediationExecutionStatusInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remKeys("b07", "never-started", "b01", "b07"), Limit: 1})
	require.NoError(t, err)
	require.Equal(t, []string{"b01"}, remStatusIDs(keyed.RemediationExecutionStatuses))
	require.NotNil(t, keyed.NextToken)
	keyed, err = env.Config.DescribeRemediationExecutionStatus(ctx, &configservice.DescribeRemediationExecutionStatusInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remKeys("b07", "never-started", "b01", "b07"), Limit: 1, NextToken: keyed.NextToken})
	require.NoError(t, err)
	require.Equal(t, []string{"b07"}, remStatusIDs(keyed.RemediationExecutionStatuses))
	require.Nil(t, keyed.NextToken)
}

func TestDescribeRemediationExecutionStatus_Errors(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	_, err := env.Config.DescribeRemediationExecutionStatus(ctx, &configservice.DescribeRemediationExecutionStatusInput{ConfigRuleName: aws.String(remRule)})
	remRequireError(t, err, "NoSuchRemediationConfigurationException", remRule)

	remPutConfig(t, env.Config, remConfig())
	_, err = env.Config.DescribeRemediationExecutionStatus(ctx, &configservice.DescribeRemediationExecutionStatusInput{
		ConfigRuleName: aws.String(remRule), NextToken: aws.String("bogus")})
	remRequireError(t, err, "InvalidNextTokenException", "nextToken")
	_, err = env.Config.DescribeRemediationExecutionStatus(ctx, &configservice.DescribeRemediationExecutionStatusInput{
		ConfigRuleName: aws.String(remRule), Limit: 101})
	remRequireError(t, err, "ValidationException", "'limit'", "value less than or equal to 100")
	_, err = env.Config.DescribeRemediationExecutionStatus(ctx, &configservice.DescribeRemediationExecutionStatusInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: []types.ResourceKey{{ResourceType: "AWS::Nope::Thing", ResourceId: aws.String("x")}}})
	remRequireError(t, err, "ValidationException", "resourceKeys.1.member.resourceType", "enum value set")
	remRawError(t, env, "DescribeRemediationExecutionStatus", `{"ConfigRuleName":"r","ResourceKeys":[]}`,
		"ValidationException", "'resourceKeys'", "length greater than or equal to 1")
	remRawError(t, env, "DescribeRemediationExecutionStatus", `{}`,
		"ValidationException", "'configRuleName' failed to satisfy constraint: Member must not be null")
}
