package automation

import (
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// stepKeys are the members of a step.
var stepKeys = []string{"name", "action", "description", "inputs", "outputs", "maxAttempts",
	"timeoutSeconds", "onFailure", "onCancel", "isEnd", "isCritical", "nextStep"}

// stepName is the pattern of step names.
var stepName = regexp.MustCompile(`^[a-zA-Z0-9_]+$`)

// steps reads a list of steps (mainSteps or a loop's Steps).
func steps(n *yaml.Node, path string) ([]Step, error) {
	ns, err := items(n, path)
	if err != nil {
		return nil, err
	}
	if len(ns) == 0 {
		return nil, invalid(path, "must hold at least one step")
	}
	out := make([]Step, len(ns))
	for i, c := range ns {
		if out[i], err = step(c, index(path, i)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// step reads and checks one step.
func step(n *yaml.Node, path string) (Step, error) {
	s := Step{MaxAttempts: 1, OnFailure: Abort}
	fs, err := fields(n, path)
	if err != nil {
		return s, err
	}
	if err := checkKeys(fs, path, stepKeys...); err != nil {
		return s, err
	}
	if err := requireKeys(fs, path, "name", "action", "inputs"); err != nil {
		return s, err
	}
	var critical *bool
	for _, f := range fs {
		if err := s.member(f, join(path, f.key), &critical); err != nil {
			return s, err
		}
	}
	if _, ok := actions[s.Action]; !ok {
		return s, invalid(join(path, "action"), "%q of step %q is not a supported action; see the aws: actions of SSM Automation",
			s.Action, s.Name)
	}
	s.IsCritical = s.OnFailure != Continue
	if critical != nil {
		s.IsCritical = *critical
	}
	return s, s.actionInputs(fs, path)
}

// requireKeys reports the first missing required member.
func requireKeys(fs []field, path string, keys ...string) error {
	for _, k := range keys {
		if !slices.ContainsFunc(fs, func(f field) bool { return f.key == k }) {
			return invalid(path, "has no %s", k)
		}
	}
	return nil
}

// member reads one member of a step.
func (s *Step) member(f field, path string, critical **bool) error {
	var err error
	switch f.key {
	case "name":
		s.Name, err = str(f.node, path)
		if err == nil && !stepName.MatchString(s.Name) {
			err = invalid(path, "%q must match [a-zA-Z0-9_]+", s.Name)
		}
	case "action":
		s.Action, err = str(f.node, path)
	case "description":
		s.Description, err = str(f.node, path)
	case "outputs":
		s.Outputs, err = outputs(f.node, path)
	case "maxAttempts":
		s.MaxAttempts, err = integer(f.node, path, 1)
	case "timeoutSeconds":
		s.TimeoutSeconds, err = integer(f.node, path, 1)
	case "onFailure":
		s.OnFailure, err = behaviour(f.node, path, Abort, Continue)
	case "onCancel":
		s.OnCancel, err = behaviour(f.node, path, Abort)
	case "isEnd":
		s.IsEnd, err = boolean(f.node, path)
	case "isCritical":
		var b bool
		b, err = boolean(f.node, path)
		*critical = &b
	case "nextStep":
		s.NextStep, err = str(f.node, path)
	}
	return err
}

// behaviour reads onFailure/onCancel: one of words, or step:<Name>.
func behaviour(n *yaml.Node, path string, words ...string) (string, error) {
	v, err := str(n, path)
	if err != nil {
		return "", err
	}
	if slices.Contains(words, v) {
		return v, nil
	}
	if name, ok := JumpTarget(v); ok && name != "" {
		return v, nil
	}
	return "", invalid(path, "%q must be %s or step:<StepName>", v, strings.Join(words, ", "))
}

// outputs reads a step's declared outputs.
func outputs(n *yaml.Node, path string) ([]Output, error) {
	ns, err := items(n, path)
	if err != nil {
		return nil, err
	}
	out := make([]Output, len(ns))
	for i, c := range ns {
		if out[i], err = output(c, index(path, i)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// output reads one {Name, Selector, Type} output.
func output(n *yaml.Node, path string) (Output, error) {
	var o Output
	fs, err := fields(n, path)
	if err != nil {
		return o, err
	}
	if err := checkKeys(fs, path, "Name", "Selector", "Type"); err != nil {
		return o, err
	}
	if err := requireKeys(fs, path, "Name", "Selector"); err != nil {
		return o, err
	}
	for _, f := range fs {
		p := join(path, f.key)
		switch f.key {
		case "Name":
			o.Name, err = str(f.node, p)
		case "Selector":
			o.Selector, err = str(f.node, p)
		case "Type":
			o.Type, err = str(f.node, p)
			if err == nil && !slices.Contains(OutputTypes, o.Type) {
				err = invalid(p, "%q is not a valid output type; valid types are %s", o.Type,
					strings.Join(OutputTypes, ", "))
			}
		}
		if err != nil {
			return o, err
		}
	}
	return o, nil
}
