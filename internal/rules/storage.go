package rules

import (
	"errors"
	"fmt"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Record kinds (bucket names are per account and region, see tenant.Scope).
const (
	// kindRule holds Rule records keyed by rule name.
	kindRule = "config-rule"
	// kindRuleID maps a ConfigRuleId to its rule name.
	kindRuleID = "config-rule-id"
	// kindEval holds EvaluationResults keyed by (rule, resourceType, resourceId).
	kindEval = "config-evaluation"
	// kindEvalByResource indexes the same results by (resourceType,
	// resourceId, rule), so per-resource reads never scan every rule; the
	// value is the result's ComplianceType (what the roll-ups read), the
	// result itself is in kindEval. (Databases written before held the
	// whole result as JSON here; decodeResult reads both.)
	kindEvalByResource = "config-evaluation-by-resource"
	// kindEvalRequest holds the last StartConfigRulesEvaluation time per rule.
	kindEvalRequest = "config-rule-evaluation-request"
)

func evalKey(rule, resourceType, resourceID string) string {
	return store.Key(rule, resourceType, resourceID)
}

func evalByResourceKey(resourceType, resourceID, rule string) string {
	return store.Key(resourceType, resourceID, rule)
}

// prefixOf returns the scan prefix of every key that starts with parts.
func prefixOf(parts ...string) string { return store.Key(parts...) + "/" }

// afterGroup returns the scan position just past every key that starts with
// group + "/", where group is a store.Key: '0' is the byte after the '/'
// separator store.Key writes, and a separator inside a part is escaped.
func afterGroup(group string) string { return group + "0" }

// GetRule loads a rule; a missing rule is an awserr NoSuchConfigRuleException.
func GetRule(tx store.Tx, scope tenant.Scope, name string) (*Rule, error) {
	var r Rule
	err := getJSON(tx, scope.Bucket(kindRule), name, &r)
	if errors.Is(err, store.ErrNotFound) {
		return nil, noSuchRule(name)
	}
	if err != nil {
		return nil, fmt.Errorf("load rule %q: %w", name, err)
	}
	return &r, nil
}

// ResourceCompliance returns the stored ComplianceType of (rule, resource),
// or "" if the rule never evaluated it.
func ResourceCompliance(tx store.Tx, scope tenant.Scope, ruleName, resourceType, resourceID string) (string, error) {
	res, err := getResult(tx, scope, ruleName, resourceType, resourceID)
	if err != nil || res == nil {
		return "", err
	}
	return res.ComplianceType, nil
}

// ResourcesByCompliance lists the (resourceType, resourceId) pairs of a rule
// with the given ComplianceType, in key order.
func ResourcesByCompliance(tx store.Tx, scope tenant.Scope, ruleName, complianceType string) ([]ResourceRef, error) {
	var out []ResourceRef
	err := eachResult(tx, store.ScanParams{Bucket: scope.Bucket(kindEval), Prefix: prefixOf(ruleName)},
		func(r EvaluationResult) (bool, error) {
			if r.ComplianceType == complianceType {
				out = append(out, r.Resource())
			}
			return true, nil
		})
	if err != nil {
		return nil, fmt.Errorf("list resources of rule %q: %w", ruleName, err)
	}
	return out, nil
}

func noSuchRule(name string) error {
	return awserr.New(awserr.NoSuchConfigRuleException,
		"The ConfigRule '%s' provided in the request is invalid. Please check the configRule name.", name)
}

// getResult loads the result of (rule, resource); nil if there is none.
func getResult(tx store.Tx, scope tenant.Scope, ruleName, resourceType, resourceID string) (*EvaluationResult, error) {
	var r EvaluationResult
	err := getJSON(tx, scope.Bucket(kindEval), evalKey(ruleName, resourceType, resourceID), &r)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load evaluation of %s %s by %q: %w", resourceType, resourceID, ruleName, err)
	}
	return &r, nil
}

// putResult stores r and indexes it by resource. The index entry is
// rewritten only when the compliance changed (indexed says what it holds).
func putResult(tx store.Tx, scope tenant.Scope, r EvaluationResult, indexed string) error {
	if err := putJSON(tx, scope.Bucket(kindEval), evalKey(r.RuleName, r.ResourceType, r.ResourceID), r); err != nil {
		return err
	}
	if indexed == r.ComplianceType {
		return nil
	}
	return tx.Put(scope.Bucket(kindEvalByResource), evalByResourceKey(r.ResourceType, r.ResourceID, r.RuleName), []byte(r.ComplianceType))
}

// deleteResults removes every result of a rule, under both keys.
func deleteResults(tx store.Tx, scope tenant.Scope, ruleName string) error {
	var results []EvaluationResult
	err := eachResult(tx, store.ScanParams{Bucket: scope.Bucket(kindEval), Prefix: prefixOf(ruleName)},
		func(r EvaluationResult) (bool, error) {
			results = append(results, r)
			return true, nil
		})
	if err != nil {
		return err
	}
	for _, r := range results {
		if _, err := tx.Delete(scope.Bucket(kindEval), evalKey(r.RuleName, r.ResourceType, r.ResourceID)); err != nil {
			return err
		}
		if _, err := tx.Delete(scope.Bucket(kindEvalByResource), evalByResourceKey(r.ResourceType, r.ResourceID, r.RuleName)); err != nil {
			return err
		}
	}
	return nil
}

func putRule(tx store.Tx, scope tenant.Scope, r *Rule) error {
	if err := putJSON(tx, scope.Bucket(kindRule), r.Name, r); err != nil {
		return err
	}
	return tx.Put(scope.Bucket(kindRuleID), r.ID, []byte(r.Name))
}

// ruleNameByID returns the name of the rule with the given ConfigRuleId, or
// "" if there is none.
func ruleNameByID(tx store.Tx, scope tenant.Scope, id string) (string, error) {
	b, err := tx.Get(scope.Bucket(kindRuleID), id)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("look up rule id %q: %w", id, err)
	}
	return string(b), nil
}

func getJSON(tx store.Tx, bucket, key string, v any) error {
	return store.GetRecord(tx, bucket, key, v)
}

func putJSON(tx store.Tx, bucket, key string, v any) error {
	return store.PutRecord(tx, bucket, key, v)
}
