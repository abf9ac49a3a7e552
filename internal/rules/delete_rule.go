package rules

import (
	"context"
	"fmt"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DeleteRule deletes a rule and all its evaluation results in one
// transaction, after every DeleteGuard agreed. AWS shows the rule as
// DELETING for a while; Salve finishes before answering, so the state is
// never seen.
func (s *Service) DeleteRule(ctx context.Context, scope tenant.Scope, name string) error {
	return s.ruleEventCommitted(s.store.Update(ctx, func(tx store.Tx) error {
		r, err := GetRule(tx, scope, name)
		if err != nil {
			return err
		}
		if r.State != StateActive {
			return awserr.New(awserr.ResourceInUseException,
				"The rule %s is currently being deleted or evaluated (state %s). Please retry after the current operation completes.", name, r.State)
		}
		for _, g := range s.guards {
			if err := g(tx, scope, name); err != nil {
				return err
			}
		}
		if err := deleteRule(tx, scope, r); err != nil {
			return err
		}
		return s.ruleEvent(tx, scope, r, RuleDeleted)
	}))
}

func deleteRule(tx store.Tx, scope tenant.Scope, r *Rule) error {
	if err := deleteResults(tx, scope, r.Name); err != nil {
		return fmt.Errorf("delete results of rule %q: %w", r.Name, err)
	}
	for _, k := range []struct{ kind, key string }{
		{kindRule, r.Name}, {kindRuleID, r.ID}, {kindEvalRequest, r.Name},
	} {
		if _, err := tx.Delete(scope.Bucket(k.kind), k.key); err != nil {
			return fmt.Errorf("delete rule %q: %w", r.Name, err)
		}
	}
	return nil
}
