package managed

import (
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
)

// IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS: a customer managed policy's
// default version must not Allow "Action": "*" over "Resource": "*".
// With excludePermissionBoundaryPolicy "true", policies used as
// permissions boundaries are NOT_APPLICABLE.
var _ = register(&Rule{
	Identifier:      "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS",
	Name:            "iam-policy-no-statements-with-admin-access",
	ResourceTypes:   []string{"AWS::IAM::Policy"},
	ChangeTriggered: true,
	Params:          []Param{{Name: "excludePermissionBoundaryPolicy", Type: TypeBoolean}},
	EvaluateItem:    evaluateAdminAccessPolicy,
})

func evaluateAdminAccessPolicy(item *configitem.Item, params Params) Evaluation {
	cfg := configuration(item)
	if strings.HasPrefix(str(cfg["arn"]), "arn:aws:iam::aws:policy/") {
		return notApplicable("AWS managed policies are not evaluated.")
	}
	if n, _ := number(cfg["permissionsBoundaryUsageCount"]); params.Bool("excludePermissionBoundaryPolicy") && n > 0 {
		return notApplicable("The policy is used as a permissions boundary.")
	}
	doc, err := parsePolicy(defaultPolicyDocument(cfg))
	if err != nil {
		return nonCompliant("The policy's default version cannot be read: %v.", err)
	}
	for _, s := range doc.Statements {
		if s.allows() && slices.Contains(s.Actions, "*") && slices.Contains(s.Resources, "*") {
			return nonCompliant("The policy allows all actions (\"*\") on all resources (\"*\")%s.", sidSuffix(s.Sid))
		}
	}
	return compliant()
}

// defaultPolicyDocument returns the document of the default version.
func defaultPolicyDocument(cfg map[string]any) string {
	for _, v := range list(cfg["policyVersionList"]) {
		if m := obj(v); boolean(m["isDefaultVersion"]) {
			return str(m["document"])
		}
	}
	return ""
}
