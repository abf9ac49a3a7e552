package configservice_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/salvetest"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

const workshopRule = "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"

// workshopConfig is the configuration of the workshop's §5.2 B.
func workshopConfig() types.RemediationConfiguration {
	return types.RemediationConfiguration{
		ConfigRuleName: aws.String(workshopRule), TargetType: types.RemediationTargetTypeSsmDocument,
		TargetId: aws.String("AWS-ConfigureS3BucketEncryption"), Automatic: true,
		RetryAttemptSeconds: aws.Int64(60), MaximumAutomaticAttempts: aws.Int32(3),
		Parameters: map[string]types.RemediationParameterValue{
			"AutomationAssumeRole": {StaticValue: &types.StaticValue{Values: []string{remRoleArn}}},
			"BucketName":           {ResourceValue: &types.ResourceValue{Value: types.ResourceValueTypeResourceId}},
			"SSEAlgorithm":         {StaticValue: &types.StaticValue{Values: []string{"AES256"}}},
		},
	}
}

// requireWorkshopConfig checks the stored workshop configuration as
// DescribeRemediationConfigurations returns it, defaults filled in.
func requireWorkshopConfig(t *testing.T, c *configservice.Client) types.RemediationConfiguration {
	t.Helper()
	out, err := c.DescribeRemediationConfigurations(context.Background(),
		&configservice.DescribeRemediationConfigurationsInput{ConfigRuleNames: []string{workshopRule}})
	require.NoError(t, err)
	require.Len(t, out.RemediationConfigurations, 1)
	got := out.RemediationConfigurations[0]
	require.Regexp(t, `^arn:aws:config:us-east-1:123456789012:remediation-configuration/`+workshopRule+`/[0-9a-f-]{36}$`, aws.ToString(got.Arn))
	want := workshopConfig()
	want.Arn = got.Arn
	want.ExecutionControls = &types.ExecutionControls{SsmControls: &types.SsmControls{
		ConcurrentExecutionRatePercentage: aws.Int32(10), ErrorPercentage: aws.Int32(50)}}
	require.Equal(t, want, got)
	return got
}

func TestPutRemediationConfigurations_Workshop(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	remPutRule(t, env.Config, workshopRule)
	remPutConfig(t, env.Config, workshopConfig())
	requireWorkshopConfig(t, env.Config)
}

// TestPutRemediationConfigurations_WorkshopCLIJSON sends the workshop's
// --remediation-configurations JSON verbatim, as the aws CLI does.
func TestPutRemediationConfigurations_WorkshopCLIJSON(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	remPutRule(t, env.Config, workshopRule)
	const account = "123456789012"
	cli := `[
    {
      "ConfigRuleName":"S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
      "TargetType":"SSM_DOCUMENT",
      "TargetId":"AWS-ConfigureS3BucketEncryption",
      "Automatic":true,
      "RetryAttemptSeconds":60,
      "MaximumAutomaticAttempts":3,
      "Parameters":{
        "AutomationAssumeRole":{"StaticValue":{"Values":["arn:aws:iam::` + account + `:role/ConfigRemediationAutomationRole"]}},
        "BucketName":{"ResourceValue":{"Value":"RESOURCE_ID"}},
        "SSEAlgorithm":{"StaticValue":{"Values":["AES256"]}}
      }
    }
  ]`
	status, out := remRaw(t, env, "PutRemediationConfigurations", `{"RemediationConfigurations":`+cli+`}`)
	require.Equal(t, http.StatusOK, status, "body: %v", out)
	require.Equal(t, map[string]any{"FailedBatches": []any{}}, out)
	requireWorkshopConfig(t, env.Config)
}

func TestPutRemediationConfigurations_Update(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	ctx := context.Background()
	remPutConfig(t, env.Config, remConfig())
	first := remDescribeConfig(t, env.Config, remRule)
	require.False(t, first.Automatic)
	require.EqualValues(t, 5, aws.ToInt32(first.MaximumAutomaticAttempts))
	require.EqualValues(t, 60, aws.ToInt64(first.RetryAttemptSeconds))

	updated := remConfig()
	updated.Automatic = true
	updated.TargetVersion = aws.String("1")
	updated.ResourceType = aws.String(remBucket)
	updated.Parameters["AutomationAssumeRole"] = types.RemediationParameterValue{StaticValue: &types.StaticValue{Values: []string{remRoleArn}}}
	updated.ExecutionControls = &types.ExecutionControls{SsmControls: &types.SsmControls{ErrorPercentage: aws.Int32(20)}}
	updated.MaximumAutomaticAttempts = aws.Int32(25)
	updated.RetryAttemptSeconds = aws.Int64(2678000)
	updated.Arn = aws.String("arn:aws:config:us-east-1:123456789012:remediation-configuration/ignored")
	_, err := env.Config.PutRemediationConfigurations(ctx, &configservice.PutRemediationConfigurationsInput{
		RemediationConfigurations: []types.RemediationConfiguration{updated}})
	require.NoError(t, err)

	second := remDescribeConfig(t, env.Config, remRule)
	require.Equal(t, first.Arn, second.Arn, "the ARN is kept across updates")
	require.True(t, second.Automatic)
	require.Equal(t, "1", aws.ToString(second.TargetVersion))
	require.Equal(t, remBucket, aws.ToString(second.ResourceType))
	require.EqualValues(t, 10, aws.ToInt32(second.ExecutionControls.SsmControls.ConcurrentExecutionRatePercentage), "a missing control gets its default")
	require.EqualValues(t, 20, aws.ToInt32(second.ExecutionControls.SsmControls.ErrorPercentage))
	require.EqualValues(t, 25, aws.ToInt32(second.MaximumAutomaticAttempts))
	require.EqualValues(t, 2678000, aws.ToInt64(second.RetryAttemptSeconds))
	require.Len(t, second.Parameters, 2)
}

func remDescribeConfig(t *testing.T, c *configservice.Client, rule string) types.RemediationConfiguration {
	t.Helper()
	out, err := c.DescribeRemediationConfigurations(context.Background(),
		&configservice.DescribeRemediationConfigurationsInput{ConfigRuleNames: []string{rule}})
	require.NoError(t, err)
	require.Len(t, out.RemediationConfigurations, 1)
	return out.RemediationConfigurations[0]
}

func TestPutRemediationConfigurations_Empty(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	out, err := env.Config.PutRemediationConfigurations(context.Background(),
		&configservice.PutRemediationConfigurationsInput{RemediationConfigurations: []types.RemediationConfiguration{}})
	require.NoError(t, err)
	require.Empty(t, out.FailedBatches)
}

func TestPutRemediationConfigurations_FailedBatches(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	remCreateDocument(t, env.SSM, "Salve-RunShell", `{"schemaVersion":"2.2","mainSteps":[{"action":"aws:runShellScript","name":"run","inputs":{"runCommand":["true"]}}]}`, ssmtypes.DocumentTypeCommand)
	remPutServiceLinkedRule(t, env, "securityhub-s3-encryption", "securityhub.amazonaws.com")

	with := func(f func(c *types.RemediationConfiguration)) types.RemediationConfiguration {
		c := remConfig()
		f(&c)
		return c
	}
	static := func(v ...string) types.RemediationParameterValue {
		return types.RemediationParameterValue{StaticValue: &types.StaticValue{Values: v}}
	}
	tests := []struct {
		name string
		cfg  types.RemediationConfiguration
		want string
	}{
		{"UnknownRule", with(func(c *types.RemediationConfiguration) { c.ConfigRuleName = aws.String("no-such-rule") }),
			"The rule no-such-rule does not exist"},
		{"ServiceLinkedRule", with(func(c *types.RemediationConfiguration) { c.ConfigRuleName = aws.String("securityhub-s3-encryption") }),
			"service-linked rule created by securityhub.amazonaws.com"},
		{"UnknownDocument", with(func(c *types.RemediationConfiguration) { c.TargetId = aws.String("Salve-Missing") }),
			"The SSM document Salve-Missing does not exist"},
		{"UnknownVersion", with(func(c *types.RemediationConfiguration) { c.TargetVersion = aws.String("7") }),
			"Version 7 of the SSM document " + remDoc + " does not exist"},
		{"CommandDocument", with(func(c *types.RemediationConfiguration) { c.TargetId = aws.String("Salve-RunShell"); c.Parameters = nil }),
			"Salve-RunShell is a Command document; remediation actions run Automation documents only"},
		{"AutomaticWithoutRole", with(func(c *types.RemediationConfiguration) { c.Automatic = true }),
			"Automatic remediation needs the AutomationAssumeRole parameter"},
		{"AutomaticWithEmptyRole", with(func(c *types.RemediationConfiguration) {
			c.Automatic = true
			c.Parameters["AutomationAssumeRole"] = static([]string{}...)
		}), "Automatic remediation needs the AutomationAssumeRole parameter"},
		{"UndeclaredParameter", with(func(c *types.RemediationConfiguration) { c.Parameters["KMSKeyId"] = static("k") }),
			"does not declare the parameter(s) KMSKeyId"},
		{"MissingRequiredParameter", with(func(c *types.RemediationConfiguration) {
			c.Parameters = map[string]types.RemediationParameterValue{"SSEAlgorithm": static("aws:kms")}
		}),
			"requires the parameter(s) BucketName"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := env.Config.PutRemediationConfigurations(context.Background(), &configservice.PutRemediationConfigurationsInput{
				RemediationConfigurations: []types.RemediationConfiguration{tc.cfg}})
			require.NoError(t, err)
			require.Len(t, out.FailedBatches, 1)
			require.Contains(t, aws.ToString(out.FailedBatches[0].FailureMessage), tc.want)
			require.Equal(t, []types.RemediationConfiguration{tc.cfg}, out.FailedBatches[0].FailedItems, "the failed item is echoed as sent")
		})
	}
}

// remPutServiceLinkedRule stores a rule as a service (e.g. Security Hub)
// creates it: PutConfigRule cannot set CreatedBy, so the record is written
// straight into the store in the rules package's record format.
func remPutServiceLinkedRule(t *testing.T, env *salvetest.Env, name, createdBy string) {
	t.Helper()
	remPutRule(t, env.Config, name)
	sc := tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}
	require.NoError(t, env.Store.Update(context.Background(), func(tx store.Tx) error {
		r, err := rules.GetRule(tx, sc, name)
		require.NoError(t, err)
		r.CreatedBy = createdBy
		b, err := json.Marshal(r)
		require.NoError(t, err)
		return tx.Put(sc.Bucket("config-rule"), name, b)
	}))
}

func TestPutRemediationConfigurations_PartialFailureStoresTheRest(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	remPutRule(t, env.Config, "other-rule")
	good := remConfig()
	badA, badB := remConfig(), remConfig()
	badA.ConfigRuleName, badB.ConfigRuleName = aws.String("missing-a"), aws.String("missing-b")
	noRole := remConfig()
	noRole.ConfigRuleName = aws.String("other-rule")
	noRole.Automatic = true

	out, err := env.Config.PutRemediationConfigurations(context.Background(), &configservice.PutRemediationConfigurationsInput{
		RemediationConfigurations: []types.RemediationConfiguration{badA, good, noRole, badB}})
	require.NoError(t, err)
	require.Len(t, out.FailedBatches, 3, "one batch per reason")
	require.Equal(t, []types.RemediationConfiguration{badA}, out.FailedBatches[0].FailedItems)
	require.Equal(t, []types.RemediationConfiguration{noRole}, out.FailedBatches[1].FailedItems)
	require.Equal(t, []types.RemediationConfiguration{badB}, out.FailedBatches[2].FailedItems)

	twice := remConfig()
	twice.ConfigRuleName = aws.String("missing-a")
	out, err = env.Config.PutRemediationConfigurations(context.Background(), &configservice.PutRemediationConfigurationsInput{
		RemediationConfigurations: []types.RemediationConfiguration{twice, twice}})
	require.NoError(t, err)
	require.Len(t, out.FailedBatches, 1, "items failing for the same reason share a batch")
	require.Len(t, out.FailedBatches[0].FailedItems, 2)

	described, err := env.Config.DescribeRemediationConfigurations(context.Background(), &configservice.DescribeRemediationConfigurationsInput{
		ConfigRuleNames: []string{remRule, "other-rule", "missing-a"}})
	require.NoError(t, err)
	require.Len(t, described.RemediationConfigurations, 1, "the good item was stored, the failed ones were not")
	require.Equal(t, remRule, aws.ToString(described.RemediationConfigurations[0].ConfigRuleName))
}

func TestPutRemediationConfigurations_AutomaticEnabledHook(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	var enabled []string
	env.Salve.Remediation.OnAutomaticEnabled(func(_ store.Tx, sc tenant.Scope, c *remediation.Configuration) error {
		enabled = append(enabled, sc.AccountID+"/"+c.ConfigRuleName)
		return nil
	})
	auto := remConfig()
	auto.Automatic = true
	auto.Parameters["AutomationAssumeRole"] = types.RemediationParameterValue{StaticValue: &types.StaticValue{Values: []string{remRoleArn}}}

	remPutConfig(t, env.Config, remConfig())
	require.Empty(t, enabled, "a manual configuration does not start automatic remediation")
	remPutConfig(t, env.Config, auto)
	require.Equal(t, []string{"123456789012/" + remRule}, enabled, "switching to automatic runs the hook")
	remPutConfig(t, env.Config, auto)
	require.Len(t, enabled, 1, "staying automatic does not run it again")
	remPutConfig(t, env.Config, remConfig())
	remPutConfig(t, env.Config, auto)
	require.Len(t, enabled, 2, "manual then automatic again runs it again")
}

func TestPutRemediationConfigurations_Validation(t *testing.T) {
	t.Parallel()
	env := remSetup(t)
	with := func(f func(c *types.RemediationConfiguration)) []types.RemediationConfiguration {
		c := remConfig()
		f(&c)
		return []types.RemediationConfiguration{c}
	}
	manyParams := map[string]types.RemediationParameterValue{}
	for i := range 26 {
		manyParams[fmt.Sprintf("P%02d", i)] = types.RemediationParameterValue{StaticValue: &types.StaticValue{Values: []string{"v"}}}
	}
	tooMany := make([]types.RemediationConfiguration, 26)
	for i := range tooMany {
		tooMany[i] = remConfig()
	}
	tests := []struct {
		name string
		cfgs []types.RemediationConfiguration
		want []string
	}{
		{"TwentySixConfigurations", tooMany, []string{"'remediationConfigurations'", "length less than or equal to 25"}},
		{"RuleNameTooLong", with(func(c *types.RemediationConfiguration) { c.ConfigRuleName = aws.String(strings.Repeat("r", 129)) }),
			[]string{"remediationConfigurations.1.member.configRuleName", "length less than or equal to 128"}},
		{"RuleNameBlank", with(func(c *types.RemediationConfiguration) { c.ConfigRuleName = aws.String("   ") }),
			[]string{"remediationConfigurations.1.member.configRuleName", `pattern: .*\S.*`}},
		{"TargetType", with(func(c *types.RemediationConfiguration) { c.TargetType = "LAMBDA" }),
			[]string{"remediationConfigurations.1.member.targetType", "enum value set: [SSM_DOCUMENT]"}},
		{"TargetIdTooLong", with(func(c *types.RemediationConfiguration) { c.TargetId = aws.String(strings.Repeat("d", 257)) }),
			[]string{"remediationConfigurations.1.member.targetId", "length less than or equal to 256"}},
		{"TargetIdEmpty", with(func(c *types.RemediationConfiguration) { c.TargetId = aws.String("") }),
			[]string{"remediationConfigurations.1.member.targetId", "length greater than or equal to 1"}},
		{"TwentySixParameters", with(func(c *types.RemediationConfiguration) { c.Parameters = manyParams }),
			[]string{"remediationConfigurations.1.member.parameters'", "length less than or equal to 25"}},
		{"ParameterKeyTooLong", with(func(c *types.RemediationConfiguration) {
			c.Parameters[strings.Repeat("k", 257)] = types.RemediationParameterValue{StaticValue: &types.StaticValue{Values: []string{"v"}}}
		}), []string{"remediationConfigurations.1.member.parameters.key", "length less than or equal to 256"}},
		{"BothValues", with(func(c *types.RemediationConfiguration) {
			c.Parameters["BucketName"] = types.RemediationParameterValue{ResourceValue: &types.ResourceValue{Value: types.ResourceValueTypeResourceId},
				StaticValue: &types.StaticValue{Values: []string{"b"}}}
		}), []string{"parameters.BucketName", "exactly one of ResourceValue or StaticValue"}},
		{"NeitherValue", with(func(c *types.RemediationConfiguration) {
			c.Parameters["BucketName"] = types.RemediationParameterValue{}
		}),
			[]string{"parameters.BucketName", "exactly one of ResourceValue or StaticValue"}},
		{"ResourceValueEnum", with(func(c *types.RemediationConfiguration) {
			c.Parameters["BucketName"] = types.RemediationParameterValue{ResourceValue: &types.ResourceValue{Value: "RESOURCE_TYPE"}}
		}), []string{"parameters.BucketName.resourceValue.value", "enum value set: [RESOURCE_ID]"}},
		{"TwentySixStaticValues", with(func(c *types.RemediationConfiguration) {
			c.Parameters["SSEAlgorithm"] = types.RemediationParameterValue{StaticValue: &types.StaticValue{Values: slices.Repeat([]string{"v"}, 26)}}
		}), []string{"parameters.SSEAlgorithm.staticValue.values", "length less than or equal to 25"}},
		{"StaticValueTooLong", with(func(c *types.RemediationConfiguration) {
			c.Parameters["SSEAlgorithm"] = types.RemediationParameterValue{StaticValue: &types.StaticValue{Values: []string{strings.Repeat("v", 257)}}}
		}), []string{"parameters.SSEAlgorithm.staticValue.values.1.member", "length less than or equal to 256"}},
		{"StaticValueEmptyString", with(func(c *types.RemediationConfiguration) {
			c.Parameters["SSEAlgorithm"] = types.RemediationParameterValue{StaticValue: &types.StaticValue{Values: []string{""}}}
		}), []string{"parameters.SSEAlgorithm.staticValue.values.1.member", "length greater than or equal to 1"}},
		{"ConcurrencyZero", with(func(c *types.RemediationConfiguration) {
			c.ExecutionControls = &types.ExecutionControls{SsmControls: &types.SsmControls{ConcurrentExecutionRatePercentage: aws.Int32(0)}}
		}), []string{"executionControls.ssmControls.concurrentExecutionRatePercentage", "value greater than or equal to 1"}},
		{"ErrorPercentage101", with(func(c *types.RemediationConfiguration) {
			c.ExecutionControls = &types.ExecutionControls{SsmControls: &types.SsmControls{ErrorPercentage: aws.Int32(101)}}
		}), []string{"executionControls.ssmControls.errorPercentage", "value less than or equal to 100"}},
		{"AttemptsZero", with(func(c *types.RemediationConfiguration) { c.MaximumAutomaticAttempts = aws.Int32(0) }),
			[]string{"remediationConfigurations.1.member.maximumAutomaticAttempts", "value greater than or equal to 1"}},
		{"Attempts26", with(func(c *types.RemediationConfiguration) { c.MaximumAutomaticAttempts = aws.Int32(26) }),
			[]string{"remediationConfigurations.1.member.maximumAutomaticAttempts", "value less than or equal to 25"}},
		{"RetrySecondsZero", with(func(c *types.RemediationConfiguration) { c.RetryAttemptSeconds = aws.Int64(0) }),
			[]string{"remediationConfigurations.1.member.retryAttemptSeconds", "value greater than or equal to 1"}},
		{"RetrySecondsTooMany", with(func(c *types.RemediationConfiguration) { c.RetryAttemptSeconds = aws.Int64(2678001) }),
			[]string{"remediationConfigurations.1.member.retryAttemptSeconds", "value less than or equal to 2678000"}},
		{"ArnTooLong", with(func(c *types.RemediationConfiguration) { c.Arn = aws.String(strings.Repeat("a", 1025)) }),
			[]string{"remediationConfigurations.1.member.arn", "length less than or equal to 1024"}},
		{"CreatedByServiceEmpty", with(func(c *types.RemediationConfiguration) { c.CreatedByService = aws.String("") }),
			[]string{"remediationConfigurations.1.member.createdByService", "length greater than or equal to 1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := env.Config.PutRemediationConfigurations(context.Background(),
				&configservice.PutRemediationConfigurationsInput{RemediationConfigurations: tc.cfgs})
			remRequireError(t, err, "ValidationException", append([]string{"1 validation error detected"}, tc.want...)...)
		})
	}
	// A model violation rejects the whole call: the valid item was not stored.
	cfgs := append(with(func(c *types.RemediationConfiguration) {}), with(func(c *types.RemediationConfiguration) { c.TargetType = "X" })...)
	_, err := env.Config.PutRemediationConfigurations(context.Background(),
		&configservice.PutRemediationConfigurationsInput{RemediationConfigurations: cfgs})
	remRequireError(t, err, "ValidationException", "remediationConfigurations.2.member.targetType")
	out, err := env.Config.DescribeRemediationConfigurations(context.Background(),
		&configservice.DescribeRemediationConfigurationsInput{ConfigRuleNames: []string{remRule}})
	require.NoError(t, err)
	require.Empty(t, out.RemediationConfigurations)
}

// TestPutRemediationConfigurations_ValidationRaw covers what the SDK
// refuses to send.
func TestPutRemediationConfigurations_ValidationRaw(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	op := "PutRemediationConfigurations"
	remRawError(t, env, op, `{}`, "ValidationException", "'remediationConfigurations' failed to satisfy constraint: Member must not be null")
	remRawError(t, env, op, `{"RemediationConfigurations":[{"TargetType":"SSM_DOCUMENT","TargetId":"d"}]}`,
		"ValidationException", "remediationConfigurations.1.member.configRuleName' failed to satisfy constraint: Member must not be null")
	remRawError(t, env, op, `{"RemediationConfigurations":[{"ConfigRuleName":"r","TargetId":"d"}]}`,
		"ValidationException", "remediationConfigurations.1.member.targetType")
	remRawError(t, env, op, `{"RemediationConfigurations":[{"ConfigRuleName":"r","TargetType":"SSM_DOCUMENT"}]}`,
		"ValidationException", "remediationConfigurations.1.member.targetId")
	remRawError(t, env, op, `{"RemediationConfigurations":[{"ConfigRuleName":"r","TargetType":"SSM_DOCUMENT","TargetId":"d","Parameters":{"P":{"StaticValue":{}}}}]}`,
		"ValidationException", "parameters.P.staticValue.values' failed to satisfy constraint: Member must not be null")
	remRawError(t, env, op, `{"RemediationConfigurations":[{"ConfigRuleName":"r","TargetType":"SSM_DOCUMENT","TargetId":"d","Parameters":{"P":{"ResourceValue":{}}}}]}`,
		"ValidationException", "parameters.P.resourceValue.value' failed to satisfy constraint: Member must not be null")
	remRawError(t, env, op, `{"RemediationConfigurations":[{"ConfigRuleName":"r","TargetType":"SSM_DOCUMENT","TargetId":"d","Parameters":{"":{"StaticValue":{"Values":["v"]}}}}]}`,
		"ValidationException", "parameters.key", "length greater than or equal to 1")
	remRawError(t, env, op, `{"RemediationConfigurations":[{"ConfigRuleName":"r","TargetType":"SSM_DOCUMENT","TargetId":"d","Automatic":"yes"}]}`,
		"SerializationException")
}
