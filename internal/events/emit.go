package events

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Emit puts events of one of AWS's services (source aws.*) or of Salve
// on the scope's default bus: it matches the enabled rules and queues one
// durable delivery per target of every matching rule, all in one store
// transaction, then wakes the delivery worker.
func (s *Service) Emit(ctx context.Context, scope tenant.Scope, es ...Event) error {
	evs, err := s.envelopes(scope, es)
	if err != nil {
		return err
	}
	if quiet, err := s.Quiet(ctx, scope); err != nil || quiet {
		// No rule to match: nothing to queue, no transaction to commit.
		return err
	}
	return s.update(ctx, scope, func(t *txn) error {
		for _, ev := range evs {
			if err := s.route(t, DefaultBus, ev); err != nil {
				return err
			}
		}
		return nil
	})
}

// Quiet reports whether the scope's default bus has no enabled rule to
// match, so an event would reach no one: callers skip building events then.
func (s *Service) Quiet(ctx context.Context, scope tenant.Scope) (bool, error) {
	quiet := false
	err := s.view(ctx, scope, func(t *txn) error {
		set, err := s.ruleSet(t, DefaultBus)
		quiet = err == nil && len(set.rules) == 0
		return err
	})
	return quiet, err
}

// QuietTx is Quiet inside the caller's transaction.
func (s *Service) QuietTx(tx store.Tx, scope tenant.Scope) (bool, error) {
	set, err := s.ruleSet(s.newTxn(tx, scope), DefaultBus)
	return err == nil && len(set.rules) == 0, err
}

// EmitTx is Emit inside the caller's transaction, so the events'
// deliveries commit with the change they report (a configuration item's
// change event with the item). The caller calls WakeAll after the commit.
// Nothing is built for a bus with no rules.
func (s *Service) EmitTx(tx store.Tx, scope tenant.Scope, es ...Event) error {
	t := s.newTxn(tx, scope)
	if set, err := s.ruleSet(t, DefaultBus); err != nil || len(set.rules) == 0 {
		return err
	}
	evs, err := s.envelopes(scope, es)
	if err != nil {
		return err
	}
	for _, ev := range evs {
		if err := s.route(t, DefaultBus, ev); err != nil {
			return err
		}
	}
	return nil
}

// envelopes builds the events' envelopes, stamped now.
func (s *Service) envelopes(scope tenant.Scope, es []Event) ([]*envelope, error) {
	evs := make([]*envelope, 0, len(es))
	for _, e := range es {
		detail, err := detailJSON(e.Detail)
		if err != nil {
			return nil, err
		}
		ev, err := newEnvelope(scope, e, detail, s.now())
		if err != nil {
			return nil, err
		}
		evs = append(evs, ev)
	}
	return evs, nil
}

// WakeAll wakes the delivery worker and the HTTP worker (after EmitTx).
func (s *Service) WakeAll() {
	s.Wake()
	if w, ok := s.p.HTTP.(waker); ok {
		w.Wake()
	}
}

// route matches an event against a bus's enabled rules and queues the
// deliveries of every matching rule's targets.
func (s *Service) route(t *txn, bus string, ev *envelope) error {
	set, err := s.ruleSet(t, bus)
	if err != nil {
		return err
	}
	event, _ := ev.decoded().(map[string]any)
	for i := range set.rules {
		cr := &set.rules[i]
		if !cr.pattern.MatchValue(event) {
			continue
		}
		for j := range cr.rule.Targets {
			if err := s.queue(t, &cr.rule, &cr.rule.Targets[j], ev); err != nil {
				return err
			}
		}
	}
	return nil
}

// queue queues one delivery of an event to a rule's target. A target that
// cannot get it (its payload cannot be built, its kind has no deliverer)
// is logged and skipped: the other targets still get the event.
func (s *Service) queue(t *txn, r *Rule, tg *Target, ev *envelope) error {
	kind, ref, why := classifyTarget(t.scope, tg.ARN)
	body, err := payload(r, tg, ev)
	if why != "" || err != nil {
		s.logger.Warn("event not delivered to target", "rule_arn", r.ARN, "target_id", tg.ID, "reason", why, "err", err)
		return nil
	}
	retries, age := tg.RetryPolicy.limits()
	if kind == KindHTTP {
		return s.queueHTTP(t, r, tg, ev, body, retries, age)
	}
	d := &Delivery{ID: ev.id + "/" + r.Name + "/" + tg.ID, Scope: t.scope, Bus: r.Bus, Rule: r.Name, RuleARN: r.ARN,
		TargetID: tg.ID, TargetARN: tg.ARN, Kind: kind, TargetScope: ref.Scope, Name: ref.Name,
		Payload: string(body), EventID: ev.id, EventTime: ev.ingested, MaxRetries: retries,
		MaxAgeSeconds: int(age.Seconds()), DueAt: t.now, CreatedAt: t.now}
	if tg.DeadLetterConfig != nil {
		d.DeadLetterARN = tg.DeadLetterConfig.ARN
	}
	t.queued = true
	return putDelivery(t.tx, d)
}

// queueHTTP hands an http(s) delivery to the HTTP worker in the same
// transaction.
func (s *Service) queueHTTP(t *txn, r *Rule, tg *Target, ev *envelope, body []byte, retries int, age time.Duration) error {
	if s.p.HTTP == nil {
		s.logger.Warn("event not delivered to target: no HTTP worker", "rule_arn", r.ARN, "target_id", tg.ID)
		return nil
	}
	headers := map[string]string{"Content-Type": "application/json", "X-Salve-Rule-Arn": r.ARN}
	target := tg.ARN
	if hp := tg.HTTPParameters; hp != nil {
		for k, v := range hp.HeaderParameters {
			headers[k] = v
		}
		target = withQuery(target, hp.QueryStringParameters)
	}
	t.queuedHTTP = true
	return s.p.HTTP.Enqueue(t.tx, HTTPDelivery{Scope: t.scope, URL: target, Body: body, Headers: headers,
		Timeout: s.p.HTTPTimeout, MaxRetries: retries, MaxAge: age, EventID: ev.id})
}

// withQuery adds query string parameters to a URL.
func withQuery(raw string, params map[string]string) string {
	if len(params) == 0 {
		return raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	q := u.Query()
	for k, v := range params {
		q.Set(k, v)
	}
	u.RawQuery = q.Encode()
	return strings.TrimSuffix(u.String(), "?")
}
