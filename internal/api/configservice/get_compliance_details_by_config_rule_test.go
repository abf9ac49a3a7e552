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

func TestGetComplianceDetailsByConfigRule(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	putTestRule(t, env.Config, "r")
	var evals []types.Evaluation
	for i := range 24 {
		c := []types.ComplianceType{types.ComplianceTypeCompliant, types.ComplianceTypeNonCompliant, types.ComplianceTypeNotApplicable}[i%3]
		evals = append(evals, testEval(fmt.Sprintf("b%02d", i), c, salvetest.Start))
	}
	putTestEvaluations(t, env.Config, "r", evals...)

	first, err := env.Config.GetComplianceDetailsByConfigRule(ctx, &configservice.GetComplianceDetailsByConfigRuleInput{ConfigRuleName: aws.String("r")})
	require.NoError(t, err)
	require.Len(t, first.EvaluationResults, 10, "Limit defaults to 10")
	require.NotNil(t, first.NextToken)

	nonCompliant := collectDetailsByRule(t, env.Config, &configservice.GetComplianceDetailsByConfigRuleInput{
		ConfigRuleName: aws.String("r"), ComplianceTypes: []types.ComplianceType{types.ComplianceTypeNonCompliant}, Limit: 3,
	})
	require.Len(t, nonCompliant, 8)
	for _, r := range nonCompliant {
		require.Equal(t, types.ComplianceTypeNonCompliant, r.ComplianceType)
	}

	all := collectDetailsByRule(t, env.Config, &configservice.GetComplianceDetailsByConfigRuleInput{ConfigRuleName: aws.String("r"), Limit: 7})
	require.Len(t, all, 24)
	for i, r := range all {
		require.Equal(t, fmt.Sprintf("b%02d", i), aws.ToString(r.EvaluationResultIdentifier.EvaluationResultQualifier.ResourceId))
	}
}

// collectDetailsByRule pages through every result with the SDK paginator.
func collectDetailsByRule(t *testing.T, c *configservice.Client, in *configservice.GetComplianceDetailsByConfigRuleInput) []types.EvaluationResult {
	t.Helper()
	p := configservice.NewGetComplianceDetailsByConfigRulePaginator(c, in,
		func(o *configservice.GetComplianceDetailsByConfigRulePaginatorOptions) { o.StopOnDuplicateToken = true })
	var out []types.EvaluationResult
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		require.NoError(t, err)
		require.LessOrEqual(t, len(page.EvaluationResults), int(in.Limit))
		out = append(out, page.EvaluationResults...)
	}
	return out
}

func TestGetComplianceDetailsByConfigRule_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	putTestRule(t, env.Config, "r")
	tests := []struct {
		name, code, fragment string
		in                   configservice.GetComplianceDetailsByConfigRuleInput
	}{
		{"UnknownRule", "NoSuchConfigRuleException", "missing", configservice.GetComplianceDetailsByConfigRuleInput{ConfigRuleName: aws.String("missing")}},
		{"NameOver64", "ValidationException", "'configRuleName' failed to satisfy constraint: Member must have length less than or equal to 64",
			configservice.GetComplianceDetailsByConfigRuleInput{ConfigRuleName: aws.String(strings.Repeat("n", 65))}},
		{"InsufficientDataFilter", "InvalidParameterValueException", "INSUFFICIENT_DATA cannot be used",
			configservice.GetComplianceDetailsByConfigRuleInput{ConfigRuleName: aws.String("r"), ComplianceTypes: []types.ComplianceType{types.ComplianceTypeInsufficientData}}},
		{"TooManyTypes", "ValidationException", "'complianceTypes'", configservice.GetComplianceDetailsByConfigRuleInput{
			ConfigRuleName: aws.String("r"), ComplianceTypes: []types.ComplianceType{"COMPLIANT", "COMPLIANT", "COMPLIANT", "COMPLIANT"}}},
		{"BadType", "ValidationException", "complianceTypes.1.member", configservice.GetComplianceDetailsByConfigRuleInput{
			ConfigRuleName: aws.String("r"), ComplianceTypes: []types.ComplianceType{"MAYBE"}}},
		{"LimitTooHigh", "ValidationException", "'limit'", configservice.GetComplianceDetailsByConfigRuleInput{ConfigRuleName: aws.String("r"), Limit: 101}},
		{"BadToken", "InvalidNextTokenException", "nextToken", configservice.GetComplianceDetailsByConfigRuleInput{ConfigRuleName: aws.String("r"), NextToken: aws.String("zz")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := env.Config.GetComplianceDetailsByConfigRule(context.Background(), &tt.in)
			requireRulesError(t, err, tt.code, tt.fragment)
		})
	}
	code, msg := rawRulesCall(t, env, "GetComplianceDetailsByConfigRule", `{}`)
	require.Equal(t, "ValidationException", code)
	require.Contains(t, msg, "'configRuleName' failed to satisfy constraint: Member must not be null")
}
