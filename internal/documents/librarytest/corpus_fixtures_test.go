package librarytest_test

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/require"
)

// instance runs one EC2 instance in moto and returns its id.
func (e *env) instance(t *testing.T) string {
	t.Helper()
	res, err := e.ec2.RunInstances(ctx, &ec2.RunInstancesInput{ImageId: aws.String("ami-12c6146b"),
		MinCount: aws.Int32(1), MaxCount: aws.Int32(1), InstanceType: ec2types.InstanceTypeT2Micro})
	require.NoError(t, err)
	return aws.ToString(res.Instances[0].InstanceId)
}

// instanceState is the state of instance id in moto.
func (e *env) instanceState(t *testing.T, id string) ec2types.InstanceStateName {
	t.Helper()
	got, err := e.ec2.DescribeInstances(ctx, &ec2.DescribeInstancesInput{InstanceIds: []string{id}})
	require.NoError(t, err)
	return got.Reservations[0].Instances[0].State.Name
}

// volume creates an 8 GiB gp2 volume and returns its id.
func (e *env) volume(t *testing.T) string {
	t.Helper()
	vol, err := e.ec2.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("us-east-1a"),
		Size: aws.Int32(8), VolumeType: ec2types.VolumeTypeGp2})
	require.NoError(t, err)
	return aws.ToString(vol.VolumeId)
}

// openGroup creates a security group in the default VPC open to the
// world (IPv4) on ports, and returns its id.
func (e *env) openGroup(t *testing.T, name string, ports ...int32) string {
	t.Helper()
	sg, err := e.ec2.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String(name),
		Description: aws.String(name)})
	require.NoError(t, err)
	var perms []ec2types.IpPermission
	for _, port := range ports {
		perms = append(perms, ec2types.IpPermission{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(port),
			ToPort: aws.Int32(port), IpRanges: []ec2types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}})
	}
	if len(perms) > 0 {
		_, err = e.ec2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: sg.GroupId,
			IpPermissions: perms})
		require.NoError(t, err)
	}
	return aws.ToString(sg.GroupId)
}

// ingress is the ingress rules of group id.
func (e *env) ingress(t *testing.T, id string) []ec2types.IpPermission {
	t.Helper()
	got, err := e.ec2.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{GroupIds: []string{id}})
	require.NoError(t, err)
	return got.SecurityGroups[0].IpPermissions
}

// vpc creates a VPC with cidr and returns its id.
func (e *env) vpc(t *testing.T, cidr string) string {
	t.Helper()
	vpc, err := e.ec2.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String(cidr)})
	require.NoError(t, err)
	return aws.ToString(vpc.Vpc.VpcId)
}

// flowLog creates a flow log of a new VPC to an S3 bucket and returns its id.
func (e *env) flowLog(t *testing.T, cidr, bucket string) string {
	t.Helper()
	vpc := e.vpc(t, cidr)
	e.bucket(t, bucket)
	out, err := e.ec2.CreateFlowLogs(ctx, &ec2.CreateFlowLogsInput{ResourceIds: []string{vpc},
		ResourceType: ec2types.FlowLogsResourceTypeVpc, TrafficType: ec2types.TrafficTypeAll,
		LogDestinationType: ec2types.LogDestinationTypeS3, LogDestination: aws.String("arn:aws:s3:::" + bucket)})
	require.NoError(t, err)
	require.Len(t, out.FlowLogIds, 1, "%v", out.Unsuccessful)
	return out.FlowLogIds[0]
}

// newTrail creates bucket and a trail delivering to it; returns the trail ARN.
func (e *env) newTrail(t *testing.T, name, bucket string) string {
	t.Helper()
	e.bucket(t, bucket)
	out, err := e.trail.CreateTrail(ctx, &cloudtrail.CreateTrailInput{Name: aws.String(name),
		S3BucketName: aws.String(bucket)})
	require.NoError(t, err)
	return aws.ToString(out.TrailARN)
}

// getTrail reads trail name back from moto.
func (e *env) getTrail(t *testing.T, name string) *cloudtrail.GetTrailOutput {
	t.Helper()
	got, err := e.trail.GetTrail(ctx, &cloudtrail.GetTrailInput{Name: aws.String(name)})
	require.NoError(t, err)
	return got
}

// key creates a symmetric KMS key and returns its id and ARN.
func (e *env) key(t *testing.T) (id, arn string) {
	t.Helper()
	out, err := e.kms.CreateKey(ctx, &kms.CreateKeyInput{})
	require.NoError(t, err)
	return aws.ToString(out.KeyMetadata.KeyId), aws.ToString(out.KeyMetadata.Arn)
}

// role creates an IAM role Lambda may assume and returns its ARN.
func (e *env) role(t *testing.T, name string) string {
	t.Helper()
	trust := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com","ec2.amazonaws.com"]},"Action":"sts:AssumeRole"}]}`
	out, err := e.iam.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String(name),
		AssumeRolePolicyDocument: aws.String(trust)})
	require.NoError(t, err)
	return aws.ToString(out.Role.Arn)
}

// function creates a Python Lambda function with an environment variable
// (moto runs no code to create one) and returns its ARN.
func (e *env) function(t *testing.T, name string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("index.py")
	require.NoError(t, err)
	_, err = w.Write([]byte("def handler(event, context):\n    return event\n"))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	out, err := e.lam.CreateFunction(ctx, &lambda.CreateFunctionInput{FunctionName: aws.String(name),
		Role: aws.String(e.role(t, name+"-role")), Runtime: lambdatypes.RuntimePython312, Handler: aws.String("index.handler"),
		Code:        &lambdatypes.FunctionCode{ZipFile: buf.Bytes()},
		Environment: &lambdatypes.Environment{Variables: map[string]string{"STAGE": "test"}}})
	require.NoError(t, err)
	return aws.ToString(out.FunctionArn)
}

// p builds a parameter map from name, value pairs.
func p(kv ...string) map[string][]string {
	out := map[string][]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = []string{kv[i+1]}
	}
	return out
}
