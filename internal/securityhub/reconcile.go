package securityhub

import (
	"context"

	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// reconcileTypes are the compliance types Reconcile looks for.
var reconcileTypes = []string{rules.Compliant, rules.NonCompliant, rules.NotApplicable, rules.InsufficientData}

// Reconcile re-derives a scope's Config findings from the evaluation
// results the rules store: a finding that is missing, or that shows
// another compliance type than its stored result, is brought in step (as
// if the result had just been recorded). It closes the window in which a
// crash after an evaluation committed loses the finding update; it
// returns how many findings it wrote.
func (s *Service) Reconcile(ctx context.Context, scope tenant.Scope) (int, error) {
	var changed []scopedFinding
	err := s.store.Update(ctx, func(tx store.Tx) error {
		changed = changed[:0]
		all, err := rules.ListRules(tx, scope)
		if err != nil {
			return err
		}
		for _, r := range all {
			fs, err := s.reconcileRule(tx, scope, r)
			if err != nil {
				return err
			}
			changed = append(changed, fs...)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	s.notifyScoped(ctx, changed)
	return len(changed), nil
}

// reconcileRule brings the findings of one rule in step.
func (s *Service) reconcileRule(tx store.Tx, scope tenant.Scope, r *rules.Rule) ([]scopedFinding, error) {
	var out []scopedFinding
	memo := ruleMemo{}
	for _, ct := range reconcileTypes {
		refs, err := rules.ResourcesByCompliance(tx, scope, r.Name, ct)
		if err != nil {
			return nil, err
		}
		for _, ref := range refs {
			rec, err := getFinding(tx, scope, ConfigFindingID(scope, r.ARN, ref.Type, ref.ID))
			if err != nil {
				return nil, err
			}
			if rec != nil && rec.Finding.ProductFields["aws/config/ConfigComplianceType"] == ct {
				continue
			}
			f, err := s.applyEvaluation(tx, rules.EvaluationChange{Scope: scope, RuleName: r.Name,
				ResourceType: ref.Type, ResourceID: ref.ID, New: ct, At: s.clock.Now()}, memo)
			if err != nil {
				return nil, err
			}
			if f != nil {
				out = append(out, scopedFinding{scope, *f})
			}
		}
	}
	return out, nil
}
