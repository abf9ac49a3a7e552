package managed

import (
	"fmt"
	"slices"

	"github.com/salvehq/salve/internal/configitem"
)

// REQUIRED_TAGS: the resource must carry tag1Key..tag6Key and, where
// tagNValue lists values, one of them. tag1Key is required (AWS's console
// pre-fills CostCenter).
var _ = register(&Rule{
	Identifier:      "REQUIRED_TAGS",
	Name:            "required-tags",
	ResourceTypes:   requiredTagsTypes,
	ChangeTriggered: true,
	Params:          requiredTagsParams(),
	EvaluateItem:    evaluateRequiredTags,
})

// requiredTagsTypes are the resource types AWS documents for the rule.
var requiredTagsTypes = []string{
	"AWS::ACM::Certificate", "AWS::AutoScaling::AutoScalingGroup", "AWS::CloudFormation::Stack",
	"AWS::CodeBuild::Project", "AWS::DynamoDB::Table", "AWS::EC2::CustomerGateway", "AWS::EC2::Instance",
	"AWS::EC2::InternetGateway", "AWS::EC2::NetworkAcl", "AWS::EC2::NetworkInterface", "AWS::EC2::RouteTable",
	"AWS::EC2::SecurityGroup", "AWS::EC2::Subnet", "AWS::EC2::Volume", "AWS::EC2::VPC", "AWS::EC2::VPNConnection",
	"AWS::EC2::VPNGateway", "AWS::ElasticLoadBalancing::LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer",
	"AWS::RDS::DBInstance", "AWS::RDS::DBSecurityGroup", "AWS::RDS::DBSnapshot", "AWS::RDS::DBSubnetGroup",
	"AWS::RDS::EventSubscription", "AWS::Redshift::Cluster", "AWS::Redshift::ClusterParameterGroup",
	"AWS::Redshift::ClusterSecurityGroup", "AWS::Redshift::ClusterSnapshot", "AWS::Redshift::ClusterSubnetGroup",
	"AWS::S3::Bucket",
}

func requiredTagsParams() []Param {
	var out []Param
	for i := 1; i <= 6; i++ {
		key := Param{Name: fmt.Sprintf("tag%dKey", i), Type: TypeString}
		if i == 1 {
			key.Required, key.Default = true, "CostCenter"
		}
		out = append(out, key, Param{Name: fmt.Sprintf("tag%dValue", i), Type: TypeCSV})
	}
	return out
}

func evaluateRequiredTags(item *configitem.Item, params Params) Evaluation {
	var missing, wrong []string
	for i := 1; i <= 6; i++ {
		key := params.String(fmt.Sprintf("tag%dKey", i))
		if key == "" {
			continue
		}
		value, ok := item.Tags[key]
		allowed := params.CSV(fmt.Sprintf("tag%dValue", i))
		switch {
		case !ok:
			missing = append(missing, key)
		case len(allowed) > 0 && !slices.Contains(allowed, value):
			wrong = append(wrong, fmt.Sprintf("%s=%q (allowed: %s)", key, value, joinList(allowed)))
		}
	}
	switch {
	case len(missing) > 0:
		return nonCompliant("The resource is missing the required tags: %s.", joinList(missing))
	case len(wrong) > 0:
		return nonCompliant("Tags have values that are not allowed: %s.", joinList(wrong))
	}
	return compliant()
}
