package expr

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/salvehq/salve/internal/automation"
)

// Choose evaluates the choices of an aws:branch step in order. It returns
// the NextStep of the first true choice with matched true; when none is
// true, b.Default ("" when the branch has none: the interpreter then goes
// on in array order) with matched false.
func Choose(b *automation.Branch, l Lookup) (next string, matched bool, err error) {
	for i, c := range b.Choices {
		ok, err := EvalCondition(c.Condition, l)
		if err != nil {
			return "", false, fmt.Errorf("choice %d (NextStep %s): %w", i+1, c.NextStep, err)
		}
		if ok {
			return c.NextStep, true, nil
		}
	}
	return b.Default, false, nil
}

// EvalCondition evaluates a branch or loop condition: And, Or and Not
// combine nested conditions; a comparison resolves Variable and Value
// (either may hold references) and applies the operator. A comparison that
// involves a missing step output is false. Values that cannot be compared
// (a non-number for a Numeric operator, a non-boolean for BooleanEquals)
// are errors.
func EvalCondition(c automation.Condition, l Lookup) (bool, error) {
	switch {
	case len(c.And) > 0:
		return all(c.And, l, true)
	case len(c.Or) > 0:
		return all(c.Or, l, false)
	case c.Not != nil:
		ok, err := EvalCondition(*c.Not, l)
		return !ok && err == nil, err
	}
	return compare(c, l)
}

// all evaluates conds in order and stops at the first one that is not
// want: And is all(…, true), Or is all(…, false) negated.
func all(conds []automation.Condition, l Lookup, want bool) (bool, error) {
	for _, c := range conds {
		ok, err := EvalCondition(c, l)
		if err != nil {
			return false, err
		}
		if ok != want {
			return !want, nil
		}
	}
	return want, nil
}

// compare evaluates one Variable-operator-Value comparison.
func compare(c automation.Condition, l Lookup) (bool, error) {
	left, missing, err := operand(c.Variable, l)
	if err != nil || missing {
		return false, err
	}
	right, missing, err := operand(c.Value, l)
	if err != nil || missing {
		return false, err
	}
	switch {
	case slices.Contains(automation.StringOperators, c.Operator):
		return compareStrings(c.Operator, left, Stringify(right)), nil
	case slices.Contains(automation.NumericOperators, c.Operator):
		return compareNumbers(c.Operator, left, right)
	case c.Operator == "BooleanEquals":
		return compareBooleans(left, right)
	}
	return false, fmt.Errorf("%q is not a branch operator", c.Operator)
}

// operand resolves one side of a comparison; non-strings are literals.
func operand(v any, l Lookup) (any, bool, error) {
	s, ok := v.(string)
	if !ok {
		return v, false, nil
	}
	return expand(s, l)
}

// compareStrings applies a string operator. Contains on a list tests
// membership; other values are compared as their Stringify text.
func compareStrings(op string, left any, right string) bool {
	if op == "Contains" {
		if list, ok := left.([]any); ok {
			return slices.ContainsFunc(list, func(e any) bool { return Stringify(e) == right })
		}
	}
	s := Stringify(left)
	switch op {
	case "StringEquals":
		return s == right
	case "EqualsIgnoreCase":
		return strings.EqualFold(s, right)
	case "StartsWith":
		return strings.HasPrefix(s, right)
	case "EndsWith":
		return strings.HasSuffix(s, right)
	}
	return strings.Contains(s, right)
}

// compareNumbers applies a numeric operator; strings holding numbers are
// converted.
func compareNumbers(op string, left, right any) (bool, error) {
	a, err := number(left)
	if err != nil {
		return false, fmt.Errorf("%s: %w", op, err)
	}
	b, err := number(right)
	if err != nil {
		return false, fmt.Errorf("%s: %w", op, err)
	}
	switch op {
	case "NumericEquals":
		return a == b, nil
	case "NumericGreater":
		return a > b, nil
	case "NumericLesser":
		return a < b, nil
	case "NumericGreaterOrEquals":
		return a >= b, nil
	}
	return a <= b, nil
}

// compareBooleans applies BooleanEquals; "true"/"false" strings (any
// case) count as booleans.
func compareBooleans(left, right any) (bool, error) {
	a, err := boolean(left)
	if err != nil {
		return false, fmt.Errorf("BooleanEquals: %w", err)
	}
	b, err := boolean(right)
	if err != nil {
		return false, fmt.Errorf("BooleanEquals: %w", err)
	}
	return a == b, nil
}

// number converts a comparison operand to a number.
func number(v any) (float64, error) {
	switch x := v.(type) {
	case int:
		return float64(x), nil
	case int32:
		return float64(x), nil
	case int64:
		return float64(x), nil
	case float32:
		return float64(x), nil
	case float64:
		return x, nil
	case string:
		if f, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err == nil {
			return f, nil
		}
	}
	return 0, fmt.Errorf("%s is not a number", describe(v))
}

// boolean converts a comparison operand to a boolean.
func boolean(v any) (bool, error) {
	switch x := v.(type) {
	case bool:
		return x, nil
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
	}
	return false, fmt.Errorf("%s is not a boolean (true or false)", describe(v))
}

// describe shows a value in an error message.
func describe(v any) string {
	return strconv.Quote(Stringify(v))
}
