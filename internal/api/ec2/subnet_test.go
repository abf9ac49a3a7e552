package ec2_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
)

func TestCreateSubnet(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.0.0.0/16")
	out, err := e.EC2.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: aws.String(vpc), CidrBlock: aws.String("10.0.1.0/24"),
		AvailabilityZone: aws.String("us-east-1b")})
	require.NoError(t, err)
	sn := out.Subnet
	id := aws.ToString(sn.SubnetId)
	require.Regexp(t, `^subnet-[0-9a-f]{17}$`, id)
	require.Equal(t, "us-east-1b", aws.ToString(sn.AvailabilityZone))
	require.Equal(t, "use1-az2", aws.ToString(sn.AvailabilityZoneId))
	require.Equal(t, int32(251), aws.ToInt32(sn.AvailableIpAddressCount))
	require.False(t, aws.ToBool(sn.MapPublicIpOnLaunch))
	require.False(t, aws.ToBool(sn.DefaultForAz))

	it := e.Items.Last("AWS::EC2::Subnet", id)
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, vpc, it.Configuration["vpcId"])
	require.Equal(t, []configitem.Relationship{{ResourceType: "AWS::EC2::VPC", ResourceID: vpc, Name: "Is contained in Vpc"}},
		it.Relationships)

	_, err = e.EC2.ModifySubnetAttribute(ctx, &ec2.ModifySubnetAttributeInput{SubnetId: aws.String(id),
		MapPublicIpOnLaunch: &types.AttributeBooleanValue{Value: aws.Bool(true)}})
	require.NoError(t, err)
	got, err := e.EC2.DescribeSubnets(ctx, &ec2.DescribeSubnetsInput{SubnetIds: []string{id}})
	require.NoError(t, err)
	require.True(t, aws.ToBool(got.Subnets[0].MapPublicIpOnLaunch))
	it = e.Items.Last("AWS::EC2::Subnet", id)
	require.Equal(t, configitem.StatusOK, it.Status)
	require.Equal(t, true, it.Configuration["mapPublicIpOnLaunch"])

	filtered, err := e.EC2.DescribeSubnets(ctx, &ec2.DescribeSubnetsInput{Filters: []types.Filter{
		{Name: aws.String("map-public-ip-on-launch"), Values: []string{"true"}},
		{Name: aws.String("vpc-id"), Values: []string{vpc}}}})
	require.NoError(t, err)
	require.Len(t, filtered.Subnets, 1)
}

func TestCreateSubnet_Errors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.0.0.0/16")
	_, err := e.EC2.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: aws.String(vpc), CidrBlock: aws.String("10.0.1.0/24")})
	require.NoError(t, err)
	cases := map[string]struct {
		vpc, cidr, zone, code string
	}{
		"UnknownVPC":   {"vpc-0123456789abcdef0", "10.0.2.0/24", "", "InvalidVpcID.NotFound"},
		"MalformedVPC": {"vpc-xyz", "10.0.2.0/24", "", "InvalidVpcID.Malformed"},
		"NoCIDR":       {vpc, "", "", "MissingParameter"},
		"BadCIDR":      {vpc, "10.0.2/24", "", "InvalidParameterValue"},
		"OutsideVPC":   {vpc, "10.1.0.0/24", "", "InvalidSubnet.Range"},
		"TooSmall":     {vpc, "10.0.2.0/29", "", "InvalidSubnet.Range"},
		"Overlap":      {vpc, "10.0.1.128/25", "", "InvalidSubnet.Conflict"},
		"Zone":         {vpc, "10.0.2.0/24", "eu-west-1a", "InvalidParameterValue"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			in := &ec2.CreateSubnetInput{}
			if tc.vpc != "" {
				in.VpcId = aws.String(tc.vpc)
			}
			if tc.cidr != "" {
				in.CidrBlock = aws.String(tc.cidr)
			}
			if tc.zone != "" {
				in.AvailabilityZone = aws.String(tc.zone)
			}
			_, err := e.EC2.CreateSubnet(ctx, in)
			requireCode(t, err, tc.code)
		})
	}
}

func TestModifySubnetAttribute_Errors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	_, err := e.EC2.ModifySubnetAttribute(ctx, &ec2.ModifySubnetAttributeInput{SubnetId: aws.String("subnet-0123456789abcdef0"),
		MapPublicIpOnLaunch: &types.AttributeBooleanValue{Value: aws.Bool(true)}})
	requireCode(t, err, "InvalidSubnetID.NotFound")
	_, err = e.EC2.DeleteSubnet(ctx, &ec2.DeleteSubnetInput{SubnetId: aws.String("sn-1")})
	requireCode(t, err, "InvalidSubnetID.Malformed")
}
