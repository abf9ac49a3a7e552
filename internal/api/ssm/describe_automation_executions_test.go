package ssm_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// rbList runs DescribeAutomationExecutions through the paginator.
func rbList(t *testing.T, c *ssm.Client, in *ssm.DescribeAutomationExecutionsInput) []string {
	t.Helper()
	var ids []string
	p := ssm.NewDescribeAutomationExecutionsPaginator(c, in)
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		require.NoError(t, err)
		for _, m := range page.AutomationExecutionMetadataList {
			ids = append(ids, *m.AutomationExecutionId)
		}
	}
	return ids
}

// rbFilter builds an AutomationExecutionFilter.
func rbFilter(key types.AutomationExecutionFilterKey, values ...string) types.AutomationExecutionFilter {
	return types.AutomationExecutionFilter{Key: key, Values: values}
}

func TestDescribeAutomationExecutions_PagingAndFilters(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	rbCreate(t, env.SSM, "quick", rbQuick)
	rbCreate(t, env.SSM, "sleepy", rbSleep)
	var quick, all []string
	for i := range 7 {
		env.Clock.Advance(time.Minute)
		name := "quick"
		if i%2 == 1 {
			name = "sleepy"
		}
		id := rbStart(t, env, name, nil)
		all = append([]string{id}, all...)
		if name == "quick" {
			quick = append([]string{id}, quick...)
		}
	}
	require.Equal(t, all, rbList(t, env.SSM, &ssm.DescribeAutomationExecutionsInput{MaxResults: aws.Int32(3)}),
		"newest first, each once across pages")
	require.Equal(t, quick, rbList(t, env.SSM, &ssm.DescribeAutomationExecutionsInput{MaxResults: aws.Int32(2),
		Filters: []types.AutomationExecutionFilter{rbFilter(types.AutomationExecutionFilterKeyDocumentNamePrefix, "qu")}}))
	require.Equal(t, quick, rbList(t, env.SSM, &ssm.DescribeAutomationExecutionsInput{
		Filters: []types.AutomationExecutionFilter{rbFilter(types.AutomationExecutionFilterKeyExecutionStatus, "Success")}}))
	require.Equal(t, all[:1], rbList(t, env.SSM, &ssm.DescribeAutomationExecutionsInput{
		Filters: []types.AutomationExecutionFilter{rbFilter(types.AutomationExecutionFilterKeyExecutionId, all[0])}}))
	require.Equal(t, all[:2], rbList(t, env.SSM, &ssm.DescribeAutomationExecutionsInput{
		Filters: []types.AutomationExecutionFilter{rbFilter(types.AutomationExecutionFilterKeyStartTimeAfter,
			salvetest.Start.Add(6*time.Minute).Format(time.RFC3339))}}))
	require.Equal(t, all[6:], rbList(t, env.SSM, &ssm.DescribeAutomationExecutionsInput{
		Filters: []types.AutomationExecutionFilter{rbFilter(types.AutomationExecutionFilterKeyStartTimeBefore,
			salvetest.Start.Add(2*time.Minute).Format(time.RFC3339))}}))
	require.Empty(t, rbList(t, env.SSM, &ssm.DescribeAutomationExecutionsInput{
		Filters: []types.AutomationExecutionFilter{rbFilter(types.AutomationExecutionFilterKeyParentExecutionId, all[0])}}))

	page, err := env.SSM.DescribeAutomationExecutions(context.Background(), &ssm.DescribeAutomationExecutionsInput{})
	require.NoError(t, err)
	require.Nil(t, page.NextToken, "no NextToken on the last page")
	m := page.AutomationExecutionMetadataList[0]
	require.Equal(t, types.AutomationTypeLocal, m.AutomationType)
	require.Equal(t, types.ExecutionModeAuto, m.Mode)
}

func TestDescribeAutomationExecutions_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	list := func(in *ssm.DescribeAutomationExecutionsInput) error {
		_, err := env.SSM.DescribeAutomationExecutions(ctx, in)
		return err
	}
	for name, tc := range map[string]struct {
		in        *ssm.DescribeAutomationExecutionsInput
		code, msg string
	}{
		"BadStatus": {&ssm.DescribeAutomationExecutionsInput{Filters: []types.AutomationExecutionFilter{
			rbFilter(types.AutomationExecutionFilterKeyExecutionStatus, "Sleeping")}}, "InvalidFilterValue", "Sleeping"},
		"BadTime": {&ssm.DescribeAutomationExecutionsInput{Filters: []types.AutomationExecutionFilter{
			rbFilter(types.AutomationExecutionFilterKeyStartTimeAfter, "yesterday")}}, "InvalidFilterValue", "RFC 3339"},
		"BadKey": {&ssm.DescribeAutomationExecutionsInput{Filters: []types.AutomationExecutionFilter{
			rbFilter("Color", "x")}}, "ValidationException", "filters.1.member.key"},
		"EmptyValues": {&ssm.DescribeAutomationExecutionsInput{Filters: []types.AutomationExecutionFilter{
			{Key: types.AutomationExecutionFilterKeyExecutionId, Values: []string{}}}}, "ValidationException", "filters.1.member.values"},
		"MaxResults": {&ssm.DescribeAutomationExecutionsInput{MaxResults: aws.Int32(51)}, "ValidationException", "maxResults"},
		"BadToken":   {&ssm.DescribeAutomationExecutionsInput{NextToken: aws.String("nope")}, "InvalidNextToken", "NextToken"},
	} {
		t.Run(name, func(t *testing.T) { salvetest.RequireAPIError(t, list(tc.in), tc.code, tc.msg) })
	}
	t.Run("MissingValues", func(t *testing.T) {
		r := env.Raw(t, "AmazonSSM.DescribeAutomationExecutions", `{"Filters":[{"Key":"ExecutionId"}]}`)
		require.Equal(t, "ValidationException", r.Code)
		require.Contains(t, r.Message, "filters.1.member.values")
	})
}

func TestGetAutomationExecution_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	rbCreate(t, env.SSM, "quick", rbQuick)
	id := rbStart(t, env, "quick", nil)
	_, err := env.SSM.GetAutomationExecution(context.Background(), &ssm.GetAutomationExecutionInput{
		AutomationExecutionId: aws.String("00000000-0000-0000-0000-000000000000")})
	salvetest.RequireAPIError(t, err, "AutomationExecutionNotFoundException", "does not exist")
	_, err = env.SSM.GetAutomationExecution(context.Background(), &ssm.GetAutomationExecutionInput{
		AutomationExecutionId: aws.String("short")})
	salvetest.RequireAPIError(t, err, "ValidationException", "automationExecutionId")

	_, other, _ := env.Clients("111122223333", "secret", "us-east-1")
	_, err = other.GetAutomationExecution(context.Background(), &ssm.GetAutomationExecutionInput{AutomationExecutionId: aws.String(id)})
	salvetest.RequireAPIError(t, err, "AutomationExecutionNotFoundException")
}

func TestDescribeAutomationStepExecutions(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	rbCreate(t, env.SSM, "quick", rbQuick)
	id := rbStart(t, env, "quick", nil)
	steps := func(in *ssm.DescribeAutomationStepExecutionsInput) []string {
		in.AutomationExecutionId = aws.String(id)
		var names []string
		p := ssm.NewDescribeAutomationStepExecutionsPaginator(env.SSM, in)
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			require.NoError(t, err)
			for _, se := range page.StepExecutions {
				names = append(names, *se.StepName)
			}
		}
		return names
	}
	require.Equal(t, []string{"Greet", "Rest"}, steps(&ssm.DescribeAutomationStepExecutionsInput{MaxResults: aws.Int32(1)}))
	require.Equal(t, []string{"Rest", "Greet"}, steps(&ssm.DescribeAutomationStepExecutionsInput{ReverseOrder: aws.Bool(true)}))
	require.Equal(t, []string{"Rest"}, steps(&ssm.DescribeAutomationStepExecutionsInput{Filters: []types.StepExecutionFilter{
		{Key: types.StepExecutionFilterKeyAction, Values: []string{"aws:sleep"}}}}))
	require.Equal(t, []string{"Greet"}, steps(&ssm.DescribeAutomationStepExecutionsInput{Filters: []types.StepExecutionFilter{
		{Key: types.StepExecutionFilterKeyStepName, Values: []string{"Greet"}},
		{Key: types.StepExecutionFilterKeyStepExecutionStatus, Values: []string{"Success"}}}}))

	_, err := env.SSM.DescribeAutomationStepExecutions(ctx, &ssm.DescribeAutomationStepExecutionsInput{
		AutomationExecutionId: aws.String(id), Filters: []types.StepExecutionFilter{
			{Key: types.StepExecutionFilterKeyStepExecutionStatus, Values: []string{"Bogus"}}}})
	salvetest.RequireAPIError(t, err, "InvalidFilterValue", "Bogus")
	_, err = env.SSM.DescribeAutomationStepExecutions(ctx, &ssm.DescribeAutomationStepExecutionsInput{
		AutomationExecutionId: aws.String("00000000-0000-0000-0000-000000000000")})
	salvetest.RequireAPIError(t, err, "AutomationExecutionNotFoundException")
	_, err = env.SSM.DescribeAutomationStepExecutions(ctx, &ssm.DescribeAutomationStepExecutionsInput{
		AutomationExecutionId: aws.String(id), NextToken: aws.String("bad")})
	salvetest.RequireAPIError(t, err, "InvalidNextToken")
}
