package remediation

import (
	"context"
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// PutExceptionsParams are the exceptions to place on resources of a rule.
type PutExceptionsParams struct {
	ConfigRuleName string
	Keys           []ResourceKey
	// Message explains the exception ("" = none).
	Message string
	// ExpirationTime ends the exceptions; zero means never. It must be in
	// the future.
	ExpirationTime time.Time
}

// PutExceptions adds or replaces the exception of each resource, in one
// transaction. The rule must exist (NoSuchConfigRuleException). Only a
// resource the rule currently finds NON_COMPLIANT gets one; every other
// key is returned as a failure saying why.
func (s *Service) PutExceptions(ctx context.Context, scope tenant.Scope, p PutExceptionsParams) ([]ItemFailure, error) {
	now := s.clock.Now()
	if !p.ExpirationTime.IsZero() && !p.ExpirationTime.After(now) {
		return nil, awserr.New(awserr.InvalidParameterValueException,
			"The ExpirationTime %s is not in the future (it is now %s): give a later time, or leave ExpirationTime out for an exception that does not expire.",
			p.ExpirationTime.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	var failures []ItemFailure
	err := s.store.Update(ctx, func(tx store.Tx) error {
		failures = nil
		if _, err := rules.GetRule(tx, scope, p.ConfigRuleName); err != nil {
			return err
		}
		for i, k := range p.Keys {
			msg, err := putOneException(tx, scope, p, k, now)
			if err != nil {
				return err
			}
			if msg != "" {
				failures = append(failures, ItemFailure{Index: i, Message: msg})
			}
		}
		return nil
	})
	return failures, err
}

// putOneException places one exception, or returns why it cannot.
func putOneException(tx store.Tx, scope tenant.Scope, p PutExceptionsParams, k ResourceKey, now time.Time) (string, error) {
	if !k.complete() {
		return incompleteKeyMessage, nil
	}
	if msg, err := exceptionAllowed(tx, scope, p.ConfigRuleName, k); msg != "" || err != nil {
		return msg, err
	}
	e := &Exception{ConfigRuleName: p.ConfigRuleName, ResourceType: k.ResourceType, ResourceID: k.ResourceID,
		Message: p.Message, ExpirationTime: p.ExpirationTime, CreatedAt: now, UpdatedAt: now}
	old, err := findException(tx, scope, p.ConfigRuleName, k.ResourceType, k.ResourceID)
	if err != nil {
		return "", err
	}
	if old != nil && old.ActiveAt(now) {
		e.CreatedAt = old.CreatedAt
	}
	return "", PutException(tx, scope, e)
}

// exceptionAllowed requires the rule's current result for the resource to
// be NON_COMPLIANT.
func exceptionAllowed(tx store.Tx, scope tenant.Scope, rule string, k ResourceKey) (string, error) {
	c, err := rules.ResourceCompliance(tx, scope, rule, k.ResourceType, k.ResourceID)
	switch {
	case err != nil:
		return "", err
	case c == "":
		return fmt.Sprintf("The resource has no evaluation result for rule %s; remediation exceptions can only be placed on NON_COMPLIANT resources.", rule), nil
	case c != rules.NonCompliant:
		return fmt.Sprintf("The resource is %s for rule %s; remediation exceptions can only be placed on NON_COMPLIANT resources.", c, rule), nil
	}
	return "", nil
}
