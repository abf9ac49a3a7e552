package functions

import (
	"regexp"

	"github.com/salvehq/salve/internal/tenant"
	"github.com/salvehq/salve/internal/validate"
)

// Patterns of Lambda's model.
const (
	// NamePattern is CreateFunction's FunctionName (a name, partial ARN or
	// ARN whose name has no dots).
	NamePattern = `(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?`
	// NamespacedPattern is the FunctionName of the other operations.
	NamespacedPattern = `(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?`
	// MaxNameLength is the longest function name (the part after
	// "function:").
	MaxNameLength = 64
)

// refPattern splits a function reference into its parts.
var refPattern = regexp.MustCompile(`^(?:arn:(?:aws[a-zA-Z-]*)?:lambda:)?` +
	`(?:([a-z]{2}(?:(?:-gov)|(?:-iso[a-z]?))?-[a-z]+-\d):)?(?:(\d{12}):)?(?:function:)?` +
	`([a-zA-Z0-9-_.]+)(?::(\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9-_]+))?$`)

// Ref is a function reference: a name, a partial ARN
// (ACCOUNT:function:NAME) or an ARN, each with an optional qualifier.
type Ref struct {
	Name, Qualifier, AccountID, Region string
}

// ParseRef parses a function reference; ok is false when s is none.
func ParseRef(s string) (ref Ref, ok bool) {
	m := refPattern.FindStringSubmatch(s)
	if m == nil {
		return Ref{}, false
	}
	return Ref{Region: m[1], AccountID: m[2], Name: m[3], Qualifier: m[4]}, true
}

// resolve returns the name of the function s refers to in scope, for
// the $LATEST version (qualifier "" or "$LATEST"; Salve keeps no other).
func resolve(scope tenant.Scope, s, qualifier string) (string, error) {
	ref, ok := ParseRef(s)
	if !ok || len(s) > 256 {
		var v validate.Errors
		v.Len("functionName", s, 1, 256)
		v.Pattern("functionName", s, NamespacedPattern)
		return "", v.Err()
	}
	if err := ref.inScope(scope); err != nil {
		return "", err
	}
	q := ref.Qualifier
	if qualifier != "" {
		if q != "" && q != qualifier {
			return "", invalid("The derived qualifier from the function name does not match the specified qualifier.")
		}
		q = qualifier
	}
	if q != "" && q != Version {
		return "", notFound(FunctionARN(scope, ref.Name) + ":" + q)
	}
	return ref.Name, nil
}

// inScope refuses references to another region or account.
func (r Ref) inScope(scope tenant.Scope) error {
	if r.Region != "" && r.Region != scope.Region {
		return Errf(CodeResourceNotFound, "Functions from '%s' are not reachable in this region ('%s')", r.Region, scope.Region)
	}
	if r.AccountID != "" && r.AccountID != scope.AccountID {
		return Errf(CodeAccessDenied, "Account %s may not use function %s of account %s: Salve has no resource-based "+
			"policies, so a function is reachable from its own account only.", scope.AccountID, r.Name, r.AccountID)
	}
	return nil
}
