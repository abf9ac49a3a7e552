package configservice_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"
)

func TestPutRemediationExceptions_OnlyNonCompliant(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	remEvaluate(t, env, env.Config, remRule, types.ComplianceTypeNonCompliant, "bad-1", "bad-2")
	remEvaluate(t, env, env.Config, remRule, types.ComplianceTypeCompliant, "good")
	remEvaluate(t, env, env.Config, remRule, types.ComplianceTypeNotApplicable, "na")
	expires := env.Clock.Now().Add(24 * time.Hour)

	out, err := env.Config.PutRemediationExceptions(ctx, &configservice.PutRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule), Message: aws.String("legacy bucket, migrating in Q1"), ExpirationTime: aws.Time(expires),
		ResourceKeys: append(remExceptionKeys("bad-1", "good", "never-evaluated", "na", "bad-2"),
			types.RemediationExceptionResourceKey{ResourceId: aws.String("no-type")}),
	})
	require.NoError(t, err)
	require.Len(t, out.FailedBatches, 4, "one batch per reason")
	failed := map[string]string{}
	for _, b := range out.FailedBatches {
		for _, it := range b.FailedItems {
			require.Equal(t, remRule, aws.ToString(it.ConfigRuleName))
			require.Equal(t, "legacy bucket, migrating in Q1", aws.ToString(it.Message))
			require.True(t, expires.Equal(aws.ToTime(it.ExpirationTime)))
			failed[aws.ToString(it.ResourceId)] = aws.ToString(b.FailureMessage)
		}
	}
	require.Contains(t, failed["good"], "The resource is COMPLIANT for rule "+remRule+"; remediation exceptions can only be placed on NON_COMPLIANT resources")
	require.Contains(t, failed["na"], "The resource is NOT_APPLICABLE for rule "+remRule)
	require.Contains(t, failed["never-evaluated"], "has no evaluation result for rule "+remRule)
	require.Contains(t, failed["no-type"], "Both ResourceType and ResourceId are required")
	require.Len(t, failed, 4)

	desc, err := env.Config.DescribeRemediationExceptions(ctx, &configservice.DescribeRemediationExceptionsInput{ConfigRuleName: aws.String(remRule)})
	require.NoError(t, err)
	require.Len(t, desc.RemediationExceptions, 2)
	got := desc.RemediationExceptions[0]
	require.Equal(t, "bad-1", aws.ToString(got.ResourceId))
	require.Equal(t, remBucket, aws.ToString(got.ResourceType))
	require.Equal(t, "legacy bucket, migrating in Q1", aws.ToString(got.Message))
	require.True(t, expires.Equal(aws.ToTime(got.ExpirationTime)))
	require.Equal(t, "bad-2", aws.ToString(desc.RemediationExceptions[1].ResourceId))
}

func TestPutRemediationExceptions_Upsert(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	remEvaluate(t, env, env.Config, remRule, types.ComplianceTypeNonCompliant, "b1")
	for _, msg := range []string{"first", "second"} {
		out, err := env.Config.PutRemediationExceptions(ctx, &configservice.PutRemediationExceptionsInput{
			ConfigRuleName: aws.String(remRule), ResourceKeys: remExceptionKeys("b1"), Message: aws.String(msg)})
		require.NoError(t, err)
		require.Empty(t, out.FailedBatches)
	}
	desc, err := env.Config.DescribeRemediationExceptions(ctx, &configservice.DescribeRemediationExceptionsInput{ConfigRuleName: aws.String(remRule)})
	require.NoError(t, err)
	require.Len(t, desc.RemediationExceptions, 1, "one exception per (rule, resource)")
	require.Equal(t, "second", aws.ToString(desc.RemediationExceptions[0].Message))
	require.Nil(t, desc.RemediationExceptions[0].ExpirationTime, "no ExpirationTime: never expires")
}

func TestPutRemediationExceptions_Errors(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	remEvaluate(t, env, env.Config, remRule, types.ComplianceTypeNonCompliant, "b1")

	_, err := env.Config.PutRemediationExceptions(ctx, &configservice.PutRemediationExceptionsInput{
		ConfigRuleName: aws.String("no-such-rule"), ResourceKeys: remExceptionKeys("b1")})
	remRequireError(t, err, "NoSuchConfigRuleException", "no-such-rule")

	_, err = env.Config.PutRemediationExceptions(ctx, &configservice.PutRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remExceptionKeys("b1"), ExpirationTime: aws.Time(env.Clock.Now())})
	remRequireError(t, err, "InvalidParameterValueException", "ExpirationTime", "is not in the future")
	desc, err := env.Config.DescribeRemediationExceptions(ctx, &configservice.DescribeRemediationExceptionsInput{ConfigRuleName: aws.String(remRule)})
	require.NoError(t, err)
	require.Empty(t, desc.RemediationExceptions)
}

func TestPutRemediationExceptions_Validation(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ids := make([]string, 101)
	for i := range ids {
		ids[i] = "b"
	}
	tests := []struct {
		name string
		in   configservice.PutRemediationExceptionsInput
		want []string
	}{
		{"TooManyKeys", configservice.PutRemediationExceptionsInput{ConfigRuleName: aws.String(remRule), ResourceKeys: remExceptionKeys(ids...)},
			[]string{"'resourceKeys'", "length less than or equal to 100"}},
		{"NoKeys", configservice.PutRemediationExceptionsInput{ConfigRuleName: aws.String(remRule), ResourceKeys: []types.RemediationExceptionResourceKey{}},
			[]string{"'resourceKeys'", "length greater than or equal to 1"}},
		{"RuleNameTooLong", configservice.PutRemediationExceptionsInput{ConfigRuleName: aws.String(strings.Repeat("r", 129)), ResourceKeys: remExceptionKeys("b")},
			[]string{"'configRuleName'", "length less than or equal to 128"}},
		{"MessageTooLong", configservice.PutRemediationExceptionsInput{ConfigRuleName: aws.String(remRule), ResourceKeys: remExceptionKeys("b"), Message: aws.String(strings.Repeat("m", 1025))},
			[]string{"'message'", "length less than or equal to 1024"}},
		{"MessageEmpty", configservice.PutRemediationExceptionsInput{ConfigRuleName: aws.String(remRule), ResourceKeys: remExceptionKeys("b"), Message: aws.String("")},
			[]string{"'message'", "length greater than or equal to 1"}},
		{"ResourceTypeTooLong", configservice.PutRemediationExceptionsInput{ConfigRuleName: aws.String(remRule), ResourceKeys: []types.RemediationExceptionResourceKey{
			{ResourceType: aws.String(strings.Repeat("t", 257)), ResourceId: aws.String("b")}}},
			[]string{"resourceKeys.1.member.resourceType", "length less than or equal to 256"}},
		{"ResourceIdTooLong", configservice.PutRemediationExceptionsInput{ConfigRuleName: aws.String(remRule), ResourceKeys: []types.RemediationExceptionResourceKey{
			{ResourceType: aws.String(remBucket), ResourceId: aws.String(strings.Repeat("i", 1025))}}},
			[]string{"resourceKeys.1.member.resourceId", "length less than or equal to 1024"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := env.Config.PutRemediationExceptions(context.Background(), &tc.in)
			remRequireError(t, err, "ValidationException", tc.want...)
		})
	}
	remRawError(t, env, "PutRemediationExceptions", `{"ResourceKeys":[{"ResourceType":"AWS::S3::Bucket","ResourceId":"b"}]}`,
		"ValidationException", "'configRuleName' failed to satisfy constraint: Member must not be null")
	remRawError(t, env, "PutRemediationExceptions", `{"ConfigRuleName":"r"}`,
		"ValidationException", "'resourceKeys' failed to satisfy constraint: Member must not be null")
	remRawError(t, env, "PutRemediationExceptions", `{"ConfigRuleName":"r","ResourceKeys":[]}`,
		"ValidationException", "'resourceKeys' failed to satisfy constraint: Member must have length greater than or equal to 1")
}
