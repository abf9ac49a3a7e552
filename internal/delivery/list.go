package delivery

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Filter selects the records List returns; zero members select all.
type Filter struct {
	// State is StatePending, StateDelivered or StateDead.
	State string
	Kind  string
	ID    string
	// URLPrefix keeps the records whose URL starts with it.
	URLPrefix string
	// Limit caps the records returned (the newest are kept); 0 means no
	// cap.
	Limit int
}

// states lists the states in the order List reads them.
var states = []string{StatePending, StateDelivered, StateDead}

// List returns a scope's deliveries — pending ones with their attempts so
// far, the last delivered ones and the dead letters — oldest first (by
// creation).
func (s *Service) List(ctx context.Context, scope tenant.Scope, f Filter) ([]Record, error) {
	if f.State != "" && !slices.Contains(states, f.State) {
		return nil, fmt.Errorf("%w: unknown state %q (want %s)", ErrInvalid, f.State, strings.Join(states, ", "))
	}
	var out []Record
	err := s.p.Store.View(ctx, func(tx store.Tx) error {
		for _, st := range states {
			if f.State != "" && f.State != st {
				continue
			}
			recs, err := read(tx, bucketOf(scope, st), f)
			if err != nil {
				return err
			}
			out = append(out, recs...)
		}
		return nil
	})
	slices.SortFunc(out, func(a, b Record) int { return strings.Compare(a.ID, b.ID) })
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[len(out)-f.Limit:]
	}
	return out, err
}

// read decodes the records of one bucket that f keeps.
func read(tx store.Tx, bucket string, f Filter) ([]Record, error) {
	if f.ID != "" {
		var rec Record
		err := store.GetRecord(tx, bucket, f.ID, &rec)
		if err != nil {
			return nil, ignoreNotFound(err)
		}
		return keep(nil, rec, f), nil
	}
	items, err := tx.Scan(store.ScanParams{Bucket: bucket})
	if err != nil {
		return nil, err
	}
	var out []Record
	for _, it := range items {
		var rec Record
		if err := store.DecodeRecord(bucket, it.Key, it.Value, &rec); err != nil {
			return nil, err
		}
		out = keep(out, rec, f)
	}
	return out, nil
}

func keep(out []Record, rec Record, f Filter) []Record {
	if (f.Kind == "" || rec.Kind == f.Kind) && strings.HasPrefix(rec.URL, f.URLPrefix) {
		out = append(out, rec)
	}
	return out
}

// Redrive makes a dead letter pending again, due now, with a fresh
// attempt budget and age; its past attempts are kept. Call Wake after.
func (s *Service) Redrive(ctx context.Context, scope tenant.Scope, id string) error {
	return s.p.Store.Update(ctx, func(tx store.Tx) error {
		var rec Record
		bucket := bucketOf(scope, StateDead)
		if err := store.GetRecord(tx, bucket, id, &rec); err != nil {
			return fmt.Errorf("dead letter %s: %w", id, err)
		}
		if _, err := tx.Delete(bucket, id); err != nil {
			return err
		}
		now := s.p.Clock.Now().UTC()
		rec.State, rec.CreatedAt, rec.NextAttemptAt, rec.FinishedAt = StatePending, now, now, time.Time{}
		rec.Redriven = len(rec.Attempts)
		return putPending(tx, &rec)
	})
}
