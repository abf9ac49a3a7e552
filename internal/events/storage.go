package events

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Record kinds and buckets.
const (
	// kindRule holds Rules keyed by (bus, rule name), per scope.
	kindRule = "events-rule"
	// kindBus holds custom Buses keyed by name, per scope.
	kindBus = "events-bus"
	// kindDeadLetter holds DeadLetters keyed by (failure time, id), per scope.
	kindDeadLetter = "events-deadletter"
	// bucketDelivery is the global queue of Deliveries keyed by (due time,
	// id), so the due ones are a prefix scan away.
	bucketDelivery = "events-delivery"
)

// txn is one call inside its store transaction.
type txn struct {
	tx    store.Tx
	scope tenant.Scope
	now   time.Time
	sink  configitem.Sink
	// recorded is set once a configuration item was recorded; queued once
	// a Lambda or SNS delivery was queued, queuedHTTP once an HTTP one was.
	recorded, queued, queuedHTTP bool
}

// waker is implemented by an HTTP worker that wants a nudge after a
// transaction queued requests for it.
type waker interface{ Wake() }

// update runs fn in one write transaction; after the commit it wakes the
// sink when fn recorded a configuration item, and the workers when it
// queued deliveries.
func (s *Service) update(ctx context.Context, scope tenant.Scope, fn func(*txn) error) error {
	var done txn
	err := s.p.Store.Update(ctx, func(tx store.Tx) error {
		t := s.newTxn(tx, scope)
		err := fn(t)
		done = *t
		return err
	})
	if err != nil {
		return err
	}
	if done.recorded {
		s.sink.Changed()
	}
	if done.queued {
		s.Wake()
	}
	if w, ok := s.p.HTTP.(waker); ok && done.queuedHTTP {
		w.Wake()
	}
	return nil
}

// view runs fn in a read-only transaction.
func (s *Service) view(ctx context.Context, scope tenant.Scope, fn func(*txn) error) error {
	return s.p.Store.View(ctx, func(tx store.Tx) error { return fn(s.newTxn(tx, scope)) })
}

func (s *Service) newTxn(tx store.Tx, scope tenant.Scope) *txn {
	return &txn{tx: tx, scope: scope, now: s.now(), sink: s.sink}
}

// record hands one configuration item to the sink.
func (t *txn) record(it *configitem.Item) error {
	it.CaptureTime = t.now
	if err := t.sink.Record(t.tx, t.scope, it); err != nil {
		return fmt.Errorf("record %s %s: %w", it.ResourceType, it.ResourceID, err)
	}
	t.recorded = true
	return nil
}

// busARN returns the ARN of an event bus of the scope.
func busARN(scope tenant.Scope, name string) string {
	return scope.ARN("events", "event-bus/"+name)
}

// ruleARN returns the ARN of a rule: rule/NAME on the default bus,
// rule/BUS/NAME on a custom one.
func ruleARN(scope tenant.Scope, bus, name string) string {
	if bus == DefaultBus {
		return scope.ARN("events", "rule/"+name)
	}
	return scope.ARN("events", "rule/"+bus+"/"+name)
}

// busName returns the bus an EventBusName member names (a name or an ARN
// of the caller's account and region; "" is the default bus) after
// checking that it exists.
func (t *txn) busName(nameOrARN string) (string, error) {
	name := nameOrARN
	if strings.HasPrefix(nameOrARN, "arn:") {
		prefix := busARN(t.scope, "")
		rest, ok := strings.CutPrefix(nameOrARN, prefix)
		if !ok {
			return "", busNotFound(nameOrARN)
		}
		name = rest
	}
	if name == "" || name == DefaultBus {
		return DefaultBus, nil
	}
	if _, err := t.bus(name); err != nil {
		return "", err
	}
	return name, nil
}

// bus loads a custom bus.
func (t *txn) bus(name string) (*Bus, error) {
	var b Bus
	err := store.GetRecord(t.tx, t.scope.Bucket(kindBus), store.Key(name), &b)
	if errors.Is(err, store.ErrNotFound) {
		return nil, busNotFound(name)
	}
	return &b, err
}

// rule loads a rule of a bus.
func (t *txn) rule(bus, name string) (*Rule, error) {
	var r Rule
	err := store.GetRecord(t.tx, t.scope.Bucket(kindRule), store.Key(bus, name), &r)
	if errors.Is(err, store.ErrNotFound) {
		return nil, ruleNotFound(name, bus)
	}
	return &r, err
}

// putRule stores a rule and marks its bus's rules as changed.
func (t *txn) putRule(r *Rule) error {
	if err := t.bumpGeneration(r.Bus); err != nil {
		return err
	}
	return store.PutRecord(t.tx, t.scope.Bucket(kindRule), store.Key(r.Bus, r.Name), r)
}

// deleteRule deletes a rule and marks its bus's rules as changed.
func (t *txn) deleteRule(r *Rule) error {
	if err := t.bumpGeneration(r.Bus); err != nil {
		return err
	}
	_, err := t.tx.Delete(t.scope.Bucket(kindRule), ruleKey(r))
	return err
}

// rules returns all the rules of a bus in name order.
func (t *txn) rules(bus string) ([]Rule, error) {
	return scanRecords[Rule](t.tx, store.ScanParams{Bucket: t.scope.Bucket(kindRule), Prefix: store.Key(bus) + "/"})
}

// countRules counts a bus's rules, up to limit.
func (t *txn) countRules(bus string, limit int) (int, error) {
	return t.tx.Count(store.ScanParams{Bucket: t.scope.Bucket(kindRule), Prefix: store.Key(bus) + "/", Limit: limit})
}
