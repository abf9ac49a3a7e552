package audit

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Record kinds (see the package documentation for their keys).
const (
	kindEvent = "audit-event"
	kindIndex = "audit-index"
	kindSeq   = "audit-seq"
)

// Lookup attribute keys (LookupEvents' LookupAttributeKey) and the
// index's own key for automation executions.
const (
	AttrEventID      = "EventId"
	AttrEventName    = "EventName"
	AttrReadOnly     = "ReadOnly"
	AttrUsername     = "Username"
	AttrResourceType = "ResourceType"
	AttrResourceName = "ResourceName"
	AttrEventSource  = "EventSource"
	AttrAccessKeyID  = "AccessKeyId"
	attrAutomation   = "salve:AutomationExecutionId"
)

// AttributeKeys are the LookupEvents attribute keys, in AWS's order.
var AttributeKeys = []string{AttrEventID, AttrEventName, AttrReadOnly, AttrUsername, AttrResourceType,
	AttrResourceName, AttrEventSource, AttrAccessKeyID}

// record resolves the call's resources and stores its event, in one
// transaction.
func (s *Service) record(ctx context.Context, c *call) error {
	if err := s.resolve(ctx, c); err != nil {
		return fmt.Errorf("resolve the resources of %s: %w", c.name, err)
	}
	return s.p.Store.Update(ctx, func(tx store.Tx) error {
		changes, err := s.changes(tx, c)
		if err != nil {
			return err
		}
		ev, username := c.event(uuid.NewString(), changes)
		r := &Record{Event: ev, Time: c.now, Username: username, Resources: c.lookupResources(),
			AutomationExecutionID: c.rec.Caller.AutomationExecutionID}
		return putRecord(tx, c.scope, r)
	})
}

// putRecord stores r and its index entries.
func putRecord(tx store.Tx, scope tenant.Scope, r *Record) error {
	seq, err := nextSeq(tx, scope)
	if err != nil {
		return err
	}
	sk := sortKey(r.Time, seq)
	if err := store.PutRecord(tx, scope.Bucket(kindEvent), sk, r); err != nil {
		return err
	}
	for _, a := range indexEntries(r) {
		if err := tx.Put(scope.Bucket(kindIndex), store.Key(a[0], a[1])+"/"+sk, []byte(sk)); err != nil {
			return err
		}
	}
	return nil
}

// indexEntries are the (attribute, value) pairs an event is found by.
func indexEntries(r *Record) [][2]string {
	ev := &r.Event
	out := [][2]string{{AttrEventID, ev.EventID}, {AttrEventName, ev.EventName}, {AttrEventSource, ev.EventSource},
		{AttrUsername, r.Username}}
	if ev.UserIdentity.AccessKeyID != "" {
		out = append(out, [2]string{AttrAccessKeyID, ev.UserIdentity.AccessKeyID})
	}
	if r.AutomationExecutionID != "" {
		out = append(out, [2]string{attrAutomation, r.AutomationExecutionID})
	}
	for _, res := range r.Resources {
		out = appendNew(out, [2]string{AttrResourceType, res.ResourceType})
		out = appendNew(out, [2]string{AttrResourceName, res.ResourceName})
	}
	return out
}

func appendNew(list [][2]string, e [2]string) [][2]string {
	for _, x := range list {
		if x == e {
			return list
		}
	}
	return append(list, e)
}

// nextSeq returns the scope's next event sequence number.
func nextSeq(tx store.Tx, scope tenant.Scope) (int64, error) {
	var seq int64
	b, err := tx.Get(scope.Bucket(kindSeq), "seq")
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return 0, err
	default:
		if seq, err = strconv.ParseInt(string(b), 10, 64); err != nil {
			return 0, fmt.Errorf("audit sequence of %s/%s: %w", scope.AccountID, scope.Region, err)
		}
	}
	seq++
	return seq, tx.Put(scope.Bucket(kindSeq), "seq", []byte(strconv.FormatInt(seq, 10)))
}

// sortKey orders events newest first: inverted time, then inverted
// sequence (for events of the same instant).
func sortKey(t time.Time, seq int64) string {
	return invTime(t.UnixNano()) + "/" + fmt.Sprintf("%019d", math.MaxInt64-seq)
}

// invTime is the inverted time part of a sort key.
func invTime(ns int64) string {
	return fmt.Sprintf("%019d", math.MaxInt64-ns)
}
