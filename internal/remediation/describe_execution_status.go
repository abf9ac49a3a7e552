package remediation

import (
	"context"
	"sort"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DefaultExecutionStatusLimit is the page size of DescribeExecutionStatus
// when the caller gives none (AWS: "the default is maximum").
const DefaultExecutionStatusLimit = 100

// DescribeExecutionStatusParams select the executions of one rule.
type DescribeExecutionStatusParams struct {
	ConfigRuleName string
	// Keys limits the answer to these resources; nil means every resource.
	Keys []ResourceKey
	// Limit is the page size; 0 means DefaultExecutionStatusLimit.
	Limit int
	// NextToken continues a previous page.
	NextToken string
}

// DescribeExecutionStatus returns a page of the latest execution of each
// resource of a rule (of the given resources, when Keys is set), in
// (resource type, resource id) order, and the token of the next page.
func (s *Service) DescribeExecutionStatus(ctx context.Context, scope tenant.Scope, p DescribeExecutionStatusParams) ([]Execution, string, error) {
	list := "DescribeRemediationExecutionStatus/" + p.ConfigRuleName
	after, err := decodeToken(list, p.NextToken)
	if err != nil {
		return nil, "", err
	}
	limit := p.Limit
	if limit <= 0 {
		limit = DefaultExecutionStatusLimit
	}
	var out []Execution
	var next string
	err = s.store.View(ctx, func(tx store.Tx) error {
		if _, err := GetConfiguration(tx, scope, p.ConfigRuleName); err != nil {
			return err
		}
		items, err := executionPage(tx, scope, p, after, limit)
		out, next = page(items, limit, list)
		return err
	})
	return out, next, err
}

// executionPage returns up to limit+1 executions after key after.
func executionPage(tx store.Tx, scope tenant.Scope, p DescribeExecutionStatusParams, after string, limit int) ([]keyed[Execution], error) {
	if p.Keys == nil {
		var items []keyed[Execution]
		sp := store.ScanParams{Bucket: scope.Bucket(kindExecution), Prefix: rulePrefix(p.ConfigRuleName), After: after, Limit: limit + 1}
		err := scanJSON(tx, sp, func(key string, e *Execution) error {
			items = append(items, keyed[Execution]{key: key, value: *e})
			return nil
		})
		return items, err
	}
	return executionsOfKeys(tx, scope, p.ConfigRuleName, p.Keys, after, limit)
}

// executionsOfKeys looks up the given resources' executions after key
// after, in key order, up to limit+1.
func executionsOfKeys(tx store.Tx, scope tenant.Scope, rule string, keys []ResourceKey, after string, limit int) ([]keyed[Execution], error) {
	seen := map[string]bool{}
	var items []keyed[Execution]
	for _, k := range keys {
		key := resourceKey(rule, k.ResourceType, k.ResourceID)
		if seen[key] || key <= after {
			continue
		}
		seen[key] = true
		e, err := FindExecution(tx, scope, rule, k.ResourceType, k.ResourceID)
		if err != nil {
			return nil, err
		}
		if e != nil {
			items = append(items, keyed[Execution]{key: key, value: *e})
		}
	}
	sort.Slice(items, func(i, j int) bool { return items[i].key < items[j].key })
	if len(items) > limit+1 {
		items = items[:limit+1]
	}
	return items, nil
}
