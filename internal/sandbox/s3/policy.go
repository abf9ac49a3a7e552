package s3

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/salvehq/salve/internal/policydoc"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// PutPolicy sets the bucket policy after checking it as S3 does
// (MalformedPolicy); a public policy is AccessDenied while the bucket's
// public access block has BlockPublicPolicy.
func (s *Service) PutPolicy(ctx context.Context, ref Ref, policy string) error {
	return s.mutate(ctx, ref, func(_ store.Tx, b *Bucket) error {
		doc, err := parsePolicy(b, policy)
		if err != nil {
			return err
		}
		if pab := b.PublicAccessBlock; pab != nil && pab.BlockPublicPolicy && doc.public() {
			return Err(CodeAccessDenied)
		}
		b.Policy = policy
		return nil
	})
}

// Policy returns the bucket policy, or NoSuchBucketPolicy.
func (s *Service) Policy(ctx context.Context, ref Ref) (string, error) {
	b, err := s.Bucket(ctx, ref)
	if err != nil {
		return "", err
	}
	if b.Policy == "" {
		return "", Err(CodeNoSuchBucketPolicy)
	}
	return b.Policy, nil
}

// DeletePolicy removes the bucket policy (none is fine).
func (s *Service) DeletePolicy(ctx context.Context, ref Ref) error {
	return s.mutate(ctx, ref, func(_ store.Tx, b *Bucket) error {
		b.Policy = ""
		return nil
	})
}

// ValidatePolicy checks a bucket policy for bucket (in region) as
// PutBucketPolicy does.
func ValidatePolicy(region, bucket, policy string) error {
	_, err := parsePolicy(&Bucket{Name: bucket, Region: region}, policy)
	return err
}

// policyDoc is a parsed bucket policy.
type policyDoc struct {
	statements []map[string]any
}

func malformedPolicy(msg string) error { return Errf(CodeMalformedPolicy, "%s", msg) }

// parsePolicy parses and checks a policy: JSON object, known version, and
// statements with Effect, Principal, Action and Resource that fit a
// bucket policy.
func parsePolicy(b *Bucket, policy string) (*policyDoc, error) {
	var raw map[string]any
	if !strings.HasPrefix(strings.TrimSpace(policy), "{") || json.Unmarshal([]byte(policy), &raw) != nil {
		return nil, Err(CodeMalformedPolicy)
	}
	if v, ok := raw["Version"]; ok && v != "2012-10-17" && v != "2008-10-17" {
		return nil, malformedPolicy("The policy must contain a valid version string")
	}
	stmts, err := statements(raw["Statement"])
	if err != nil {
		return nil, err
	}
	resourcePrefix := "arn:" + tenant.Partition(b.Region) + ":s3:::"
	for _, st := range stmts {
		if err := checkStatement(st, resourcePrefix, b.Name); err != nil {
			return nil, err
		}
	}
	return &policyDoc{statements: stmts}, nil
}

// statements returns the Statement member as a list of statements.
func statements(v any) ([]map[string]any, error) {
	var list []any
	switch x := v.(type) {
	case nil:
		return nil, malformedPolicy("Missing required field Statement")
	case map[string]any:
		list = []any{x}
	case []any:
		list = x
	default:
		return nil, malformedPolicy("Statement is not well-formed")
	}
	if len(list) == 0 {
		return nil, malformedPolicy("Could not parse the policy: Statement is empty!")
	}
	out := make([]map[string]any, 0, len(list))
	for _, s := range list {
		m, ok := s.(map[string]any)
		if !ok {
			return nil, malformedPolicy("Statement is not well-formed")
		}
		out = append(out, m)
	}
	return out, nil
}

// checkStatement checks one statement's elements.
func checkStatement(st map[string]any, resourcePrefix, bucket string) error {
	switch e := st["Effect"]; {
	case e == nil:
		return malformedPolicy("Missing required field Effect")
	case e != "Allow" && e != "Deny":
		s, _ := e.(string)
		return malformedPolicy("Invalid effect: " + s)
	}
	principal, ok := either(st, "Principal", "NotPrincipal")
	if !ok {
		return malformedPolicy("Missing required field Principal")
	}
	if !validPrincipal(principal) {
		return malformedPolicy("Invalid principal in policy")
	}
	if err := checkList(st, "Action", "NotAction", validAction, "Policy has invalid action"); err != nil {
		return err
	}
	validResource := func(r string) bool { return validResource(r, resourcePrefix, bucket) }
	if err := checkList(st, "Resource", "NotResource", validResource, "Policy has invalid resource"); err != nil {
		return err
	}
	if c, ok := st["Condition"]; ok {
		if _, isMap := c.(map[string]any); !isMap {
			return malformedPolicy("Policy has an invalid condition key")
		}
	}
	return nil
}

// either returns the element name or its Not twin, whichever is present.
func either(st map[string]any, name, not string) (any, bool) {
	if v, ok := st[name]; ok {
		return v, true
	}
	v, ok := st[not]
	return v, ok
}

// checkList checks an element that is a string or a list of strings.
func checkList(st map[string]any, name, not string, valid func(string) bool, invalid string) error {
	v, ok := either(st, name, not)
	if !ok {
		return malformedPolicy("Missing required field " + name)
	}
	values, ok := policydoc.StringList(v)
	if !ok || len(values) == 0 {
		return malformedPolicy(invalid)
	}
	for _, s := range values {
		if !valid(s) {
			return malformedPolicy(invalid)
		}
	}
	return nil
}

func validAction(a string) bool {
	return a == "*" || strings.HasPrefix(strings.ToLower(a), "s3:") && len(a) > 3
}

// validResource reports whether r is this bucket or an object in it (the
// bucket part may hold IAM wildcards).
func validResource(r, prefix, bucket string) bool {
	rest, ok := strings.CutPrefix(r, prefix)
	if !ok {
		return false
	}
	name, _, _ := strings.Cut(rest, "/")
	return wildcardMatch(name, bucket)
}

// principalKeys are the kinds of principal a bucket policy can name.
var principalKeys = map[string]bool{"AWS": true, "Service": true, "Federated": true, "CanonicalUser": true}

// validPrincipal accepts "*" and {"AWS"|"Service"|"Federated"|"CanonicalUser": id or [ids]}
// where AWS ids are "*", account ids or IAM ARNs.
func validPrincipal(p any) bool {
	if p == "*" {
		return true
	}
	m, ok := p.(map[string]any)
	if !ok || len(m) == 0 {
		return false
	}
	for k, v := range m {
		ids, ok := policydoc.StringList(v)
		if !principalKeys[k] || !ok || len(ids) == 0 {
			return false
		}
		for _, id := range ids {
			if id == "" || k == "AWS" && !validAWSPrincipal(id) {
				return false
			}
		}
	}
	return true
}

func validAWSPrincipal(id string) bool {
	if id == "*" || strings.HasPrefix(id, "arn:") && strings.Contains(id, ":iam::") {
		return true
	}
	if len(id) != 12 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if id[i] < '0' || id[i] > '9' {
			return false
		}
	}
	return true
}

// public reports whether a statement allows everyone without a condition
// (a simplification of S3's "public" test, which also weighs conditions).
func (d *policyDoc) public() bool {
	for _, st := range d.statements {
		if st["Effect"] != "Allow" || st["Condition"] != nil {
			continue
		}
		p, ok := st["Principal"]
		if !ok {
			continue
		}
		if p == "*" {
			return true
		}
		if m, ok := p.(map[string]any); ok {
			ids, _ := policydoc.StringList(m["AWS"])
			for _, id := range ids {
				if id == "*" {
					return true
				}
			}
		}
	}
	return false
}

// wildcardMatch reports whether s matches pattern, where * matches any run
// of characters and ? any one character (greedy, with backtracking to the
// last star only, so it runs in O(len(pattern)*len(s))).
func wildcardMatch(pattern, s string) bool {
	p, i, star, mark := 0, 0, -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == s[i]):
			p, i = p+1, i+1
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case star >= 0:
			mark++
			p, i = star+1, mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
