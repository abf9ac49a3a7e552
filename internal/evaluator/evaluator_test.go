package evaluator_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

const account = "123456789012"

// clients are the SDK clients of one test server.
type clients struct {
	env    *salvetest.Env
	config *configservice.Client
	s3     *s3.Client
	trail  *cloudtrail.Client
}

func setup(t *testing.T) clients {
	t.Helper()
	env := salvetest.Setup(t)
	cfg := env.AWSConfig(account, "secret", "us-east-1")
	return clients{env: env, config: env.Config,
		s3:    s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }),
		trail: cloudtrail.NewFromConfig(cfg)}
}

func (c clients) putManagedRule(t *testing.T, name, identifier string) {
	t.Helper()
	_, err := c.config.PutConfigRule(context.Background(), &configservice.PutConfigRuleInput{ConfigRule: &ctypes.ConfigRule{
		ConfigRuleName: aws.String(name),
		Source:         &ctypes.Source{Owner: ctypes.OwnerAws, SourceIdentifier: aws.String(identifier)},
	}})
	require.NoError(t, err)
}

// compliance returns the rule's result for a resource ("" if none).
func (c clients) compliance(t *testing.T, rule, resourceID string) ctypes.ComplianceType {
	t.Helper()
	out, err := c.config.GetComplianceDetailsByConfigRule(context.Background(), &configservice.GetComplianceDetailsByConfigRuleInput{
		ConfigRuleName: aws.String(rule)})
	require.NoError(t, err)
	for _, r := range out.EvaluationResults {
		if aws.ToString(r.EvaluationResultIdentifier.EvaluationResultQualifier.ResourceId) == resourceID {
			return r.ComplianceType
		}
	}
	return ""
}

// TestEvaluator_TheProductLoop plays the product's test flow: a bucket
// created without encryption is found NON_COMPLIANT by the managed rule,
// remediated by the runbook, and found COMPLIANT again on the recorded
// change.
func TestEvaluator_TheProductLoop(t *testing.T) {
	t.Parallel()
	c := setup(t)
	ctx := context.Background()
	const rule = "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"
	c.putManagedRule(t, rule, rule)
	out, err := c.config.PutRemediationConfigurations(ctx, &configservice.PutRemediationConfigurationsInput{
		RemediationConfigurations: []ctypes.RemediationConfiguration{{
			ConfigRuleName: aws.String(rule), TargetType: ctypes.RemediationTargetTypeSsmDocument,
			TargetId: aws.String("AWS-ConfigureS3BucketEncryption"), Automatic: true,
			Parameters: map[string]ctypes.RemediationParameterValue{
				"AutomationAssumeRole": {StaticValue: &ctypes.StaticValue{Values: []string{"arn:aws:iam::" + account + ":role/Fix"}}},
				"BucketName":           {ResourceValue: &ctypes.ResourceValue{Value: ctypes.ResourceValueTypeResourceId}},
				"SSEAlgorithm":         {StaticValue: &ctypes.StaticValue{Values: []string{"AES256"}}},
			}}}})
	require.NoError(t, err)
	require.Empty(t, out.FailedBatches)

	_, err = c.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("plain-bucket")})
	require.NoError(t, err)
	c.env.Evaluate(t)
	require.Equal(t, ctypes.ComplianceTypeNonCompliant, c.compliance(t, rule, "plain-bucket"),
		"the change-triggered rule found the new bucket unencrypted")

	c.env.Settle(t)
	enc, err := c.s3.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: aws.String("plain-bucket")})
	require.NoError(t, err)
	require.Equal(t, "AES256", string(enc.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm))
	require.Equal(t, ctypes.ComplianceTypeCompliant, c.compliance(t, rule, "plain-bucket"),
		"the runbook's change was recorded and re-evaluated")

	st, err := c.config.DescribeRemediationExecutionStatus(ctx, &configservice.DescribeRemediationExecutionStatusInput{
		ConfigRuleName: aws.String(rule)})
	require.NoError(t, err)
	require.Len(t, st.RemediationExecutionStatuses, 1)
	require.Equal(t, ctypes.RemediationExecutionStateSucceeded, st.RemediationExecutionStatuses[0].State)

	hist, err := c.config.GetResourceConfigHistory(ctx, &configservice.GetResourceConfigHistoryInput{
		ResourceType: ctypes.ResourceTypeBucket, ResourceId: aws.String("plain-bucket")})
	require.NoError(t, err)
	require.Len(t, hist.ConfigurationItems, 2, "created, then encrypted")
	require.Contains(t, hist.ConfigurationItems[0].SupplementaryConfiguration["ServerSideEncryptionConfiguration"], "AES256")
}

// TestEvaluator_NewRuleEvaluatesExistingResources checks that putting a
// managed rule evaluates the resources already recorded.
func TestEvaluator_NewRuleEvaluatesExistingResources(t *testing.T) {
	t.Parallel()
	c := setup(t)
	ctx := context.Background()
	_, err := c.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("older-bucket")})
	require.NoError(t, err)
	c.env.Evaluate(t)
	c.putManagedRule(t, "versioning", "S3_BUCKET_VERSIONING_ENABLED")
	c.env.Evaluate(t)
	require.Equal(t, ctypes.ComplianceTypeNonCompliant, c.compliance(t, "versioning", "older-bucket"))
}

// TestEvaluator_AccountRuleOnPutStartAndSchedule checks an account-level
// periodic rule: evaluated when put, on StartConfigRulesEvaluation, and
// on its MaximumExecutionFrequency.
func TestEvaluator_AccountRuleOnPutStartAndSchedule(t *testing.T) {
	t.Parallel()
	c := setup(t)
	ctx := context.Background()
	const rule = "cloudtrail-enabled"
	_, err := c.config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &ctypes.ConfigRule{
		ConfigRuleName:            aws.String(rule),
		MaximumExecutionFrequency: ctypes.MaximumExecutionFrequencyOneHour,
		Source:                    &ctypes.Source{Owner: ctypes.OwnerAws, SourceIdentifier: aws.String("CLOUD_TRAIL_ENABLED")},
	}})
	require.NoError(t, err)
	c.env.Evaluate(t)
	require.Equal(t, ctypes.ComplianceTypeNonCompliant, c.compliance(t, rule, account), "no trail at all")

	_, err = c.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("trail-logs")})
	require.NoError(t, err)
	_, err = c.trail.CreateTrail(ctx, &cloudtrail.CreateTrailInput{Name: aws.String("main"), S3BucketName: aws.String("trail-logs")})
	require.NoError(t, err)
	_, err = c.trail.StartLogging(ctx, &cloudtrail.StartLoggingInput{Name: aws.String("main")})
	require.NoError(t, err)
	c.env.Evaluate(t)
	require.Equal(t, ctypes.ComplianceTypeNonCompliant, c.compliance(t, rule, account), "periodic: not due yet")

	_, err = c.config.StartConfigRulesEvaluation(ctx, &configservice.StartConfigRulesEvaluationInput{ConfigRuleNames: []string{rule}})
	require.NoError(t, err)
	c.env.Evaluate(t)
	require.Equal(t, ctypes.ComplianceTypeCompliant, c.compliance(t, rule, account), "evaluated on request")

	_, err = c.trail.StopLogging(ctx, &cloudtrail.StopLoggingInput{Name: aws.String("main")})
	require.NoError(t, err)
	c.env.Clock.Advance(59 * time.Minute)
	c.env.Evaluate(t)
	require.Equal(t, ctypes.ComplianceTypeCompliant, c.compliance(t, rule, account))
	c.env.Clock.Advance(2 * time.Minute)
	c.env.Evaluate(t)
	require.Equal(t, ctypes.ComplianceTypeNonCompliant, c.compliance(t, rule, account), "the hourly run found logging off")
}
