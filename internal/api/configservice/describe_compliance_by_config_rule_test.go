package configservice_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// complianceScenario creates four rules: all-compliant, one-failing (one
// NON_COMPLIANT bucket among others), no-results, and not-applicable.
func complianceScenario(t *testing.T, c *configservice.Client) {
	t.Helper()
	at := salvetest.Start
	for _, n := range []string{"all-compliant", "one-failing", "no-results", "not-applicable"} {
		putTestRule(t, c, n)
	}
	putTestEvaluations(t, c, "all-compliant", testEval("b1", types.ComplianceTypeCompliant, at), testEval("b2", types.ComplianceTypeCompliant, at))
	putTestEvaluations(t, c, "one-failing", testEval("b1", types.ComplianceTypeCompliant, at),
		testEval("b2", types.ComplianceTypeNonCompliant, at), testEval("b3", types.ComplianceTypeNotApplicable, at))
	putTestEvaluations(t, c, "not-applicable", testEval("b1", types.ComplianceTypeNotApplicable, at))
}

func ruleCompliances(t *testing.T, c *configservice.Client, in *configservice.DescribeComplianceByConfigRuleInput) map[string]*types.Compliance {
	t.Helper()
	out, err := c.DescribeComplianceByConfigRule(context.Background(), in)
	require.NoError(t, err)
	got := map[string]*types.Compliance{}
	for _, it := range out.ComplianceByConfigRules {
		got[aws.ToString(it.ConfigRuleName)] = it.Compliance
	}
	return got
}

func TestDescribeComplianceByConfigRule(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	complianceScenario(t, env.Config)

	got := ruleCompliances(t, env.Config, &configservice.DescribeComplianceByConfigRuleInput{})
	require.Equal(t, map[string]*types.Compliance{
		"all-compliant": {ComplianceType: types.ComplianceTypeCompliant},
		"one-failing": {ComplianceType: types.ComplianceTypeNonCompliant,
			ComplianceContributorCount: &types.ComplianceContributorCount{CappedCount: 1, CapExceeded: false}},
		"no-results":     {ComplianceType: types.ComplianceTypeInsufficientData},
		"not-applicable": {ComplianceType: types.ComplianceTypeInsufficientData},
	}, got)

	got = ruleCompliances(t, env.Config, &configservice.DescribeComplianceByConfigRuleInput{
		ComplianceTypes: []types.ComplianceType{types.ComplianceTypeNonCompliant, types.ComplianceTypeCompliant},
	})
	require.Len(t, got, 2)
	require.Contains(t, got, "one-failing")
	require.Contains(t, got, "all-compliant")

	got = ruleCompliances(t, env.Config, &configservice.DescribeComplianceByConfigRuleInput{
		ConfigRuleNames: []string{"no-results", "all-compliant"}, ComplianceTypes: []types.ComplianceType{types.ComplianceTypeInsufficientData},
	})
	require.Equal(t, []string{"no-results"}, ruleMapKeys(got))
}

func TestDescribeComplianceByConfigRule_Cap(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	putTestRule(t, env.Config, "big")
	for batch := range 2 {
		var evals []types.Evaluation
		for i := range 51 {
			evals = append(evals, testEval(fmt.Sprintf("b%d-%02d", batch, i), types.ComplianceTypeNonCompliant, salvetest.Start))
		}
		putTestEvaluations(t, env.Config, "big", evals...)
	}
	got := ruleCompliances(t, env.Config, &configservice.DescribeComplianceByConfigRuleInput{})
	require.Equal(t, &types.ComplianceContributorCount{CappedCount: 100, CapExceeded: true}, got["big"].ComplianceContributorCount)
}

func TestDescribeComplianceByConfigRule_Paging(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	for i := range 30 {
		putTestRule(t, env.Config, fmt.Sprintf("r%02d", i))
	}
	p := configservice.NewDescribeComplianceByConfigRulePaginator(env.Config, &configservice.DescribeComplianceByConfigRuleInput{},
		func(o *configservice.DescribeComplianceByConfigRulePaginatorOptions) { o.StopOnDuplicateToken = true })
	var sizes []int
	var names []string
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		require.NoError(t, err)
		sizes = append(sizes, len(out.ComplianceByConfigRules))
		for _, it := range out.ComplianceByConfigRules {
			names = append(names, aws.ToString(it.ConfigRuleName))
		}
	}
	require.Equal(t, []int{25, 5}, sizes)
	require.Equal(t, "r00", names[0])
	require.Equal(t, "r29", names[29])
}

func TestDescribeComplianceByConfigRule_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	other, _, _ := env.Clients("111122223333", "secret", "us-east-1")
	putTestRule(t, env.Config, "mine")
	tests := []struct {
		name, code, fragment string
		client               *configservice.Client
		in                   configservice.DescribeComplianceByConfigRuleInput
	}{
		{"UnknownRule", "NoSuchConfigRuleException", "missing", env.Config, configservice.DescribeComplianceByConfigRuleInput{ConfigRuleNames: []string{"missing"}}},
		{"OtherAccountsRule", "NoSuchConfigRuleException", "mine", other, configservice.DescribeComplianceByConfigRuleInput{ConfigRuleNames: []string{"mine"}}},
		{"BadToken", "InvalidNextTokenException", "nextToken", env.Config, configservice.DescribeComplianceByConfigRuleInput{NextToken: aws.String("bm9wZQ")}},
		{"TooManyTypes", "ValidationException", "'complianceTypes' failed to satisfy constraint: Member must have length less than or equal to 3", env.Config,
			configservice.DescribeComplianceByConfigRuleInput{ComplianceTypes: []types.ComplianceType{"COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE", "INSUFFICIENT_DATA"}}},
		{"BadType", "ValidationException", "complianceTypes.1.member", env.Config,
			configservice.DescribeComplianceByConfigRuleInput{ComplianceTypes: []types.ComplianceType{"GREEN"}}},
		{"BlankName", "ValidationException", "configRuleNames.1.member", env.Config,
			configservice.DescribeComplianceByConfigRuleInput{ConfigRuleNames: []string{" "}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := tt.client.DescribeComplianceByConfigRule(context.Background(), &tt.in)
			requireRulesError(t, err, tt.code, tt.fragment)
		})
	}
}

func ruleMapKeys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
