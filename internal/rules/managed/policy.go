package managed

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// policyDocument is an IAM or resource policy with the shorthand forms
// normalised: Statement may be an object or a list, Action and Resource a
// string or a list, Principal "*" or an object of string-or-list members.
type policyDocument struct {
	Statements []statement
}

// statement is one normalised policy statement.
type statement struct {
	Sid          string
	Effect       string
	Principal    principal
	Actions      []string
	NotActions   []string
	Resources    []string
	NotResources []string
	// Condition maps operator → key → values, values rendered as strings.
	Condition map[string]map[string][]string
}

// principal is a statement's Principal; Any is "*" or {"AWS": "*"}.
type principal struct {
	Any     bool
	Present bool
	AWS     []string
	Service []string
}

// parsePolicy parses a policy document given as JSON or as the URL-encoded
// JSON IAM configuration items record.
func parsePolicy(text string) (*policyDocument, error) {
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, "{") {
		decoded, err := url.PathUnescape(text)
		if err != nil {
			return nil, fmt.Errorf("decode policy: %w", err)
		}
		text = strings.TrimSpace(decoded)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		return nil, fmt.Errorf("parse policy: %w", err)
	}
	doc := &policyDocument{}
	for _, s := range objectOrList(raw["Statement"]) {
		doc.Statements = append(doc.Statements, parseStatement(obj(s)))
	}
	return doc, nil
}

func objectOrList(v any) []any {
	if m := obj(v); m != nil {
		return []any{m}
	}
	return list(v)
}

// stringOrList reads a member that is a string or a list of strings.
func stringOrList(v any) []string {
	if s, ok := v.(string); ok {
		return []string{s}
	}
	return stringsOf(v)
}

func parseStatement(m map[string]any) statement {
	return statement{
		Sid:          str(m["Sid"]),
		Effect:       str(m["Effect"]),
		Principal:    parsePrincipal(m["Principal"]),
		Actions:      stringOrList(m["Action"]),
		NotActions:   stringOrList(m["NotAction"]),
		Resources:    stringOrList(m["Resource"]),
		NotResources: stringOrList(m["NotResource"]),
		Condition:    parseCondition(obj(m["Condition"])),
	}
}

func parsePrincipal(v any) principal {
	if v == nil {
		return principal{}
	}
	if s, ok := v.(string); ok {
		return principal{Present: true, Any: s == "*"}
	}
	m := obj(v)
	p := principal{Present: true, AWS: stringOrList(m["AWS"]), Service: stringOrList(m["Service"])}
	for _, a := range p.AWS {
		p.Any = p.Any || a == "*"
	}
	return p
}

func parseCondition(m map[string]any) map[string]map[string][]string {
	if len(m) == 0 {
		return nil
	}
	out := map[string]map[string][]string{}
	for op, keys := range m {
		out[op] = map[string][]string{}
		for key, v := range obj(keys) {
			var values []string
			if l := list(v); l != nil {
				for _, e := range l {
					values = append(values, text(e))
				}
			} else {
				values = []string{text(v)}
			}
			out[op][key] = values
		}
	}
	return out
}

// allows reports whether the statement is an Allow.
func (s *statement) allows() bool { return strings.EqualFold(s.Effect, "Allow") }

// denies reports whether the statement is a Deny.
func (s *statement) denies() bool { return strings.EqualFold(s.Effect, "Deny") }

// coversAction reports whether the statement applies to action (IAM
// wildcards, case-insensitive).
func (s *statement) coversAction(action string) bool {
	if len(s.NotActions) > 0 {
		return !matchesAny(s.NotActions, action, true)
	}
	return matchesAny(s.Actions, action, true)
}

// coversResource reports whether the statement applies to the resource
// ARN (IAM wildcards, case-sensitive).
func (s *statement) coversResource(arn string) bool {
	if len(s.NotResources) > 0 {
		return !matchesAny(s.NotResources, arn, false)
	}
	return matchesAny(s.Resources, arn, false)
}

// conditionValues returns the values a condition operator gives a key;
// keys compare case-insensitively, as IAM's do.
func (s *statement) conditionValues(operator, key string) ([]string, bool) {
	for op, keys := range s.Condition {
		if !strings.EqualFold(op, operator) {
			continue
		}
		for k, values := range keys {
			if strings.EqualFold(k, key) {
				return values, true
			}
		}
	}
	return nil, false
}

func matchesAny(patterns []string, s string, fold bool) bool {
	for _, p := range patterns {
		if wildcardMatch(p, s, fold) {
			return true
		}
	}
	return false
}

// wildcardMatch matches s against an IAM pattern where * matches any run
// of characters and ? any one character.
func wildcardMatch(pattern, s string, fold bool) bool {
	if fold {
		pattern, s = strings.ToLower(pattern), strings.ToLower(s)
	}
	p, i := []rune(pattern), []rune(s)
	star, mark := -1, 0
	pi, si := 0, 0
	for si < len(i) {
		switch {
		case pi < len(p) && (p[pi] == '?' || p[pi] == i[si]):
			pi, si = pi+1, si+1
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, si
			pi++
		case star >= 0:
			pi, mark = star+1, mark+1
			si = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}
