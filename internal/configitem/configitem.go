// Package configitem is the seam between the resources Salve emulates
// (internal/sandbox/...), the Config recorder (internal/recorder) and the
// managed rules (internal/rules/managed): the configuration item (CI), as
// AWS Config records it, and the Sink a changed resource is reported to.
//
// The shape of Configuration and SupplementaryConfiguration per resource
// type is documented in docs/CONFIGURATION_ITEMS.md; producers and rules
// both follow it.
package configitem

import (
	"slices"
	"sync"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// ConfigurationItemStatus values.
const (
	StatusOK                         = "OK"
	StatusResourceDiscovered         = "ResourceDiscovered"
	StatusResourceNotRecorded        = "ResourceNotRecorded"
	StatusResourceDeleted            = "ResourceDeleted"
	StatusResourceDeletedNotRecorded = "ResourceDeletedNotRecorded"
)

// Item is one configuration item: the state of one resource at
// CaptureTime. Configuration and SupplementaryConfiguration values are
// JSON-ready values (maps, slices, strings, float64/int, bools, nil) in
// the member names AWS Config uses (lowerCamel for most types); see
// docs/CONFIGURATION_ITEMS.md.
type Item struct {
	ResourceType string `json:"resourceType"`
	ResourceID   string `json:"resourceId"`
	// ResourceName is the name where the type has one (bucket name, group
	// name, role name), else "".
	ResourceName string `json:"resourceName,omitempty"`
	ARN          string `json:"arn,omitempty"`
	// AvailabilityZone is "Regional", "Not Applicable" or a zone name.
	AvailabilityZone     string    `json:"availabilityZone,omitempty"`
	ResourceCreationTime time.Time `json:"resourceCreationTime,omitzero"`
	// Status is one of the Status constants; a deleted resource is
	// reported with StatusResourceDeleted and an empty Configuration.
	Status                     string            `json:"configurationItemStatus"`
	CaptureTime                time.Time         `json:"configurationItemCaptureTime"`
	Configuration              map[string]any    `json:"configuration,omitempty"`
	SupplementaryConfiguration map[string]any    `json:"supplementaryConfiguration,omitempty"`
	Tags                       map[string]string `json:"tags,omitempty"`
	Relationships              []Relationship    `json:"relationships,omitempty"`
}

// Deleted reports whether the item records the resource's deletion.
func (it *Item) Deleted() bool {
	return it.Status == StatusResourceDeleted || it.Status == StatusResourceDeletedNotRecorded
}

// Relationship links an item to another resource.
type Relationship struct {
	ResourceType string `json:"resourceType"`
	ResourceID   string `json:"resourceId,omitempty"`
	ResourceName string `json:"resourceName,omitempty"`
	// Name says how, e.g. "Is contained in Vpc", "Is attached to Instance".
	Name string `json:"relationshipName"`
}

// Sink receives configuration items from the services that own the
// resources.
//
// Record runs inside the transaction that changed the resource, so the
// item commits with the change or not at all; it must only use tx.
// Changed runs after that transaction committed (it wakes whatever
// evaluates the change); it must not block.
type Sink interface {
	Record(tx store.Tx, scope tenant.Scope, item *Item) error
	Changed()
}

// Discard is a Sink that records nothing (tests of a sandbox service
// alone, or a recorder switched off).
type Discard struct{}

// Record implements Sink.
func (Discard) Record(store.Tx, tenant.Scope, *Item) error { return nil }

// Changed implements Sink.
func (Discard) Changed() {}

// Collect is a Sink that keeps every recorded item in memory, in order,
// for tests. It records as Record is called, whether or not the
// transaction later commits.
type Collect struct {
	mu      sync.Mutex
	items   []Item
	changed int
}

// Record implements Sink.
func (c *Collect) Record(_ store.Tx, _ tenant.Scope, item *Item) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items = append(c.items, *item)
	return nil
}

// Changed implements Sink.
func (c *Collect) Changed() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.changed++
}

// Items returns the items recorded so far.
func (c *Collect) Items() []Item {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.items)
}

// Last returns the last item recorded for a resource, or nil.
func (c *Collect) Last(resourceType, resourceID string) *Item {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := len(c.items) - 1; i >= 0; i-- {
		if c.items[i].ResourceType == resourceType && c.items[i].ResourceID == resourceID {
			it := c.items[i]
			return &it
		}
	}
	return nil
}

// ChangedCalls counts the Changed calls.
func (c *Collect) ChangedCalls() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.changed
}
