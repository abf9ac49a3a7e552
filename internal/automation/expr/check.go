package expr

import (
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/salvehq/salve/internal/automation"
)

// check applies p's constraints to a converted value v.
func check(p *automation.Parameter, v any) error {
	if list, ok := v.([]any); ok {
		if err := checkItems(p, len(list)); err != nil {
			return err
		}
		for _, e := range list {
			if err := checkValue(p, e); err != nil {
				return err
			}
		}
		return nil
	}
	return checkValue(p, v)
}

// checkValue applies the per-value constraints: allowedValues,
// allowedPattern, minChars and maxChars.
func checkValue(p *automation.Parameter, v any) error {
	text := Stringify(v)
	if len(p.AllowedValues) > 0 && !slices.ContainsFunc(p.AllowedValues, func(a any) bool { return reflect.DeepEqual(a, v) }) {
		return invalidParams("Parameter %q has value %q not found in [%s].", p.Name, text, allowedList(p.AllowedValues))
	}
	if p.Pattern != nil && !p.Pattern.MatchString(text) {
		return invalidParams("Parameter %q has value %q not matching the allowed pattern %s.", p.Name, text, p.AllowedPattern)
	}
	if _, ok := v.(string); ok {
		return checkChars(p, text)
	}
	return nil
}

// checkItems applies minItems and maxItems to a list of n values.
func checkItems(p *automation.Parameter, n int) error {
	if p.MinItems != nil && n < *p.MinItems {
		return invalidParams("Parameter %q has %d values; it needs at least %d (minItems).", p.Name, n, *p.MinItems)
	}
	if p.MaxItems != nil && n > *p.MaxItems {
		return invalidParams("Parameter %q has %d values; it allows at most %d (maxItems).", p.Name, n, *p.MaxItems)
	}
	return nil
}

// checkChars applies minChars and maxChars (counted in characters, not
// bytes) to a string value.
func checkChars(p *automation.Parameter, s string) error {
	n := utf8.RuneCountInString(s)
	if p.MinChars != nil && n < *p.MinChars {
		return invalidParams("Parameter %q has value %q of %d characters; it needs at least %d (minChars).",
			p.Name, s, n, *p.MinChars)
	}
	if p.MaxChars != nil && n > *p.MaxChars {
		return invalidParams("Parameter %q has a value of %d characters; it allows at most %d (maxChars).",
			p.Name, n, *p.MaxChars)
	}
	return nil
}

// allowedList renders allowedValues as AWS does: "Install, Uninstall".
func allowedList(values []any) string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = Stringify(v)
	}
	return strings.Join(out, ", ")
}
