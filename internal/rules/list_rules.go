package rules

import (
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// ListRules returns every rule of scope in name order (the evaluator
// finds the rules in scope of a change with it).
func ListRules(tx store.Tx, scope tenant.Scope) ([]*Rule, error) {
	var out []*Rule
	err := eachRule(tx, store.ScanParams{Bucket: scope.Bucket(kindRule)}, func(r *Rule) (bool, error) {
		out = append(out, r)
		return true, nil
	})
	return out, err
}

// AppliesTo reports whether the rule's Scope selects a resource of the
// given type and id with the given tags: ComplianceResourceTypes (empty
// selects every type), ComplianceResourceId (only with exactly one type),
// and TagKey / TagValue (TagValue empty matches any value of the key).
func (r *Rule) AppliesTo(resourceType, resourceID string, tags map[string]string) bool {
	sc := r.Scope
	if sc == nil {
		return true
	}
	if len(sc.ComplianceResourceTypes) > 0 && !contains(sc.ComplianceResourceTypes, resourceType) {
		return false
	}
	if sc.ComplianceResourceID != "" && sc.ComplianceResourceID != resourceID {
		return false
	}
	if sc.TagKey != "" {
		v, ok := tags[sc.TagKey]
		if !ok || (sc.TagValue != "" && v != sc.TagValue) {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
