package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DeleteConfigRule", func(a *api) awsproto.Handler { return awsproto.JSON(a.deleteConfigRule) })

type deleteConfigRuleInput struct {
	ConfigRuleName *string `json:"ConfigRuleName,omitempty"`
}

type deleteConfigRuleOutput struct{}

func (a *api) deleteConfigRule(ctx context.Context, in *deleteConfigRuleInput) (*deleteConfigRuleOutput, error) {
	var v validate.Errors
	if v.Required("configRuleName", in.ConfigRuleName != nil) {
		validateRuleName(&v, "configRuleName", *in.ConfigRuleName, 128)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := a.Rules.DeleteRule(ctx, scope(ctx), *in.ConfigRuleName); err != nil {
		return nil, err
	}
	return &deleteConfigRuleOutput{}, nil
}
