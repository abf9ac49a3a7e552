package configservice_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"
)

func TestDeleteRemediationExceptions_PartialFailure(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	remPutExceptions(t, env, nil, "b1", "b2")

	out, err := env.Config.DeleteRemediationExceptions(ctx, &configservice.DeleteRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule),
		ResourceKeys: append(remExceptionKeys("b1", "missing"),
			types.RemediationExceptionResourceKey{ResourceType: aws.String(remBucket)}),
	})
	require.NoError(t, err)
	require.Len(t, out.FailedBatches, 2)
	require.Contains(t, aws.ToString(out.FailedBatches[0].FailureMessage), "No remediation exception exists for the resource and rule "+remRule)
	require.Equal(t, remExceptionKeys("missing"), out.FailedBatches[0].FailedItems)
	require.Contains(t, aws.ToString(out.FailedBatches[1].FailureMessage), "Both ResourceType and ResourceId are required")

	desc, err := env.Config.DescribeRemediationExceptions(ctx, &configservice.DescribeRemediationExceptionsInput{ConfigRuleName: aws.String(remRule)})
	require.NoError(t, err)
	require.Equal(t, []string{"b2"}, remExceptionIDs(desc.RemediationExceptions))
}

func TestDeleteRemediationExceptions_NoneExists(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	soon := env.Clock.Now().Add(time.Minute)
	remPutExceptions(t, env, &soon, "expiring")
	remPutExceptions(t, env, nil, "kept")

	_, err := env.Config.DeleteRemediationExceptions(ctx, &configservice.DeleteRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remExceptionKeys("missing", "also-missing")})
	remRequireError(t, err, "NoSuchRemediationExceptionException", "No remediation exception exists for rule "+remRule)

	env.Clock.Advance(time.Minute)
	_, err = env.Config.DeleteRemediationExceptions(ctx, &configservice.DeleteRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remExceptionKeys("expiring")})
	remRequireError(t, err, "NoSuchRemediationExceptionException", "No remediation exception exists") // an expired exception counts as absent
}

func TestDeleteRemediationExceptions_Validation(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ids := make([]string, 101)
	for i := range ids {
		ids[i] = "b"
	}
	_, err := env.Config.DeleteRemediationExceptions(context.Background(), &configservice.DeleteRemediationExceptionsInput{
		ConfigRuleName: aws.String(remRule), ResourceKeys: remExceptionKeys(ids...)})
	remRequireError(t, err, "ValidationException", "'resourceKeys'", "length less than or equal to 100")
	remRawError(t, env, "DeleteRemediationExceptions", `{"ConfigRuleName":"r","ResourceKeys":[]}`,
		"ValidationException", "'resourceKeys'", "length greater than or equal to 1")
	remRawError(t, env, "DeleteRemediationExceptions", `{"ConfigRuleName":"r"}`,
		"ValidationException", "'resourceKeys' failed to satisfy constraint: Member must not be null")
}
