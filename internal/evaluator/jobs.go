package evaluator

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Global buckets of the evaluator's durable work.
const (
	// jobBucket holds rule jobs, keyed by (queued time, id).
	jobBucket = "evaluator-jobs"
	// scheduleBucket indexes periodic rules by next run: (time, account,
	// region, rule). An entry is valid while nextBucket agrees.
	scheduleBucket = "evaluator-schedule"
	// nextBucket holds each periodic rule's next run, keyed by (account,
	// region, rule).
	nextBucket = "evaluator-next"
)

// timeLayout orders keys by time.
const timeLayout = "20060102T150405.000000000Z"

// Job asks for one rule to be evaluated: over every resource in its scope
// (and, for account-level rules, over the account), or over one resource.
type Job struct {
	Scope tenant.Scope `json:"scope"`
	Rule  string       `json:"rule"`
	// ResourceType and ResourceID, when set, limit the job to one resource.
	ResourceType string `json:"resourceType,omitempty"`
	ResourceID   string `json:"resourceId,omitempty"`
	// Reason says why, for the log.
	Reason string `json:"reason"`
}

// nextRun is a periodic rule's next evaluation.
type nextRun struct {
	Scope tenant.Scope `json:"scope"`
	Rule  string       `json:"rule"`
	At    time.Time    `json:"at"`
}

// Enqueue records a job in tx (call Wake after the commit).
func Enqueue(tx store.Tx, now time.Time, j Job) error {
	key := store.Key(now.UTC().Format(timeLayout), uuid.NewString())
	return store.PutRecord(tx, jobBucket, key, j)
}

// Schedule sets a periodic rule's next run to at, replacing any earlier
// schedule of the rule.
func Schedule(tx store.Tx, scope tenant.Scope, rule string, at time.Time) error {
	n := nextRun{Scope: scope, Rule: rule, At: at.UTC()}
	if err := store.PutRecord(tx, nextBucket, store.Key(scope.AccountID, scope.Region, rule), n); err != nil {
		return err
	}
	return tx.Put(scheduleBucket, scheduleKey(n), []byte("{}"))
}

// Unschedule forgets a rule's periodic schedule (the rule was deleted or
// is no longer periodic).
func Unschedule(tx store.Tx, scope tenant.Scope, rule string) error {
	_, err := tx.Delete(nextBucket, store.Key(scope.AccountID, scope.Region, rule))
	return err
}

func scheduleKey(n nextRun) string {
	return store.Key(n.At.Format(timeLayout), n.Scope.AccountID, n.Scope.Region, n.Rule)
}

// scheduleDue turns every periodic rule due at the clock's now into a job
// and schedules its next run.
func (s *Service) scheduleDue(ctx context.Context) error {
	now := s.p.Clock.Now().UTC()
	due := false
	err := s.p.Store.View(ctx, func(tx store.Tx) error {
		items, err := tx.Scan(store.ScanParams{Bucket: scheduleBucket, Limit: 1})
		if err != nil || len(items) == 0 {
			return err
		}
		at, err := time.Parse(timeLayout, store.SplitKey(items[0].Key)[0])
		due = err == nil && !at.After(now)
		return err
	})
	if err != nil || !due {
		return err
	}
	return s.p.Store.Update(ctx, func(tx store.Tx) error {
		items, err := tx.Scan(store.ScanParams{Bucket: scheduleBucket, Limit: batch})
		if err != nil {
			return err
		}
		for _, it := range items {
			parts := store.SplitKey(it.Key)
			at, err := time.Parse(timeLayout, parts[0])
			if err != nil {
				return fmt.Errorf("schedule key %q: %w", it.Key, err)
			}
			if at.After(now) {
				break
			}
			if err := s.fire(tx, it.Key, parts, at, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// fire handles one due schedule entry: a valid one queues a job and sets
// the next run; a stale one is only removed.
func (s *Service) fire(tx store.Tx, key string, parts []string, at, now time.Time) error {
	if _, err := tx.Delete(scheduleBucket, key); err != nil {
		return err
	}
	var n nextRun
	err := store.GetRecord(tx, nextBucket, store.Key(parts[1], parts[2], parts[3]), &n)
	if err == store.ErrNotFound || (err == nil && !n.At.Equal(at)) {
		return nil
	}
	if err != nil {
		return err
	}
	freq, err := s.frequencyOf(tx, n.Scope, n.Rule)
	if err != nil || freq == 0 {
		if err == nil {
			err = Unschedule(tx, n.Scope, n.Rule)
		}
		return err
	}
	if err := Enqueue(tx, now, Job{Scope: n.Scope, Rule: n.Rule, Reason: "periodic"}); err != nil {
		return err
	}
	return Schedule(tx, n.Scope, n.Rule, now.Add(freq))
}
