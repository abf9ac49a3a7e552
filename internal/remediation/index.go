package remediation

import (
	"errors"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// RunningBucket is the global (not per-tenant) index of IN_PROGRESS
// executions, keyed by execution id: the orchestrator polls their
// Automation executions. PutExecution keeps it in step.
const RunningBucket = "remediation-running"

// ExpiryBucket is the global index of exceptions with an ExpirationTime,
// keyed by (expiration time, account, region, rule, resource), so the
// orchestrator finds lapsed exceptions without scanning tenants. Entries
// may be stale (the exception was replaced or deleted): a reader checks
// the stored exception again.
const ExpiryBucket = "remediation-exception-expiry"

// ExpiryEntry locates one exception that lapses at ExpirationTime.
type ExpiryEntry struct {
	Scope          tenant.Scope `json:"scope"`
	ConfigRuleName string       `json:"configRuleName"`
	ResourceType   string       `json:"resourceType"`
	ResourceID     string       `json:"resourceId"`
	ExpirationTime time.Time    `json:"expirationTime"`
}

// Key returns the excepted resource.
func (e ExpiryEntry) Key() ResourceKey {
	return ResourceKey{ResourceType: e.ResourceType, ResourceID: e.ResourceID}
}

func expiryKey(scope tenant.Scope, e *Exception) string {
	return store.Key(e.ExpirationTime.UTC().Format(queueTimeLayout), scope.AccountID, scope.Region,
		e.ConfigRuleName, e.ResourceType, e.ResourceID)
}

// indexExpiry records e in ExpiryBucket when it has an ExpirationTime.
func indexExpiry(tx store.Tx, scope tenant.Scope, e *Exception) error {
	if e.ExpirationTime.IsZero() {
		return nil
	}
	return putJSON(tx, ExpiryBucket, expiryKey(scope, e), ExpiryEntry{
		Scope: scope, ConfigRuleName: e.ConfigRuleName, ResourceType: e.ResourceType,
		ResourceID: e.ResourceID, ExpirationTime: e.ExpirationTime,
	})
}

// ScanExpired returns, oldest first, the expiry entries due at now, with
// the store key of each (for DeleteExpiry).
func ScanExpired(tx store.Tx, now time.Time) (keys []string, entries []ExpiryEntry, err error) {
	err = scanJSON(tx, store.ScanParams{Bucket: ExpiryBucket}, func(key string, e *ExpiryEntry) error {
		if e.ExpirationTime.After(now) {
			return errStopScan
		}
		keys, entries = append(keys, key), append(entries, *e)
		return nil
	})
	if errors.Is(err, errStopScan) {
		err = nil
	}
	return keys, entries, err
}

// DeleteExpiry removes one entry of ExpiryBucket.
func DeleteExpiry(tx store.Tx, key string) error {
	_, err := tx.Delete(ExpiryBucket, key)
	return err
}

// RunningEntry locates one IN_PROGRESS execution.
type RunningEntry struct {
	Scope                 tenant.Scope `json:"scope"`
	ConfigRuleName        string       `json:"configRuleName"`
	ResourceType          string       `json:"resourceType"`
	ResourceID            string       `json:"resourceId"`
	ExecutionID           string       `json:"executionId"`
	AutomationExecutionID string       `json:"automationExecutionId"`
}

// indexRunning keeps RunningBucket in step with e's state.
func indexRunning(tx store.Tx, scope tenant.Scope, e *Execution) error {
	if e.State != StateInProgress {
		_, err := tx.Delete(RunningBucket, e.ID)
		return err
	}
	return putJSON(tx, RunningBucket, e.ID, RunningEntry{
		Scope: scope, ConfigRuleName: e.ConfigRuleName, ResourceType: e.ResourceType,
		ResourceID: e.ResourceID, ExecutionID: e.ID, AutomationExecutionID: e.AutomationExecutionID,
	})
}

// ScanRunning returns every IN_PROGRESS execution of every tenant.
func ScanRunning(tx store.Tx) ([]RunningEntry, error) {
	var out []RunningEntry
	err := scanJSON(tx, store.ScanParams{Bucket: RunningBucket}, func(_ string, r *RunningEntry) error {
		out = append(out, *r)
		return nil
	})
	return out, err
}

// FindConfiguration loads the configuration of a rule; nil if none.
func FindConfiguration(tx store.Tx, scope tenant.Scope, ruleName string) (*Configuration, error) {
	return findConfiguration(tx, scope, ruleName)
}

// ListConfigurations loads every remediation configuration of scope, in
// rule-name order.
func ListConfigurations(tx store.Tx, scope tenant.Scope) ([]*Configuration, error) {
	var out []*Configuration
	err := scanJSON(tx, store.ScanParams{Bucket: scope.Bucket(kindConfiguration)}, func(_ string, c *Configuration) error {
		out = append(out, c)
		return nil
	})
	return out, err
}

// ExecutionsOfRule loads the latest execution of every resource of a rule.
func ExecutionsOfRule(tx store.Tx, scope tenant.Scope, ruleName string) ([]*Execution, error) {
	return executionsOfRule(tx, scope, ruleName)
}

// errStopScan ends a scan early.
var errStopScan = errors.New("stop scan")
