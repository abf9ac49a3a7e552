package recorder

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/configitem/notification"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Record implements configitem.Sink. When the scope's recorder is
// recording and its recording group holds the item's type, the item
// becomes the resource's current item, is appended to its history and to
// the change queue, and updates the discovered-resources index. Otherwise
// the item is dropped, as AWS records nothing while stopped.
//
// The recorder decides the status: the first item of a resource (or the
// first after its deletion) is ResourceDiscovered, later ones OK; a
// deletion of a resource it does not know is dropped, and so is an item
// that says nothing new about the resource (same configurationItemMD5Hash).
func (s *Service) Record(tx store.Tx, scope tenant.Scope, item *configitem.Item) error {
	if item == nil || item.ResourceType == "" || item.ResourceID == "" {
		return errors.New("record configuration item: the resource type and id are required")
	}
	r, err := loadRecorder(tx, scope)
	if err != nil || r == nil || !r.Recording || !r.Group.Includes(item.ResourceType) {
		return err
	}
	_, err = s.record(tx, scope, *item)
	return err
}

// record stores it as the resource's new current item and publishes its
// change notification; it reports whether it did (false when the item
// changes nothing).
func (s *Service) record(tx store.Tx, scope tenant.Scope, it configitem.Item) (bool, error) {
	cur, err := getItem(tx, scope, it.ResourceType, it.ResourceID)
	if err != nil {
		return false, err
	}
	if !normalize(&it, cur, s.clock.Now()) {
		return false, nil
	}
	sum, err := hashItem(&it)
	if err != nil {
		return false, err
	}
	rec := RecordedItem{Item: it, StateID: 1, MD5: sum}
	if cur != nil {
		rec.StateID = cur.StateID + 1
		if !it.Deleted() && !cur.Item.Deleted() && cur.MD5 == rec.MD5 {
			return false, nil
		}
	}
	if err := putItem(tx, scope, &rec); err != nil {
		return false, err
	}
	if err := updateIndex(tx, scope, cur, &rec.Item); err != nil {
		return false, err
	}
	if err := enqueue(tx, scope, &rec.Item); err != nil {
		return false, err
	}
	if err := s.announce(tx, scope, cur, &rec); err != nil {
		return false, err
	}
	return true, nil
}

// announce builds the item's ConfigurationItemChangeNotification once and
// hands it to the delivery channel's topic and to the RecordHooks.
func (s *Service) announce(tx store.Tx, scope tenant.Scope, prev, rec *RecordedItem) error {
	if s.publisher() == nil && len(s.recordHooks) == 0 {
		return nil
	}
	n := ItemNotification(scope, prev, rec, s.clock.Now())
	if err := s.notifyItem(tx, scope, n); err != nil {
		return err
	}
	for _, h := range s.recordHooks {
		if err := h(tx, scope, n); err != nil {
			return err
		}
	}
	return nil
}

// RecordHook runs inside the transaction that recorded an item, with the
// item's ConfigurationItemChangeNotification (the message the delivery
// channel's topic receives). The events service queues its "Config
// Configuration Item Change" deliveries there, so they commit with the
// item. It must only use tx, and must not change n.
type RecordHook func(tx store.Tx, scope tenant.Scope, n *notification.ItemChange) error

// OnRecord registers a RecordHook. Register while composing the server.
func (s *Service) OnRecord(h RecordHook) { s.recordHooks = append(s.recordHooks, h) }

// normalize sets the status and times of it given the current item; it
// returns false for a deletion there is nothing to record of.
func normalize(it *configitem.Item, cur *RecordedItem, now time.Time) bool {
	live := cur != nil && !cur.Item.Deleted()
	switch {
	case it.Deleted() && !live:
		return false
	case it.Deleted():
		deletion(it, &cur.Item)
	case live:
		it.Status = configitem.StatusOK
	default:
		it.Status = configitem.StatusResourceDiscovered
	}
	if it.CaptureTime.IsZero() {
		it.CaptureTime = now
	}
	// History is searched by time, so capture times never go backwards.
	if cur != nil && it.CaptureTime.Before(cur.Item.CaptureTime) {
		it.CaptureTime = cur.Item.CaptureTime
	}
	it.CaptureTime = it.CaptureTime.UTC()
	if !it.ResourceCreationTime.IsZero() {
		it.ResourceCreationTime = it.ResourceCreationTime.UTC()
	}
	return true
}

// deletion shapes a ResourceDeleted item: no configuration, the identity
// of the last item.
func deletion(it, last *configitem.Item) {
	it.Status = configitem.StatusResourceDeleted
	it.Configuration, it.SupplementaryConfiguration, it.Relationships, it.Tags = nil, nil, nil, nil
	if it.ResourceName == "" {
		it.ResourceName = last.ResourceName
	}
	if it.ARN == "" {
		it.ARN = last.ARN
	}
	if it.AvailabilityZone == "" {
		it.AvailabilityZone = last.AvailabilityZone
	}
	if it.ResourceCreationTime.IsZero() {
		it.ResourceCreationTime = last.ResourceCreationTime
	}
}

// hashItem returns the MD5 of what an item says about its resource.
// encoding/json sorts map keys, so equal states hash equally.
func hashItem(it *configitem.Item) (string, error) {
	state := struct {
		Type, ID, Name, ARN, Zone, Status string
		Created                           time.Time
		Configuration, Supplementary      map[string]any
		Tags                              map[string]string
		Relationships                     []configitem.Relationship
	}{it.ResourceType, it.ResourceID, it.ResourceName, it.ARN, it.AvailabilityZone, deletedOrLive(it),
		it.ResourceCreationTime, it.Configuration, it.SupplementaryConfiguration, it.Tags, it.Relationships}
	b, err := json.Marshal(state)
	if err != nil {
		return "", fmt.Errorf("encode configuration item of %s %s: %w", it.ResourceType, it.ResourceID, err)
	}
	sum := md5.Sum(b)
	return hex.EncodeToString(sum[:]), nil
}

func deletedOrLive(it *configitem.Item) string {
	if it.Deleted() {
		return "deleted"
	}
	return "live"
}

// putItem stores rec as the current item and in the history.
func putItem(tx store.Tx, scope tenant.Scope, rec *RecordedItem) error {
	it := &rec.Item
	if err := store.PutRecord(tx, scope.Bucket(kindItem), itemKey(it.ResourceType, it.ResourceID), rec); err != nil {
		return err
	}
	return store.PutRecord(tx, scope.Bucket(kindHistory), historyKey(it.ResourceType, it.ResourceID, rec.StateID), rec)
}

// updateIndex keeps the discovered-resources index and counts.
func updateIndex(tx store.Tx, scope tenant.Scope, cur *RecordedItem, it *configitem.Item) error {
	e := resourceEntry{Name: it.ResourceName}
	if it.Deleted() {
		e.Deleted, e.DeletedAt = true, it.CaptureTime.UnixMilli()
	}
	if err := store.PutRecord(tx, scope.Bucket(kindResource), itemKey(it.ResourceType, it.ResourceID), e); err != nil {
		return err
	}
	wasLive := cur != nil && !cur.Item.Deleted()
	switch {
	case wasLive && it.Deleted():
		return addCount(tx, scope, it.ResourceType, -1)
	case !wasLive && !it.Deleted():
		return addCount(tx, scope, it.ResourceType, 1)
	}
	return nil
}

// enqueue appends the change of an item to the global change queue.
func enqueue(tx store.Tx, scope tenant.Scope, it *configitem.Item) error {
	seq, err := nextSeq(tx)
	if err != nil {
		return err
	}
	c := Change{Scope: scope, ResourceType: it.ResourceType, ResourceID: it.ResourceID, Deleted: it.Deleted()}
	return store.PutRecord(tx, ChangeBucket, changeKey(seq), c)
}
