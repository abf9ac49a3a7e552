package evaluator

import (
	"slices"

	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/rules/managed"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// boundRule is an active managed rule with its definition and parameters.
type boundRule struct {
	rule   *rules.Rule
	def    *managed.Rule
	params managed.Params
}

// covers reports whether the rule evaluates resources of the type: its
// Scope's types when it names some, else the managed rule's own.
func (br boundRule) covers(resourceType string) bool {
	if br.rule.Scope != nil && len(br.rule.Scope.ComplianceResourceTypes) > 0 {
		return slices.Contains(br.rule.Scope.ComplianceResourceTypes, resourceType)
	}
	return slices.Contains(br.def.ResourceTypes, resourceType)
}

// resourceTypes are the types the rule evaluates items of.
func (br boundRule) resourceTypes() []string {
	if br.rule.Scope != nil && len(br.rule.Scope.ComplianceResourceTypes) > 0 {
		return br.rule.Scope.ComplianceResourceTypes
	}
	return br.def.ResourceTypes
}

// boundRules returns the scope's active managed rules Salve can evaluate.
func (s *Service) boundRules(tx store.Tx, scope tenant.Scope) ([]boundRule, error) {
	all, err := rules.ListRules(tx, scope)
	if err != nil {
		return nil, err
	}
	var out []boundRule
	for _, r := range all {
		if br, ok := s.bind(r); ok {
			out = append(out, br)
		}
	}
	return out, nil
}

// bind pairs an active managed rule with its definition; a custom rule,
// an unknown identifier or bad parameters leave it out (PutConfigRule
// refuses those, so only rules stored before that check can have them).
func (s *Service) bind(r *rules.Rule) (boundRule, bool) {
	if r.Source.Owner != rules.OwnerAWS || r.State != rules.StateActive {
		return boundRule{}, false
	}
	def, ok := managed.Lookup(r.Source.SourceIdentifier)
	if !ok {
		return boundRule{}, false
	}
	params, err := managed.ParseParams(def, r.InputParameters)
	if err != nil {
		s.p.Logger.Warn("managed rule not evaluated: bad InputParameters", "rule", r.Name, "err", err)
		return boundRule{}, false
	}
	return boundRule{rule: r, def: def, params: params}, true
}
