package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("GetComplianceSummaryByConfigRule", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.getComplianceSummaryByConfigRule)
})

// getComplianceSummaryByConfigRuleInput is empty: the operation has no
// input shape and clients send {}.
type getComplianceSummaryByConfigRuleInput struct{}

type getComplianceSummaryByConfigRuleOutput struct {
	ComplianceSummary *ComplianceSummary `json:"ComplianceSummary,omitempty"`
}

func (a *api) getComplianceSummaryByConfigRule(ctx context.Context, _ *getComplianceSummaryByConfigRuleInput) (*getComplianceSummaryByConfigRuleOutput, error) {
	s, err := a.Rules.SummaryByRule(ctx, scope(ctx))
	if err != nil {
		return nil, err
	}
	return &getComplianceSummaryByConfigRuleOutput{ComplianceSummary: toComplianceSummary(*s)}, nil
}
