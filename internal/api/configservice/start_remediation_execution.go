package configservice

import (
	"context"
	"fmt"
	"strings"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("StartRemediationExecution", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.startRemediationExecution)
})

type startRemediationExecutionInput struct {
	ConfigRuleName *string       `json:"ConfigRuleName,omitempty"`
	ResourceKeys   []ResourceKey `json:"ResourceKeys"`
}

type startRemediationExecutionOutput struct {
	FailureMessage *string       `json:"FailureMessage,omitempty"`
	FailedItems    []ResourceKey `json:"FailedItems,omitempty"`
}

// startRemediationExecution queues manual remediation of the given
// resources; the ones not queued come back in FailedItems, with a
// FailureMessage that says why for each.
func (a *api) startRemediationExecution(ctx context.Context, in *startRemediationExecutionInput) (*startRemediationExecutionOutput, error) {
	var v validate.Errors
	if v.Required("configRuleName", in.ConfigRuleName != nil) {
		validateRuleName(&v, "configRuleName", *in.ConfigRuleName, 128)
	}
	if v.Required("resourceKeys", in.ResourceKeys != nil) {
		validateResourceKeys(&v, in.ResourceKeys)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	keys := toResourceKeys(in.ResourceKeys)
	failures, err := a.Remediation.StartExecution(ctx, scope(ctx), *in.ConfigRuleName, keys)
	if err != nil || len(failures) == 0 {
		return &startRemediationExecutionOutput{}, err
	}
	out := &startRemediationExecutionOutput{FailureMessage: new(summarizeStartFailures(failures, keys))}
	for _, f := range failures {
		out.FailedItems = append(out.FailedItems, in.ResourceKeys[f.Index])
	}
	return out, nil
}

// summarizeStartFailures says, per reason, which resources were not queued.
func summarizeStartFailures(failures []remediation.ItemFailure, keys []remediation.ResourceKey) string {
	var parts []string
	for _, g := range groupFailures(failures, len(keys)) {
		names := make([]string, len(g.indexes))
		for i, idx := range g.indexes {
			names[i] = keys[idx].String()
		}
		parts = append(parts, g.message+" ("+strings.Join(names, ", ")+")")
	}
	return fmt.Sprintf("%d of %d resources were not queued for remediation: %s.", len(failures), len(keys), strings.Join(parts, "; "))
}
