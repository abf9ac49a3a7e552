package remediation

import (
	"context"
	"fmt"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DeleteExceptions removes the exceptions of the given resources in one
// transaction. Keys without an exception in force are returned as
// failures, unless none of the keys had one: then the call fails with
// NoSuchRemediationExceptionException and nothing changes.
func (s *Service) DeleteExceptions(ctx context.Context, scope tenant.Scope, ruleName string, keys []ResourceKey) ([]ItemFailure, error) {
	var failures []ItemFailure
	err := s.store.Update(ctx, func(tx store.Tx) error {
		failures = nil
		deleted := 0
		for i, k := range keys {
			msg, err := s.deleteOneException(tx, scope, ruleName, k)
			if err != nil {
				return err
			}
			if msg != "" {
				failures = append(failures, ItemFailure{Index: i, Message: msg})
				continue
			}
			deleted++
		}
		if deleted == 0 {
			return awserr.New(awserr.NoSuchRemediationExceptionException,
				"No remediation exception exists for rule %s and any of the given resource keys.", ruleName)
		}
		return nil
	})
	return failures, err
}

// deleteOneException removes one exception, or returns why it cannot. An
// expired exception counts as absent and its record is removed.
func (s *Service) deleteOneException(tx store.Tx, scope tenant.Scope, ruleName string, k ResourceKey) (string, error) {
	if !k.complete() {
		return incompleteKeyMessage, nil
	}
	e, err := findException(tx, scope, ruleName, k.ResourceType, k.ResourceID)
	if err != nil {
		return "", err
	}
	if e == nil {
		return noExceptionMessage(ruleName), nil
	}
	if err := deleteException(tx, scope, ruleName, k); err != nil {
		return "", err
	}
	if !e.ActiveAt(s.clock.Now()) {
		return noExceptionMessage(ruleName), nil
	}
	return "", nil
}

func noExceptionMessage(ruleName string) string {
	return fmt.Sprintf("No remediation exception exists for the resource and rule %s.", ruleName)
}
