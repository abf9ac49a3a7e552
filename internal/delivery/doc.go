// Package delivery is Salve's durable, at-least-once HTTP POST delivery
// worker: EventBridge-style webhook targets, SNS http/https subscriptions
// and anything else that must reach an HTTP endpoint outside Salve.
//
// A producer calls Enqueue inside the store transaction that decided the
// delivery, so the delivery commits with the change or not at all, and
// calls Wake after the commit. Run (or Tick, in tests) POSTs due
// deliveries on a bounded pool of workers: a 2xx answer delivers it;
// anything else, a network error or no answer within the delivery's
// Timeout is retried with exponential backoff and jitter until
// MaxAttempts or MaxAge, after which the delivery becomes a dead letter
// carrying its last status and error. Due times come from the injected
// clock, so tests advance time instead of sleeping.
//
// A delivery is claimed before it is POSTed: its due time moves to
// now + Timeout + LeaseSlack. A process killed mid-POST leaves the claim
// behind, and the delivery is due again once the lease runs out — it is
// POSTed again (at least once, never lost).
//
// Records (per-scope buckets, see tenant.Scope, keyed by the delivery id,
// a UUIDv7 so keys sort by creation):
//
//	delivery            id                → pending Record
//	delivery-delivered  id                → delivered Record (the last KeepDelivered per scope)
//	delivery-dead       id                → dead letter Record (the last KeepDead per scope)
//
// and one global bucket, DueBucket: (due time, id) → the scope and id of a
// pending delivery, scanned in time order by the workers.
package delivery
