package delivery

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/store"
)

// ErrInvalid is wrapped by the errors Enqueue returns for a delivery it
// refuses (a producer's bug, not the endpoint's).
var ErrInvalid = errors.New("invalid delivery")

// Enqueue stores d as a pending delivery, due now, inside the caller's
// transaction, and returns its id. Call Wake after the commit.
func (s *Service) Enqueue(tx store.Tx, d Delivery) (string, error) {
	if err := check(&d); err != nil {
		return "", err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return "", fmt.Errorf("delivery id: %w", err)
	}
	now := s.p.Clock.Now().UTC()
	rec := &Record{ID: id.String(), Scope: d.Scope, Kind: d.Kind, URL: d.URL, Headers: d.Headers, Body: d.Body,
		TimeoutMS: d.Timeout.Milliseconds(), MaxAttempts: d.MaxAttempts, MaxAgeMS: d.MaxAge.Milliseconds(),
		State: StatePending, CreatedAt: now, NextAttemptAt: now}
	if err := putPending(tx, rec); err != nil {
		return "", err
	}
	return rec.ID, nil
}

// check validates d and fills in its defaults.
func check(d *Delivery) error {
	if d.Scope.AccountID == "" || d.Scope.Region == "" {
		return fmt.Errorf("%w: the scope's account and region are required", ErrInvalid)
	}
	if strings.TrimSpace(d.Kind) == "" {
		return fmt.Errorf("%w: the kind is required", ErrInvalid)
	}
	if err := checkURL(d.URL); err != nil {
		return err
	}
	if err := checkHeaders(d.Headers); err != nil {
		return err
	}
	if len(d.Body) > MaxBodyBytes {
		return fmt.Errorf("%w: the body has %d bytes, more than %d", ErrInvalid, len(d.Body), MaxBodyBytes)
	}
	return checkLimits(d)
}

func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%w: %q is not an absolute http or https URL", ErrInvalid, raw)
	}
	return nil
}

// checkHeaders refuses names that are not HTTP tokens and values with
// line breaks (header injection).
func checkHeaders(h map[string]string) error {
	for k, v := range h {
		if k == "" || strings.IndexFunc(k, notTokenRune) >= 0 {
			return fmt.Errorf("%w: %q is not a valid header name", ErrInvalid, k)
		}
		if strings.ContainsAny(v, "\r\n\x00") {
			return fmt.Errorf("%w: the value of header %s has a line break", ErrInvalid, k)
		}
	}
	return nil
}

func notTokenRune(r rune) bool {
	return r <= ' ' || r >= 0x7f || strings.ContainsRune(`"(),/:;<=>?@[\]{}`, r)
}

func checkLimits(d *Delivery) error {
	orDefault(&d.Timeout, DefaultTimeout)
	orDefault(&d.MaxAttempts, DefaultMaxAttempts)
	orDefault(&d.MaxAge, DefaultMaxAge)
	switch {
	case d.Timeout > MaxTimeout:
		return fmt.Errorf("%w: the timeout %s is longer than %s", ErrInvalid, d.Timeout, MaxTimeout)
	case d.Timeout < time.Millisecond:
		return fmt.Errorf("%w: the timeout %s is shorter than 1ms", ErrInvalid, d.Timeout)
	case d.MaxAttempts > MaxMaxAttempts:
		return fmt.Errorf("%w: %d attempts is more than %d", ErrInvalid, d.MaxAttempts, MaxMaxAttempts)
	}
	return nil
}
