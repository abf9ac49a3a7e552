package remediation

import (
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Exception exempts one resource from automatic remediation by one rule.
// An exception whose ExpirationTime has passed is treated as absent
// everywhere; its record is removed by the next call that touches it.
type Exception struct {
	ConfigRuleName string `json:"configRuleName"`
	ResourceType   string `json:"resourceType"`
	ResourceID     string `json:"resourceId"`
	Message        string `json:"message,omitempty"`
	// ExpirationTime is when the exception ends; zero means never.
	ExpirationTime time.Time `json:"expirationTime,omitzero"`
	// Automatic marks an exception Config placed itself after
	// MaximumAutomaticAttempts failed attempts.
	Automatic bool      `json:"automatic,omitempty"`
	CreatedAt time.Time `json:"createdAt"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// ActiveAt reports whether the exception is in force at now.
func (e *Exception) ActiveAt(now time.Time) bool {
	return e.ExpirationTime.IsZero() || e.ExpirationTime.After(now)
}

// Key returns the excepted resource.
func (e *Exception) Key() ResourceKey {
	return ResourceKey{ResourceType: e.ResourceType, ResourceID: e.ResourceID}
}

// ActiveException returns the exception in force for (rule, resource) now,
// if any: an expired exception is reported as absent.
func (s *Service) ActiveException(tx store.Tx, scope tenant.Scope, ruleName, resourceType, resourceID string) (*Exception, bool, error) {
	e, err := findException(tx, scope, ruleName, resourceType, resourceID)
	if err != nil || e == nil || !e.ActiveAt(s.clock.Now()) {
		return nil, false, err
	}
	return e, true, nil
}

// PutException stores e, replacing any exception of the same (rule,
// resource). It does not check compliance: the orchestrator uses it for
// the exceptions Config places after repeated failures.
func PutException(tx store.Tx, scope tenant.Scope, e *Exception) error {
	key := resourceKey(e.ConfigRuleName, e.ResourceType, e.ResourceID)
	if err := putJSON(tx, scope.Bucket(kindException), key, e); err != nil {
		return fmt.Errorf("store remediation exception: %w", err)
	}
	if err := indexExpiry(tx, scope, e); err != nil {
		return fmt.Errorf("index remediation exception expiry: %w", err)
	}
	return nil
}

// findException loads the stored exception of (rule, resource), expired or
// not; nil if there is none.
func findException(tx store.Tx, scope tenant.Scope, ruleName, resourceType, resourceID string) (*Exception, error) {
	var e Exception
	ok, err := found(getJSON(tx, scope.Bucket(kindException), resourceKey(ruleName, resourceType, resourceID), &e))
	if err != nil {
		return nil, fmt.Errorf("load remediation exception of %s %s by %q: %w", resourceType, resourceID, ruleName, err)
	}
	if !ok {
		return nil, nil
	}
	return &e, nil
}

// deleteException removes the exception of (rule, resource).
func deleteException(tx store.Tx, scope tenant.Scope, ruleName string, k ResourceKey) error {
	if _, err := tx.Delete(scope.Bucket(kindException), resourceKey(ruleName, k.ResourceType, k.ResourceID)); err != nil {
		return fmt.Errorf("delete remediation exception of %s by %q: %w", k, ruleName, err)
	}
	return nil
}

// incompleteKeyMessage is the failure of an exception key without a
// resource type or id.
const incompleteKeyMessage = "Both ResourceType and ResourceId are required in every resource key of a remediation exception."

// complete reports whether both parts of the key are set.
func (k ResourceKey) complete() bool { return k.ResourceType != "" && k.ResourceID != "" }
