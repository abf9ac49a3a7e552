package configservice_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

const lambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:check-buckets"

func describeTestRule(t *testing.T, c *configservice.Client, name string) types.ConfigRule {
	t.Helper()
	out, err := c.DescribeConfigRules(context.Background(), &configservice.DescribeConfigRulesInput{ConfigRuleNames: []string{name}})
	require.NoError(t, err)
	require.Len(t, out.ConfigRules, 1)
	return out.ConfigRules[0]
}

func TestPutConfigRule_Create(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	_, err := env.Config.PutConfigRule(context.Background(), &configservice.PutConfigRuleInput{
		ConfigRule: &types.ConfigRule{
			ConfigRuleName:            aws.String("required-tags"),
			Description:               aws.String("buckets carry a cost centre"),
			Scope:                     &types.Scope{ComplianceResourceTypes: []string{"AWS::S3::Bucket"}, TagKey: aws.String("env"), TagValue: aws.String("prod")},
			Source:                    &types.Source{Owner: types.OwnerAws, SourceIdentifier: aws.String("RESTRICTED_INCOMING_TRAFFIC")},
			InputParameters:           aws.String(`{"blockedPort1":"8080"}`),
			MaximumExecutionFrequency: types.MaximumExecutionFrequencyTwelveHours,
			RuleEvaluationVisibility:  types.RuleEvaluationVisibilityInternal,
		},
		Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("platform")}},
	})
	require.NoError(t, err)

	got := describeTestRule(t, env.Config, "required-tags")
	id := aws.ToString(got.ConfigRuleId)
	require.Regexp(t, `^config-rule-[a-z0-9]{6}$`, id)
	require.Equal(t, "arn:aws:config:us-east-1:123456789012:config-rule/"+id, aws.ToString(got.ConfigRuleArn))
	require.Equal(t, types.ConfigRuleStateActive, got.ConfigRuleState)
	require.Nil(t, got.CreatedBy, "user rules have no CreatedBy")
	require.Equal(t, "buckets carry a cost centre", aws.ToString(got.Description))
	require.Equal(t, []string{"AWS::S3::Bucket"}, got.Scope.ComplianceResourceTypes)
	require.Equal(t, "env", aws.ToString(got.Scope.TagKey))
	require.Equal(t, "prod", aws.ToString(got.Scope.TagValue))
	require.Equal(t, types.OwnerAws, got.Source.Owner)
	require.Equal(t, "RESTRICTED_INCOMING_TRAFFIC", aws.ToString(got.Source.SourceIdentifier))
	require.Equal(t, `{"blockedPort1":"8080"}`, aws.ToString(got.InputParameters))
	require.Equal(t, types.MaximumExecutionFrequencyTwelveHours, got.MaximumExecutionFrequency)
	require.Equal(t, types.RuleEvaluationVisibilityInternal, got.RuleEvaluationVisibility)
	require.Equal(t, []types.EvaluationModeConfiguration{{Mode: types.EvaluationModeDetective}}, got.EvaluationModes)
}

func TestPutConfigRule_CustomRules(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	_, err := env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &types.ConfigRule{
		ConfigRuleName: aws.String("lambda"),
		Source: &types.Source{Owner: types.OwnerCustomLambda, SourceIdentifier: aws.String(lambdaARN),
			SourceDetails: []types.SourceDetail{
				{EventSource: types.EventSourceAwsConfig, MessageType: types.MessageTypeConfigurationItemChangeNotification},
				{EventSource: types.EventSourceAwsConfig, MessageType: types.MessageTypeScheduledNotification, MaximumExecutionFrequency: types.MaximumExecutionFrequencyOneHour},
			}},
		EvaluationModes: []types.EvaluationModeConfiguration{{Mode: types.EvaluationModeDetective}, {Mode: types.EvaluationModeProactive}},
	}})
	require.NoError(t, err)
	_, err = env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &types.ConfigRule{
		ConfigRuleName: aws.String("guard"),
		Source: &types.Source{Owner: types.OwnerCustomPolicy,
			SourceDetails:       []types.SourceDetail{{EventSource: types.EventSourceAwsConfig, MessageType: types.MessageTypeConfigurationItemChangeNotification}},
			CustomPolicyDetails: &types.CustomPolicyDetails{PolicyRuntime: aws.String("guard-2.x.x"), PolicyText: aws.String("rule ok { }"), EnableDebugLogDelivery: true}},
	}})
	require.NoError(t, err)

	lambda := describeTestRule(t, env.Config, "lambda")
	require.Equal(t, lambdaARN, aws.ToString(lambda.Source.SourceIdentifier))
	require.Len(t, lambda.Source.SourceDetails, 2)
	require.Equal(t, types.MaximumExecutionFrequencyOneHour, lambda.Source.SourceDetails[1].MaximumExecutionFrequency)
	require.Len(t, lambda.EvaluationModes, 2)

	guard := describeTestRule(t, env.Config, "guard")
	require.Equal(t, "guard-2.x.x", aws.ToString(guard.Source.CustomPolicyDetails.PolicyRuntime))
	require.Equal(t, "rule ok { }", aws.ToString(guard.Source.CustomPolicyDetails.PolicyText))
	require.True(t, guard.Source.CustomPolicyDetails.EnableDebugLogDelivery)
}

func TestPutConfigRule_Update(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	putTestRule(t, env.Config, "upd")
	before := describeTestRule(t, env.Config, "upd")

	t.Run("ByName", func(t *testing.T) {
		rule := managedTestRule("upd")
		rule.Description = aws.String("by name")
		_, err := env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: rule})
		require.NoError(t, err)
		after := describeTestRule(t, env.Config, "upd")
		require.Equal(t, "by name", aws.ToString(after.Description))
		require.Equal(t, before.ConfigRuleId, after.ConfigRuleId)
		require.Equal(t, before.ConfigRuleArn, after.ConfigRuleArn)
	})
	t.Run("ByARN", func(t *testing.T) {
		rule := managedTestRule("")
		rule.ConfigRuleName, rule.ConfigRuleArn, rule.Description = nil, before.ConfigRuleArn, aws.String("by arn")
		_, err := env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: rule})
		require.NoError(t, err)
		require.Equal(t, "by arn", aws.ToString(describeTestRule(t, env.Config, "upd").Description))
	})
	t.Run("ByID", func(t *testing.T) {
		rule := managedTestRule("upd")
		rule.ConfigRuleId, rule.Description = before.ConfigRuleId, nil
		_, err := env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: rule})
		require.NoError(t, err)
		require.Nil(t, describeTestRule(t, env.Config, "upd").Description, "an update replaces the definition")
	})
	t.Run("RenameRejected", func(t *testing.T) {
		rule := managedTestRule("other-name")
		rule.ConfigRuleId = before.ConfigRuleId
		_, err := env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: rule})
		requireRulesError(t, err, "InvalidParameterValueException", "cannot be renamed")
	})
	t.Run("ArnOfNewRule", func(t *testing.T) {
		rule := managedTestRule("brand-new")
		rule.ConfigRuleArn = aws.String("arn:aws:config:us-east-1:123456789012:config-rule/config-rule-zzzzzz")
		_, err := env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: rule})
		requireRulesError(t, err, "InvalidParameterValueException", "can not be specified when creating a new ConfigRule")
	})
	t.Run("IdOfNewRule", func(t *testing.T) {
		rule := managedTestRule("brand-new")
		rule.ConfigRuleId = aws.String("config-rule-zzzzzz")
		_, err := env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: rule})
		requireRulesError(t, err, "InvalidParameterValueException", "can not be specified when creating a new ConfigRule")
	})
}

func TestPutConfigRule_InvalidParameter(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	scheduled := types.SourceDetail{MessageType: types.MessageTypeScheduledNotification}
	change := types.SourceDetail{MessageType: types.MessageTypeConfigurationItemChangeNotification}
	policy := &types.CustomPolicyDetails{PolicyRuntime: aws.String("guard-2.x.x"), PolicyText: aws.String("rule x {}")}
	tests := []struct {
		name     string
		rule     func(r *types.ConfigRule)
		fragment string
	}{
		{"NoName", func(r *types.ConfigRule) { r.ConfigRuleName = nil }, "ConfigRuleName is required"},
		{"InputParametersNotJSON", func(r *types.ConfigRule) { r.InputParameters = aws.String("tag1Key=x") }, "InputParameters"},
		{"InputParametersNotObject", func(r *types.ConfigRule) { r.InputParameters = aws.String(`["x"]`) }, "InputParameters"},
		{"StateNotActive", func(r *types.ConfigRule) { r.ConfigRuleState = types.ConfigRuleStateDeleting }, "ConfigRuleState DELETING"},
		{"ManagedIdentifierMissing", func(r *types.ConfigRule) { r.Source.SourceIdentifier = nil }, "sourceIdentifier"},
		{"ManagedIdentifierMalformed", func(r *types.ConfigRule) { r.Source.SourceIdentifier = aws.String("required-tags") }, "The sourceIdentifier required-tags is invalid. Please refer to the documentation"},
		{"ManagedIdentifierUnknown", func(r *types.ConfigRule) { r.Source.SourceIdentifier = aws.String("ROOT_ACCOUNT_MFA_ENABLED") }, "The sourceIdentifier ROOT_ACCOUNT_MFA_ENABLED is invalid"},
		{"ManagedUnknownParameter", func(r *types.ConfigRule) { r.InputParameters = aws.String(`{"isMfaDeleteEnabled":"true","extra":"1"}`) }, `Unknown parameters provided in the inputParameters: {"isMfaDeleteEnabled":"true","extra":"1"}`},
		{"ManagedParameterNotString", func(r *types.ConfigRule) { r.InputParameters = aws.String(`{"isMfaDeleteEnabled":true}`) }, "Blank spaces are not acceptable for input parameter: isMfaDeleteEnabled."},
		{"ManagedRequiredParameterMissing", func(r *types.ConfigRule) {
			r.Source.SourceIdentifier = aws.String("IAM_ROLE_MANAGED_POLICY_CHECK")
		}, "The required parameter managedPolicyArns is not present in the inputParameters, please refer to Config rules documentation for the required parameters."},
		{"ManagedIntParameterNotInt", func(r *types.ConfigRule) {
			r.Source.SourceIdentifier, r.InputParameters = aws.String("EC2_STOPPED_INSTANCE"), aws.String(`{"AllowedDays":"a month"}`)
		}, "The value 'a month' of input parameter AllowedDays is not a valid int."},
		{"ManagedFrequencyOnChangeTriggeredRule", func(r *types.ConfigRule) { r.MaximumExecutionFrequency = types.MaximumExecutionFrequencyOneHour },
			"A maximum execution frequency for this rule is not allowed because only a change in resources triggers this managed rule."},
		{"ManagedWithSourceDetails", func(r *types.ConfigRule) { r.Source.SourceDetails = []types.SourceDetail{change} }, "SourceDetails should be null/empty if the owner is AWS"},
		{"ManagedWithPolicy", func(r *types.ConfigRule) { r.Source.CustomPolicyDetails = policy }, "CustomPolicyDetails can only be given"},
		{"LambdaWithoutARN", func(r *types.ConfigRule) {
			r.Source = &types.Source{Owner: types.OwnerCustomLambda, SourceIdentifier: aws.String("check-buckets"), SourceDetails: []types.SourceDetail{change}}
		}, "Lambda function"},
		{"LambdaWithoutSourceDetails", func(r *types.ConfigRule) {
			r.Source = &types.Source{Owner: types.OwnerCustomLambda, SourceIdentifier: aws.String(lambdaARN)}
		}, "SourceDetails should be provided if the owner is CUSTOM_LAMBDA"},
		{"PolicyWithoutDetails", func(r *types.ConfigRule) {
			r.Source = &types.Source{Owner: types.OwnerCustomPolicy, SourceDetails: []types.SourceDetail{change}}
		}, "CustomPolicyDetails is required"},
		{"PolicyWithScheduledTrigger", func(r *types.ConfigRule) {
			r.Source = &types.Source{Owner: types.OwnerCustomPolicy, SourceDetails: []types.SourceDetail{scheduled}, CustomPolicyDetails: policy}
		}, "not supported for CUSTOM_POLICY"},
		{"FrequencyWithoutScheduledTrigger", func(r *types.ConfigRule) {
			r.Source = &types.Source{Owner: types.OwnerCustomLambda, SourceIdentifier: aws.String(lambdaARN),
				SourceDetails: []types.SourceDetail{{MessageType: types.MessageTypeConfigurationItemChangeNotification, MaximumExecutionFrequency: types.MaximumExecutionFrequencyOneHour}}}
		}, "must have the MessageType ScheduledNotification"},
		{"SourceDetailWithoutMessageType", func(r *types.ConfigRule) {
			r.Source = &types.Source{Owner: types.OwnerCustomLambda, SourceIdentifier: aws.String(lambdaARN),
				SourceDetails: []types.SourceDetail{{EventSource: types.EventSourceAwsConfig}}}
		}, "needs a MessageType"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rule := managedTestRule("bad-" + tt.name)
			tt.rule(rule)
			_, err := env.Config.PutConfigRule(context.Background(), &configservice.PutConfigRuleInput{ConfigRule: rule})
			requireRulesError(t, err, "InvalidParameterValueException", tt.fragment)
		})
	}
	out, err := env.Config.DescribeConfigRules(context.Background(), &configservice.DescribeConfigRulesInput{})
	require.NoError(t, err)
	require.Empty(t, out.ConfigRules, "no rejected rule was stored")
}

func TestPutConfigRule_Validation(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	long := func(n int) *string { return aws.String(strings.Repeat("a", n)) }
	tests := []struct {
		name     string
		in       func(in *configservice.PutConfigRuleInput)
		fragment string
	}{
		{"NameTooLong", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.ConfigRuleName = long(129) }, "'configRule.configRuleName' failed to satisfy constraint: Member must have length less than or equal to 128"},
		{"NameBlank", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.ConfigRuleName = aws.String("   ") }, "configRule.configRuleName' failed to satisfy constraint: Member must satisfy regular expression pattern"},
		{"NameEmpty", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.ConfigRuleName = aws.String("") }, "greater than or equal to 1"},
		{"DescriptionTooLong", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.Description = long(257) }, "configRule.description"},
		{"InputParametersTooLong", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.InputParameters = long(1025) }, "configRule.inputParameters"},
		{"ArnTooLong", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.ConfigRuleArn = long(257) }, "configRule.configRuleArn"},
		{"IdTooLong", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.ConfigRuleId = long(65) }, "configRule.configRuleId"},
		{"BadFrequency", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.MaximumExecutionFrequency = "Hourly" }, "configRule.maximumExecutionFrequency"},
		{"BadState", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.ConfigRuleState = "PAUSED" }, "configRule.configRuleState"},
		{"BadVisibility", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.RuleEvaluationVisibility = "PUBLIC" }, "configRule.ruleEvaluationVisibility"},
		{"BadEvaluationMode", func(in *configservice.PutConfigRuleInput) {
			in.ConfigRule.EvaluationModes = []types.EvaluationModeConfiguration{{Mode: "REACTIVE"}}
		}, "configRule.evaluationModes.1.member.mode"},
		{"BadOwner", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.Source.Owner = "ME" }, "configRule.source.owner' failed to satisfy constraint: Member must satisfy enum value set"},
		{"SourceIdentifierTooLong", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.Source.SourceIdentifier = long(257) }, "configRule.source.sourceIdentifier"},
		{"TooManySourceDetails", func(in *configservice.PutConfigRuleInput) {
			in.ConfigRule.Source.SourceDetails = make([]types.SourceDetail, 26)
		}, "configRule.source.sourceDetails"},
		{"BadMessageType", func(in *configservice.PutConfigRuleInput) {
			in.ConfigRule.Source.SourceDetails = []types.SourceDetail{{MessageType: "Whenever"}}
		}, "configRule.source.sourceDetails.1.member.messageType"},
		{"BadEventSource", func(in *configservice.PutConfigRuleInput) {
			in.ConfigRule.Source.SourceDetails = []types.SourceDetail{{EventSource: "aws.s3"}}
		}, "configRule.source.sourceDetails.1.member.eventSource"},
		{"BadDetailFrequency", func(in *configservice.PutConfigRuleInput) {
			in.ConfigRule.Source.SourceDetails = []types.SourceDetail{{MaximumExecutionFrequency: "Daily"}}
		}, "configRule.source.sourceDetails.1.member.maximumExecutionFrequency"},
		{"BadPolicyRuntime", func(in *configservice.PutConfigRuleInput) {
			in.ConfigRule.Source = &types.Source{Owner: types.OwnerCustomPolicy,
				CustomPolicyDetails: &types.CustomPolicyDetails{PolicyRuntime: aws.String("guard-1.0"), PolicyText: aws.String("")}}
		}, "configRule.source.customPolicyDetails.policyRuntime' failed to satisfy constraint: Member must satisfy regular expression pattern: guard\\-2\\.x\\.x"},
		{"PolicyTextTooLong", func(in *configservice.PutConfigRuleInput) {
			in.ConfigRule.Source = &types.Source{Owner: types.OwnerCustomPolicy,
				CustomPolicyDetails: &types.CustomPolicyDetails{PolicyRuntime: aws.String("guard-2.x.x"), PolicyText: long(10001)}}
		}, "configRule.source.customPolicyDetails.policyText"},
		{"TooManyResourceTypes", func(in *configservice.PutConfigRuleInput) {
			in.ConfigRule.Scope = &types.Scope{ComplianceResourceTypes: make([]string, 101)}
		}, "configRule.scope.complianceResourceTypes"},
		{"EmptyResourceType", func(in *configservice.PutConfigRuleInput) {
			in.ConfigRule.Scope = &types.Scope{ComplianceResourceTypes: []string{""}}
		}, "configRule.scope.complianceResourceTypes.1.member"},
		{"TagKeyTooLong", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.Scope = &types.Scope{TagKey: long(129)} }, "configRule.scope.tagKey"},
		{"TagValueTooLong", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.Scope = &types.Scope{TagValue: long(257)} }, "configRule.scope.tagValue"},
		{"ScopeResourceIDTooLong", func(in *configservice.PutConfigRuleInput) {
			in.ConfigRule.Scope = &types.Scope{ComplianceResourceId: long(769)}
		}, "configRule.scope.complianceResourceId"},
		{"TooManyServicePrincipals", func(in *configservice.PutConfigRuleInput) {
			in.ConfigRule.Scope = &types.Scope{ServicePrincipals: make([]string, 101)}
		}, "configRule.scope.servicePrincipals"},
		{"CreatedByEmpty", func(in *configservice.PutConfigRuleInput) { in.ConfigRule.CreatedBy = aws.String("") }, "configRule.createdBy"},
		{"TooManyTags", func(in *configservice.PutConfigRuleInput) {
			for i := range 51 {
				in.Tags = append(in.Tags, types.Tag{Key: aws.String(strings.Repeat("k", i+1)), Value: aws.String("v")})
			}
		}, "'tags' failed to satisfy constraint: Member must have length less than or equal to 50"},
		{"TagKeyEmpty", func(in *configservice.PutConfigRuleInput) {
			in.Tags = []types.Tag{{Key: aws.String(""), Value: aws.String("v")}}
		}, "tags.1.member.key"},
		{"TagKeyMissing", func(in *configservice.PutConfigRuleInput) { in.Tags = []types.Tag{{Value: aws.String("v")}} }, "'tags.1.member.key' failed to satisfy constraint: Member must not be null"},
		{"TagValueTooLong", func(in *configservice.PutConfigRuleInput) {
			in.Tags = []types.Tag{{Key: aws.String("k"), Value: long(257)}}
		}, "tags.1.member.value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := &configservice.PutConfigRuleInput{ConfigRule: managedTestRule("valid")}
			tt.in(in)
			_, err := env.Config.PutConfigRule(context.Background(), in)
			requireRulesError(t, err, "ValidationException", tt.fragment)
		})
	}
}

func TestPutConfigRule_ValidationRaw(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	tests := []struct{ name, body, fragment string }{
		{"NoConfigRule", `{}`, "'configRule' failed to satisfy constraint: Member must not be null"},
		{"NoSource", `{"ConfigRule":{"ConfigRuleName":"x"}}`, "'configRule.source' failed to satisfy constraint: Member must not be null"},
		{"NoOwner", `{"ConfigRule":{"ConfigRuleName":"x","Source":{"SourceIdentifier":"REQUIRED_TAGS"}}}`, "'configRule.source.owner' failed to satisfy constraint: Member must not be null"},
		{"NoPolicyRuntime", `{"ConfigRule":{"ConfigRuleName":"x","Source":{"Owner":"CUSTOM_POLICY","CustomPolicyDetails":{"PolicyText":""}}}}`, "configRule.source.customPolicyDetails.policyRuntime"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, msg := rawRulesCall(t, env, "PutConfigRule", tt.body)
			require.Equal(t, "ValidationException", code)
			require.Contains(t, msg, tt.fragment)
		})
	}
}

func TestPutConfigRule_CrossAccount(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	other, _, _ := env.Clients("111122223333", "secret", "us-east-1")
	putTestRule(t, env.Config, "shared-name")
	putTestRule(t, other, "shared-name")

	mine := describeTestRule(t, env.Config, "shared-name")
	theirs := describeTestRule(t, other, "shared-name")
	require.NotEqual(t, mine.ConfigRuleId, theirs.ConfigRuleId)
	require.Contains(t, aws.ToString(theirs.ConfigRuleArn), ":111122223333:config-rule/")

	rule := managedTestRule("")
	rule.ConfigRuleName, rule.ConfigRuleArn = nil, mine.ConfigRuleArn
	_, err := other.PutConfigRule(context.Background(), &configservice.PutConfigRuleInput{ConfigRule: rule})
	requireRulesError(t, err, "InvalidParameterValueException")
}
