package delivery

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/store"
)

// Bounds on what is read of an answer.
const (
	// snippetBytes of an error answer's body go into the attempt's error.
	snippetBytes = 256
	// drainBytes of a body are read so the connection can be reused.
	drainBytes = 64 << 10
)

// UserAgent is the User-Agent of deliveries that set none.
const UserAgent = "Salve-Delivery/1"

// attempt POSTs rec once and records the outcome. An attempt cut because
// ctx ended records nothing.
func (s *Service) attempt(ctx context.Context, rec *Record) {
	at := s.p.Clock.Now().UTC()
	started := time.Now()
	status, err := s.post(ctx, rec)
	if err != nil && ctx.Err() != nil {
		return
	}
	a := Attempt{At: at, DurationMS: time.Since(started).Milliseconds(), Status: status}
	if err != nil {
		a.Error = err.Error()
	}
	if err := s.settle(context.WithoutCancel(ctx), rec, a); err != nil {
		s.p.Logger.Error("record delivery attempt", "delivery_id", rec.ID, "err", err)
	}
}

// post makes one POST; err says why it failed (a non-2xx status, no
// answer within the timeout, a network error).
func (s *Service) post(ctx context.Context, rec *Record) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, rec.Timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, rec.URL, bytes.NewReader(rec.Body))
	if err != nil {
		return 0, fmt.Errorf("build the request: %w", err)
	}
	req.Header.Set("User-Agent", UserAgent)
	for k, v := range rec.Headers {
		req.Header.Set(k, v)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return 0, fmt.Errorf("no answer within %s", rec.Timeout())
		}
		return 0, fmt.Errorf("POST %s: %w", rec.URL, unwrapURLError(err))
	}
	defer resp.Body.Close()
	snippet, _ := io.ReadAll(io.LimitReader(resp.Body, snippetBytes))
	io.Copy(io.Discard, io.LimitReader(resp.Body, drainBytes))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, fmt.Errorf("HTTP %s%s", resp.Status, bodySnippet(snippet))
	}
	return resp.StatusCode, nil
}

// unwrapURLError drops net/url's "Post \"URL\": " prefix (the URL is
// already in the message).
func unwrapURLError(err error) error {
	if ue, ok := errors.AsType[*url.Error](err); ok {
		return ue.Err
	}
	return err
}

// bodySnippet is the start of an error answer's body, for the attempt's
// error.
func bodySnippet(b []byte) string {
	s := strings.TrimSpace(strings.ToValidUTF8(string(b), "?"))
	if s == "" {
		return ""
	}
	if len(b) == snippetBytes {
		s += "…"
	}
	return ": " + s
}

// settle records an attempt: delivered on success; else retried after a
// backoff, or dead once out of attempts or past the deadline. A record no
// longer held under this attempt's lease is left alone.
func (s *Service) settle(ctx context.Context, held *Record, a Attempt) error {
	return s.p.Store.Update(ctx, func(tx store.Tx) error {
		rec, err := getPending(tx, held.Scope, held.ID)
		if err != nil || rec == nil || rec.Lease != held.Lease {
			return err
		}
		rec.Attempts = append(rec.Attempts, a)
		rec.LastStatus, rec.LastError, rec.Lease = a.Status, a.Error, ""
		now := s.p.Clock.Now().UTC()
		switch {
		case a.Error == "":
			rec.State, rec.FinishedAt = StateDelivered, now
			return finish(tx, rec, s.p.KeepDelivered)
		case len(rec.Attempts)-rec.Redriven >= rec.MaxAttempts || !now.Before(rec.Deadline()):
			rec.State, rec.FinishedAt = StateDead, now
			s.p.Logger.Warn("delivery failed for good", "delivery_id", rec.ID, "kind", rec.Kind,
				"url", rec.URL, "attempts", len(rec.Attempts), "last_error", rec.LastError)
			return finish(tx, rec, s.p.KeepDead)
		}
		return s.retry(tx, rec, now)
	})
}

// retry schedules the next attempt after the backoff (never past the
// deadline).
func (s *Service) retry(tx store.Tx, rec *Record, now time.Time) error {
	if err := unschedule(tx, rec); err != nil {
		return err
	}
	next := now.Add(s.backoff(len(rec.Attempts) - rec.Redriven))
	if d := rec.Deadline(); next.After(d) {
		next = d
	}
	rec.NextAttemptAt = next
	return putPending(tx, rec)
}

// backoff is the wait after the n-th failed attempt: half of
// min(BaseDelay·2^(n-1), MaxDelay) plus up to as much again at random.
func (s *Service) backoff(n int) time.Duration {
	d := s.p.MaxDelay
	if n-1 < 40 {
		d = min(s.p.BaseDelay<<(n-1), s.p.MaxDelay)
	}
	if d <= 0 {
		d = s.p.MaxDelay
	}
	half := d / 2
	return half + rand.N(d-half+1)
}

func ignoreNotFound(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	return err
}
