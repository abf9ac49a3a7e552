package discovery_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/discovery"
	"github.com/salvehq/salve/internal/salvetest"
	"github.com/salvehq/salve/internal/salvetest/motoserver"
	"github.com/salvehq/salve/internal/store"
)

// moto is a Salve test server in real-account mode over a moto_server,
// with SDK clients pointed at moto (the "real" account).
type moto struct {
	env   *salvetest.Env
	s3    *s3.Client
	ec2   *ec2.Client
	iam   *iam.Client
	trail *cloudtrail.Client
}

func setupMoto(t *testing.T) *moto {
	t.Helper()
	url := motoserver.Start(t)
	remote := motoserver.Remote(url)
	env := salvetest.Setup(t, func(o *salvetest.Options) { o.AWSRemote = remote })
	require.NotNil(t, env.Salve.Discovery, "real-account mode runs discovery")
	cfg := aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(url), HTTPClient: remote.HTTPClient,
		Credentials: credentials.NewStaticCredentialsProvider("testing", "testing", "")}
	return &moto{env: env, s3: s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }),
		ec2: ec2.NewFromConfig(cfg), iam: iam.NewFromConfig(cfg), trail: cloudtrail.NewFromConfig(cfg)}
}

// item returns the recorder's current item of a resource in the default
// account's us-east-1.
func (m *moto) item(t *testing.T, resourceType, id string) *configitem.Item {
	t.Helper()
	var it *configitem.Item
	require.NoError(t, m.env.Store.View(context.Background(), func(tx store.Tx) error {
		var err error
		it, err = m.env.Salve.Recorder.CurrentItem(tx, east, resourceType, id)
		return err
	}))
	return it
}

func (m *moto) putRule(t *testing.T, identifier string) {
	t.Helper()
	_, err := m.env.Config.PutConfigRule(context.Background(), &configservice.PutConfigRuleInput{ConfigRule: &ctypes.ConfigRule{
		ConfigRuleName: aws.String(identifier),
		Source:         &ctypes.Source{Owner: ctypes.OwnerAws, SourceIdentifier: aws.String(identifier)},
	}})
	require.NoError(t, err)
}

// compliance returns a rule's result for a resource ("" if none).
func (m *moto) compliance(t *testing.T, rule, resourceID string) ctypes.ComplianceType {
	t.Helper()
	out, err := m.env.Config.GetComplianceDetailsByConfigRule(context.Background(),
		&configservice.GetComplianceDetailsByConfigRuleInput{ConfigRuleName: aws.String(rule)})
	require.NoError(t, err)
	for _, r := range out.EvaluationResults {
		if aws.ToString(r.EvaluationResultIdentifier.EvaluationResultQualifier.ResourceId) == resourceID {
			return r.ComplianceType
		}
	}
	return ""
}

// TestDiscovery_Moto discovers resources created in a moto_server, lets
// the managed rules judge them, and records a deletion.
func TestDiscovery_Moto(t *testing.T) {
	t.Parallel()
	m := setupMoto(t)
	ctx := context.Background()
	_, err := m.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("moto-plain")})
	require.NoError(t, err)
	vpc, err := m.ec2.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.9.0.0/16")})
	require.NoError(t, err)
	vpcID := aws.ToString(vpc.Vpc.VpcId)
	sg, err := m.ec2.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String("open-ssh"),
		Description: aws.String("ssh from anywhere"), VpcId: aws.String(vpcID)})
	require.NoError(t, err)
	sgID := aws.ToString(sg.GroupId)
	_, err = m.ec2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: sg.GroupId,
		IpPermissions: []ec2types.IpPermission{{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(22), ToPort: aws.Int32(22),
			IpRanges: []ec2types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}}}})
	require.NoError(t, err)
	role, err := m.iam.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String("moto-app"),
		AssumeRolePolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`)})
	require.NoError(t, err)
	trail, err := m.trail.CreateTrail(ctx, &cloudtrail.CreateTrailInput{Name: aws.String("moto-trail"),
		S3BucketName: aws.String("moto-plain")})
	require.NoError(t, err)
	m.putRule(t, "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED")
	m.putRule(t, "INCOMING_SSH_DISABLED")

	require.NoError(t, m.env.Salve.Discovery.Poll(ctx))

	bucket := m.item(t, "AWS::S3::Bucket", "moto-plain")
	require.NotNil(t, bucket, "the moto bucket was discovered")
	require.Equal(t, configitem.StatusResourceDiscovered, bucket.Status)
	require.NotContains(t, bucket.SupplementaryConfiguration, "ServerSideEncryptionConfiguration")
	require.Equal(t, map[string]any{"status": "Off", "isMfaDeleteEnabled": nil},
		bucket.SupplementaryConfiguration["BucketVersioningConfiguration"])
	group := m.item(t, "AWS::EC2::SecurityGroup", sgID)
	require.NotNil(t, group)
	require.Equal(t, vpcID, group.Configuration["vpcId"])
	require.Contains(t, group.Configuration["ipPermissions"], map[string]any{"ipProtocol": "tcp",
		"fromPort": float64(22), "toPort": float64(22), "ipRanges": []any{"0.0.0.0/0"},
		"ipv4Ranges": []any{map[string]any{"cidrIp": "0.0.0.0/0", "description": nil}},
		"ipv6Ranges": []any{}, "prefixListIds": []any{}, "userIdGroupPairs": []any{}})
	require.Equal(t, "10.9.0.0/16", m.item(t, "AWS::EC2::VPC", vpcID).Configuration["cidrBlock"])
	roleItem := m.item(t, "AWS::IAM::Role", aws.ToString(role.Role.RoleId))
	require.NotNil(t, roleItem)
	require.Equal(t, "moto-app", roleItem.ResourceName)
	require.Contains(t, roleItem.Configuration["assumeRolePolicyDocument"], "%22ec2.amazonaws.com%22")
	trailItem := m.item(t, "AWS::CloudTrail::Trail", aws.ToString(trail.TrailARN))
	require.NotNil(t, trailItem)
	require.Equal(t, "moto-plain", trailItem.Configuration["s3BucketName"])

	m.env.Evaluate(t)
	require.Equal(t, ctypes.ComplianceTypeNonCompliant, m.compliance(t, "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "moto-plain"))
	require.Equal(t, ctypes.ComplianceTypeNonCompliant, m.compliance(t, "INCOMING_SSH_DISABLED", sgID))

	_, err = m.trail.DeleteTrail(ctx, &cloudtrail.DeleteTrailInput{Name: aws.String("moto-trail")})
	require.NoError(t, err)
	_, err = m.s3.DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String("moto-plain")})
	require.NoError(t, err)
	m.env.Clock.Advance(discovery.DefaultInterval)
	require.NoError(t, m.env.Salve.Discovery.Poll(ctx))
	require.Equal(t, configitem.StatusResourceDeleted, m.item(t, "AWS::S3::Bucket", "moto-plain").Status)
	require.Equal(t, configitem.StatusResourceDeleted, m.item(t, "AWS::CloudTrail::Trail", aws.ToString(trail.TrailARN)).Status)
	require.Equal(t, configitem.StatusResourceDiscovered, m.item(t, "AWS::EC2::SecurityGroup", sgID).Status,
		"an unchanged resource records nothing new")
}

// TestDiscovery_MotoRemediationLoop plays the product loop on a real
// endpoint: the discovered bucket is NON_COMPLIANT, the runbook encrypts it
// at moto, and the next pass records the change that makes it COMPLIANT.
func TestDiscovery_MotoRemediationLoop(t *testing.T) {
	t.Parallel()
	m := setupMoto(t)
	ctx := context.Background()
	const rule = "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"
	m.putRule(t, rule)
	_, err := m.env.Config.PutRemediationConfigurations(ctx, &configservice.PutRemediationConfigurationsInput{
		RemediationConfigurations: []ctypes.RemediationConfiguration{{
			ConfigRuleName: aws.String(rule), TargetType: ctypes.RemediationTargetTypeSsmDocument,
			TargetId: aws.String("AWS-ConfigureS3BucketEncryption"), Automatic: true,
			Parameters: map[string]ctypes.RemediationParameterValue{
				"AutomationAssumeRole": {StaticValue: &ctypes.StaticValue{Values: []string{"arn:aws:iam::123456789012:role/Fix"}}},
				"BucketName":           {ResourceValue: &ctypes.ResourceValue{Value: ctypes.ResourceValueTypeResourceId}},
				"SSEAlgorithm":         {StaticValue: &ctypes.StaticValue{Values: []string{"AES256"}}},
			}}}})
	require.NoError(t, err)
	_, err = m.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("moto-loop")})
	require.NoError(t, err)

	require.NoError(t, m.env.Salve.Discovery.Poll(ctx))
	m.env.Evaluate(t)
	require.Equal(t, ctypes.ComplianceTypeNonCompliant, m.compliance(t, rule, "moto-loop"))

	m.env.Settle(t)
	enc, err := m.s3.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: aws.String("moto-loop")})
	require.NoError(t, err, "the runbook encrypted the bucket at moto")
	require.Len(t, enc.ServerSideEncryptionConfiguration.Rules, 1)
	require.Equal(t, ctypes.ComplianceTypeNonCompliant, m.compliance(t, rule, "moto-loop"),
		"until discovery reads the bucket again, the recorder holds its unencrypted item")

	m.env.Clock.Advance(discovery.DefaultInterval)
	require.NoError(t, m.env.Salve.Discovery.Poll(ctx))
	m.env.Settle(t)
	require.Equal(t, ctypes.ComplianceTypeCompliant, m.compliance(t, rule, "moto-loop"))
}
