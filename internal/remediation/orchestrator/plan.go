package orchestrator

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Decisions of a dry run: Remediate, or what blocks the resource.
const (
	// DecisionRemediate: an execution would start at the next tick.
	DecisionRemediate = "REMEDIATE"
	// DecisionException: a remediation exception put by a user is in force.
	DecisionException = "EXCEPTION"
	// DecisionAttemptsUsed: MaximumAutomaticAttempts failed, so Salve put
	// an exception on the resource.
	DecisionAttemptsUsed = "ATTEMPTS_USED"
	// DecisionManual: the configuration is manual; StartRemediationExecution
	// would queue it.
	DecisionManual = "MANUAL"
	// DecisionResourceType: the configuration names another resource type.
	DecisionResourceType = "RESOURCE_TYPE"
	// DecisionApprovalRequired: a new execution would wait for approval.
	DecisionApprovalRequired = "APPROVAL_REQUIRED"
	// DecisionAwaitingApproval: an execution is queued, awaiting approval.
	DecisionAwaitingApproval = "AWAITING_APPROVAL"
	// DecisionInProgress: an execution is running.
	DecisionInProgress = "IN_PROGRESS"
	// DecisionConcurrencyLimit: ConcurrentExecutionRatePercentage is reached.
	DecisionConcurrencyLimit = "CONCURRENCY_LIMIT"
	// DecisionErrorLimit: ErrorPercentage stops the rule.
	DecisionErrorLimit = "ERROR_LIMIT"
)

// RulePlan is the dry run of one rule with a remediation configuration.
type RulePlan struct {
	Rule           string         `json:"rule"`
	Automatic      bool           `json:"automatic"`
	Runbook        string         `json:"runbook"`
	RunbookVersion string         `json:"runbookVersion,omitempty"`
	Limits         PlanLimits     `json:"limits"`
	Resources      []ResourcePlan `json:"resources"`
}

// PlanLimits are a rule's Limits as a dry run reports them.
type PlanLimits struct {
	NonCompliant int `json:"nonCompliant"`
	Running      int `json:"running"`
	MaxRunning   int `json:"maxRunning"`
	Errors       int `json:"errors"`
	MaxErrors    int `json:"maxErrors"`
}

// ResourcePlan is what would happen to one NON_COMPLIANT resource now.
type ResourcePlan struct {
	ResourceType string `json:"resourceType"`
	ResourceID   string `json:"resourceId"`
	// Decision is DecisionRemediate or the blocker.
	Decision string `json:"decision"`
	// Reason says the same for a person.
	Reason string `json:"reason"`
	// Parameters are the runbook parameters an execution would get (or,
	// for a queued one, got).
	Parameters map[string][]string `json:"parameters,omitempty"`
	// ExecutionID and State are the resource's latest execution, if any.
	ExecutionID string `json:"executionId,omitempty"`
	State       string `json:"state,omitempty"`
	// Attempt is the latest automatic execution's attempt number.
	Attempt int `json:"attempt,omitempty"`
	// ExceptionMessage and ExceptionExpiry describe a blocking exception.
	ExceptionMessage string     `json:"exceptionMessage,omitempty"`
	ExceptionExpiry  *time.Time `json:"exceptionExpiry,omitempty"`
}

// Plan is a dry run: for rule (every rule with a configuration when
// ""), per NON_COMPLIANT resource, what the orchestrator would do now and
// what blocks it. It changes nothing.
func (o *Orchestrator) Plan(ctx context.Context, scope tenant.Scope, rule string) ([]RulePlan, error) {
	var out []RulePlan
	err := o.p.Store.View(ctx, func(tx store.Tx) error {
		out = nil
		cfgs, err := planConfigurations(tx, scope, rule)
		if err != nil {
			return err
		}
		for _, cfg := range cfgs {
			rp, err := o.planRule(tx, scope, cfg)
			if err != nil {
				return err
			}
			out = append(out, rp)
		}
		return nil
	})
	return out, err
}

// planConfigurations loads the named rule's configuration, or all.
func planConfigurations(tx store.Tx, scope tenant.Scope, rule string) ([]*remediation.Configuration, error) {
	if rule != "" {
		cfg, err := remediation.GetConfiguration(tx, scope, rule)
		if err != nil {
			return nil, err
		}
		return []*remediation.Configuration{cfg}, nil
	}
	cfgs, err := remediation.ListConfigurations(tx, scope)
	if err != nil {
		return nil, fmt.Errorf("list remediation configurations: %w", err)
	}
	return cfgs, nil
}

// planRule decides every NON_COMPLIANT resource of cfg's rule. Queued
// executions take the free slots first (they are admitted oldest first),
// then resources a new execution would start for.
func (o *Orchestrator) planRule(tx store.Tx, scope tenant.Scope, cfg *remediation.Configuration) (RulePlan, error) {
	rp := RulePlan{Rule: cfg.ConfigRuleName, Automatic: cfg.Automatic, Runbook: cfg.TargetID, RunbookVersion: cfg.TargetVersion}
	l, err := ruleLimits(tx, scope, cfg)
	if err != nil {
		return rp, err
	}
	rp.Limits = PlanLimits(l)
	refs, err := rules.ResourcesByCompliance(tx, scope, cfg.ConfigRuleName, rules.NonCompliant)
	if err != nil {
		return rp, err
	}
	var fresh []int
	var queued []queuedAt
	for _, r := range refs {
		p, e, err := o.planResource(tx, scope, cfg, remediation.ResourceKey{ResourceType: r.Type, ResourceID: r.ID})
		if err != nil {
			return rp, err
		}
		if p.Decision == DecisionRemediate {
			if e != nil && e.State == remediation.StateQueued {
				queued = append(queued, queuedAt{len(rp.Resources), e.InvocationTime})
			} else {
				fresh = append(fresh, len(rp.Resources))
			}
		}
		rp.Resources = append(rp.Resources, p)
	}
	slices.SortStableFunc(queued, func(a, b queuedAt) int { return a.at.Compare(b.at) })
	order := make([]int, 0, len(queued)+len(fresh))
	for _, q := range queued {
		order = append(order, q.i)
	}
	applyLimits(rp.Resources, append(order, fresh...), l)
	return rp, nil
}

// queuedAt is a queued candidate (index into the plan) and its
// invocation time: the queue admits oldest first.
type queuedAt struct {
	i  int
	at time.Time
}

// applyLimits turns the candidates beyond the SsmControls into blockers.
func applyLimits(res []ResourcePlan, candidates []int, l Limits) {
	free := l.Free()
	for _, i := range candidates {
		switch {
		case l.Blocked():
			res[i].Decision = DecisionErrorLimit
			res[i].Reason = fmt.Sprintf("ErrorPercentage stops the rule: %d failed of at most %d (of %d NON_COMPLIANT)",
				l.Errors, l.MaxErrors, l.NonCompliant)
		case free <= 0:
			res[i].Decision = DecisionConcurrencyLimit
			res[i].Reason = fmt.Sprintf("ConcurrentExecutionRatePercentage reached: %d running of at most %d", l.Running, l.MaxRunning)
		default:
			free--
		}
	}
}

// planResource decides one resource before the SsmControls apply; it
// also returns the resource's latest execution.
func (o *Orchestrator) planResource(tx store.Tx, scope tenant.Scope, cfg *remediation.Configuration, k remediation.ResourceKey) (ResourcePlan, *remediation.Execution, error) {
	p := ResourcePlan{ResourceType: k.ResourceType, ResourceID: k.ResourceID}
	e, err := remediation.FindExecution(tx, scope, cfg.ConfigRuleName, k.ResourceType, k.ResourceID)
	if err != nil {
		return p, nil, err
	}
	if e != nil {
		p.ExecutionID, p.State, p.Attempt = e.ID, string(e.State), e.Attempt
	}
	if e != nil && e.State.InFlight() {
		p.Parameters = e.Target.Parameters
		p.Decision, p.Reason = inFlightDecision(e)
		return p, e, nil
	}
	x, excepted, err := o.p.Remediation.ActiveException(tx, scope, cfg.ConfigRuleName, k.ResourceType, k.ResourceID)
	if err != nil {
		return p, e, err
	}
	p.Parameters = cfg.ResolveParameters(k.ResourceID)
	p.Decision, p.Reason = newDecision(cfg, k, x, excepted)
	if excepted {
		p.ExceptionMessage = x.Message
		if !x.ExpirationTime.IsZero() {
			p.ExceptionExpiry = &x.ExpirationTime
		}
	}
	return p, e, nil
}

// inFlightDecision decides a resource with a QUEUED or IN_PROGRESS execution.
func inFlightDecision(e *remediation.Execution) (string, string) {
	switch {
	case e.State == remediation.StateInProgress:
		return DecisionInProgress, "execution " + e.ID + " is running (Automation " + e.AutomationExecutionID + ")"
	case e.AwaitingApproval:
		return DecisionAwaitingApproval, "execution " + e.ID + " is queued, awaiting approval (salve remediation approve|reject)"
	default:
		return DecisionRemediate, "execution " + e.ID + " is queued and starts at the next tick"
	}
}

// newDecision decides a resource with no execution in flight.
func newDecision(cfg *remediation.Configuration, k remediation.ResourceKey, x *remediation.Exception, excepted bool) (string, string) {
	switch {
	case cfg.ResourceType != "" && cfg.ResourceType != k.ResourceType:
		return DecisionResourceType, "the configuration applies to " + cfg.ResourceType + " only"
	case excepted && x.Automatic:
		return DecisionAttemptsUsed, fmt.Sprintf("MaximumAutomaticAttempts (%d) failed; delete the exception to resume", cfg.MaximumAutomaticAttempts)
	case excepted:
		return DecisionException, "a remediation exception is in force"
	case !cfg.Automatic:
		return DecisionManual, "the configuration is manual: StartRemediationExecution queues it"
	case cfg.RequiresApproval():
		return DecisionApprovalRequired, "an execution would be queued awaiting approval (" + remediation.ApprovalParameter + ")"
	default:
		return DecisionRemediate, fmt.Sprintf("an automatic execution of %s would start", cfg.TargetID)
	}
}
