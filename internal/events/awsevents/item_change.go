package awsevents

import (
	"reflect"
	"strconv"
	"time"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/tenant"
)

// Change types of a configuration item diff.
const (
	ChangeCreate = "CREATE"
	ChangeUpdate = "UPDATE"
	ChangeDelete = "DELETE"
)

// ItemChange describes a recorded configuration item.
type ItemChange struct {
	Scope tenant.Scope
	// Old is the resource's previous item, nil for its first.
	Old *configitem.Item
	New configitem.Item
	// At is when the notification was created (the event's time).
	At time.Time
}

type itemChangeDetail struct {
	RecordVersion            string       `json:"recordVersion"`
	MessageType              string       `json:"messageType"`
	ConfigurationItemDiff    itemDiff     `json:"configurationItemDiff"`
	NotificationCreationTime string       `json:"notificationCreationTime"`
	ConfigurationItem        notification `json:"configurationItem"`
}

type itemDiff struct {
	ChangedProperties map[string]propertyChange `json:"changedProperties"`
	ChangeType        string                    `json:"changeType"`
}

// propertyChange is one changed property; PreviousValue is a pointer so
// that a created property shows "previousValue": null as AWS sends it.
type propertyChange struct {
	PreviousValue *any   `json:"previousValue,omitempty"`
	UpdatedValue  *any   `json:"updatedValue,omitempty"`
	ChangeType    string `json:"changeType"`
}

// notification is a configuration item in Config's notification shape.
type notification struct {
	RelatedEvents                []string          `json:"relatedEvents"`
	Relationships                []relationship    `json:"relationships"`
	Configuration                map[string]any    `json:"configuration"`
	SupplementaryConfiguration   map[string]any    `json:"supplementaryConfiguration"`
	Tags                         map[string]string `json:"tags"`
	ConfigurationItemVersion     string            `json:"configurationItemVersion"`
	ConfigurationItemCaptureTime string            `json:"configurationItemCaptureTime"`
	ConfigurationStateID         int64             `json:"configurationStateId"`
	AWSAccountID                 string            `json:"awsAccountId"`
	ConfigurationItemStatus      string            `json:"configurationItemStatus"`
	ResourceType                 string            `json:"resourceType"`
	ResourceID                   string            `json:"resourceId"`
	ResourceName                 *string           `json:"resourceName"`
	ARN                          string            `json:"ARN"`
	AWSRegion                    string            `json:"awsRegion"`
	AvailabilityZone             string            `json:"availabilityZone"`
	ConfigurationStateMd5Hash    string            `json:"configurationStateMd5Hash"`
	ResourceCreationTime         *string           `json:"resourceCreationTime"`
}

type relationship struct {
	ResourceID   string  `json:"resourceId,omitempty"`
	ResourceName *string `json:"resourceName"`
	ResourceType string  `json:"resourceType"`
	Name         string  `json:"name"`
}

// ItemChangeEvent is aws.config's "Config Configuration Item Change": the
// new item in the notification shape and its diff from the old one.
func ItemChangeEvent(c ItemChange) events.Event {
	d := itemChangeDetail{RecordVersion: "1.3", MessageType: "ConfigurationItemChangeNotification",
		ConfigurationItemDiff: diffItems(c.Old, &c.New), NotificationCreationTime: millis(c.At),
		ConfigurationItem: notificationItem(c.Scope, &c.New)}
	var resources []string
	if c.New.ARN != "" {
		resources = []string{c.New.ARN}
	}
	return events.Event{Source: SourceConfig, DetailType: DetailTypeConfigurationItemChange, Resources: resources,
		Detail: d, Time: c.At}
}

// notificationItem renders an item as Config's notifications carry it.
func notificationItem(scope tenant.Scope, it *configitem.Item) notification {
	n := notification{RelatedEvents: []string{}, Relationships: []relationship{}, Configuration: it.Configuration,
		SupplementaryConfiguration: it.SupplementaryConfiguration, Tags: it.Tags,
		ConfigurationItemVersion: "1.3", ConfigurationItemCaptureTime: millis(it.CaptureTime),
		ConfigurationStateID: it.CaptureTime.UnixMilli(), AWSAccountID: scope.AccountID,
		ConfigurationItemStatus: it.Status, ResourceType: it.ResourceType, ResourceID: it.ResourceID,
		ResourceName: optional(it.ResourceName), ARN: it.ARN, AWSRegion: scope.Region,
		AvailabilityZone: it.AvailabilityZone}
	if n.SupplementaryConfiguration == nil {
		n.SupplementaryConfiguration = map[string]any{}
	}
	if n.Tags == nil {
		n.Tags = map[string]string{}
	}
	if !it.ResourceCreationTime.IsZero() {
		t := millis(it.ResourceCreationTime)
		n.ResourceCreationTime = &t
	}
	for _, r := range it.Relationships {
		n.Relationships = append(n.Relationships, relationship{ResourceID: r.ResourceID,
			ResourceName: optional(r.ResourceName), ResourceType: r.ResourceType, Name: r.Name})
	}
	return n
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// diffItems computes the configurationItemDiff between two items: CREATE
// (no changed properties) for a first item, DELETE for a deletion, else
// UPDATE with the changed Configuration, SupplementaryConfiguration,
// Relationships and Tags properties.
func diffItems(old, cur *configitem.Item) itemDiff {
	d := itemDiff{ChangedProperties: map[string]propertyChange{}}
	switch {
	case old == nil || old.Deleted():
		d.ChangeType = ChangeCreate
		return d
	case cur.Deleted():
		d.ChangeType = ChangeDelete
	default:
		d.ChangeType = ChangeUpdate
	}
	diffValues(d.ChangedProperties, "Configuration", asAny(old.Configuration), asAny(cur.Configuration), true)
	diffValues(d.ChangedProperties, "SupplementaryConfiguration", asAny(old.SupplementaryConfiguration),
		asAny(cur.SupplementaryConfiguration), true)
	diffValues(d.ChangedProperties, "Relationships", relationshipList(old), relationshipList(cur), true)
	diffTags(d.ChangedProperties, old.Tags, cur.Tags)
	return d
}

// diffTags records changed tags under Tags.KEY.
func diffTags(out map[string]propertyChange, old, cur map[string]string) {
	for k, v := range old {
		w, ok := cur[k]
		switch {
		case !ok:
			change(out, "Tags."+k, v, nil)
		case v != w:
			change(out, "Tags."+k, v, w)
		}
	}
	for k, w := range cur {
		if _, ok := old[k]; !ok {
			change(out, "Tags."+k, nil, w)
		}
	}
}

// diffValues records the differences between two values under path:
// objects present on both sides (and the roots) are compared member by
// member (names capitalised, as AWS writes them), lists element by element
// (each element whole, an absent list counting as empty), other values
// whole.
func diffValues(out map[string]propertyChange, path string, old, cur any, root bool) {
	oldMap, oldIsMap := old.(map[string]any)
	curMap, curIsMap := cur.(map[string]any)
	oldList, oldIsList := old.([]any)
	curList, curIsList := cur.([]any)
	switch {
	case (oldIsMap || old == nil) && (curIsMap || cur == nil) && (root || oldIsMap && curIsMap):
		for k, v := range oldMap {
			diffValues(out, path+"."+capitalise(k), v, curMap[k], false)
		}
		for k, v := range curMap {
			if _, seen := oldMap[k]; !seen {
				diffValues(out, path+"."+capitalise(k), nil, v, false)
			}
		}
	case (oldIsList || old == nil) && (curIsList || cur == nil) && (oldIsList || curIsList):
		for i := range max(len(oldList), len(curList)) {
			change(out, path+"."+strconv.Itoa(i), at(oldList, i), at(curList, i))
		}
	default:
		change(out, path, old, cur)
	}
}

// change records one changed leaf.
func change(out map[string]propertyChange, path string, old, cur any) {
	switch {
	case reflect.DeepEqual(old, cur):
	case old == nil:
		var prev any
		out[path] = propertyChange{PreviousValue: &prev, UpdatedValue: &cur, ChangeType: ChangeCreate}
	case cur == nil:
		out[path] = propertyChange{PreviousValue: &old, ChangeType: ChangeDelete}
	default:
		out[path] = propertyChange{PreviousValue: &old, UpdatedValue: &cur, ChangeType: ChangeUpdate}
	}
}

func at(list []any, i int) any {
	if i < len(list) {
		return list[i]
	}
	return nil
}

func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func asAny(m map[string]any) any {
	if m == nil {
		return nil
	}
	return m
}

func relationshipList(it *configitem.Item) any {
	if len(it.Relationships) == 0 {
		return nil
	}
	out := make([]any, len(it.Relationships))
	for i, r := range it.Relationships {
		out[i] = map[string]any{"resourceId": r.ResourceID, "resourceName": nilIfEmpty(r.ResourceName),
			"resourceType": r.ResourceType, "name": r.Name}
	}
	return out
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
