package securityhub

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Control finding generators (ControlFindingGenerator).
const (
	GeneratorSecurityControl = "SECURITY_CONTROL"
	GeneratorStandardControl = "STANDARD_CONTROL"
)

// Hub states.
const (
	hubEnabled  = "ENABLED"
	hubDisabled = "DISABLED"
)

// Hub is a scope's Security Hub subscription, as DescribeHub shows it.
type Hub struct {
	ARN string
	// SubscribedAt is when the hub was enabled; zero for a hub enabled by
	// default that has not been used yet.
	SubscribedAt            time.Time
	AutoEnableControls      bool
	ControlFindingGenerator string
}

// hubRecord is a stored hub.
type hubRecord struct {
	State string `json:"state"`
	// Explicit is true once EnableSecurityHub ran (a hub enabled by
	// default may be enabled once more).
	Explicit                bool              `json:"explicit,omitempty"`
	SubscribedAt            time.Time         `json:"subscribedAt,omitzero"`
	ControlFindingGenerator string            `json:"controlFindingGenerator,omitempty"`
	Tags                    map[string]string `json:"tags,omitempty"`
}

// EnableParams are EnableSecurityHub's members.
type EnableParams struct {
	Tags map[string]string
	// ControlFindingGenerator is SECURITY_CONTROL (the default) or
	// STANDARD_CONTROL.
	ControlFindingGenerator string
}

// tagKeyPattern is the model's TagKey pattern (the "aws:" prefix is
// refused separately).
var tagKeyPattern = regexp.MustCompile(`^[a-zA-Z+-=._:/]+$`)

// Enable enables a scope's hub. A hub already enabled by EnableSecurityHub
// is a ResourceConflictException, as on AWS; one enabled by default is
// enabled once more without error.
func (s *Service) Enable(ctx context.Context, scope tenant.Scope, p EnableParams) error {
	if err := checkEnable(p); err != nil {
		return err
	}
	return s.store.Update(ctx, func(tx store.Tx) error {
		h, err := s.hub(tx, scope)
		if err != nil {
			return err
		}
		if h.State == hubEnabled && h.Explicit {
			return Errf(CodeResourceConflict, "Account %s is already subscribed to Security Hub", scope.AccountID)
		}
		if h.State == hubDisabled || h.SubscribedAt.IsZero() {
			h.SubscribedAt = s.clock.Now()
		}
		h.State, h.Explicit = hubEnabled, true
		h.ControlFindingGenerator = p.ControlFindingGenerator
		if h.ControlFindingGenerator == "" {
			h.ControlFindingGenerator = GeneratorSecurityControl
		}
		h.Tags = maps.Clone(p.Tags)
		return putHub(tx, scope, h)
	})
}

// checkEnable validates EnableSecurityHub's members as the model does.
func checkEnable(p EnableParams) error {
	switch p.ControlFindingGenerator {
	case "", GeneratorSecurityControl, GeneratorStandardControl:
	default:
		return InvalidInput("Invalid ControlFindingGenerator %q: use SECURITY_CONTROL or STANDARD_CONTROL.", p.ControlFindingGenerator)
	}
	if p.Tags != nil && (len(p.Tags) < 1 || len(p.Tags) > 50) {
		return InvalidInput("Tags must hold between 1 and 50 tags; %d were given.", len(p.Tags))
	}
	for k, v := range p.Tags {
		if len(k) > 128 || !tagKeyPattern.MatchString(k) || strings.HasPrefix(k, "aws:") {
			return InvalidInput("Invalid tag key %q: 1 to 128 letters, digits and + - = . _ : /, not starting with aws:.", k)
		}
		if len(v) > 256 {
			return InvalidInput("The value of tag %q is longer than 256 characters.", k)
		}
	}
	return nil
}

// Describe returns a scope's hub. hubArn, when given, must be the scope's
// hub: a malformed ARN is an InvalidInputException, another hub a
// ResourceNotFoundException.
func (s *Service) Describe(ctx context.Context, scope tenant.Scope, hubArn string) (*Hub, error) {
	if err := checkHubArn(scope, hubArn); err != nil {
		return nil, err
	}
	var out *Hub
	err := s.store.View(ctx, func(tx store.Tx) error {
		h, err := s.enabledHub(tx, scope)
		if err != nil {
			return err
		}
		gen := h.ControlFindingGenerator
		if gen == "" {
			gen = GeneratorSecurityControl
		}
		out = &Hub{ARN: HubArn(scope), SubscribedAt: h.SubscribedAt, AutoEnableControls: true, ControlFindingGenerator: gen}
		return nil
	})
	return out, err
}

// hubArnPattern is the shape of a hub ARN.
var hubArnPattern = regexp.MustCompile(`^arn:aws[a-z-]*:securityhub:[a-z0-9-]+:\d{12}:hub/default$`)

func checkHubArn(scope tenant.Scope, arn string) error {
	switch {
	case arn == "" || arn == HubArn(scope):
		return nil
	case !hubArnPattern.MatchString(arn):
		return InvalidInput("Invalid hub ARN %q: expected arn:aws:securityhub:REGION:ACCOUNT:hub/default.", arn)
	}
	return Errf(CodeResourceNotFound, "Hub %s not found: this account's hub in %s is %s.", arn, scope.Region, HubArn(scope))
}

// Disable disables a scope's hub: Config findings stop and the findings
// are hidden until the hub is enabled again (Salve keeps them).
func (s *Service) Disable(ctx context.Context, scope tenant.Scope) error {
	return s.store.Update(ctx, func(tx store.Tx) error {
		h, err := s.enabledHub(tx, scope)
		if err != nil {
			return err
		}
		h.State, h.Explicit = hubDisabled, false
		return putHub(tx, scope, h)
	})
}

// hub returns a scope's hub record; a scope that never had one gets the
// default (enabled unless RequireEnable).
func (s *Service) hub(tx store.Tx, scope tenant.Scope) (*hubRecord, error) {
	var h hubRecord
	err := store.GetRecord(tx, scope.Bucket(kindHub), hubKey, &h)
	if errors.Is(err, store.ErrNotFound) {
		if s.requireEnable {
			return &hubRecord{State: hubDisabled}, nil
		}
		return &hubRecord{State: hubEnabled}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load hub: %w", err)
	}
	return &h, nil
}

// enabledHub returns a scope's hub, or InvalidAccessException when it is
// disabled.
func (s *Service) enabledHub(tx store.Tx, scope tenant.Scope) (*hubRecord, error) {
	h, err := s.hub(tx, scope)
	if err != nil {
		return nil, err
	}
	if h.State != hubEnabled {
		return nil, notSubscribed(scope.AccountID)
	}
	return h, nil
}

// useHub returns whether a scope's hub takes findings, recording a hub
// enabled by default the first time it is used (its SubscribedAt).
func (s *Service) useHub(tx store.Tx, scope tenant.Scope) (bool, error) {
	h, err := s.hub(tx, scope)
	if err != nil || h.State != hubEnabled {
		return false, err
	}
	if h.SubscribedAt.IsZero() {
		h.SubscribedAt = s.clock.Now()
		return true, putHub(tx, scope, h)
	}
	return true, nil
}

func putHub(tx store.Tx, scope tenant.Scope, h *hubRecord) error {
	if err := store.PutRecord(tx, scope.Bucket(kindHub), hubKey, h); err != nil {
		return fmt.Errorf("store hub: %w", err)
	}
	return nil
}
