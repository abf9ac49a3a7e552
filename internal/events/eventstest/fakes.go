// Package eventstest has in-memory deliverers for tests of the event bus:
// they record what they receive and fail on demand.
package eventstest

import (
	"context"
	"errors"
	"slices"
	"sync"

	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// ErrInjected is the error a deliverer returns while it is set to fail.
var ErrInjected = errors.New("injected delivery failure")

// Call is one delivery a fake received.
type Call struct {
	Scope tenant.Scope
	// Name is the function name or the topic ARN.
	Name    string
	Payload string
	Subject string
}

// recorder keeps calls and a number of failures to return first.
type recorder struct {
	mu    sync.Mutex
	calls []Call
	fails int
	tries int
}

func (r *recorder) receive(c Call) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.tries++
	if r.fails > 0 {
		r.fails--
		return ErrInjected
	}
	r.calls = append(r.calls, c)
	return nil
}

// FailNext makes the next n deliveries fail with ErrInjected.
func (r *recorder) FailNext(n int) {
	r.mu.Lock()
	r.fails = n
	r.mu.Unlock()
}

// Calls returns the successful deliveries so far.
func (r *recorder) Calls() []Call {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.calls)
}

// Tries counts every delivery attempt, failed or not.
func (r *recorder) Tries() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.tries
}

// Functions is a fake events.Functions.
type Functions struct{ recorder }

// Invoke implements events.Functions.
func (f *Functions) Invoke(_ context.Context, scope tenant.Scope, name string, payload []byte) error {
	return f.receive(Call{Scope: scope, Name: name, Payload: string(payload)})
}

// SNS is a fake events.SNS.
type SNS struct{ recorder }

// Publish implements events.SNS.
func (s *SNS) Publish(_ context.Context, scope tenant.Scope, topicArn, message, subject string) error {
	return s.receive(Call{Scope: scope, Name: topicArn, Payload: message, Subject: subject})
}

// HTTP is a fake events.HTTP: it keeps every queued request and counts
// the wake-ups.
type HTTP struct {
	mu         sync.Mutex
	deliveries []events.HTTPDelivery
	wakes      int
}

// Wake counts a wake-up.
func (h *HTTP) Wake() {
	h.mu.Lock()
	h.wakes++
	h.mu.Unlock()
}

// Wakes returns how many times Wake was called.
func (h *HTTP) Wakes() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.wakes
}

// Enqueue implements events.HTTP.
func (h *HTTP) Enqueue(_ store.Tx, d events.HTTPDelivery) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.deliveries = append(h.deliveries, d)
	return nil
}

// Deliveries returns the queued requests.
func (h *HTTP) Deliveries() []events.HTTPDelivery {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.deliveries)
}
