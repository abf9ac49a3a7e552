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

// remPutExceptions evaluates the buckets NON_COMPLIANT and excepts them.
func remPutExceptions(t *testing.T, env *salvetest.Env, expires *time.Time, ids ...string) {
	t.Helper()
	remEvaluate(t, env, env.Config, remRule, types.ComplianceTypeNonCompliant, ids...)
	out, err := env.Config.PutRemediationExceptions(context.Background(), &configservice.PutRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remExceptionKeys(ids...), ExpirationTime: expires})
	require.NoError(t, err)
	require.Empty(t, out.FailedBatches)
}

func remExceptionIDs(excs []types.RemediationException) []string {
	out := make([]string, len(excs))
	for i, e := range excs {
		out[i] = aws.ToString(e.ResourceId)
	}
	return out
}

func TestDescribeRemediationExceptions_Paging(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	ids := make([]string, 30)
	for i := range ids {
		ids[i] = fmt.Sprintf("b%02d", i)
	}
	remPutExceptions(t, env, nil, ids...)

	first, err := env.Config.DescribeRemediationExceptions(ctx, &configservice.DescribeRemediationExceptionsInput{ConfigRuleName: aws.String(remRule)})
	require.NoError(t, err)
	require.Len(t, first.RemediationExceptions, 25, "the default page size is 25")
	require.NotEmpty(t, aws.ToString(first.NextToken))

	var got []string
	var tokens []string
	in := &configservice.DescribeRemediationExceptionsInput{ConfigRuleName: aws.String(remRule), Limit: 7}
	for {
		page, err := env.Config.DescribeRemediationExceptions(ctx, in)
		require.NoError(t, err)
		require.LessOrEqual(t, len(page.RemediationExceptions), 7)
		got = append(got, remExceptionIDs(page.RemediationExceptions)...)
		if page.NextToken == nil {
			break
		}
		require.NotContains(t, tokens, *page.NextToken, "a token is never repeated")
		tokens = append(tokens, *page.NextToken)
		in.NextToken = page.NextToken
	}
	require.Equal(t, ids, got)
	require.Len(t, tokens, 4)

	_, err = env.Config.DescribeRemediationExceptions(ctx, &configservice.DescribeRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule), NextToken: aws.String("not-a-token")})
	remRequireError(t, err, "InvalidNextTokenException", "nextToken")
	remPutRule(t, env.Config, "other-rule")
	_, err = env.Config.DescribeRemediationExceptions(ctx, &configservice.DescribeRemediationExceptionsInput{
		ConfigRuleName: aws.String("other-rule"), NextToken: first.NextToken})
	remRequireError(t, err, "InvalidNextTokenException")
}

func TestDescribeRemediationExceptions_Keys(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	remPutExceptions(t, env, nil, "b1", "b2", "b3")
	out, err := env.Config.DescribeRemediationExceptions(context.Background(), &configservice.DescribeRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remExceptionKeys("b3", "missing", "b1", "b3"),
		Limit: 1, NextToken: aws.String("ignored when keys are given")})
	require.NoError(t, err)
	require.Equal(t, []string{"b3", "b1"}, remExceptionIDs(out.RemediationExceptions), "request order, existing keys only, each once")
	require.Nil(t, out.NextToken)
}

func TestDescribeRemediationExceptions_Expiry(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	soon := env.Clock.Now().Add(time.Hour)
	later := env.Clock.Now().Add(48 * time.Hour)
	remPutExceptions(t, env, &soon, "b1", "b2")
	remPutExceptions(t, env, &later, "b3")
	remPutExceptions(t, env, nil, "b4")

	env.Clock.Advance(time.Hour)
	all, err := env.Config.DescribeRemediationExceptions(ctx, &configservice.DescribeRemediationExceptionsInput{ConfigRuleName: aws.String(remRule)})
	require.NoError(t, err)
	require.Equal(t, []string{"b3", "b4"}, remExceptionIDs(all.RemediationExceptions), "expired exceptions are gone")
	page, err := env.Config.DescribeRemediationExceptions(ctx, &configservice.DescribeRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule), Limit: 1})
	require.NoError(t, err)
	require.Equal(t, []string{"b3"}, remExceptionIDs(page.RemediationExceptions), "expired exceptions do not take a page slot")
	byKey, err := env.Config.DescribeRemediationExceptions(ctx, &configservice.DescribeRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remExceptionKeys("b1", "b3")})
	require.NoError(t, err)
	require.Equal(t, []string{"b3"}, remExceptionIDs(byKey.RemediationExceptions))

	env.Clock.Advance(48 * time.Hour)
	all, err = env.Config.DescribeRemediationExceptions(ctx, &configservice.DescribeRemediationExceptionsInput{ConfigRuleName: aws.String(remRule)})
	require.NoError(t, err)
	require.Equal(t, []string{"b4"}, remExceptionIDs(all.RemediationExceptions))
}

func TestDescribeRemediationExceptions_Validation(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	_, err := env.Config.DescribeRemediationExceptions(context.Background(), &configservice.DescribeRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule), Limit: 101})
	remRequireError(t, err, "ValidationException", "'limit'", "value less than or equal to 100")
	_, err = env.Config.DescribeRemediationExceptions(context.Background(), &configservice.DescribeRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule), Limit: -1})
	remRequireError(t, err, "ValidationException", "'limit'", "value greater than or equal to 0")
	_, err = env.Config.DescribeRemediationExceptions(context.Background(), &configservice.DescribeRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: []types.RemediationExceptionResourceKey{}})
	remRequireError(t, err, "ValidationException", "'resourceKeys'", "length greater than or equal to 1")
	remRawError(t, env, "DescribeRemediationExceptions", `{}`, "ValidationException", "'configRuleName' failed to satisfy constraint: Member must not be null")
}
