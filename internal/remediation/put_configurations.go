package remediation

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// ItemFailure is one item of a batch call that was not applied.
type ItemFailure struct {
	// Index is the item's position in the request.
	Index int
	// Message says why. It never names the item itself, so items that
	// failed for the same reason share one message (and one FailedBatch).
	Message string
}

// PutConfigurations adds or replaces the remediation configuration of each
// item's rule, in request order, in one transaction. Items that cannot be
// stored (unknown rule or document, missing parameters, …) are returned as
// failures and the others are stored anyway. Members left out get the
// documented defaults; the ARN is assigned once and kept across updates.
// A configuration that becomes automatic runs the AutomaticEnabled hooks.
func (s *Service) PutConfigurations(ctx context.Context, scope tenant.Scope, cfgs []Configuration) ([]ItemFailure, error) {
	var failures []ItemFailure
	err := s.store.Update(ctx, func(tx store.Tx) error {
		failures = nil
		now := s.clock.Now()
		for i := range cfgs {
			msg, err := s.upsertConfiguration(tx, scope, cfgs[i], now)
			if err != nil {
				return err
			}
			if msg != "" {
				failures = append(failures, ItemFailure{Index: i, Message: msg})
			}
		}
		return nil
	})
	s.work(err)
	return failures, err
}

// upsertConfiguration stores one configuration, or returns why it cannot.
func (s *Service) upsertConfiguration(tx store.Tx, scope tenant.Scope, in Configuration, now time.Time) (string, error) {
	if msg, err := checkConfiguration(tx, scope, &in); msg != "" || err != nil {
		return msg, err
	}
	old, err := findConfiguration(tx, scope, in.ConfigRuleName)
	if err != nil {
		return "", err
	}
	c := merge(scope, old, in, now)
	if err := putConfiguration(tx, scope, &c); err != nil {
		return "", fmt.Errorf("store remediation configuration of %q: %w", c.ConfigRuleName, err)
	}
	if c.Automatic && (old == nil || !old.Automatic) {
		return "", s.automaticEnabled(tx, scope, &c)
	}
	return "", nil
}

// merge builds the stored configuration from a Put item and the
// configuration it replaces (nil for a new one).
func merge(scope tenant.Scope, old *Configuration, in Configuration, now time.Time) Configuration {
	c := in.withDefaults()
	c.TargetType = TargetTypeSSMDocument
	// CreatedByService names the owner of a service-linked rule; such
	// rules are refused, so a stored configuration never has one.
	c.CreatedByService = ""
	c.UpdatedAt = now
	if old != nil {
		c.Arn, c.CreatedAt = old.Arn, old.CreatedAt
		return c
	}
	c.Arn = scope.ARN("config", "remediation-configuration/"+c.ConfigRuleName+"/"+uuid.NewString())
	c.CreatedAt = now
	return c
}

// automaticEnabled runs the AutomaticEnabled hooks for c.
func (s *Service) automaticEnabled(tx store.Tx, scope tenant.Scope, c *Configuration) error {
	for _, h := range s.onAuto {
		if err := h(tx, scope, c); err != nil {
			return fmt.Errorf("enable automatic remediation of %q: %w", c.ConfigRuleName, err)
		}
	}
	return nil
}
