package rules

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// evaluationInterval is how often StartConfigRulesEvaluation may start the
// same rule.
const evaluationInterval = time.Minute

// evaluationRequest is the last StartConfigRulesEvaluation of a rule.
type evaluationRequest struct {
	RequestedAt time.Time `json:"requestedAt"`
}

// StartEvaluation records an on-demand evaluation request for each named
// rule. It fails as a whole if a rule does not exist, is not ACTIVE, or was
// started less than a minute ago. Running the evaluation is the job of the
// evaluator, which reads the recorded requests.
func (s *Service) StartEvaluation(ctx context.Context, scope tenant.Scope, names []string) error {
	if len(names) == 0 {
		return invalidParam("ConfigRuleNames is required: name 1 to 25 rules to evaluate.")
	}
	return s.ruleEventCommitted(s.store.Update(ctx, func(tx store.Tx) error {
		now := s.clock.Now()
		for _, name := range names {
			if err := checkStartable(tx, scope, name, now); err != nil {
				return err
			}
		}
		for _, name := range names {
			if err := putJSON(tx, scope.Bucket(kindEvalRequest), name, evaluationRequest{RequestedAt: now}); err != nil {
				return fmt.Errorf("record evaluation request of %q: %w", name, err)
			}
			r, err := GetRule(tx, scope, name)
			if err != nil {
				return err
			}
			if err := s.ruleEvent(tx, scope, r, RuleEvaluationStarted); err != nil {
				return err
			}
		}
		return nil
	}))
}

func checkStartable(tx store.Tx, scope tenant.Scope, name string, now time.Time) error {
	r, err := GetRule(tx, scope, name)
	if err != nil {
		return err
	}
	if r.State != StateActive {
		return awserr.New(awserr.ResourceInUseException,
			"The rule %s is currently being deleted or evaluated (state %s).", name, r.State)
	}
	last, err := lastEvaluationRequest(tx, scope, name)
	if err != nil {
		return err
	}
	if !last.IsZero() && now.Sub(last) < evaluationInterval {
		return awserr.New(awserr.LimitExceededException,
			"The rule %s was started at %s; a rule can be started at most once per minute. Retry after %s.",
			name, last.UTC().Format(time.RFC3339), last.Add(evaluationInterval).UTC().Format(time.RFC3339))
	}
	return nil
}

// lastEvaluationRequest returns when a rule was last started on demand
// (zero if never).
func lastEvaluationRequest(tx store.Tx, scope tenant.Scope, name string) (time.Time, error) {
	var req evaluationRequest
	err := getJSON(tx, scope.Bucket(kindEvalRequest), name, &req)
	if errors.Is(err, store.ErrNotFound) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("load evaluation request of %q: %w", name, err)
	}
	return req.RequestedAt, nil
}
