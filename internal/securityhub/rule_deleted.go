package securityhub

import (
	"context"

	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// RuleHook is a rules.RuleHook: when a rule is deleted it archives the
// rule's findings inside the deleting transaction, so they are archived
// exactly when the rule is gone.
func (s *Service) RuleHook(tx store.Tx, scope tenant.Scope, r *rules.Rule, ev rules.RuleEvent) error {
	if ev != rules.RuleDeleted {
		return nil
	}
	_, err := s.archiveRule(tx, scope, r.ARN)
	return err
}

// OnRuleDeleted archives the findings of a deleted rule in a transaction
// of its own (for a composer that does not register RuleHook).
func (s *Service) OnRuleDeleted(ctx context.Context, scope tenant.Scope, rule *rules.Rule) error {
	var archived []Finding
	err := s.store.Update(ctx, func(tx store.Tx) error {
		var err error
		archived, err = s.archiveRule(tx, scope, rule.ARN)
		return err
	})
	if err != nil {
		return err
	}
	s.notify(ctx, scope, archived)
	return nil
}

// archiveRule archives the active findings of a rule and returns them.
func (s *Service) archiveRule(tx store.Tx, scope tenant.Scope, ruleARN string) ([]Finding, error) {
	prefix := findingKey(Identifier{ProductArn: ConfigProductArn(scope.Region), ID: ruleARN + "/finding/"})
	recs, err := scanFindings(tx, scope, prefix)
	if err != nil {
		return nil, err
	}
	now := FormatTime(s.clock.Now())
	var out []Finding
	for _, r := range recs {
		if r.Finding.RecordState == RecordArchived {
			continue
		}
		r.Finding.RecordState, r.Finding.UpdatedAt = RecordArchived, now
		if err := putFinding(tx, scope, r); err != nil {
			return nil, err
		}
		out = append(out, r.Finding)
	}
	return out, nil
}
