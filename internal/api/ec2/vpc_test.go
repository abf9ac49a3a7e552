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

func TestDescribeVpcs_DefaultVPC(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	out, err := e.EC2.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{})
	require.NoError(t, err)
	require.Len(t, out.Vpcs, 1)
	v := out.Vpcs[0]
	require.Equal(t, "172.31.0.0/16", aws.ToString(v.CidrBlock))
	require.True(t, aws.ToBool(v.IsDefault))
	require.Equal(t, types.VpcStateAvailable, v.State)
	require.Equal(t, "123456789012", aws.ToString(v.OwnerId))

	subnets, err := e.EC2.DescribeSubnets(ctx, &ec2.DescribeSubnetsInput{Filters: []types.Filter{
		{Name: aws.String("vpc-id"), Values: []string{aws.ToString(v.VpcId)}}}})
	require.NoError(t, err)
	require.Len(t, subnets.Subnets, 6, "one default subnet per zone of us-east-1")
	for _, sn := range subnets.Subnets {
		require.True(t, aws.ToBool(sn.DefaultForAz))
		require.True(t, aws.ToBool(sn.MapPublicIpOnLaunch))
		require.Equal(t, int32(4091), aws.ToInt32(sn.AvailableIpAddressCount))
	}

	groups, err := e.EC2.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{GroupNames: []string{"default"}})
	require.NoError(t, err)
	require.Len(t, groups.SecurityGroups, 1)
	g := groups.SecurityGroups[0]
	require.Equal(t, aws.ToString(v.VpcId), aws.ToString(g.VpcId))
	require.Len(t, g.IpPermissions, 1)
	require.Equal(t, "-1", aws.ToString(g.IpPermissions[0].IpProtocol))
	require.Equal(t, aws.ToString(g.GroupId), aws.ToString(g.IpPermissions[0].UserIdGroupPairs[0].GroupId), "ingress from itself")
	require.Equal(t, "0.0.0.0/0", aws.ToString(g.IpPermissionsEgress[0].IpRanges[0].CidrIp))

	// The defaults are recorded: the VPC, its group and six subnets.
	require.Equal(t, 8, len(e.Items.Items()))
	it := e.Items.Last("AWS::EC2::VPC", aws.ToString(v.VpcId))
	require.NotNil(t, it)
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, true, it.Configuration["isDefault"])
	require.Equal(t, 1, e.Items.ChangedCalls())
}

func TestDefaultVPC_PerScope(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	mine, err := e.EC2.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{})
	require.NoError(t, err)
	other, err := e.client("111122223333", "eu-west-1").DescribeVpcs(ctx, &ec2.DescribeVpcsInput{})
	require.NoError(t, err)
	require.Len(t, other.Vpcs, 1)
	require.NotEqual(t, aws.ToString(mine.Vpcs[0].VpcId), aws.ToString(other.Vpcs[0].VpcId), "each scope has its own")
	subnets, err := e.client("111122223333", "eu-west-1").DescribeSubnets(ctx, &ec2.DescribeSubnetsInput{})
	require.NoError(t, err)
	require.Len(t, subnets.Subnets, 3)
	var zones []string
	for _, sn := range subnets.Subnets {
		zones = append(zones, aws.ToString(sn.AvailabilityZone))
	}
	require.ElementsMatch(t, []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}, zones)

	// Deleting the default VPC's parts and the VPC leaves the scope without one.
	for _, sn := range subnets.Subnets {
		_, err := e.client("111122223333", "eu-west-1").DeleteSubnet(ctx, &ec2.DeleteSubnetInput{SubnetId: sn.SubnetId})
		require.NoError(t, err)
	}
	_, err = e.client("111122223333", "eu-west-1").DeleteVpc(ctx, &ec2.DeleteVpcInput{VpcId: other.Vpcs[0].VpcId})
	require.NoError(t, err)
	_, err = e.client("111122223333", "eu-west-1").CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{
		GroupName: aws.String("web"), Description: aws.String("web")})
	requireCode(t, err, "VPCIdNotSpecified")
}

func TestCreateVpc(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	out, err := e.EC2.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.5/16"),
		TagSpecifications: []types.TagSpecification{{ResourceType: types.ResourceTypeVpc,
			Tags: []types.Tag{{Key: aws.String("Name"), Value: aws.String("main")}}}}})
	require.NoError(t, err)
	id := aws.ToString(out.Vpc.VpcId)
	require.Regexp(t, `^vpc-[0-9a-f]{17}$`, id)
	require.Equal(t, "10.0.0.0/16", aws.ToString(out.Vpc.CidrBlock), "stored in canonical form")
	require.False(t, aws.ToBool(out.Vpc.IsDefault))
	require.Equal(t, "main", aws.ToString(out.Vpc.Tags[0].Value))

	it := e.Items.Last("AWS::EC2::VPC", id)
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, map[string]string{"Name": "main"}, it.Tags)
	require.Equal(t, "arn:aws:ec2:us-east-1:123456789012:vpc/"+id, it.ARN)

	groups, err := e.EC2.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{Filters: []types.Filter{
		{Name: aws.String("vpc-id"), Values: []string{id}}}})
	require.NoError(t, err)
	require.Len(t, groups.SecurityGroups, 1, "a new VPC comes with its default group")
	require.Equal(t, "default", aws.ToString(groups.SecurityGroups[0].GroupName))

	tagged, err := e.EC2.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{Filters: []types.Filter{
		{Name: aws.String("tag:Name"), Values: []string{"ma*"}}}})
	require.NoError(t, err)
	require.Len(t, tagged.Vpcs, 1)
	require.Equal(t, id, aws.ToString(tagged.Vpcs[0].VpcId))
}

func TestCreateVpc_Errors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	cases := map[string]struct {
		in   *ec2.CreateVpcInput
		code string
	}{
		"NoCIDR":       {&ec2.CreateVpcInput{}, "MissingParameter"},
		"Malformed":    {&ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0")}, "InvalidParameterValue"},
		"NotAnAddress": {&ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.300/16")}, "InvalidParameterValue"},
		"IPv6":         {&ec2.CreateVpcInput{CidrBlock: aws.String("2001:db8::/56")}, "InvalidParameterValue"},
		"TooLarge":     {&ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/8")}, "InvalidVpc.Range"},
		"TooSmall":     {&ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/29")}, "InvalidVpc.Range"},
		"Tenancy":      {&ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/16"), InstanceTenancy: "host"}, "InvalidParameterValue"},
		"TagType": {&ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/16"), TagSpecifications: []types.TagSpecification{
			{ResourceType: types.ResourceTypeInstance, Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}}}},
			"InvalidParameterValue"},
		"ReservedTag": {&ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/16"), TagSpecifications: []types.TagSpecification{
			{ResourceType: types.ResourceTypeVpc, Tags: []types.Tag{{Key: aws.String("aws:x"), Value: aws.String("v")}}}}},
			"InvalidParameterValue"},
		"DryRun": {&ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/16"), DryRun: aws.Bool(true)}, "DryRunOperation"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.EC2.CreateVpc(ctx, tc.in)
			requireCode(t, err, tc.code)
		})
	}
	out, err := e.EC2.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{})
	require.NoError(t, err)
	require.Len(t, out.Vpcs, 1, "no failed call made a VPC")
}

func TestCreateVpc_Limit(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	for i := range 4 {
		_, err := e.EC2.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/16")})
		require.NoError(t, err, "VPC %d", i+2)
	}
	_, err := e.EC2.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/16")})
	requireCode(t, err, "VpcLimitExceeded")
}

func TestDeleteVpc(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.1.0.0/16")
	sn, err := e.EC2.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: aws.String(vpc), CidrBlock: aws.String("10.1.1.0/24")})
	require.NoError(t, err)
	_, err = e.EC2.DeleteVpc(ctx, &ec2.DeleteVpcInput{VpcId: aws.String(vpc)})
	requireCode(t, err, "DependencyViolation")

	_, err = e.EC2.DeleteSubnet(ctx, &ec2.DeleteSubnetInput{SubnetId: sn.Subnet.SubnetId})
	require.NoError(t, err)
	_, err = e.EC2.DeleteVpc(ctx, &ec2.DeleteVpcInput{VpcId: aws.String(vpc)})
	require.NoError(t, err)
	require.Equal(t, configitem.StatusResourceDeleted, e.Items.Last("AWS::EC2::VPC", vpc).Status)

	_, err = e.EC2.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{VpcIds: []string{vpc}})
	requireCode(t, err, "InvalidVpcID.NotFound")
	groups, err := e.EC2.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{Filters: []types.Filter{
		{Name: aws.String("vpc-id"), Values: []string{vpc}}}})
	require.NoError(t, err)
	require.Empty(t, groups.SecurityGroups, "the default group went with the VPC")

	_, err = e.EC2.DeleteVpc(ctx, &ec2.DeleteVpcInput{VpcId: aws.String("vpc-12345")})
	requireCode(t, err, "InvalidVpcID.Malformed")
	_, err = e.EC2.DeleteVpc(ctx, &ec2.DeleteVpcInput{VpcId: aws.String(vpc)})
	requireCode(t, err, "InvalidVpcID.NotFound")
}

func TestDescribeVpcs_FiltersAndPages(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	for range 3 {
		createVPC(t, e, "10.2.0.0/16")
	}
	out, err := e.EC2.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{Filters: []types.Filter{
		{Name: aws.String("is-default"), Values: []string{"false"}},
		{Name: aws.String("cidr"), Values: []string{"10.2.*"}}}})
	require.NoError(t, err)
	require.Len(t, out.Vpcs, 3)

	var seen []string
	p := ec2.NewDescribeVpcsPaginator(e.EC2, &ec2.DescribeVpcsInput{MaxResults: aws.Int32(5)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		require.NoError(t, err)
		for _, v := range page.Vpcs {
			seen = append(seen, aws.ToString(v.VpcId))
		}
	}
	require.Len(t, seen, 4)

	_, err = e.EC2.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{MaxResults: aws.Int32(2)})
	requireCode(t, err, "InvalidParameterValue")
	_, err = e.EC2.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{Filters: []types.Filter{{Name: aws.String("color"), Values: []string{"x"}}}})
	requireCode(t, err, "InvalidParameterValue")
	_, err = e.EC2.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{NextToken: aws.String("forged")})
	requireCode(t, err, "InvalidPaginationToken")
}

// createVPC makes a VPC and returns its id.
func createVPC(t *testing.T, e *env, cidr string) string {
	t.Helper()
	out, err := e.EC2.CreateVpc(context.Background(), &ec2.CreateVpcInput{CidrBlock: aws.String(cidr)})
	require.NoError(t, err)
	return aws.ToString(out.Vpc.VpcId)
}
