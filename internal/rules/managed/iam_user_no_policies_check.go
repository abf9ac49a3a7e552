package managed

import "github.com/salvehq/salve/internal/configitem"

// IAM_USER_NO_POLICIES_CHECK: a user must have no managed or inline
// policies of its own; permissions come from groups or roles.
var _ = register(&Rule{
	Identifier:      "IAM_USER_NO_POLICIES_CHECK",
	Name:            "iam-user-no-policies-check",
	ResourceTypes:   []string{"AWS::IAM::User"},
	ChangeTriggered: true,
	EvaluateItem: func(item *configitem.Item, _ Params) Evaluation {
		cfg := configuration(item)
		managed, inline := len(list(cfg["attachedManagedPolicies"])), len(list(cfg["userPolicyList"]))
		if managed+inline > 0 {
			return nonCompliant("The user has %d managed and %d inline policies; grant permissions through groups or roles instead.", managed, inline)
		}
		return compliant()
	},
})
