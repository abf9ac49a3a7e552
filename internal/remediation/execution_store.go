package remediation

import (
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// QueueBucket is the global (not per-tenant) index of QUEUED executions,
// keyed by (invocation time, execution id) so a scan returns the oldest
// first. PutExecution keeps it in step with the execution records.
const QueueBucket = "remediation-queue"

// QueueEntry locates one QUEUED execution.
type QueueEntry struct {
	Scope          tenant.Scope `json:"scope"`
	ConfigRuleName string       `json:"configRuleName"`
	ResourceType   string       `json:"resourceType"`
	ResourceID     string       `json:"resourceId"`
	ExecutionID    string       `json:"executionId"`
	InvocationTime time.Time    `json:"invocationTime"`
	// AwaitingApproval is the execution's flag: the orchestrator does not
	// start it.
	AwaitingApproval bool `json:"awaitingApproval,omitempty"`
}

// queueTimeLayout sorts lexically in time order.
const queueTimeLayout = "20060102T150405.000000000Z"

func queueKey(e *Execution) string {
	return store.Key(e.InvocationTime.UTC().Format(queueTimeLayout), e.ID)
}

// FindExecution loads the latest execution of a resource for a rule; nil
// if there is none.
func FindExecution(tx store.Tx, scope tenant.Scope, ruleName, resourceType, resourceID string) (*Execution, error) {
	var e Execution
	ok, err := found(getJSON(tx, scope.Bucket(kindExecution), resourceKey(ruleName, resourceType, resourceID), &e))
	if err != nil {
		return nil, fmt.Errorf("load remediation execution of %s %s by %q: %w", resourceType, resourceID, ruleName, err)
	}
	if !ok {
		return nil, nil
	}
	return &e, nil
}

// PutExecution stores e as the latest execution of its resource and
// indexes it in QueueBucket while it is QUEUED and in RunningBucket while
// it is IN_PROGRESS.
func PutExecution(tx store.Tx, scope tenant.Scope, e *Execution) error {
	key := resourceKey(e.ConfigRuleName, e.ResourceType, e.ResourceID)
	if err := putJSON(tx, scope.Bucket(kindExecution), key, e); err != nil {
		return fmt.Errorf("store remediation execution %s: %w", e.ID, err)
	}
	if err := indexRunning(tx, scope, e); err != nil {
		return fmt.Errorf("index remediation execution %s: %w", e.ID, err)
	}
	if e.State != StateQueued {
		_, err := tx.Delete(QueueBucket, queueKey(e))
		return err
	}
	return putJSON(tx, QueueBucket, queueKey(e), QueueEntry{
		Scope: scope, ConfigRuleName: e.ConfigRuleName, ResourceType: e.ResourceType,
		ResourceID: e.ResourceID, ExecutionID: e.ID, InvocationTime: e.InvocationTime,
		AwaitingApproval: e.AwaitingApproval,
	})
}

// ScanQueue returns up to limit QUEUED executions of every tenant, oldest
// first (limit 0 = all).
func ScanQueue(tx store.Tx, limit int) ([]QueueEntry, error) {
	var out []QueueEntry
	err := scanJSON(tx, store.ScanParams{Bucket: QueueBucket, Limit: limit}, func(_ string, q *QueueEntry) error {
		out = append(out, *q)
		return nil
	})
	return out, err
}

// deleteExecution removes an execution record and its queue entry.
func deleteExecution(tx store.Tx, scope tenant.Scope, e *Execution) error {
	if _, err := tx.Delete(scope.Bucket(kindExecution), resourceKey(e.ConfigRuleName, e.ResourceType, e.ResourceID)); err != nil {
		return fmt.Errorf("delete remediation execution %s: %w", e.ID, err)
	}
	if _, err := tx.Delete(RunningBucket, e.ID); err != nil {
		return err
	}
	_, err := tx.Delete(QueueBucket, queueKey(e))
	return err
}

// executionsOfRule loads the latest execution of every resource of a rule.
func executionsOfRule(tx store.Tx, scope tenant.Scope, ruleName string) ([]*Execution, error) {
	var out []*Execution
	p := store.ScanParams{Bucket: scope.Bucket(kindExecution), Prefix: rulePrefix(ruleName)}
	err := scanJSON(tx, p, func(_ string, e *Execution) error {
		out = append(out, e)
		return nil
	})
	return out, err
}
