package events

import (
	"context"
	"time"
)

// Hooks for the external tests: a process that claims deliveries and
// stops, a late outcome, the lease and the backoff.

// ClaimForTest claims the due deliveries without attempting them.
func (s *Service) ClaimForTest(ctx context.Context) ([]*Delivery, error) { return s.claim(ctx) }

// FinishForTest records the outcome of an attempt.
func (s *Service) FinishForTest(ctx context.Context, d *Delivery, failure error) error {
	return s.finish(ctx, d, failure)
}

// LeaseForTest is how long a claim holds a delivery.
func (s *Service) LeaseForTest() time.Duration { return s.lease() }

// Backoff is the wait before the next attempt after n failures.
var Backoff = backoff
