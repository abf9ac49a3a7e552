package events

import (
	"context"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// PutRuleParams are the members of a PutRule call that passed the model's
// checks. Nil pointers are members that were not sent.
type PutRuleParams struct {
	Name string
	// Bus is the EventBusName member (a name or an ARN; "" is default).
	Bus                string
	EventPattern       *string
	ScheduleExpression *string
	// State is ENABLED when not sent.
	State       *string
	Description *string
	RoleARN     *string
	// Tags apply when the rule is created; an update keeps the rule's tags.
	Tags []Tag
}

// PutRule creates a rule or replaces an existing one's definition (its
// targets and tags are kept), and returns its ARN.
func (s *Service) PutRule(ctx context.Context, scope tenant.Scope, p PutRuleParams) (string, error) {
	if err := s.checkRuleDefinition(p); err != nil {
		return "", err
	}
	var arn string
	err := s.update(ctx, scope, func(t *txn) error {
		bus, err := t.busName(p.Bus)
		if err != nil {
			return err
		}
		if p.ScheduleExpression != nil && *p.ScheduleExpression != "" && bus != DefaultBus {
			return validation("ScheduleExpression is supported only on the default event bus.")
		}
		r, err := s.putRule(t, bus, p)
		if r != nil {
			arn = r.ARN
		}
		return err
	})
	return arn, err
}

// checkRuleDefinition applies PutRule's checks that need no stored state.
func (s *Service) checkRuleDefinition(p PutRuleParams) error {
	pattern, schedule := deref(p.EventPattern), deref(p.ScheduleExpression)
	if pattern == "" && schedule == "" {
		return validation("Parameter(s) EventPattern or ScheduleExpression must be specified.")
	}
	if schedule != "" && !validSchedule(schedule) {
		return validation("Parameter ScheduleExpression is not valid.")
	}
	if pattern != "" {
		if _, err := s.patterns.compile(pattern); err != nil {
			return err
		}
	}
	return nil
}

// putRule creates or replaces the rule in its transaction.
func (s *Service) putRule(t *txn, bus string, p PutRuleParams) (*Rule, error) {
	old, err := t.rule(bus, p.Name)
	if err != nil && !isNotFound(err) {
		return nil, err
	}
	r := &Rule{Name: p.Name, ARN: ruleARN(t.scope, bus, p.Name), Bus: bus, EventPattern: deref(p.EventPattern),
		ScheduleExpression: deref(p.ScheduleExpression), State: StateEnabled, Description: deref(p.Description),
		RoleARN: deref(p.RoleARN), CreatedBy: t.scope.AccountID, Tags: p.Tags, CreatedAt: t.now, UpdatedAt: t.now}
	if p.State != nil {
		r.State = *p.State
	}
	status := configitem.StatusResourceDiscovered
	if old != nil {
		r.Targets, r.Tags, r.CreatedAt = old.Targets, old.Tags, old.CreatedAt
		status = configitem.StatusOK
	} else if err := s.checkRuleCount(t, bus); err != nil {
		return nil, err
	}
	if err := t.putRule(r); err != nil {
		return nil, err
	}
	return r, t.recordRule(r, status)
}

func (s *Service) checkRuleCount(t *txn, bus string) error {
	n, err := t.countRules(bus, s.p.MaxRules)
	if err != nil {
		return err
	}
	if n >= s.p.MaxRules {
		return limitExceeded()
	}
	return nil
}

// DescribeRule returns a rule of a bus ("" or a name or ARN).
func (s *Service) DescribeRule(ctx context.Context, scope tenant.Scope, bus, name string) (*Rule, error) {
	var r *Rule
	err := s.view(ctx, scope, func(t *txn) error {
		b, err := t.busName(bus)
		if err != nil {
			return err
		}
		r, err = t.rule(b, name)
		return err
	})
	return r, err
}

// DeleteRule deletes a rule. A rule that still has targets is refused
// unless force; a rule that does not exist is no error (as in AWS).
func (s *Service) DeleteRule(ctx context.Context, scope tenant.Scope, bus, name string, force bool) error {
	return s.update(ctx, scope, func(t *txn) error {
		b, err := t.busName(bus)
		if err != nil {
			return err
		}
		r, err := t.rule(b, name)
		if isNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		if len(r.Targets) > 0 && !force {
			return validation("Rule can't be deleted since it has targets.")
		}
		if err := t.deleteRule(r); err != nil {
			return err
		}
		return t.recordRule(r, configitem.StatusResourceDeleted)
	})
}

// SetRuleState enables or disables a rule (EnableRule, DisableRule).
func (s *Service) SetRuleState(ctx context.Context, scope tenant.Scope, bus, name, state string) error {
	return s.update(ctx, scope, func(t *txn) error {
		r, err := t.ruleOfBus(bus, name)
		if err != nil {
			return err
		}
		if r.State == state {
			return nil
		}
		r.State, r.UpdatedAt = state, t.now
		if err := t.putRule(r); err != nil {
			return err
		}
		return t.recordRule(r, configitem.StatusOK)
	})
}

// ruleOfBus resolves the bus member and loads the rule.
func (t *txn) ruleOfBus(bus, name string) (*Rule, error) {
	b, err := t.busName(bus)
	if err != nil {
		return nil, err
	}
	return t.rule(b, name)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
