package remediation

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// ErrInFlight is returned by Enqueue while the resource's previous
// execution is still QUEUED or IN_PROGRESS.
var ErrInFlight = errors.New("a remediation execution of the resource is already queued or in progress")

// StartExecution queues a manual execution of the rule's remediation for
// each resource, in one transaction, and returns the resources it did not
// queue: one whose previous execution is still in flight, one the rule
// found COMPLIANT or NOT_APPLICABLE, or one of another type than the
// configuration's ResourceType. A resource the rule never evaluated may be
// remediated: Config has no result saying it is compliant. Remediation
// exceptions do not block manual remediation (they block automatic
// remediation only).
func (s *Service) StartExecution(ctx context.Context, scope tenant.Scope, ruleName string, keys []ResourceKey) ([]ItemFailure, error) {
	var failures []ItemFailure
	err := s.store.Update(ctx, func(tx store.Tx) error {
		failures = nil
		cfg, err := GetConfiguration(tx, scope, ruleName)
		if err != nil {
			return err
		}
		for i, k := range keys {
			msg, err := s.startOne(tx, scope, cfg, k)
			if err != nil {
				return err
			}
			if msg != "" {
				failures = append(failures, ItemFailure{Index: i, Message: msg})
			}
		}
		return nil
	})
	s.work(err)
	return failures, err
}

// startOne queues one manual execution, or returns why it cannot.
func (s *Service) startOne(tx store.Tx, scope tenant.Scope, cfg *Configuration, k ResourceKey) (string, error) {
	if cfg.ResourceType != "" && k.ResourceType != cfg.ResourceType {
		return fmt.Sprintf("the remediation configuration of rule %s applies to %s resources only", cfg.ConfigRuleName, cfg.ResourceType), nil
	}
	compliance, err := rules.ResourceCompliance(tx, scope, cfg.ConfigRuleName, k.ResourceType, k.ResourceID)
	if err != nil {
		return "", err
	}
	switch compliance {
	case rules.Compliant:
		return fmt.Sprintf("the resource is already compliant with rule %s", cfg.ConfigRuleName), nil
	case rules.NotApplicable:
		return fmt.Sprintf("rule %s does not apply to the resource (NOT_APPLICABLE)", cfg.ConfigRuleName), nil
	}
	_, err = s.Enqueue(tx, scope, cfg, k, TriggerManual)
	if errors.Is(err, ErrInFlight) {
		return "a remediation execution of the resource is already QUEUED or IN_PROGRESS; wait for it to finish", nil
	}
	return "", err
}

// Enqueue records a QUEUED execution of cfg for one resource, with the
// configuration's runbook and parameters resolved for that resource. It
// returns ErrInFlight while the resource's previous execution has not
// finished. The orchestrator calls it for automatic remediation.
func (s *Service) Enqueue(tx store.Tx, scope tenant.Scope, cfg *Configuration, k ResourceKey, trigger Trigger) (*Execution, error) {
	prev, err := FindExecution(tx, scope, cfg.ConfigRuleName, k.ResourceType, k.ResourceID)
	if err != nil {
		return nil, err
	}
	if prev != nil && prev.State.InFlight() {
		return nil, ErrInFlight
	}
	now := s.clock.Now()
	attempt := 1
	if prev != nil && prev.failedAttempt() {
		attempt = prev.Attempt + 1
	}
	e := &Execution{
		ID: uuid.NewString(), ConfigRuleName: cfg.ConfigRuleName,
		ResourceType: k.ResourceType, ResourceID: k.ResourceID,
		State: StateQueued, Trigger: trigger,
		Attempt: attempt, PreviousFailures: nextFailures(prev),
		InvocationTime: now, LastUpdatedTime: now,
		Target: Target{
			ConfigurationArn: cfg.Arn, TargetType: cfg.TargetType,
			DocumentName: cfg.TargetID, DocumentVersion: cfg.TargetVersion,
			Parameters: cfg.ResolveParameters(k.ResourceID),
		},
	}
	if cfg.RequiresApproval() {
		awaitApproval(e)
	}
	return e, PutExecution(tx, scope, e)
}
