package automation

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// branch reads the Choices and Default of an aws:branch step.
func branch(in []field, path string) (*Branch, error) {
	b := &Branch{}
	for _, f := range in {
		var err error
		p := join(path, f.key)
		switch f.key {
		case "Choices":
			b.Choices, err = choices(f.node, p)
		case "Default":
			b.Default, err = str(f.node, p)
		default:
			err = invalid(p, "is not a valid aws:branch input; valid inputs are Choices, Default")
		}
		if err != nil {
			return nil, err
		}
	}
	return b, nil
}

// choices reads the list of branch choices.
func choices(n *yaml.Node, path string) ([]Choice, error) {
	ns, err := items(n, path)
	if err != nil {
		return nil, err
	}
	if len(ns) == 0 {
		return nil, invalid(path, "must hold at least one choice")
	}
	out := make([]Choice, len(ns))
	for i, c := range ns {
		if out[i], err = choice(c, index(path, i)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// choice reads one choice: NextStep plus a condition.
func choice(n *yaml.Node, path string) (Choice, error) {
	var c Choice
	fs, err := fields(n, path)
	if err != nil {
		return c, err
	}
	rest := make([]field, 0, len(fs))
	for _, f := range fs {
		if f.key == "NextStep" {
			if c.NextStep, err = str(f.node, join(path, f.key)); err != nil {
				return c, err
			}
			continue
		}
		rest = append(rest, f)
	}
	if c.NextStep == "" {
		return c, invalid(path, "has no NextStep")
	}
	c.Condition, err = conditionOf(rest, path)
	return c, err
}

// condition reads a nested condition object.
func condition(n *yaml.Node, path string) (Condition, error) {
	fs, err := fields(n, path)
	if err != nil {
		return Condition{}, err
	}
	return conditionOf(fs, path)
}

// conditionOf reads a condition from its members: exactly one of And, Or,
// Not, or Variable with exactly one operator.
func conditionOf(fs []field, path string) (Condition, error) {
	if len(fs) == 1 {
		switch f := fs[0]; f.key {
		case "And", "Or":
			return combination(f, join(path, f.key))
		case "Not":
			inner, err := condition(f.node, join(path, f.key))
			return Condition{Not: &inner}, err
		}
	}
	return comparison(fs, path)
}

// combination reads an And or Or list.
func combination(f field, path string) (Condition, error) {
	ns, err := items(f.node, path)
	if err != nil {
		return Condition{}, err
	}
	if len(ns) == 0 {
		return Condition{}, invalid(path, "must hold at least one condition")
	}
	list := make([]Condition, len(ns))
	for i, n := range ns {
		if list[i], err = condition(n, index(path, i)); err != nil {
			return Condition{}, err
		}
	}
	if f.key == "And" {
		return Condition{And: list}, nil
	}
	return Condition{Or: list}, nil
}

// operators lists every comparison operator.
var operators = slices.Concat(StringOperators, NumericOperators, BooleanOperators)

// comparison reads Variable plus one operator.
func comparison(fs []field, path string) (Condition, error) {
	var c Condition
	hasVar := false
	for _, f := range fs {
		p := join(path, f.key)
		switch {
		case f.key == "Variable":
			hasVar = true
			v, err := value(f.node, p)
			if err != nil {
				return c, err
			}
			c.Variable = stringOf(v)
		case slices.Contains(operators, f.key):
			if c.Operator != "" {
				return c, invalid(path, "has two operators, %s and %s; use And/Or to combine them", c.Operator, f.key)
			}
			v, err := value(f.node, p)
			if err != nil {
				return c, err
			}
			c.Operator, c.Value = f.key, v
		default:
			return c, invalid(p, "is not a valid condition member; use Variable with one of %s, or And, Or, Not",
				strings.Join(operators, ", "))
		}
	}
	if !hasVar || c.Operator == "" {
		return c, invalid(path, "must have a Variable and one operator (e.g. StringEquals), or And, Or, Not")
	}
	return c, nil
}

// stringOf renders a scalar variable as a string.
func stringOf(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := yaml.Marshal(v)
	return strings.TrimSpace(string(b))
}
