package evaluator

import (
	"context"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/rules/managed"
	"github.com/salvehq/salve/internal/tenant"
)

// chunk is how many results one PutEvaluations records. AWS's API takes
// 100 per call; in process the evaluator records more at once, so a rule
// over many resources costs a few large transactions (and one round of
// compliance hooks each) instead of many small ones.
const chunk = 2000

// ruleRef names a rule of a tenant.
type ruleRef struct {
	scope tenant.Scope
	rule  string
}

// results collects evaluations per rule, in the order rules appear.
type results struct {
	order []ruleRef
	by    map[ruleRef][]managed.Evaluation
}

func newResults() *results { return &results{by: map[ruleRef][]managed.Evaluation{}} }

func (r *results) add(scope tenant.Scope, rule string, ev managed.Evaluation) {
	k := ruleRef{scope, rule}
	if _, ok := r.by[k]; !ok {
		r.order = append(r.order, k)
	}
	r.by[k] = append(r.by[k], ev)
}

// record stores every collected result through PutEvaluations (with the
// rule's name as the ResultToken), so compliance hooks run as for any
// result.
func (s *Service) record(ctx context.Context, res *results) error {
	now := s.p.Clock.Now()
	for _, k := range res.order {
		evs := res.by[k]
		for i := 0; i < len(evs); i += chunk {
			part := evs[i:min(i+chunk, len(evs))]
			in := make([]rules.Evaluation, len(part))
			for j, ev := range part {
				in[j] = rules.Evaluation{ResourceType: ev.ResourceType, ResourceID: ev.ResourceID,
					ComplianceType: ev.ComplianceType, Annotation: annotation(ev.Annotation), OrderingTimestamp: now}
			}
			err := s.p.Rules.PutEvaluations(ctx, k.scope, rules.PutEvaluationsParams{ResultToken: k.rule, Evaluations: in})
			if _, isAWS := awserr.As(err); isAWS {
				// The rule went away meanwhile, or a result is one the
				// rule may not report: nothing to retry.
				s.p.Logger.Warn("managed rule results not recorded", "rule", k.rule, "err", err)
				break
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// annotation cuts an annotation to the model's 256 characters.
func annotation(s string) string {
	if r := []rune(s); len(r) > 256 {
		return string(r[:256])
	}
	return s
}
