package evaluator

import (
	"context"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/rules/managed"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// deletedAnnotation explains the result of a deleted resource.
const deletedAnnotation = "The resource was deleted."

// evaluateChanges evaluates the change-triggered rules in scope of up to
// batch recorded changes, records the results, then removes the changes.
func (s *Service) evaluateChanges(ctx context.Context) (int, error) {
	var changes []recorder.Change
	results := newResults()
	err := s.p.Store.View(ctx, func(tx store.Tx) error {
		var err error
		if changes, err = s.p.Recorder.ScanChanges(tx, batch); err != nil {
			return err
		}
		ruleSets := map[tenant.Scope][]boundRule{}
		for _, c := range changes {
			if err := s.evaluateChange(tx, c, ruleSets, results); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || len(changes) == 0 {
		return 0, err
	}
	// Custom rules' invocations are queued first: a crash before the
	// results commit evaluates the changes again (at least once).
	if err := s.invokeForChanges(ctx, changes); err != nil {
		return 0, err
	}
	return len(changes), s.record(ctx, results, func(tx store.Tx) error {
		for _, c := range changes {
			if err := s.p.Recorder.DeleteChange(tx, c.Key); err != nil {
				return err
			}
		}
		return nil
	})
}

// evaluateChange adds the results of the rules in scope of one change.
func (s *Service) evaluateChange(tx store.Tx, c recorder.Change, ruleSets map[tenant.Scope][]boundRule, out *results) error {
	rs, ok := ruleSets[c.Scope]
	if !ok {
		var err error
		if rs, err = s.boundRules(tx, c.Scope); err != nil {
			return err
		}
		ruleSets[c.Scope] = rs
	}
	if len(rs) == 0 {
		return nil
	}
	item, err := s.p.Recorder.CurrentItem(tx, c.Scope, c.ResourceType, c.ResourceID)
	if err != nil {
		return err
	}
	for _, br := range rs {
		if !br.def.ChangeTriggered || br.def.EvaluateItem == nil || !br.covers(c.ResourceType) {
			continue
		}
		if ev, ok := br.evaluate(c.ResourceType, c.ResourceID, item); ok {
			out.add(c.Scope, br.rule.Name, ev, item)
		}
	}
	return nil
}

// evaluate judges one resource's current item (nil or deleted: the
// resource is gone, NOT_APPLICABLE). ok is false when the rule's scope
// leaves the resource out.
func (br boundRule) evaluate(resourceType, resourceID string, item *configitem.Item) (managed.Evaluation, bool) {
	if item == nil || item.Deleted() {
		return managed.Evaluation{ResourceType: resourceType, ResourceID: resourceID,
			ComplianceType: rules.NotApplicable, Annotation: deletedAnnotation}, true
	}
	if !br.rule.AppliesTo(item.ResourceType, item.ResourceID, item.Tags) {
		return managed.Evaluation{}, false
	}
	ev := br.def.EvaluateItem(item, br.params)
	if ev.ResourceType == "" {
		ev.ResourceType, ev.ResourceID = item.ResourceType, item.ResourceID
	}
	return ev, true
}
