package automation

import (
	"reflect"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// parameterKeys are the members of a parameter definition.
var parameterKeys = []string{"type", "description", "default", "allowedValues", "allowedPattern",
	"displayType", "minItems", "maxItems", "minChars", "maxChars"}

// parameters reads the parameters map in content order.
func parameters(n *yaml.Node, path string) ([]Parameter, error) {
	fs, err := fields(n, path)
	if err != nil {
		return nil, err
	}
	out := make([]Parameter, 0, len(fs))
	for _, f := range fs {
		p, err := parameter(f.key, f.node, join(path, f.key))
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// parameter reads and checks one parameter definition.
func parameter(name string, n *yaml.Node, path string) (Parameter, error) {
	p := Parameter{Name: name}
	fs, err := fields(n, path)
	if err != nil {
		return p, err
	}
	if err := checkKeys(fs, path, parameterKeys...); err != nil {
		return p, err
	}
	if p.Type, err = declaredType(fs, path); err != nil {
		return p, err
	}
	for _, f := range fs {
		if err := p.member(f, join(path, f.key)); err != nil {
			return p, err
		}
	}
	return p, p.check(path)
}

// declaredType reads the required type member.
func declaredType(fs []field, path string) (string, error) {
	for _, f := range fs {
		if f.key != "type" {
			continue
		}
		t, err := str(f.node, join(path, "type"))
		if err != nil {
			return "", err
		}
		if !slices.Contains(ParameterTypes, t) {
			return "", invalid(join(path, "type"), "%q is not a valid type; valid types are %s",
				t, strings.Join(ParameterTypes, ", "))
		}
		return t, nil
	}
	return "", invalid(path, "has no type; every parameter needs one")
}

// member reads one member of a parameter definition.
func (p *Parameter) member(f field, path string) error {
	var err error
	switch f.key {
	case "description":
		p.Description, err = str(f.node, path)
	case "default":
		p.HasDefault = true
		p.Default, err = typedValue(p.Type, f.node, path)
	case "allowedValues":
		p.AllowedValues, err = allowedValues(p.Type, f.node, path)
	case "allowedPattern":
		err = p.pattern(f.node, path)
	case "displayType":
		p.DisplayType, err = str(f.node, path)
		if err == nil && p.DisplayType != "textfield" && p.DisplayType != "textarea" {
			err = invalid(path, "must be textfield or textarea, not %q", p.DisplayType)
		}
	case "minItems":
		p.MinItems, err = bound(f.node, path)
	case "maxItems":
		p.MaxItems, err = bound(f.node, path)
	case "minChars":
		p.MinChars, err = bound(f.node, path)
	case "maxChars":
		p.MaxChars, err = bound(f.node, path)
	}
	return err
}

// pattern stores allowedPattern and compiles it when Go's regexp can.
func (p *Parameter) pattern(n *yaml.Node, path string) error {
	s, err := str(n, path)
	if err != nil {
		return err
	}
	p.AllowedPattern = s
	if re, err := regexp.Compile(s); err == nil {
		p.Pattern = re
	} else {
		p.PatternUnchecked = true
	}
	return nil
}

// bound reads a min/max items/chars value.
func bound(n *yaml.Node, path string) (*int, error) {
	v, err := integer(n, path, 0)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// check verifies the members against each other.
func (p *Parameter) check(path string) error {
	if p.MinItems != nil && p.MaxItems != nil && *p.MinItems > *p.MaxItems {
		return invalid(path, "has minItems %d greater than maxItems %d", *p.MinItems, *p.MaxItems)
	}
	if p.MinChars != nil && p.MaxChars != nil && *p.MinChars > *p.MaxChars {
		return invalid(path, "has minChars %d greater than maxChars %d", *p.MinChars, *p.MaxChars)
	}
	if p.HasDefault && len(p.AllowedValues) > 0 && !isSSMReference(p.Default) && !allowed(p.Default, p.AllowedValues) {
		return invalid(join(path, "default"), "is not one of the parameter's allowedValues")
	}
	return nil
}

// allowed reports whether v (or every element of a list v) is in values.
func allowed(v any, values []any) bool {
	if list, ok := v.([]any); ok {
		for _, e := range list {
			if !slices.ContainsFunc(values, func(a any) bool { return equal(a, e) }) {
				return false
			}
		}
		return true
	}
	return slices.ContainsFunc(values, func(a any) bool { return equal(a, v) })
}

// equal compares two decoded values.
func equal(a, b any) bool {
	return reflect.DeepEqual(a, b)
}

// allowedValues reads allowedValues: a list whose items fit the type (for
// list types, the element type).
func allowedValues(typ string, n *yaml.Node, path string) ([]any, error) {
	ns, err := items(n, path)
	if err != nil {
		return nil, err
	}
	elem := typ
	if typ == TypeStringList {
		elem = TypeString
	}
	out := make([]any, len(ns))
	for i, c := range ns {
		if out[i], err = typedValue(elem, c, index(path, i)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// variables reads the variables map in content order.
func variables(n *yaml.Node, path string) ([]Variable, error) {
	fs, err := fields(n, path)
	if err != nil {
		return nil, err
	}
	out := make([]Variable, 0, len(fs))
	for _, f := range fs {
		v, err := variable(f.key, f.node, join(path, f.key))
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// variable reads one variable definition.
func variable(name string, n *yaml.Node, path string) (Variable, error) {
	v := Variable{Name: name}
	fs, err := fields(n, path)
	if err != nil {
		return v, err
	}
	if err := checkKeys(fs, path, "type", "description", "default"); err != nil {
		return v, err
	}
	if v.Type, err = declaredType(fs, path); err != nil {
		return v, err
	}
	for _, f := range fs {
		switch f.key {
		case "description":
			v.Description, err = str(f.node, join(path, f.key))
		case "default":
			v.HasDefault = true
			v.Default, err = typedValue(v.Type, f.node, join(path, f.key))
		}
		if err != nil {
			return v, err
		}
	}
	return v, nil
}
