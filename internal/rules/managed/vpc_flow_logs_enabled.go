package managed

import (
	"context"
	"strings"
)

const vpcType = "AWS::EC2::VPC"

// VPC_FLOW_LOGS_ENABLED: each VPC (AWS::EC2::VPC) must have an active flow
// log, of traffic type trafficType when given. Periodic, over DescribeVpcs
// and DescribeFlowLogs.
var _ = register(&Rule{
	Identifier:      "VPC_FLOW_LOGS_ENABLED",
	Name:            "vpc-flow-logs-enabled",
	ResourceTypes:   []string{vpcType},
	Periodic:        true,
	Params:          []Param{{Name: "trafficType", Type: TypeString}},
	EvaluateAccount: evaluateVPCFlowLogs,
})

func evaluateVPCFlowLogs(ctx context.Context, env Env, params Params) ([]Evaluation, error) {
	vpcs, err := listAll(ctx, env, "ec2", "DescribeVpcs", nil, "Vpcs")
	if err != nil {
		return nil, err
	}
	logs, err := listAll(ctx, env, "ec2", "DescribeFlowLogs", nil, "FlowLogs")
	if err != nil {
		return nil, err
	}
	byResource := map[string][]map[string]any{}
	for _, l := range logs {
		m := obj(l)
		byResource[str(m["ResourceId"])] = append(byResource[str(m["ResourceId"])], m)
	}
	var out []Evaluation
	for _, v := range vpcs {
		id := str(obj(v)["VpcId"])
		ev := vpcFlowLogVerdict(byResource[id], params.String("trafficType"))
		ev.ResourceType, ev.ResourceID = vpcType, id
		out = append(out, ev)
	}
	return out, nil
}

func vpcFlowLogVerdict(logs []map[string]any, trafficType string) Evaluation {
	active := 0
	for _, l := range logs {
		if status := str(l["FlowLogStatus"]); status != "" && status != "ACTIVE" {
			continue
		}
		active++
		if trafficType == "" || strings.EqualFold(str(l["TrafficType"]), trafficType) {
			return compliant()
		}
	}
	if active > 0 {
		return nonCompliant("The VPC's flow logs do not capture traffic type %s.", trafficType)
	}
	return nonCompliant("No active flow log is enabled for the VPC.")
}
