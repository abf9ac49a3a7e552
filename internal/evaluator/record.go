package evaluator

import (
	"context"
	"time"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/rules/managed"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// results collects evaluations per rule, in the order rules appear.
type results struct {
	order []ruleRef
	by    map[ruleRef][]rules.Evaluation
	n     int
}

// ruleRef names a rule of a tenant.
type ruleRef struct {
	scope tenant.Scope
	rule  string
}

func newResults() *results { return &results{by: map[ruleRef][]rules.Evaluation{}} }

// add collects a rule's verdict; item is the configuration item it judged
// (nil when there is none), whose ARN the compliance hooks use.
func (r *results) add(scope tenant.Scope, rule string, ev managed.Evaluation, item *configitem.Item) {
	k := ruleRef{scope, rule}
	if _, ok := r.by[k]; !ok {
		r.order = append(r.order, k)
	}
	out := rules.Evaluation{ResourceType: ev.ResourceType, ResourceID: ev.ResourceID,
		ComplianceType: ev.ComplianceType, Annotation: annotation(ev.Annotation)}
	if item != nil && item.ResourceType == ev.ResourceType && item.ResourceID == ev.ResourceID {
		out.ResourceARN = item.ARN
	}
	r.by[k] = append(r.by[k], out)
	r.n++
}

// txResults bounds the results one transaction records: large enough
// that commits and hook set-up are a small share of the work, small
// enough that other writers (API calls) never wait long for the store.
const txResults = 4000

// record stores every collected result, txResults per transaction
// (rules.Record: the compliance hooks work in the same transaction), and
// runs done in the last one. A crash in between leaves the work in place
// to be done again: re-recording a result is harmless. A result a rule may
// not report is logged and left out.
func (s *Service) record(ctx context.Context, res *results, done func(store.Tx) error) error {
	now := s.p.Clock.Now()
	var reports []rules.Report
	n := 0
	flush := func(last bool) error {
		if len(reports) == 0 && !last {
			return nil
		}
		var also func(store.Tx) error
		if last {
			also = done
		}
		skipped, err := s.p.Rules.Record(ctx, reports, also)
		if skipped > 0 {
			s.p.Logger.Debug("results of deleted rules not recorded", "rules", skipped)
		}
		reports, n = reports[:0], 0
		return err
	}
	for _, k := range res.order {
		evs := res.by[k]
		for len(evs) > 0 {
			part := evs[:min(len(evs), txResults-n)]
			evs = evs[len(part):]
			if kept := s.recordable(k, part, now); len(kept) > 0 {
				reports = append(reports, rules.Report{Scope: k.scope, RuleName: k.rule, Evaluations: kept})
				n += len(kept)
			}
			if n >= txResults {
				if err := flush(false); err != nil {
					return err
				}
			}
		}
	}
	return flush(true)
}

// recordable stamps evs with now and leaves out (logging) a result a rule
// may not report.
func (s *Service) recordable(k ruleRef, evs []rules.Evaluation, now time.Time) []rules.Evaluation {
	kept := evs[:0]
	for _, ev := range evs {
		if ev.ComplianceType == rules.InsufficientData {
			s.p.Logger.Warn("managed rule result not recorded", "rule", k.rule, "resource_type", ev.ResourceType,
				"resource_id", ev.ResourceID, "compliance_type", ev.ComplianceType)
			continue
		}
		ev.OrderingTimestamp = now
		kept = append(kept, ev)
	}
	return kept
}

// annotation cuts an annotation to the model's 256 characters.
func annotation(s string) string {
	if r := []rune(s); len(r) > 256 {
		return string(r[:256])
	}
	return s
}
