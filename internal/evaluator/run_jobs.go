package evaluator

import (
	"context"
	"errors"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// frequencies maps MaximumExecutionFrequency to its period.
var frequencies = map[string]time.Duration{
	"One_Hour": time.Hour, "Three_Hours": 3 * time.Hour, "Six_Hours": 6 * time.Hour,
	"Twelve_Hours": 12 * time.Hour, "TwentyFour_Hours": 24 * time.Hour,
}

// DefaultFrequency is a periodic rule's period when the rule sets none.
const DefaultFrequency = 24 * time.Hour

// Frequency is a rule's period, or 0 when it is not periodic.
func Frequency(r *rules.Rule, periodic bool) time.Duration {
	if !periodic {
		return 0
	}
	if d, ok := frequencies[r.MaximumExecutionFrequency]; ok {
		return d
	}
	return DefaultFrequency
}

// frequencyOf reads a stored rule's period (0: gone or not periodic).
func (s *Service) frequencyOf(tx store.Tx, scope tenant.Scope, name string) (time.Duration, error) {
	r, err := rules.GetRule(tx, scope, name)
	if awserr.Is(err, awserr.NoSuchConfigRuleException) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if cr, ok := custom(r); ok {
		return customFrequency(cr), nil
	}
	br, ok := s.bind(r)
	if !ok {
		return 0, nil
	}
	return Frequency(r, br.def.Periodic), nil
}

// customFrequency is a periodic custom rule's period: its
// ScheduledNotification's MaximumExecutionFrequency, else the rule's.
func customFrequency(cr customRule) time.Duration {
	if !cr.periodic {
		return 0
	}
	for _, d := range cr.rule.Source.SourceDetails {
		if f, ok := frequencies[d.MaximumExecutionFrequency]; ok && d.MessageType == messageScheduled {
			return f
		}
	}
	return Frequency(cr.rule, true)
}

// runJobs runs up to batch queued rule jobs, then removes them.
func (s *Service) runJobs(ctx context.Context) (int, error) {
	var items []store.Item
	err := s.p.Store.View(ctx, func(tx store.Tx) (err error) {
		items, err = tx.Scan(store.ScanParams{Bucket: jobBucket, Limit: batch})
		return err
	})
	if err != nil || len(items) == 0 {
		return 0, err
	}
	res := newResults()
	cache := itemCache{}
	for _, it := range items {
		var j Job
		if err := store.DecodeRecord(jobBucket, it.Key, it.Value, &j); err != nil {
			return 0, err
		}
		if err := s.runJob(ctx, j, res, cache); err != nil && !errors.Is(err, errSkip) {
			return 0, err
		}
	}
	return len(items), s.record(ctx, res, func(tx store.Tx) error {
		for _, it := range items {
			if _, err := tx.Delete(jobBucket, it.Key); err != nil {
				return err
			}
		}
		return nil
	})
}

// runJob evaluates one job's rule into res.
func (s *Service) runJob(ctx context.Context, j Job, res *results, cache itemCache) error {
	var br boundRule
	var cr customRule
	bound, isCustom := false, false
	err := s.p.Store.View(ctx, func(tx store.Tx) error {
		r, err := rules.GetRule(tx, j.Scope, j.Rule)
		if awserr.Is(err, awserr.NoSuchConfigRuleException) {
			return nil
		}
		if err != nil {
			return err
		}
		br, bound = s.bind(r)
		cr, isCustom = custom(r)
		return nil
	})
	if err == nil && isCustom && s.functions != nil {
		return s.invokeRule(ctx, j, cr)
	}
	if err != nil || !bound {
		return err
	}
	s.p.Logger.Debug("evaluating rule", "rule", j.Rule, "reason", j.Reason, "account", j.Scope.AccountID, "region", j.Scope.Region)
	if br.def.EvaluateAccount != nil && j.ResourceID == "" {
		evs, err := br.def.EvaluateAccount(ctx, s.env(j.Scope), br.params)
		if err != nil {
			s.p.Logger.Warn("account-level rule could not evaluate", "rule", j.Rule, "err", err)
			return errSkip
		}
		for _, ev := range evs {
			res.add(j.Scope, j.Rule, ev, nil)
		}
		return nil
	}
	if br.def.EvaluateItem == nil {
		return nil
	}
	return s.evaluateItems(ctx, j, br, res, cache)
}

// itemCache keeps the current items read in one batch of jobs, by scope
// and type: the rules over the same types decode them once.
type itemCache map[itemsKey][]configitem.Item

type itemsKey struct {
	scope tenant.Scope
	typ   string
}

// evaluateItems evaluates the rule over the current items in its scope
// (or the job's one resource).
func (s *Service) evaluateItems(ctx context.Context, j Job, br boundRule, res *results, cache itemCache) error {
	return s.p.Store.View(ctx, func(tx store.Tx) error {
		if j.ResourceID != "" {
			item, err := s.p.Recorder.CurrentItem(tx, j.Scope, j.ResourceType, j.ResourceID)
			if err != nil || !br.covers(j.ResourceType) {
				return err
			}
			if ev, ok := br.evaluate(j.ResourceType, j.ResourceID, item); ok {
				res.add(j.Scope, j.Rule, ev, item)
			}
			return nil
		}
		for _, typ := range br.resourceTypes() {
			items, ok := cache[itemsKey{j.Scope, typ}]
			if !ok {
				var err error
				if items, err = s.p.Recorder.CurrentItems(tx, j.Scope, typ); err != nil {
					return err
				}
				cache[itemsKey{j.Scope, typ}] = items
			}
			for i := range items {
				if ev, ok := br.evaluate(typ, items[i].ResourceID, &items[i]); ok {
					res.add(j.Scope, j.Rule, ev, &items[i])
				}
			}
		}
		return nil
	})
}
