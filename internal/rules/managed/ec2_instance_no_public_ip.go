package managed

import "github.com/salvehq/salve/internal/configitem"

const instanceType = "AWS::EC2::Instance"

// EC2_INSTANCE_NO_PUBLIC_IP: NON_COMPLIANT when the instance has a public
// IPv4 address.
var _ = register(&Rule{
	Identifier:      "EC2_INSTANCE_NO_PUBLIC_IP",
	Name:            "ec2-instance-no-public-ip",
	ResourceTypes:   []string{instanceType},
	ChangeTriggered: true,
	EvaluateItem: func(item *configitem.Item, _ Params) Evaluation {
		cfg := configuration(item)
		for _, k := range []string{"publicIpAddress", "publicIp"} {
			if ip := str(cfg[k]); ip != "" {
				return nonCompliant("The instance has the public IP address %s.", ip)
			}
		}
		return compliant()
	},
})
