package iam

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/salvehq/salve/internal/policydoc"
)

// docKind says what a policy document is for: identity policies grant
// permissions (no Principal, Resource required); trust policies say who
// may assume a role (Principal required, no Resource).
type docKind int

const (
	identityPolicy docKind = iota
	trustPolicy
)

// Document size quotas, counted without whitespace as AWS counts them.
const (
	managedPolicySize = 6144
	trustPolicySize   = 2048
	rolePolicySize    = 10240
	userPolicySize    = 2048
	groupPolicySize   = 5120
)

// EncodeDocument URL-encodes a policy document the way IAM returns
// documents (RFC 3986: spaces as %20).
func EncodeDocument(doc string) string {
	return strings.ReplaceAll(url.QueryEscape(doc), "+", "%20")
}

// docSize counts the characters of doc that are not whitespace.
func docSize(doc string) int {
	n := 0
	for _, r := range doc {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

var (
	statementKeys = map[string]bool{"Sid": true, "Effect": true, "Action": true, "NotAction": true,
		"Resource": true, "NotResource": true, "Principal": true, "NotPrincipal": true, "Condition": true}
	principalKeys = map[string]bool{"AWS": true, "Service": true, "Federated": true, "CanonicalUser": true}
	actionPattern = regexp.MustCompile(`^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$`)
)

// validateDocument checks a policy document the way IAM's policy parser
// does, answering MalformedPolicyDocument with AWS's wording.
func validateDocument(doc string, kind docKind) error {
	var top map[string]any
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	if err := dec.Decode(&top); err != nil || top == nil || dec.More() {
		return malformed("Syntax errors in policy.")
	}
	for k := range top {
		if k != "Version" && k != "Id" && k != "Statement" {
			return malformed("Syntax errors in policy.")
		}
	}
	if v, ok := top["Version"]; ok && v != "2012-10-17" && v != "2008-10-17" {
		return malformed("The policy failed legacy parsing")
	}
	stmts, err := statements(top["Statement"])
	if err != nil {
		return err
	}
	for _, st := range stmts {
		if err := validateStatement(st, kind); err != nil {
			return err
		}
	}
	return nil
}

// statements returns the statement objects of a Statement value (one
// object or a list of them).
func statements(v any) ([]map[string]any, error) {
	switch x := v.(type) {
	case map[string]any:
		return []map[string]any{x}, nil
	case []any:
		if len(x) == 0 {
			return nil, malformed("Syntax errors in policy.")
		}
		out := make([]map[string]any, 0, len(x))
		for _, e := range x {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, malformed("Syntax errors in policy.")
			}
			out = append(out, m)
		}
		return out, nil
	default:
		return nil, malformed("Syntax errors in policy.")
	}
}

func validateStatement(st map[string]any, kind docKind) error {
	for k := range st {
		if !statementKeys[k] {
			return malformed("Syntax errors in policy.")
		}
	}
	if e, ok := st["Effect"]; !ok {
		return malformed("Missing required field Effect")
	} else if e != "Allow" && e != "Deny" {
		return malformed("Invalid effect: %v", e)
	}
	if err := validateActions(st); err != nil {
		return err
	}
	if err := validateTarget(st, kind); err != nil {
		return err
	}
	if c, ok := st["Condition"]; ok {
		if _, isObj := c.(map[string]any); !isObj {
			return malformed("Syntax errors in policy.")
		}
	}
	return nil
}

func validateActions(st map[string]any) error {
	a, hasA := st["Action"]
	na, hasNA := st["NotAction"]
	switch {
	case !hasA && !hasNA:
		return malformed("Policy statement must contain actions.")
	case hasA && hasNA:
		return malformed("Syntax errors in policy.")
	case hasNA:
		a = na
	}
	list, ok := policydoc.StringList(a)
	if !ok || len(list) == 0 {
		return malformed("Syntax errors in policy.")
	}
	for _, s := range list {
		if s != "*" && !actionPattern.MatchString(s) {
			return malformed("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.")
		}
	}
	return nil
}

// validateTarget checks the Resource and Principal members for the kind
// of document.
func validateTarget(st map[string]any, kind docKind) error {
	_, hasR := st["Resource"]
	_, hasNR := st["NotResource"]
	p, hasP := st["Principal"]
	np, hasNP := st["NotPrincipal"]
	if kind == identityPolicy {
		if hasP || hasNP {
			return malformed("Policy document should not specify a principal.")
		}
		if !hasR && !hasNR {
			return malformed("Policy statement must contain resources.")
		}
		return checkResources(st)
	}
	if hasR {
		return malformed("Has prohibited field Resource")
	}
	if hasNR {
		return malformed("Has prohibited field NotResource")
	}
	switch {
	case hasP:
		return checkPrincipal(p)
	case hasNP:
		return checkPrincipal(np)
	}
	return malformed("Missing required field Principal")
}

func checkResources(st map[string]any) error {
	r, ok := st["Resource"]
	if !ok {
		r = st["NotResource"]
	}
	list, ok := policydoc.StringList(r)
	if !ok || len(list) == 0 {
		return malformed("Syntax errors in policy.")
	}
	for _, s := range list {
		if s != "*" && !strings.HasPrefix(s, "arn:") {
			return malformed("Resource %s must be in ARN format or \"*\".", s)
		}
	}
	return nil
}

func checkPrincipal(p any) error {
	if p == "*" {
		return nil
	}
	m, ok := p.(map[string]any)
	if !ok || len(m) == 0 {
		return malformed("Invalid principal in policy")
	}
	for k, v := range m {
		list, isList := policydoc.StringList(v)
		if !principalKeys[k] || !isList || len(list) == 0 {
			return malformed("Invalid principal in policy: %q", k)
		}
	}
	return nil
}
