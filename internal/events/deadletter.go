package events

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// MaxDeadLetters is how many dead letters a scope keeps; older ones are
// dropped as new ones arrive.
const MaxDeadLetters = 10000

// DeadLetter is a delivery that ran out of retries or of time.
type DeadLetter struct {
	Delivery
	FailedAt time.Time `json:"failedAt"`
	// Reason says why it was given up, with the last error.
	Reason string `json:"reason"`
}

// finish records the outcome of an attempt: a success removes the
// delivery; a failure schedules the next attempt with backoff, or moves
// the delivery to the dead letters when its retries or its time are spent.
func (s *Service) finish(ctx context.Context, d *Delivery, failure error) error {
	return s.p.Store.Update(ctx, func(tx store.Tx) error {
		held, err := tx.Delete(bucketDelivery, d.key())
		if err != nil || !held {
			// Not held any more: the lease ran out and another attempt took it.
			return err
		}
		if failure == nil {
			return nil
		}
		return s.retryOrBury(tx, d, failure)
	})
}

func (s *Service) retryOrBury(tx store.Tx, d *Delivery, failure error) error {
	now := s.now()
	if !errors.Is(failure, errExpired) {
		d.Attempts++
	}
	d.LastError, d.LeasedUntil = failure.Error(), time.Time{}
	s.logger.Warn("event delivery failed", "rule_arn", d.RuleARN, "target_id", d.TargetID,
		"event_id", d.EventID, "attempts", d.Attempts, "err", failure)
	switch {
	case errors.Is(failure, errExpired) || d.expired(now):
		return s.bury(tx, d, now, fmt.Sprintf("MaximumEventAgeInSeconds (%d) exceeded; last error: %s", d.MaxAgeSeconds, d.LastError))
	case d.Attempts > d.MaxRetries:
		return s.bury(tx, d, now, fmt.Sprintf("MaximumRetryAttempts (%d) exhausted after %d attempts; last error: %s", d.MaxRetries, d.Attempts, d.LastError))
	}
	d.DueAt = now.Add(backoff(d.Attempts))
	return putDelivery(tx, d)
}

// backoff is the wait before the next attempt after n failed ones.
func backoff(n int) time.Duration {
	wait := BackoffBase
	for i := 1; i < n && wait < BackoffMax; i++ {
		wait *= 2
	}
	return min(wait, BackoffMax)
}

// bury stores a dead letter in the rule's scope, dropping the oldest when
// the scope keeps MaxDeadLetters.
func (s *Service) bury(tx store.Tx, d *Delivery, now time.Time, reason string) error {
	s.logger.Error("event delivery given up", "rule_arn", d.RuleARN, "target_id", d.TargetID,
		"event_id", d.EventID, "reason", reason)
	bucket := d.Scope.Bucket(kindDeadLetter)
	n, err := tx.Count(store.ScanParams{Bucket: bucket, Limit: MaxDeadLetters})
	if err != nil {
		return err
	}
	if n >= MaxDeadLetters {
		oldest, err := tx.Scan(store.ScanParams{Bucket: bucket, Limit: 1})
		if err != nil {
			return err
		}
		if _, err := tx.Delete(bucket, oldest[0].Key); err != nil {
			return err
		}
	}
	dl := &DeadLetter{Delivery: *d, FailedAt: now, Reason: reason}
	return store.PutRecord(tx, bucket, store.Key(fmt.Sprintf("%020d", now.UnixNano()), d.ID), dl)
}

// Recover makes every leased delivery due now: run at start-up, it retries
// at once what a stopped process was attempting (at least once: the
// target may get it twice).
func (s *Service) Recover(ctx context.Context) error {
	return s.p.Store.Update(ctx, func(tx store.Tx) error {
		all, err := scanRecords[Delivery](tx, store.ScanParams{Bucket: bucketDelivery})
		if err != nil {
			return err
		}
		now := s.now()
		for i := range all {
			d := &all[i]
			if d.LeasedUntil.IsZero() {
				continue
			}
			if _, err := tx.Delete(bucketDelivery, d.key()); err != nil {
				return err
			}
			d.DueAt, d.LeasedUntil = now, time.Time{}
			if err := putDelivery(tx, d); err != nil {
				return err
			}
		}
		return nil
	})
}

// Deliveries returns the queued deliveries of a scope, in due order; a
// non-empty rule keeps those of the rules with that name.
func (s *Service) Deliveries(ctx context.Context, scope tenant.Scope, rule string) ([]Delivery, error) {
	var out []Delivery
	err := s.p.Store.View(ctx, func(tx store.Tx) error {
		all, err := scanRecords[Delivery](tx, store.ScanParams{Bucket: bucketDelivery})
		for _, d := range all {
			if d.Scope == scope && (rule == "" || d.Rule == rule) {
				out = append(out, d)
			}
		}
		return err
	})
	return out, err
}

// DeadLetters returns a scope's dead letters, oldest first.
func (s *Service) DeadLetters(ctx context.Context, scope tenant.Scope) ([]DeadLetter, error) {
	var out []DeadLetter
	err := s.p.Store.View(ctx, func(tx store.Tx) error {
		var err error
		out, err = scanRecords[DeadLetter](tx, store.ScanParams{Bucket: scope.Bucket(kindDeadLetter)})
		return err
	})
	return out, err
}
