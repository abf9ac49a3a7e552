package remediation

import (
	"context"
	"fmt"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DeleteConfiguration removes the configuration of a rule and the
// execution history kept for it. resourceType, when not nil, must equal
// the stored ResourceType. It fails while an execution of the rule is
// QUEUED or IN_PROGRESS. Remediation exceptions of the rule are kept.
func (s *Service) DeleteConfiguration(ctx context.Context, scope tenant.Scope, ruleName string, resourceType *string) error {
	return s.store.Update(ctx, func(tx store.Tx) error {
		c, err := GetConfiguration(tx, scope, ruleName)
		if err != nil {
			return err
		}
		if resourceType != nil && *resourceType != c.ResourceType {
			return awserr.New(awserr.NoSuchRemediationConfigurationException,
				"No remediation configuration exists for the rule %s and resource type %s (its configuration is for %s).",
				ruleName, *resourceType, describeType(c.ResourceType))
		}
		execs, err := executionsOfRule(tx, scope, ruleName)
		if err != nil {
			return err
		}
		if n := countInFlight(execs); n > 0 {
			return awserr.New(awserr.RemediationInProgressException,
				"Remediation of the rule %s is in progress for %d resource(s). Wait for the executions to finish "+
					"(DescribeRemediationExecutionStatus) or stop their automation executions, then retry.", ruleName, n)
		}
		return deleteConfiguration(tx, scope, ruleName, execs)
	})
}

// deleteConfiguration removes a configuration and its execution records.
func deleteConfiguration(tx store.Tx, scope tenant.Scope, ruleName string, execs []*Execution) error {
	for _, e := range execs {
		if err := deleteExecution(tx, scope, e); err != nil {
			return err
		}
	}
	if _, err := tx.Delete(scope.Bucket(kindConfiguration), ruleName); err != nil {
		return fmt.Errorf("delete remediation configuration of %q: %w", ruleName, err)
	}
	return nil
}

func describeType(t string) string {
	if t == "" {
		return "no particular resource type"
	}
	return t
}

// countInFlight counts the QUEUED or IN_PROGRESS executions.
func countInFlight(execs []*Execution) int {
	n := 0
	for _, e := range execs {
		if e.State.InFlight() {
			n++
		}
	}
	return n
}

// RuleDeleteGuard refuses to delete a rule that has a remediation
// configuration; register it with rules.Service.AddDeleteGuard.
func (s *Service) RuleDeleteGuard(tx store.Tx, scope tenant.Scope, ruleName string) error {
	c, err := findConfiguration(tx, scope, ruleName)
	if err != nil {
		return err
	}
	if c != nil {
		return awserr.New(awserr.ResourceInUseException,
			"The rule %s is currently being used by a remediation action. Please delete the remediation action first (DeleteRemediationConfiguration).", ruleName)
	}
	return nil
}
