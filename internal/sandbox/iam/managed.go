package iam

import (
	"crypto/sha256"
	"sort"
	"strings"
	"time"
)

// awsManagedDate is the creation date shown for the built-in AWS managed
// policies.
var awsManagedDate = time.Date(2015, 2, 6, 18, 39, 46, 0, time.UTC)

// awsManaged are the built-in AWS managed policies: attachable, never
// deletable or changeable. Documents carry the gist of AWS's (the real
// ones grant far longer action lists).
var awsManaged = []struct{ path, name, description, document string }{
	{"/", "AdministratorAccess", "Provides full access to AWS services and resources.",
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`},
	{"/", "ReadOnlyAccess", "Provides read-only access to AWS services and resources.",
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cloudtrail:Describe*","cloudtrail:Get*","cloudtrail:List*","cloudtrail:LookupEvents","config:BatchGet*","config:Describe*","config:Get*","config:List*","ec2:Describe*","ec2:Get*","iam:Generate*","iam:Get*","iam:List*","s3:Describe*","s3:Get*","s3:List*","sns:Check*","sns:Get*","sns:List*","ssm:Describe*","ssm:Get*","ssm:List*"],"Resource":"*"}]}`},
	{"/", "PowerUserAccess", "Provides full access to AWS services and resources, but does not allow management of Users and groups.",
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"},{"Effect":"Allow","Action":["iam:CreateServiceLinkedRole","iam:DeleteServiceLinkedRole","iam:ListRoles","organizations:DescribeOrganization","account:ListRegions","account:GetAccountInformation"],"Resource":"*"}]}`},
	{"/", "AmazonS3FullAccess", "Provides full access to all buckets via the AWS Management Console.",
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","s3-object-lambda:*"],"Resource":"*"}]}`},
	{"/", "AmazonS3ReadOnlyAccess", "Provides read only access to all buckets via the AWS Management Console.",
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*","s3:Describe*","s3-object-lambda:Get*","s3-object-lambda:List*"],"Resource":"*"}]}`},
	{"/", "AmazonEC2ReadOnlyAccess", "Provides read only access to Amazon EC2 via the AWS Management Console.",
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"},{"Effect":"Allow","Action":"elasticloadbalancing:Describe*","Resource":"*"},{"Effect":"Allow","Action":["cloudwatch:ListMetrics","cloudwatch:GetMetricStatistics","cloudwatch:Describe*"],"Resource":"*"},{"Effect":"Allow","Action":"autoscaling:Describe*","Resource":"*"}]}`},
	{"/", "AmazonSSMManagedInstanceCore", "The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.",
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:DescribeAssociation","ssm:GetDeployablePatchSnapshotForInstance","ssm:GetDocument","ssm:DescribeDocument","ssm:GetManifest","ssm:GetParameter","ssm:GetParameters","ssm:ListAssociations","ssm:ListInstanceAssociations","ssm:PutInventory","ssm:PutComplianceItems","ssm:PutConfigurePackageResult","ssm:UpdateAssociationStatus","ssm:UpdateInstanceAssociationStatus","ssm:UpdateInstanceInformation"],"Resource":"*"},{"Effect":"Allow","Action":["ssmmessages:CreateControlChannel","ssmmessages:CreateDataChannel","ssmmessages:OpenControlChannel","ssmmessages:OpenDataChannel"],"Resource":"*"},{"Effect":"Allow","Action":["ec2messages:AcknowledgeMessage","ec2messages:DeleteMessage","ec2messages:FailMessage","ec2messages:GetEndpoint","ec2messages:GetMessages","ec2messages:SendReply"],"Resource":"*"}]}`},
	{"/service-role/", "AmazonSSMAutomationRole", "Provides permissions for EC2 Automation service to execute activities defined within Automation documents",
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["lambda:InvokeFunction"],"Resource":["arn:aws:lambda:*:*:function:Automation*"]},{"Effect":"Allow","Action":["ec2:CreateImage","ec2:CopyImage","ec2:DeregisterImage","ec2:DescribeImages","ec2:DeleteSnapshot","ec2:StartInstances","ec2:RunInstances","ec2:StopInstances","ec2:TerminateInstances","ec2:DescribeInstanceStatus","ec2:CreateTags","ec2:DeleteTags","ec2:DescribeTags","cloudformation:CreateStack","cloudformation:DescribeStackEvents","cloudformation:DescribeStacks","cloudformation:UpdateStack","cloudformation:DeleteStack"],"Resource":["*"]},{"Effect":"Allow","Action":["ssm:*"],"Resource":["*"]},{"Effect":"Allow","Action":["sns:Publish"],"Resource":["arn:aws:sns:*:*:Automation*"]},{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringLikeIfExists":{"iam:PassedToService":"ssm.amazonaws.com"}}}]}`},
	{"/service-role/", "AWSConfigRulesExecutionRole", "Enables an AWS Lambda function to send evaluation results to AWS Config",
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::*/AWSLogs/*/Config/*"},{"Effect":"Allow","Action":["config:Put*","config:Get*","config:List*","config:Describe*","config:BatchGet*","config:Select*"],"Resource":"*"}]}`},
	{"/", "SecurityAudit", "The security audit template grants access to read security configuration metadata. It is useful for software that audits the configuration of an AWS account.",
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cloudtrail:DescribeTrails","cloudtrail:GetEventSelectors","cloudtrail:GetTrailStatus","cloudtrail:ListTags","config:Describe*","config:Get*","ec2:Describe*","ec2:GetEbsEncryptionByDefault","iam:GenerateCredentialReport","iam:Get*","iam:List*","iam:SimulateCustomPolicy","iam:SimulatePrincipalPolicy","s3:GetAccountPublicAccessBlock","s3:GetBucket*","s3:GetEncryptionConfiguration","s3:GetLifecycleConfiguration","s3:ListAllMyBuckets","sns:GetTopicAttributes","sns:ListSubscriptionsByTopic","sns:ListTagsForResource","sns:ListTopics","ssm:Describe*","ssm:ListDocuments"],"Resource":"*"}]}`},
}

// awsManagedByARN indexes the built-in policies by ARN in the aws
// partition; awsManagedPolicy maps other partitions.
var awsManagedByARN = buildAWSManaged()

func buildAWSManaged() map[string]Policy {
	out := make(map[string]Policy, len(awsManaged))
	for _, m := range awsManaged {
		arn := "arn:aws:iam::aws:policy" + m.path + m.name
		out[arn] = Policy{Name: m.name, ID: managedID(m.name), ARN: arn, Path: m.path,
			Description: m.description, DefaultVersionID: "v1", NextVersion: 2,
			Versions:   []PolicyVersion{{VersionID: "v1", Document: m.document, IsDefaultVersion: true, CreateDate: awsManagedDate}},
			CreateDate: awsManagedDate, UpdateDate: awsManagedDate, AWSManaged: true}
	}
	return out
}

// managedID derives a stable ANPA id from the policy name, so a built-in
// policy has the same id in every account and after every restart.
func managedID(name string) string {
	sum := sha256.Sum256([]byte("aws-managed-policy/" + name))
	b := make([]byte, 17)
	for i := range b {
		b[i] = idAlphabet[int(sum[i])%len(idAlphabet)]
	}
	return "ANPA" + string(b)
}

// awsManagedPolicy returns a copy of the built-in policy with arn (in any
// partition), or false.
func awsManagedPolicy(arn string) (*Policy, bool) {
	parts := strings.SplitN(arn, ":", 3)
	if len(parts) < 3 {
		return nil, false
	}
	p, ok := awsManagedByARN["arn:aws:"+parts[2]]
	if !ok {
		return nil, false
	}
	p.ARN = arn
	p.Versions = append([]PolicyVersion(nil), p.Versions...)
	return &p, true
}

// awsManagedPolicies returns copies of every built-in policy in partition,
// sorted by name.
func awsManagedPolicies(partition string) []*Policy {
	out := make([]*Policy, 0, len(awsManagedByARN))
	for arn := range awsManagedByARN {
		p, _ := awsManagedPolicy("arn:" + partition + strings.TrimPrefix(arn, "arn:aws"))
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// IsAWSManagedARN reports whether arn names a policy owned by AWS
// (account "aws"), built in or not.
func IsAWSManagedARN(arn string) bool {
	parts := strings.SplitN(arn, ":", 6)
	return len(parts) == 6 && parts[4] == "aws"
}
