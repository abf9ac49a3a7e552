package compliance

import (
	"errors"
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Record kinds (store buckets, one per scope).
const (
	// itemsKind holds one itemsRecord per (resource type, resource id,
	// compliance type), keyed in that order so one resource's types are
	// adjacent.
	itemsKind = "ssm-compliance-items"
	// summariesKind holds one summaryRecord per (compliance type, resource
	// type, resource id), keyed in that order so one type's resources are
	// adjacent.
	summariesKind = "ssm-compliance-summaries"
)

// storedItem is one item as stored. Key orders the items of a record:
// "i:"+Id for items with an Id, "n:"+position for items without one.
type storedItem struct {
	Key       string            `json:"key"`
	ID        string            `json:"id,omitempty"`
	Title     string            `json:"title,omitempty"`
	Severity  string            `json:"severity"`
	Status    string            `json:"status"`
	Details   map[string]string `json:"details,omitempty"`
	Execution ExecutionSummary  `json:"execution"`
}

// itemsRecord holds the items of one (resource, compliance type), sorted
// by Key.
type itemsRecord struct {
	Items []storedItem `json:"items"`
}

// summaryRecord is the roll-up of one (resource, compliance type).
type summaryRecord struct {
	ResourceType   string           `json:"resourceType"`
	ResourceID     string           `json:"resourceId"`
	ComplianceType string           `json:"complianceType"`
	Execution      ExecutionSummary `json:"execution"`
	ContentHash    string           `json:"contentHash,omitempty"`
	Compliant      SeverityCounts   `json:"compliant"`
	NonCompliant   SeverityCounts   `json:"nonCompliant"`
	UpdatedAt      time.Time        `json:"updatedAt"`
}

// summary returns the public view of r.
func (r summaryRecord) summary() ResourceSummary {
	status, sev := overall(r.Compliant, r.NonCompliant)
	return ResourceSummary{
		ResourceType: r.ResourceType, ResourceID: r.ResourceID, ComplianceType: r.ComplianceType,
		Status: status, OverallSeverity: sev, Execution: r.Execution,
		Compliant: r.Compliant, NonCompliant: r.NonCompliant,
	}
}

// item returns the public view of one stored item of a record.
func (it storedItem) item(resourceType, resourceID, complianceType string) Item {
	return Item{
		ResourceType: resourceType, ResourceID: resourceID, ComplianceType: complianceType,
		ID: it.ID, Title: it.Title, Severity: it.Severity, Status: it.Status,
		Details: it.Details, Execution: it.Execution,
	}
}

// itemsKey is the key of an itemsRecord.
func itemsKey(resourceType, resourceID, complianceType string) string {
	return store.Key(resourceType, resourceID, complianceType)
}

// summaryKey is the key of a summaryRecord.
func summaryKey(complianceType, resourceType, resourceID string) string {
	return store.Key(complianceType, resourceType, resourceID)
}

// afterAll returns a scan position just past every key that starts with
// the parts of prefix: no UTF-8 text contains the byte 0xff.
func afterAll(prefix ...string) string {
	return store.Key(prefix...) + "/\xff"
}

// itemKey is the sort key of an item within its record.
func itemKey(id string, position int) string {
	if id != "" {
		return "i:" + id
	}
	return fmt.Sprintf("n:%05d", position)
}

// getJSON decodes the record under (bucket, key) into v and reports
// whether it exists.
func getJSON(tx store.Tx, bucket, key string, v any) (bool, error) {
	err := store.GetRecord(tx, bucket, key, v)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("get %s: %w", key, err)
	}
	return true, nil
}

// putJSON stores v under (bucket, key).
func putJSON(tx store.Tx, bucket, key string, v any) error {
	if err := store.PutRecord(tx, bucket, key, v); err != nil {
		return fmt.Errorf("put %s: %w", key, err)
	}
	return nil
}

// buckets are the bucket names of one scope.
type buckets struct {
	items, summaries string
}

func bucketsOf(s tenant.Scope) buckets {
	return buckets{items: s.Bucket(itemsKind), summaries: s.Bucket(summariesKind)}
}
