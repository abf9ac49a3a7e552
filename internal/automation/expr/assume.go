package expr

import (
	"strings"

	"github.com/salvehq/salve/internal/automation"
)

// ResolveAssumeRole substitutes the document's assumeRole with the bound
// parameters (see BindParameters). It returns "" when the document has no
// assumeRole or it resolves to "" (the automation then runs with the
// caller's permissions). assumeRole may refer only to parameters and must
// resolve to a string that is an ARN; anything else is an
// InvalidAutomationExecutionParametersException.
func ResolveAssumeRole(doc *automation.Document, params map[string]any) (string, error) {
	if doc.AssumeRole == "" {
		return "", nil
	}
	v, err := Resolve(doc.AssumeRole, parametersOnly(params))
	if err != nil {
		return "", invalidParams("assumeRole %q cannot be resolved: %v.", doc.AssumeRole, err)
	}
	role, ok := v.(string)
	if !ok {
		return "", invalidParams("assumeRole %q resolves to %s, not a role ARN.", doc.AssumeRole, describe(v))
	}
	role = strings.TrimSpace(role)
	if role != "" && !strings.HasPrefix(role, "arn:") {
		return "", invalidParams("assumeRole %q resolves to %q, which is not an IAM role ARN "+
			"(arn:aws:iam::<account>:role/<name>).", doc.AssumeRole, role)
	}
	return role, nil
}

// parametersOnly is a Lookup that answers parameters and refuses every
// other reference.
func parametersOnly(params map[string]any) Lookup {
	return LookupFunc(func(r automation.Ref) (any, bool, error) {
		if r.Kind != automation.RefParameter {
			return nil, false, refError(r, "assumeRole may refer only to parameters")
		}
		return declared(params, r, "parameter")
	})
}
