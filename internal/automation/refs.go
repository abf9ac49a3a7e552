package automation

import (
	"strings"
)

// checkReferences checks that step names are unique and that every step
// reference (nextStep, onFailure, onCancel, branch targets, document
// outputs) names an existing step.
func checkReferences(d *Document) error {
	all := map[string]bool{}
	if err := collectNames(d.MainSteps, "mainSteps", all); err != nil {
		return err
	}
	if err := checkStepRefs(d.MainSteps, "mainSteps"); err != nil {
		return err
	}
	return checkOutputs(d.Outputs, all)
}

// collectNames records every step name, nested ones included, and rejects
// duplicates.
func collectNames(steps []Step, path string, names map[string]bool) error {
	for i, s := range steps {
		p := index(path, i)
		if names[s.Name] {
			return invalid(join(p, "name"), "%q is used by more than one step; step names must be unique", s.Name)
		}
		names[s.Name] = true
		if s.Loop != nil {
			if err := collectNames(s.Loop.Steps, join(p, "inputs.Steps"), names); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkStepRefs checks the references of steps against their siblings.
func checkStepRefs(steps []Step, path string) error {
	siblings := map[string]bool{}
	for _, s := range steps {
		siblings[s.Name] = true
	}
	for i, s := range steps {
		if err := s.checkRefs(index(path, i), siblings); err != nil {
			return err
		}
	}
	return nil
}

// checkRefs checks one step's references.
func (s *Step) checkRefs(path string, steps map[string]bool) error {
	for _, r := range s.references() {
		if r.step != "" && !steps[r.step] {
			return invalid(join(path, r.member), "refers to step %q which does not exist", r.step)
		}
	}
	if s.Loop != nil {
		return checkStepRefs(s.Loop.Steps, join(path, "inputs.Steps"))
	}
	return nil
}

// reference is a member of a step that names another step.
type reference struct {
	member string
	step   string
}

// references lists the step names a step refers to, in member order.
func (s *Step) references() []reference {
	refs := []reference{{"nextStep", s.NextStep}}
	if name, ok := JumpTarget(s.OnFailure); ok {
		refs = append(refs, reference{"onFailure", name})
	}
	if name, ok := JumpTarget(s.OnCancel); ok {
		refs = append(refs, reference{"onCancel", name})
	}
	if s.Branch != nil {
		for i, c := range s.Branch.Choices {
			refs = append(refs, reference{index("inputs.Choices", i) + ".NextStep", c.NextStep})
		}
		refs = append(refs, reference{"inputs.Default", s.Branch.Default})
	}
	return refs
}

// checkOutputs checks that document outputs are "Step.Output" of existing
// steps.
func checkOutputs(outputs []string, steps map[string]bool) error {
	for i, o := range outputs {
		step, _, ok := strings.Cut(o, ".")
		if !ok || step == "" {
			return invalid(index("outputs", i), "%q must have the form StepName.OutputName", o)
		}
		if !steps[step] {
			return invalid(index("outputs", i), "refers to step %q which does not exist", step)
		}
	}
	return nil
}
