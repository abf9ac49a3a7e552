package configservice_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestDescribeConfigRules_Paging(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	var want []string
	for i := range 60 {
		name := fmt.Sprintf("rule-%02d", i)
		putTestRule(t, env.Config, name)
		want = append(want, name)
	}
	sort.Strings(want)

	p := configservice.NewDescribeConfigRulesPaginator(env.Config, &configservice.DescribeConfigRulesInput{},
		func(o *configservice.DescribeConfigRulesPaginatorOptions) { o.StopOnDuplicateToken = true })
	var got []string
	var sizes []int
	tokens := map[string]bool{}
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		require.NoError(t, err)
		sizes = append(sizes, len(out.ConfigRules))
		for _, r := range out.ConfigRules {
			got = append(got, aws.ToString(r.ConfigRuleName))
		}
		if out.NextToken != nil {
			require.False(t, tokens[*out.NextToken], "a token is never returned twice")
			tokens[*out.NextToken] = true
		}
	}
	require.Equal(t, []int{25, 25, 10}, sizes)
	require.Equal(t, want, got)
}

func TestDescribeConfigRules_ByName(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	putTestRule(t, env.Config, "alpha")
	putTestRule(t, env.Config, "beta")
	putTestRule(t, env.Config, "gamma")

	out, err := env.Config.DescribeConfigRules(ctx, &configservice.DescribeConfigRulesInput{ConfigRuleNames: []string{"gamma", "alpha"}})
	require.NoError(t, err)
	require.Len(t, out.ConfigRules, 2)
	require.Equal(t, "gamma", aws.ToString(out.ConfigRules[0].ConfigRuleName))
	require.Equal(t, "alpha", aws.ToString(out.ConfigRules[1].ConfigRuleName))
	require.Nil(t, out.NextToken)

	_, err = env.Config.DescribeConfigRules(ctx, &configservice.DescribeConfigRulesInput{ConfigRuleNames: []string{"alpha", "missing"}})
	requireRulesError(t, err, "NoSuchConfigRuleException", "missing")
}

func TestDescribeConfigRules_Filters(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	putTestRule(t, env.Config, "plain")
	proactive := managedTestRule("proactive")
	proactive.EvaluationModes = []types.EvaluationModeConfiguration{{Mode: types.EvaluationModeProactive}}
	proactive.RuleEvaluationVisibility = types.RuleEvaluationVisibilityInternal
	_, err := env.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: proactive})
	require.NoError(t, err)

	names := func(f *types.DescribeConfigRulesFilters) []string {
		out, err := env.Config.DescribeConfigRules(ctx, &configservice.DescribeConfigRulesInput{Filters: f})
		require.NoError(t, err)
		var n []string
		for _, r := range out.ConfigRules {
			n = append(n, aws.ToString(r.ConfigRuleName))
		}
		return n
	}
	require.Equal(t, []string{"proactive"}, names(&types.DescribeConfigRulesFilters{EvaluationMode: types.EvaluationModeProactive}))
	require.Equal(t, []string{"plain"}, names(&types.DescribeConfigRulesFilters{EvaluationMode: types.EvaluationModeDetective}))
	require.Equal(t, []string{"proactive"}, names(&types.DescribeConfigRulesFilters{RuleEvaluationVisibility: types.RuleEvaluationVisibilityInternal}))
	require.Equal(t, []string{"plain"}, names(&types.DescribeConfigRulesFilters{RuleEvaluationVisibility: types.RuleEvaluationVisibilityExternal}),
		"a rule without a visibility counts as EXTERNAL")
}

func TestDescribeConfigRules_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	tooMany := make([]string, 26)
	for i := range tooMany {
		tooMany[i] = fmt.Sprint("r", i)
	}
	tests := []struct {
		name, code, fragment string
		in                   configservice.DescribeConfigRulesInput
	}{
		{"BadToken", "InvalidNextTokenException", "nextToken", configservice.DescribeConfigRulesInput{NextToken: aws.String("garbage")}},
		{"TooManyNames", "ValidationException", "'configRuleNames' failed to satisfy constraint: Member must have length less than or equal to 25",
			configservice.DescribeConfigRulesInput{ConfigRuleNames: tooMany}},
		{"NameTooLong", "ValidationException", "configRuleNames.1.member", configservice.DescribeConfigRulesInput{ConfigRuleNames: []string{strings.Repeat("x", 129)}}},
		{"BadMode", "ValidationException", "filters.evaluationMode",
			configservice.DescribeConfigRulesInput{Filters: &types.DescribeConfigRulesFilters{EvaluationMode: "LATER"}}},
		{"BadVisibility", "ValidationException", "filters.ruleEvaluationVisibility",
			configservice.DescribeConfigRulesInput{Filters: &types.DescribeConfigRulesFilters{RuleEvaluationVisibility: "SECRET"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := env.Config.DescribeConfigRules(ctx, &tt.in)
			requireRulesError(t, err, tt.code, tt.fragment)
		})
	}
}

func TestDescribeConfigRules_CrossAccount(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	other, _, _ := env.Clients("111122223333", "secret", "us-east-1")
	otherRegion, _, _ := env.Clients("AKIDSALVETEST", "secret", "eu-west-1")
	putTestRule(t, env.Config, "mine")

	for _, c := range []*configservice.Client{other, otherRegion} {
		out, err := c.DescribeConfigRules(context.Background(), &configservice.DescribeConfigRulesInput{})
		require.NoError(t, err)
		require.Empty(t, out.ConfigRules)
		_, err = c.DescribeConfigRules(context.Background(), &configservice.DescribeConfigRulesInput{ConfigRuleNames: []string{"mine"}})
		requireRulesError(t, err, "NoSuchConfigRuleException", "mine")
	}
}
