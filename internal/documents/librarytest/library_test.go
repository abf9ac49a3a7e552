package librarytest_test

import (
	"context"
	"os/exec"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/stretchr/testify/require"
)

var ctx = context.Background()

// bucket creates an S3 bucket in moto.
func (e *env) bucket(t *testing.T, name string) {
	t.Helper()
	_, err := e.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(name)})
	require.NoError(t, err)
}

// requirePython skips runbooks whose aws:executeScript step needs boto3.
func requirePython(t *testing.T) {
	t.Helper()
	if err := exec.Command("python3", "-c", "import boto3").Run(); err != nil {
		t.Skip("python3 with boto3 is needed for this runbook's aws:executeScript step")
	}
}

func TestLibrary_S3(t *testing.T) {
	t.Parallel()
	e := setup(t)

	t.Run("EnableS3BucketEncryption", func(t *testing.T) {
		e.bucket(t, "enc-bucket")
		x := e.run(t, "AWS-EnableS3BucketEncryption", map[string][]string{"BucketName": {"enc-bucket"}})
		requireSuccess(t, x, "PutBucketEncryption=Success")
		got, err := e.s3.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: aws.String("enc-bucket")})
		require.NoError(t, err)
		require.Equal(t, s3types.ServerSideEncryptionAes256,
			got.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm)
		requireGolden(t, "AWS-EnableS3BucketEncryption", x)
	})
	t.Run("ConfigureS3BucketEncryption", func(t *testing.T) {
		e.bucket(t, "kms-bucket")
		x := e.run(t, "AWS-ConfigureS3BucketEncryption",
			map[string][]string{"BucketName": {"kms-bucket"}, "SSEAlgorithm": {"aws:kms"}})
		requireSuccess(t, x, "PutBucketEncryption=Success", "VerifyBucketEncryption=Success")
		got, err := e.s3.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: aws.String("kms-bucket")})
		require.NoError(t, err)
		require.Equal(t, s3types.ServerSideEncryptionAwsKms,
			got.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm)
		requireGolden(t, "AWS-ConfigureS3BucketEncryption", x)
	})
	t.Run("ConfigureS3BucketVersioning", func(t *testing.T) {
		e.bucket(t, "ver-bucket")
		x := e.run(t, "AWS-ConfigureS3BucketVersioning", map[string][]string{"BucketName": {"ver-bucket"}})
		requireSuccess(t, x, "ConfigureVersioning=Success")
		got, err := e.s3.GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: aws.String("ver-bucket")})
		require.NoError(t, err)
		require.Equal(t, s3types.BucketVersioningStatusEnabled, got.Status)
		requireGolden(t, "AWS-ConfigureS3BucketVersioning", x)
	})
	t.Run("DisableS3BucketPublicReadWrite", func(t *testing.T) {
		e.bucket(t, "pub-bucket")
		x := e.run(t, "AWS-DisableS3BucketPublicReadWrite", map[string][]string{"S3BucketName": {"pub-bucket"}})
		requireSuccess(t, x, "DisableS3BucketPublicReadWrite=Success")
		got, err := e.s3.GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: aws.String("pub-bucket")})
		require.NoError(t, err)
		cfg := got.PublicAccessBlockConfiguration
		require.True(t, aws.ToBool(cfg.RestrictPublicBuckets))
		require.True(t, aws.ToBool(cfg.IgnorePublicAcls))
		requireGolden(t, "AWS-DisableS3BucketPublicReadWrite", x)
	})
}

func TestLibrary_DisablePublicAccessForSecurityGroup(t *testing.T) {
	t.Parallel()
	requirePython(t)
	e := setup(t)
	sg, err := e.ec2.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String("open"), Description: aws.String("open")})
	require.NoError(t, err)
	var perms []ec2types.IpPermission
	for _, port := range []int32{22, 3389, 443} {
		perms = append(perms, ec2types.IpPermission{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(port), ToPort: aws.Int32(port),
			IpRanges: []ec2types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}})
	}
	_, err = e.ec2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: sg.GroupId, IpPermissions: perms})
	require.NoError(t, err)

	x := e.run(t, "AWS-DisablePublicAccessForSecurityGroup", map[string][]string{"GroupId": {aws.ToString(sg.GroupId)}})
	// Without IPv6 rules, the ::/0 revocations fail and the runbook goes on
	// (onFailure: Continue), as on AWS; the execution still succeeds.
	require.Equal(t, "Success", string(x.AutomationExecutionStatus), "%v", failures(x))
	var statuses []string
	for _, se := range x.StepExecutions {
		statuses = append(statuses, aws.ToString(se.StepName)+"="+string(se.StepStatus))
	}
	require.Equal(t, []string{"CustomIpCheck=Success", "DisableSSHFromIpV4=Success", "DisableSSHFromIpV6=Failed",
		"DisableRDPFromIpV4=Success", "DisableRDPFromIpV6=Failed", "ProcessPrefixLists=Success",
		"DisableSSHFromCustomIpV4=Pending", "DisableRDPFromCustomIpV4=Pending", "DisableSSHFromCustomIpV6=Pending",
		"DisableRDPFromCustomIpV6=Pending"}, statuses, "steps not taken are listed Pending, as on AWS")
	got, err := e.ec2.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{GroupIds: []string{aws.ToString(sg.GroupId)}})
	require.NoError(t, err)
	left := got.SecurityGroups[0].IpPermissions
	require.Len(t, left, 1, "only 443 stays open")
	require.Equal(t, int32(443), aws.ToInt32(left[0].FromPort))
	requireGolden(t, "AWS-DisablePublicAccessForSecurityGroup", x)
}

func TestLibrary_EC2(t *testing.T) {
	t.Parallel()
	e := setup(t)

	t.Run("StopEC2Instance", func(t *testing.T) {
		res, err := e.ec2.RunInstances(ctx, &ec2.RunInstancesInput{ImageId: aws.String("ami-12c6146b"),
			MinCount: aws.Int32(1), MaxCount: aws.Int32(1), InstanceType: ec2types.InstanceTypeT2Micro})
		require.NoError(t, err)
		id := aws.ToString(res.Instances[0].InstanceId)
		x := e.run(t, "AWS-StopEC2Instance", map[string][]string{"InstanceId": {id}})
		requireSuccess(t, x, "stopInstances=Success", "forceStopInstances=Success")
		got, err := e.ec2.DescribeInstances(ctx, &ec2.DescribeInstancesInput{InstanceIds: []string{id}})
		require.NoError(t, err)
		require.Equal(t, ec2types.InstanceStateNameStopped, got.Reservations[0].Instances[0].State.Name)
		requireGolden(t, "AWS-StopEC2Instance", x)
	})
	t.Run("EnableEBSVolumeEncryption", func(t *testing.T) {
		requireEBSDefault(t, e, false)
		vol, err := e.ec2.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("us-east-1a"), Size: aws.Int32(8)})
		require.NoError(t, err)
		x := e.run(t, "AWS-EnableEBSVolumeEncryption", map[string][]string{"VolumeId": {aws.ToString(vol.VolumeId)}})
		requireSuccess(t, x, "DescribeVolume=Success", "EnableEncryptionByDefault=Success",
			"ChooseKmsKey=Success", "VerifyEncryptionByDefault=Success", "SetDefaultKmsKey=Pending")
		require.Equal(t, map[string][]string{"DescribeVolume.Encrypted": {"false"}}, x.Outputs)
		requireEBSDefault(t, e, true)
		requireGolden(t, "AWS-EnableEBSVolumeEncryption", x)
	})
	t.Run("EnableEbsEncryptionByDefault", func(t *testing.T) {
		_, err := e.ec2.DisableEbsEncryptionByDefault(ctx, &ec2.DisableEbsEncryptionByDefaultInput{})
		require.NoError(t, err)
		requireEBSDefault(t, e, false)
		x := e.run(t, "AWSConfigRemediation-EnableEbsEncryptionByDefault",
			map[string][]string{"AutomationAssumeRole": {remediatorRole}})
		requireSuccess(t, x, "ModifyAccount=Success", "VerifyEbsEncryptionByDefault=Success")
		requireEBSDefault(t, e, true)
		requireGolden(t, "AWSConfigRemediation-EnableEbsEncryptionByDefault", x)
	})
	t.Run("EnableVPCFlowLogs", func(t *testing.T) {
		requirePython(t)
		vpc, err := e.ec2.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.1.0.0/16")})
		require.NoError(t, err)
		id := aws.ToString(vpc.Vpc.VpcId)
		e.bucket(t, "flow-logs")
		x := e.run(t, "AWS-EnableVPCFlowLogs", map[string][]string{"VPCIds": {id},
			"LogDestinationType": {"s3"}, "LogDestinationArn": {"arn:aws:s3:::flow-logs"}})
		requireSuccess(t, x, "EnableVPCFlowLogs=Success")
		require.Equal(t, []string{id}, x.StepExecutions[0].Outputs["SuccessfulVPCs"], "%v", x.StepExecutions[0].Outputs)
		got, err := e.ec2.DescribeFlowLogs(ctx, &ec2.DescribeFlowLogsInput{})
		require.NoError(t, err)
		require.Len(t, got.FlowLogs, 1)
		require.Equal(t, id, aws.ToString(got.FlowLogs[0].ResourceId))
		require.Equal(t, "arn:aws:s3:::flow-logs", aws.ToString(got.FlowLogs[0].LogDestination))
		requireGolden(t, "AWS-EnableVPCFlowLogs", x)
	})
}

// requireEBSDefault asserts the account's EBS encryption by default.
func requireEBSDefault(t *testing.T, e *env, want bool) {
	t.Helper()
	got, err := e.ec2.GetEbsEncryptionByDefault(ctx, &ec2.GetEbsEncryptionByDefaultInput{})
	require.NoError(t, err)
	require.Equal(t, want, aws.ToBool(got.EbsEncryptionByDefault))
}

func TestLibrary_CloudTrail(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.bucket(t, "trail-logs")

	x := e.run(t, "AWS-EnableCloudTrail", map[string][]string{"TrailName": {"main"}, "S3BucketName": {"trail-logs"}})
	requireSuccess(t, x, "EnableCloudTrail=Success")
	got, err := e.trail.GetTrail(ctx, &cloudtrail.GetTrailInput{Name: aws.String("main")})
	require.NoError(t, err)
	require.Equal(t, "trail-logs", aws.ToString(got.Trail.S3BucketName))
	require.False(t, aws.ToBool(got.Trail.LogFileValidationEnabled))
	requireGolden(t, "AWS-EnableCloudTrail", x)

	x = e.run(t, "AWSConfigRemediation-EnableCloudTrailLogFileValidation",
		map[string][]string{"TrailName": {"main"}, "AutomationAssumeRole": {remediatorRole}})
	requireSuccess(t, x, "UpdateTrail=Success", "VerifyTrail=Success")
	got, err = e.trail.GetTrail(ctx, &cloudtrail.GetTrailInput{Name: aws.String("main")})
	require.NoError(t, err)
	require.True(t, aws.ToBool(got.Trail.LogFileValidationEnabled))
	requireGolden(t, "AWSConfigRemediation-EnableCloudTrailLogFileValidation", x)
}

func TestLibrary_AttachIAMPolicy(t *testing.T) {
	t.Parallel()
	e := setup(t)
	trust := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
	_, err := e.iam.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String("App"), AssumeRolePolicyDocument: aws.String(trust)})
	require.NoError(t, err)
	// moto does not load AWS managed policies by default: attach a customer one.
	policy, err := e.iam.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String("ReadLogs"),
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:Get*","Resource":"*"}]}`)})
	require.NoError(t, err)
	arn := aws.ToString(policy.Policy.Arn)

	x := e.run(t, "AWS-AttachIAMPolicy", map[string][]string{"RoleName": {"App"}, "PolicyArn": {arn}})
	requireSuccess(t, x, "AttachRolePolicy=Success", "VerifyPolicyAttached=Success")
	got, err := e.iam.ListAttachedRolePolicies(ctx, &iam.ListAttachedRolePoliciesInput{RoleName: aws.String("App")})
	require.NoError(t, err)
	require.Len(t, got.AttachedPolicies, 1)
	require.Equal(t, arn, aws.ToString(got.AttachedPolicies[0].PolicyArn))
	requireGolden(t, "AWS-AttachIAMPolicy", x)
}

func TestLibrary_PublishSNSNotification(t *testing.T) {
	t.Parallel()
	e := setup(t)
	topic, err := e.sns.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("alerts")})
	require.NoError(t, err)

	x := e.run(t, "AWS-PublishSNSNotification",
		map[string][]string{"TopicArn": {aws.ToString(topic.TopicArn)}, "Message": {"bucket fixed"}})
	requireSuccess(t, x, "PublishSNSNotification=Success")
	// moto keeps published messages only for its SQS/HTTP subscribers and
	// has no API listing them; the call's success is what can be asserted.
	t.Log("moto does not expose published SNS messages: asserted the Publish step's success only")
	requireGolden(t, "AWS-PublishSNSNotification", x)
}
