package managed

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/salvehq/salve/internal/configitem"
)

// RESTRICTED_INCOMING_TRAFFIC (restricted-common-ports): NON_COMPLIANT when
// an inbound rule opens one of the blocked TCP ports to 0.0.0.0/0 or ::/0.
// The blocked ports are blockedPort1..5 (defaults 20, 21, 3389, 3306,
// 4333) plus the ports listed in blockedPorts.
var _ = register(&Rule{
	Identifier:      "RESTRICTED_INCOMING_TRAFFIC",
	Name:            "restricted-common-ports",
	ResourceTypes:   []string{securityGroupType},
	ChangeTriggered: true,
	Periodic:        true,
	Params: []Param{
		{Name: "blockedPort1", Type: TypeInt, Default: "20"},
		{Name: "blockedPort2", Type: TypeInt, Default: "21"},
		{Name: "blockedPort3", Type: TypeInt, Default: "3389"},
		{Name: "blockedPort4", Type: TypeInt, Default: "3306"},
		{Name: "blockedPort5", Type: TypeInt, Default: "4333"},
		{Name: "blockedPorts", Type: TypeCSV},
	},
	EvaluateItem: evaluateRestrictedPorts,
})

func evaluateRestrictedPorts(item *configitem.Item, params Params) Evaluation {
	var open []string
	for _, port := range blockedPorts(params) {
		if cidr, ok := openToWorld(item, port); ok {
			open = append(open, fmt.Sprintf("%d (from %s)", port, cidr))
		}
	}
	if len(open) > 0 {
		return nonCompliant("Blocked TCP ports are open to everyone: %s.", joinList(open))
	}
	return compliant()
}

// blockedPorts collects the ports to check; blockedPorts entries that are
// not port numbers are ignored.
func blockedPorts(params Params) []int {
	var ports []int
	for i := 1; i <= 5; i++ {
		if n, ok := params.Int(fmt.Sprintf("blockedPort%d", i)); ok {
			ports = append(ports, n)
		}
	}
	for _, s := range params.CSV("blockedPorts") {
		if n, err := strconv.Atoi(s); err == nil {
			ports = append(ports, n)
		}
	}
	slices.Sort(ports)
	return slices.Compact(ports)
}
