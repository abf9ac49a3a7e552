package managed

import "github.com/salvehq/salve/internal/configitem"

// securityGroupType is the type the security-group rules evaluate.
const securityGroupType = "AWS::EC2::SecurityGroup"

// INCOMING_SSH_DISABLED (restricted-ssh): NON_COMPLIANT when an inbound
// rule opens TCP port 22 to 0.0.0.0/0 or ::/0.
var _ = register(&Rule{
	Identifier:      "INCOMING_SSH_DISABLED",
	Name:            "restricted-ssh",
	ResourceTypes:   []string{securityGroupType},
	ChangeTriggered: true,
	Periodic:        true,
	EvaluateItem: func(item *configitem.Item, _ Params) Evaluation {
		if cidr, ok := openToWorld(item, 22); ok {
			return nonCompliant("Inbound SSH (TCP port 22) is open to %s.", cidr)
		}
		return compliant()
	},
})

// openToWorld returns the all-addresses source of an inbound rule that
// opens TCP port to everyone.
func openToWorld(item *configitem.Item, port int) (string, bool) {
	for _, p := range ipPermissions(configuration(item)["ipPermissions"]) {
		if !p.opensTCP(port) {
			continue
		}
		if cidr, ok := p.worldSource(); ok {
			return cidr, true
		}
	}
	return "", false
}
