package managed

import "github.com/salvehq/salve/internal/configitem"

// VPC_DEFAULT_SECURITY_GROUP_CLOSED: a VPC's default security group must
// have no inbound and no outbound rules; other groups are NOT_APPLICABLE.
var _ = register(&Rule{
	Identifier:      "VPC_DEFAULT_SECURITY_GROUP_CLOSED",
	Name:            "vpc-default-security-group-closed",
	ResourceTypes:   []string{securityGroupType},
	ChangeTriggered: true,
	EvaluateItem:    evaluateDefaultSecurityGroup,
})

func evaluateDefaultSecurityGroup(item *configitem.Item, _ Params) Evaluation {
	cfg := configuration(item)
	if str(cfg["groupName"]) != "default" {
		return notApplicable("Only a VPC's default security group is evaluated.")
	}
	in, out := len(list(cfg["ipPermissions"])), len(list(cfg["ipPermissionsEgress"]))
	if in+out > 0 {
		return nonCompliant("The default security group has %d inbound and %d outbound rules; remove them all.", in, out)
	}
	return compliant()
}
