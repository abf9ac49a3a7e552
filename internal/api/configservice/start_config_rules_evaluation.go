package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("StartConfigRulesEvaluation", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.startConfigRulesEvaluation)
})

type startConfigRulesEvaluationInput struct {
	ConfigRuleNames []string `json:"ConfigRuleNames,omitempty"`
}

type startConfigRulesEvaluationOutput struct{}

func (a *api) startConfigRulesEvaluation(ctx context.Context, in *startConfigRulesEvaluationInput) (*startConfigRulesEvaluationOutput, error) {
	var v validate.Errors
	if in.ConfigRuleNames != nil {
		validateRuleNames(&v, "configRuleNames", in.ConfigRuleNames, 1, 25)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := a.Rules.StartEvaluation(ctx, scope(ctx), in.ConfigRuleNames); err != nil {
		return nil, err
	}
	return &startConfigRulesEvaluationOutput{}, nil
}
