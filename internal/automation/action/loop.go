package action

import (
	"context"
	"slices"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/engine"
)

// Loop is aws:loop: it checks the loop's inputs and hands the engine a
// LoopSpec; the engine runs the nested Steps (package engine documents
// how passes, isEnd, onFailure and persistence work inside a loop).
//
// A for-each loop has Iterators (at most 100 values) converted to
// IteratorDataType (String, the default, Integer, Boolean or StringMap);
// a do-while loop has a LoopCondition evaluated after each pass. A loop
// has one or the other. MaxIterations (1..100, default 100) caps the
// passes of both.
type Loop struct{}

// Name implements engine.Action.
func (Loop) Name() string { return "aws:loop" }

// iteratorTypes are the IteratorDataType values.
var iteratorTypes = []string{automation.TypeString, automation.TypeInteger, automation.TypeBoolean,
	automation.TypeStringMap}

// Run implements engine.Action.
func (Loop) Run(_ context.Context, s *engine.StepRun) (engine.Result, error) {
	if s.Step.Loop == nil || len(s.Step.Loop.Steps) == 0 {
		return engine.Result{}, badInput("Step %s has no nested Steps to loop over.", s.Step.Name)
	}
	max, err := intInput(s.Inputs, "MaxIterations", engine.MaxLoopIterations)
	if err != nil {
		return engine.Result{}, err
	}
	if max < 1 || max > engine.MaxLoopIterations {
		return engine.Result{}, badInput("MaxIterations is %d; it must be between 1 and %d.", max, engine.MaxLoopIterations)
	}
	spec := &engine.LoopSpec{MaxIterations: max}
	_, forEach := s.Inputs["Iterators"]
	switch {
	case forEach && s.Step.Loop.Condition != nil:
		return engine.Result{}, badInput("Step %s sets both Iterators and LoopCondition; a loop has one or the other.", s.Step.Name)
	case forEach:
		spec.ForEach = true
		spec.Items, err = iterators(s.Inputs)
	case s.Step.Loop.Condition == nil:
		err = badInput("Step %s needs Iterators (for each) or LoopCondition (do while).", s.Step.Name)
	}
	if err != nil {
		return engine.Result{}, err
	}
	return engine.Result{Loop: spec}, nil
}

// iterators reads Iterators and converts each to IteratorDataType.
func iterators(in map[string]any) ([]any, error) {
	typ := automation.TypeString
	if _, ok := in["IteratorDataType"]; ok {
		t, err := stringInput(in, "IteratorDataType")
		if err != nil {
			return nil, err
		}
		if !slices.Contains(iteratorTypes, t) {
			return nil, badInput("IteratorDataType %q must be one of Boolean, Integer, String or StringMap.", t)
		}
		typ = t
	}
	var raw []any
	switch v := in["Iterators"].(type) {
	case []any:
		raw = v
	case nil:
	case string:
		// A reference to a missing output resolves to "": no items.
		if v != "" {
			raw = []any{v}
		}
	default:
		raw = []any{v}
	}
	if len(raw) > engine.MaxLoopIterations {
		return nil, badInput("Iterators has %d values; a loop takes at most %d.", len(raw), engine.MaxLoopIterations)
	}
	items := make([]any, len(raw))
	for i, v := range raw {
		typed, err := convertTo(v, typ)
		if err != nil {
			return nil, badInput("Iterators[%d] %s is not a %s: %v", i, describe(v), typ, err)
		}
		items[i] = typed
	}
	return items, nil
}
