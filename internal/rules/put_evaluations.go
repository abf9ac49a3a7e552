package rules

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Evaluation is one result reported by PutEvaluations.
type Evaluation struct {
	ResourceType      string
	ResourceID        string
	ComplianceType    string
	Annotation        string
	OrderingTimestamp time.Time
	// ResourceARN is the resource's ARN when the reporter knows it (Salve's
	// evaluator read it from the configuration item); it is passed on to
	// the hooks, not stored.
	ResourceARN string
}

// PutEvaluationsParams are the members of a PutEvaluations call that has
// passed the model's checks.
type PutEvaluationsParams struct {
	Evaluations []Evaluation
	ResultToken string
	// TestMode validates the call and stores nothing.
	TestMode bool
}

// Invocation is what a ResultToken stands for: the rule whose results are
// reported and when that rule was invoked.
type Invocation struct {
	RuleName string
	// InvokedAt is when Salve invoked the rule; zero when the rule was
	// evaluated outside Salve (the results' recording time is used).
	InvokedAt time.Time
}

// ResolveResultToken returns the invocation a PutEvaluations ResultToken
// names. Salve accepts the rule's name or ARN, for rules evaluated outside
// Salve; opaque per-invocation tokens are resolved here once Salve invokes
// custom rule handlers itself.
func ResolveResultToken(tx store.Tx, scope tenant.Scope, token string) (Invocation, error) {
	if token != "" {
		r, err := ruleByToken(tx, scope, token)
		if err != nil || r != nil {
			return Invocation{RuleName: nameOf(r)}, err
		}
	}
	return Invocation{}, awserr.New(awserr.InvalidResultTokenException,
		"The resultToken provided is invalid: pass the ResultToken of the rule invocation, or the name or ARN of a rule in this account and region.")
}

// ruleByToken finds the rule a token names by name, else by ARN; nil if none.
func ruleByToken(tx store.Tx, scope tenant.Scope, token string) (*Rule, error) {
	r, err := GetRule(tx, scope, token)
	if !awserr.Is(err, awserr.NoSuchConfigRuleException) {
		return r, err
	}
	return ruleByARN(tx, scope, token)
}

// ruleByARN finds a rule by its ConfigRuleArn; nil if none.
func ruleByARN(tx store.Tx, scope tenant.Scope, arn string) (*Rule, error) {
	if !strings.HasPrefix(arn, "arn:") {
		return nil, nil
	}
	name, err := ruleNameByID(tx, scope, arn[strings.LastIndexByte(arn, '/')+1:])
	if err != nil || name == "" {
		return nil, err
	}
	r, err := GetRule(tx, scope, name)
	if err != nil || r.ARN != arn {
		return nil, err
	}
	return r, nil
}

func nameOf(r *Rule) string {
	if r == nil {
		return ""
	}
	return r.Name
}

// PutEvaluations records the results a rule reported. A result whose
// OrderingTimestamp is older than the one stored for the same (rule,
// resource) is accepted but ignored: the newest ordering timestamp wins.
// Hooks see every recorded result after the commit.
func (s *Service) PutEvaluations(ctx context.Context, scope tenant.Scope, p PutEvaluationsParams) error {
	if err := checkEvaluations(p.Evaluations); err != nil || p.TestMode {
		return err
	}
	var changes []EvaluationChange
	var after []func(context.Context)
	err := s.store.Update(ctx, func(tx store.Tx) error {
		var err error
		inv, err := ResolveResultToken(tx, scope, p.ResultToken)
		if err != nil {
			return err
		}
		changes, err = s.recordEvaluations(tx, scope, inv, p)
		if err != nil {
			return err
		}
		after, err = s.runTxHooks(tx, changes)
		return err
	})
	if err != nil {
		return err
	}
	s.notify(ctx, changes, after)
	return nil
}

func checkEvaluations(evals []Evaluation) error {
	if len(evals) == 0 {
		return invalidParam("The Evaluations object in your request cannot be null. Add the required parameters and try again.")
	}
	for _, e := range evals {
		if e.ComplianceType == InsufficientData {
			return invalidParam("The ComplianceType INSUFFICIENT_DATA of resource %s %s cannot be reported: use COMPLIANT, NON_COMPLIANT or NOT_APPLICABLE.",
				e.ResourceType, e.ResourceID)
		}
	}
	return nil
}

func (s *Service) recordEvaluations(tx store.Tx, scope tenant.Scope, inv Invocation, p PutEvaluationsParams) ([]EvaluationChange, error) {
	now := s.clock.Now()
	if inv.InvokedAt.IsZero() {
		inv.InvokedAt = now
	}
	evals := newestPerResource(p.Evaluations)
	olds, err := priorResults(tx, scope, inv.RuleName, len(evals))
	if err != nil {
		return nil, err
	}
	var changes []EvaluationChange
	for _, e := range evals {
		res := EvaluationResult{
			RuleName: inv.RuleName, ResourceType: e.ResourceType, ResourceID: e.ResourceID,
			ComplianceType: e.ComplianceType, Annotation: e.Annotation, OrderingTimestamp: e.OrderingTimestamp,
			ResultRecordedTime: now, ConfigRuleInvokedTime: inv.InvokedAt, ResultToken: p.ResultToken,
		}
		ch, err := recordResult(tx, scope, res, olds)
		if err != nil {
			return nil, err
		}
		if ch != nil {
			ch.ResourceARN = e.ResourceARN
			changes = append(changes, *ch)
		}
	}
	return changes, nil
}

// priorReads bounds how many stored results of a rule priorResults reads
// in one scan, per result being recorded: beyond it, each stored result is
// read by key instead.
const priorReads = 2

// priorResults returns, for recording n results of a rule, the rule's
// stored results by (resourceType, resourceId) when reading them all is
// cheaper than n reads by key, else nil (read each by key). A rule with no
// stored result, as when it was just put, costs one count.
func priorResults(tx store.Tx, scope tenant.Scope, ruleName string, n int) (map[ResourceRef]*EvaluationResult, error) {
	if n < 64 {
		return nil, nil
	}
	sp := store.ScanParams{Bucket: scope.Bucket(kindEval), Prefix: prefixOf(ruleName), Limit: priorReads*n + 1}
	stored, err := tx.Count(sp)
	if err != nil || stored > priorReads*n {
		return nil, err
	}
	out := make(map[ResourceRef]*EvaluationResult, stored)
	if stored == 0 {
		return out, nil
	}
	sp.Limit = 0
	err = eachResult(tx, sp, func(r EvaluationResult) (bool, error) {
		out[r.Resource()] = &r
		return true, nil
	})
	return out, err
}

// recordResult stores res unless a newer one is stored; it returns what
// it recorded (nil for a stale result). olds, when not nil, holds every
// stored result of the rule (see priorResults).
func recordResult(tx store.Tx, scope tenant.Scope, res EvaluationResult, olds map[ResourceRef]*EvaluationResult) (*EvaluationChange, error) {
	var old *EvaluationResult
	var err error
	if olds != nil {
		old = olds[res.Resource()]
	} else if old, err = getResult(tx, scope, res.RuleName, res.ResourceType, res.ResourceID); err != nil {
		return nil, err
	}
	if old != nil && res.OrderingTimestamp.Before(old.OrderingTimestamp) {
		return nil, nil
	}
	prev := ""
	if old != nil {
		prev = old.ComplianceType
	}
	if err := putResult(tx, scope, res, prev); err != nil {
		return nil, fmt.Errorf("store evaluation of %s %s: %w", res.ResourceType, res.ResourceID, err)
	}
	return &EvaluationChange{Scope: scope, RuleName: res.RuleName, ResourceType: res.ResourceType,
		ResourceID: res.ResourceID, Old: prev, New: res.ComplianceType, At: res.ResultRecordedTime}, nil
}

// newestPerResource keeps one evaluation per resource: the one with the
// newest OrderingTimestamp, the later one on a tie. Order of first
// appearance is kept.
func newestPerResource(evals []Evaluation) []Evaluation {
	idx := map[ResourceRef]int{}
	var out []Evaluation
	for _, e := range evals {
		ref := ResourceRef{Type: e.ResourceType, ID: e.ResourceID}
		i, seen := idx[ref]
		switch {
		case !seen:
			idx[ref] = len(out)
			out = append(out, e)
		case !e.OrderingTimestamp.Before(out[i].OrderingTimestamp):
			out[i] = e
		}
	}
	return out
}

// Report is one rule's results in one account and region, as Salve's
// evaluator produces them.
type Report struct {
	Scope       tenant.Scope
	RuleName    string
	Evaluations []Evaluation
}

// Record records the results of several rules in one transaction, with
// the in-transaction hooks, then runs the after-commit hooks: the
// evaluator's path, with neither PutEvaluations' 100-result limit nor a
// transaction per 100 results. also, when set, runs in the same
// transaction (the evaluator removes the work the results finish). A
// report of a rule deleted meanwhile is skipped; it returns how many
// reports were.
func (s *Service) Record(ctx context.Context, reports []Report, also func(store.Tx) error) (skipped int, err error) {
	for _, r := range reports {
		if err := checkEvaluations(r.Evaluations); err != nil {
			return 0, err
		}
	}
	var changes []EvaluationChange
	var after []func(context.Context)
	err = s.store.Update(ctx, func(tx store.Tx) error {
		changes, skipped = changes[:0], 0
		for _, r := range reports {
			if _, err := GetRule(tx, r.Scope, r.RuleName); awserr.Is(err, awserr.NoSuchConfigRuleException) {
				skipped++
				continue
			} else if err != nil {
				return err
			}
			ch, err := s.recordEvaluations(tx, r.Scope, Invocation{RuleName: r.RuleName},
				PutEvaluationsParams{ResultToken: r.RuleName, Evaluations: r.Evaluations})
			if err != nil {
				return err
			}
			changes = append(changes, ch...)
		}
		var err error
		if after, err = s.runTxHooks(tx, changes); err != nil || also == nil {
			return err
		}
		return also(tx)
	})
	if err != nil {
		return 0, err
	}
	s.notify(ctx, changes, after)
	return skipped, nil
}
