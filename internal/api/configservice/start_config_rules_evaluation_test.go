package configservice_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestStartConfigRulesEvaluation_RateLimit(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	putTestRule(t, env.Config, "a")
	putTestRule(t, env.Config, "b")
	start := func(names ...string) error {
		_, err := env.Config.StartConfigRulesEvaluation(ctx, &configservice.StartConfigRulesEvaluationInput{ConfigRuleNames: names})
		return err
	}

	require.NoError(t, start("a"))
	env.Clock.Advance(59 * time.Second)
	requireRulesError(t, start("a"), "LimitExceededException", "at most once per minute", "Retry after")
	requireRulesError(t, start("b", "a"), "LimitExceededException")
	require.NoError(t, start("b"), "the refused batch recorded nothing for b")

	env.Clock.Advance(time.Second)
	require.NoError(t, start("a"), "a minute later the rule may start again")
	requireRulesError(t, start("a"), "LimitExceededException")
}

func TestStartConfigRulesEvaluation_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	other, _, _ := env.Clients("111122223333", "secret", "us-east-1")
	putTestRule(t, env.Config, "mine")
	tooMany := make([]string, 26)
	for i := range tooMany {
		tooMany[i] = fmt.Sprint("r", i)
	}

	_, err := env.Config.StartConfigRulesEvaluation(context.Background(), &configservice.StartConfigRulesEvaluationInput{ConfigRuleNames: []string{"mine", "missing"}})
	requireRulesError(t, err, "NoSuchConfigRuleException", "missing")
	_, err = other.StartConfigRulesEvaluation(context.Background(), &configservice.StartConfigRulesEvaluationInput{ConfigRuleNames: []string{"mine"}})
	requireRulesError(t, err, "NoSuchConfigRuleException", "mine")
	_, err = env.Config.StartConfigRulesEvaluation(context.Background(), &configservice.StartConfigRulesEvaluationInput{ConfigRuleNames: tooMany})
	requireRulesError(t, err, "ValidationException", "'configRuleNames' failed to satisfy constraint: Member must have length less than or equal to 25")

	code, msg := rawRulesCall(t, env, "StartConfigRulesEvaluation", `{"ConfigRuleNames":[]}`)
	require.Equal(t, "ValidationException", code)
	require.Contains(t, msg, "greater than or equal to 1")
	code, msg = rawRulesCall(t, env, "StartConfigRulesEvaluation", `{}`)
	require.Equal(t, "InvalidParameterValueException", code)
	require.Contains(t, msg, "ConfigRuleNames is required")

	_, err = env.Config.StartConfigRulesEvaluation(context.Background(), &configservice.StartConfigRulesEvaluationInput{ConfigRuleNames: []string{"mine"}})
	require.NoError(t, err, "the failed calls did not count against the limit")
}
