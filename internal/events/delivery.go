package events

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Backoff bounds: the first retry waits BackoffBase, each next one twice
// as long, never more than BackoffMax.
const (
	BackoffBase = time.Second
	BackoffMax  = 5 * time.Minute
)

// claimBatch bounds the deliveries one claim takes.
const claimBatch = 64

// Delivery is one matched event on its way to one Lambda or SNS target: a
// durable work item, removed only once delivered.
type Delivery struct {
	ID string `json:"id"`
	// Scope is the account and region of the rule that matched.
	Scope   tenant.Scope `json:"scope"`
	Bus     string       `json:"bus"`
	Rule    string       `json:"rule"`
	RuleARN string       `json:"ruleArn"`
	// TargetID, TargetARN and Kind (KindLambda, KindSNS) name the target;
	// TargetScope and Name are where it points (the function's account
	// and region and its name, or the topic's and its ARN).
	TargetID    string       `json:"targetId"`
	TargetARN   string       `json:"targetArn"`
	Kind        string       `json:"kind"`
	TargetScope tenant.Scope `json:"targetScope"`
	Name        string       `json:"name"`
	// Payload is what the target receives (the event or its transformation).
	Payload   string    `json:"payload"`
	EventID   string    `json:"eventId"`
	EventTime time.Time `json:"eventTime"`
	// Attempts counts the failed attempts so far.
	Attempts      int    `json:"attempts,omitempty"`
	MaxRetries    int    `json:"maxRetries"`
	MaxAgeSeconds int    `json:"maxAgeSeconds"`
	DeadLetterARN string `json:"deadLetterArn,omitempty"`
	// DueAt is when the next attempt is due; while an attempt runs it is
	// the end of the attempt's lease (LeasedUntil is set then), after
	// which another worker may retry it.
	DueAt       time.Time `json:"dueAt"`
	LeasedUntil time.Time `json:"leasedUntil,omitzero"`
	LastError   string    `json:"lastError,omitempty"`
	CreatedAt   time.Time `json:"createdAt"`
}

// key is the delivery's key in the queue: due time first, so the due
// deliveries are the first keys.
func (d *Delivery) key() string {
	return store.Key(fmt.Sprintf("%020d", d.DueAt.UnixNano()), d.ID)
}

// expired reports whether the event is older than the target accepts.
func (d *Delivery) expired(now time.Time) bool {
	return now.Sub(d.EventTime) > time.Duration(d.MaxAgeSeconds)*time.Second
}

func putDelivery(tx store.Tx, d *Delivery) error {
	return store.PutRecord(tx, bucketDelivery, d.key(), d)
}

// Run recovers the deliveries a stopped process left leased, then works
// due deliveries when woken and every TickInterval until ctx ends.
func (s *Service) Run(ctx context.Context) error {
	if err := s.Recover(ctx); err != nil && ctx.Err() == nil {
		s.logger.Error("recover event deliveries", "err", err)
	}
	t := time.NewTicker(s.p.TickInterval)
	defer t.Stop()
	for {
		if _, err := s.Tick(ctx); err != nil && ctx.Err() == nil {
			s.logger.Error("event delivery failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-s.wake:
		}
	}
}

// Tick attempts every delivery due at the clock's now (Params.Workers at a
// time) until none is due, and returns how many it attempted.
func (s *Service) Tick(ctx context.Context) (int, error) {
	s.tickMu.Lock()
	defer s.tickMu.Unlock()
	total := 0
	for {
		claimed, err := s.claim(ctx)
		if err != nil || len(claimed) == 0 {
			return total, err
		}
		if err := s.attemptAll(ctx, claimed); err != nil {
			return total, err
		}
		total += len(claimed)
	}
}

// lease is how long a claimed delivery is held before another worker may
// take it again (a process that died mid-attempt).
func (s *Service) lease() time.Duration { return s.p.DeliveryTimeout + time.Minute }

// claim takes up to claimBatch due deliveries: each is moved under its
// lease's end in the transaction that reads it, so two workers never
// attempt the same delivery at once.
func (s *Service) claim(ctx context.Context) ([]*Delivery, error) {
	var claimed []*Delivery
	err := s.p.Store.Update(ctx, func(tx store.Tx) error {
		claimed = nil
		now := s.now()
		due, err := dueDeliveries(tx, now, claimBatch)
		if err != nil {
			return err
		}
		for _, d := range due {
			if _, err := tx.Delete(bucketDelivery, d.key()); err != nil {
				return err
			}
			d.DueAt, d.LeasedUntil = now.Add(s.lease()), now.Add(s.lease())
			if err := putDelivery(tx, d); err != nil {
				return err
			}
			claimed = append(claimed, d)
		}
		return nil
	})
	return claimed, err
}

// dueDeliveries reads the deliveries due at now, oldest first.
func dueDeliveries(tx store.Tx, now time.Time, limit int) ([]*Delivery, error) {
	all, err := scanRecords[Delivery](tx, store.ScanParams{Bucket: bucketDelivery, Limit: limit})
	if err != nil {
		return nil, err
	}
	var due []*Delivery
	for i := range all {
		if all[i].DueAt.After(now) {
			break
		}
		due = append(due, &all[i])
	}
	return due, nil
}

// attemptAll attempts claimed deliveries, Params.Workers at a time.
func (s *Service) attemptAll(ctx context.Context, claimed []*Delivery) error {
	sem := make(chan struct{}, s.p.Workers)
	errs := make([]error, len(claimed))
	var wg sync.WaitGroup
	for i, d := range claimed {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			errs[i] = s.attempt(ctx, d)
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// attempt delivers once and records the outcome.
func (s *Service) attempt(ctx context.Context, d *Delivery) error {
	if d.expired(s.now()) {
		return s.finish(ctx, d, errExpired)
	}
	actx, cancel := context.WithTimeout(ctx, s.p.DeliveryTimeout)
	err := s.deliver(actx, d)
	cancel()
	if ctx.Err() != nil {
		// Shutting down: the lease brings the delivery back.
		return nil
	}
	return s.finish(ctx, d, err)
}

// errExpired marks a delivery older than its target's MaximumEventAgeInSeconds.
var errExpired = errors.New("the event is older than the target's MaximumEventAgeInSeconds")

// deliver hands the payload to the target's deliverer.
func (s *Service) deliver(ctx context.Context, d *Delivery) error {
	switch {
	case d.Kind == KindLambda && s.p.Functions != nil:
		return s.p.Functions.Invoke(ctx, d.TargetScope, d.Name, []byte(d.Payload))
	case d.Kind == KindSNS && s.p.SNS != nil:
		return s.p.SNS.Publish(ctx, d.TargetScope, d.Name, d.Payload, "")
	}
	return fmt.Errorf("no %s service is configured", d.Kind)
}
