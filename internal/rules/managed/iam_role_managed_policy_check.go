package managed

import (
	"slices"

	"github.com/salvehq/salve/internal/configitem"
)

// IAM_ROLE_MANAGED_POLICY_CHECK: the role must have every managed policy
// in managedPolicyArns (required) attached.
var _ = register(&Rule{
	Identifier:      "IAM_ROLE_MANAGED_POLICY_CHECK",
	Name:            "iam-role-managed-policy-check",
	ResourceTypes:   []string{"AWS::IAM::Role"},
	ChangeTriggered: true,
	Params:          []Param{{Name: "managedPolicyArns", Type: TypeCSV, Required: true}},
	EvaluateItem:    evaluateRoleManagedPolicies,
})

func evaluateRoleManagedPolicies(item *configitem.Item, params Params) Evaluation {
	var attached []string
	for _, p := range list(configuration(item)["attachedManagedPolicies"]) {
		attached = append(attached, str(obj(p)["policyArn"]))
	}
	var missing []string
	for _, arn := range params.CSV("managedPolicyArns") {
		if !slices.Contains(attached, arn) {
			missing = append(missing, arn)
		}
	}
	if len(missing) > 0 {
		return nonCompliant("The role does not have these managed policies attached: %s.", joinList(missing))
	}
	return compliant()
}
