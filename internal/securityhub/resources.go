package securityhub

import (
	"strings"

	"github.com/salvehq/salve/internal/tenant"
)

// asffTypes maps Config resource types to ASFF resource types; a type
// without one is "Other", as ASFF asks.
var asffTypes = map[string]string{
	"AWS::S3::Bucket":             "AwsS3Bucket",
	"AWS::EC2::SecurityGroup":     "AwsEc2SecurityGroup",
	"AWS::EC2::VPC":               "AwsEc2Vpc",
	"AWS::EC2::Subnet":            "AwsEc2Subnet",
	"AWS::EC2::Instance":          "AwsEc2Instance",
	"AWS::EC2::Volume":            "AwsEc2Volume",
	"AWS::EC2::NetworkInterface":  "AwsEc2NetworkInterface",
	"AWS::EC2::EIP":               "AwsEc2Eip",
	"AWS::EC2::NetworkAcl":        "AwsEc2NetworkAcl",
	"AWS::EC2::RouteTable":        "AwsEc2RouteTable",
	"AWS::EC2::LaunchTemplate":    "AwsEc2LaunchTemplate",
	"AWS::IAM::Role":              "AwsIamRole",
	"AWS::IAM::User":              "AwsIamUser",
	"AWS::IAM::Policy":            "AwsIamPolicy",
	"AWS::IAM::Group":             "AwsIamGroup",
	"AWS::CloudTrail::Trail":      "AwsCloudTrailTrail",
	"AWS::SNS::Topic":             "AwsSnsTopic",
	"AWS::SQS::Queue":             "AwsSqsQueue",
	"AWS::KMS::Key":               "AwsKmsKey",
	"AWS::Lambda::Function":       "AwsLambdaFunction",
	"AWS::RDS::DBInstance":        "AwsRdsDbInstance",
	"AWS::RDS::DBCluster":         "AwsRdsDbCluster",
	"AWS::DynamoDB::Table":        "AwsDynamoDbTable",
	"AWS::ECR::Repository":        "AwsEcrRepository",
	"AWS::SecretsManager::Secret": "AwsSecretsManagerSecret",
}

// ASFFType returns the ASFF resource type of a Config resource type.
func ASFFType(configType string) string {
	if t, ok := asffTypes[configType]; ok {
		return t
	}
	return "Other"
}

// ec2ARNPrefixes are the ARN resource prefixes of EC2 resource types.
var ec2ARNPrefixes = map[string]string{
	"AWS::EC2::SecurityGroup":    "security-group/",
	"AWS::EC2::VPC":              "vpc/",
	"AWS::EC2::Subnet":           "subnet/",
	"AWS::EC2::Instance":         "instance/",
	"AWS::EC2::Volume":           "volume/",
	"AWS::EC2::NetworkInterface": "network-interface/",
	"AWS::EC2::FlowLog":          "vpc-flow-log/",
	"AWS::EC2::NetworkAcl":       "network-acl/",
	"AWS::EC2::RouteTable":       "route-table/",
}

// accountType is the Config type of account-level evaluations.
const accountType = "AWS::::Account"

// ResourceID returns the Resources[].Id of a Config resource: its
// recorded ARN when known, else an ARN Salve can derive (S3 buckets, EC2
// resources), the account's "AWS::::Account:ID", or the resource id itself
// (which is already an ARN for trails and topics).
func ResourceID(scope tenant.Scope, configType, resourceID, recordedARN string) string {
	switch {
	case recordedARN != "":
		return recordedARN
	case strings.HasPrefix(resourceID, "arn:"):
		return resourceID
	case configType == "AWS::S3::Bucket":
		return "arn:" + tenant.Partition(scope.Region) + ":s3:::" + resourceID
	case configType == accountType:
		return accountType + ":" + resourceID
	}
	if prefix, ok := ec2ARNPrefixes[configType]; ok {
		return scope.ARN("ec2", prefix+resourceID)
	}
	return resourceID
}
