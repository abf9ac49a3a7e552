package ec2_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
)

// run launches count instances with the given tweaks and returns them.
func run(t *testing.T, e *env, count int32, tweak func(*ec2.RunInstancesInput)) []types.Instance {
	t.Helper()
	in := &ec2.RunInstancesInput{ImageId: aws.String("ami-0123456789abcdef0"), InstanceType: types.InstanceTypeT3Micro,
		MinCount: aws.Int32(count), MaxCount: aws.Int32(count)}
	if tweak != nil {
		tweak(in)
	}
	out, err := e.EC2.RunInstances(context.Background(), in)
	require.NoError(t, err)
	require.Len(t, out.Instances, int(count))
	return out.Instances
}

// describeInstance returns one instance.
func describeInstance(t *testing.T, e *env, id string) types.Instance {
	t.Helper()
	out, err := e.EC2.DescribeInstances(context.Background(), &ec2.DescribeInstancesInput{InstanceIds: []string{id}})
	require.NoError(t, err)
	require.Len(t, out.Reservations, 1)
	require.Len(t, out.Reservations[0].Instances, 1)
	return out.Reservations[0].Instances[0]
}

func TestRunInstances_DefaultVPC(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	launched := run(t, e, 2, func(in *ec2.RunInstancesInput) {
		in.TagSpecifications = []types.TagSpecification{
			{ResourceType: types.ResourceTypeInstance, Tags: []types.Tag{{Key: aws.String("Name"), Value: aws.String("web")}}},
			{ResourceType: types.ResourceTypeVolume, Tags: []types.Tag{{Key: aws.String("disk"), Value: aws.String("root")}}}}
	})
	first := launched[0]
	id := aws.ToString(first.InstanceId)
	require.Regexp(t, `^i-[0-9a-f]{17}$`, id)
	require.Equal(t, types.InstanceStateNamePending, first.State.Name, "the launch answers pending")
	require.Equal(t, int32(0), aws.ToInt32(first.State.Code))
	require.NotEqual(t, aws.ToString(first.PrivateIpAddress), aws.ToString(launched[1].PrivateIpAddress))
	require.Regexp(t, `^172\.31\.`, aws.ToString(first.PrivateIpAddress))
	require.NotEmpty(t, aws.ToString(first.PublicIpAddress), "default subnets map public addresses")
	require.Equal(t, "default", aws.ToString(first.SecurityGroups[0].GroupName))

	got := describeInstance(t, e, id)
	require.Equal(t, types.InstanceStateNameRunning, got.State.Name)
	require.Equal(t, int32(16), aws.ToInt32(got.State.Code))
	require.Equal(t, types.InstanceTypeT3Micro, got.InstanceType)
	require.Equal(t, start, aws.ToTime(got.LaunchTime))
	require.Equal(t, "web", aws.ToString(got.Tags[0].Value))
	require.Len(t, got.BlockDeviceMappings, 1)
	require.Equal(t, "/dev/xvda", aws.ToString(got.BlockDeviceMappings[0].DeviceName))
	require.Len(t, got.NetworkInterfaces, 1)
	require.Equal(t, aws.ToString(got.PublicIpAddress), aws.ToString(got.NetworkInterfaces[0].Association.PublicIp))
	require.Equal(t, types.HttpTokensStateOptional, got.MetadataOptions.HttpTokens)

	vol := aws.ToString(got.BlockDeviceMappings[0].Ebs.VolumeId)
	vols, err := e.EC2.DescribeVolumes(ctx, &ec2.DescribeVolumesInput{VolumeIds: []string{vol}})
	require.NoError(t, err)
	require.Equal(t, types.VolumeStateInUse, vols.Volumes[0].State)
	require.Equal(t, "root", aws.ToString(vols.Volumes[0].Tags[0].Value))
	require.Equal(t, id, aws.ToString(vols.Volumes[0].Attachments[0].InstanceId))

	it := e.Items.Last("AWS::EC2::Instance", id)
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, aws.ToString(got.Placement.AvailabilityZone), it.AvailabilityZone)
	require.Equal(t, map[string]any{"code": 16, "name": "running"}, it.Configuration["state"])
	require.Equal(t, aws.ToString(got.PublicIpAddress), it.Configuration["publicIpAddress"])
	require.Contains(t, it.Relationships, configitem.Relationship{ResourceType: "AWS::EC2::Volume", ResourceID: vol,
		Name: "Is attached to Volume"})
	require.Contains(t, it.Relationships, configitem.Relationship{ResourceType: "AWS::EC2::SecurityGroup",
		ResourceID: aws.ToString(got.SecurityGroups[0].GroupId), Name: "Is associated with SecurityGroup"})
	require.Equal(t, configitem.StatusResourceDiscovered, e.Items.Last("AWS::EC2::Volume", vol).Status)
}

func TestRunInstances_PublicAddress(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.0.0.0/16")
	sn, err := e.EC2.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: aws.String(vpc), CidrBlock: aws.String("10.0.1.0/24")})
	require.NoError(t, err)
	subnet := aws.ToString(sn.Subnet.SubnetId)
	private := run(t, e, 1, func(in *ec2.RunInstancesInput) { in.SubnetId = aws.String(subnet) })[0]
	require.Empty(t, aws.ToString(private.PublicIpAddress))
	require.Equal(t, "10.0.1.4", aws.ToString(private.PrivateIpAddress), "the first address AWS does not reserve")
	require.Equal(t, vpc, aws.ToString(private.VpcId))

	public := run(t, e, 1, func(in *ec2.RunInstancesInput) {
		in.NetworkInterfaces = []types.InstanceNetworkInterfaceSpecification{{DeviceIndex: aws.Int32(0),
			SubnetId: aws.String(subnet), AssociatePublicIpAddress: aws.Bool(true)}}
	})[0]
	require.NotEmpty(t, aws.ToString(public.PublicIpAddress))
	require.Equal(t, "10.0.1.5", aws.ToString(public.PrivateIpAddress))
	it := e.Items.Last("AWS::EC2::Instance", aws.ToString(private.InstanceId))
	require.NotContains(t, it.Configuration, "publicIpAddress")

	subnets, err := e.EC2.DescribeSubnets(ctx, &ec2.DescribeSubnetsInput{SubnetIds: []string{subnet}})
	require.NoError(t, err)
	require.Equal(t, int32(249), aws.ToInt32(subnets.Subnets[0].AvailableIpAddressCount))
}

func TestRunInstances_Errors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.0.0.0/16")
	otherGroup := createGroup(t, e, "other", vpc)
	cases := map[string]struct {
		tweak func(*ec2.RunInstancesInput)
		code  string
	}{
		"MalformedImage": {func(in *ec2.RunInstancesInput) { in.ImageId = aws.String("image-1") }, "InvalidAMIID.Malformed"},
		"NoImage":        {func(in *ec2.RunInstancesInput) { in.ImageId = nil }, "MissingParameter"},
		"Counts":         {func(in *ec2.RunInstancesInput) { in.MinCount = aws.Int32(3) }, "InvalidParameterValue"},
		"ZeroCount":      {func(in *ec2.RunInstancesInput) { in.MinCount, in.MaxCount = aws.Int32(0), aws.Int32(0) }, "InvalidParameterValue"},
		"TooMany":        {func(in *ec2.RunInstancesInput) { in.MinCount, in.MaxCount = aws.Int32(500), aws.Int32(500) }, "InstanceLimitExceeded"},
		"InstanceType":   {func(in *ec2.RunInstancesInput) { in.InstanceType = "huge" }, "InvalidParameterValue"},
		"UnknownSubnet":  {func(in *ec2.RunInstancesInput) { in.SubnetId = aws.String("subnet-0123456789abcdef0") }, "InvalidSubnetID.NotFound"},
		"UnknownGroup":   {func(in *ec2.RunInstancesInput) { in.SecurityGroupIds = []string{"sg-0123456789abcdef0"} }, "InvalidGroup.NotFound"},
		"OtherNetwork":   {func(in *ec2.RunInstancesInput) { in.SecurityGroupIds = []string{otherGroup} }, "InvalidParameter"},
		"GroupName":      {func(in *ec2.RunInstancesInput) { in.SecurityGroups = []string{"nope"} }, "InvalidGroup.NotFound"},
		"Zone": {func(in *ec2.RunInstancesInput) {
			in.Placement = &types.Placement{AvailabilityZone: aws.String("us-east-1z")}
		}, "InvalidAvailabilityZone"},
		"Both": {func(in *ec2.RunInstancesInput) {
			in.SubnetId = aws.String("subnet-0123456789abcdef0")
			in.NetworkInterfaces = []types.InstanceNetworkInterfaceSpecification{{DeviceIndex: aws.Int32(0)}}
		}, "InvalidParameterCombination"},
		"Tokens": {func(in *ec2.RunInstancesInput) {
			in.MetadataOptions = &types.InstanceMetadataOptionsRequest{HttpTokens: "sometimes"}
		}, "InvalidParameterValue"},
		"VolumeSize": {func(in *ec2.RunInstancesInput) {
			in.BlockDeviceMappings = []types.BlockDeviceMapping{{DeviceName: aws.String("/dev/sdf"),
				Ebs: &types.EbsBlockDevice{VolumeSize: aws.Int32(100000)}}}
		}, "InvalidParameterValue"},
		"TagType": {func(in *ec2.RunInstancesInput) {
			in.TagSpecifications = []types.TagSpecification{{ResourceType: types.ResourceTypeVpc,
				Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}}}
		}, "InvalidParameterValue"},
		"DryRun": {func(in *ec2.RunInstancesInput) { in.DryRun = aws.Bool(true) }, "DryRunOperation"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			in := &ec2.RunInstancesInput{ImageId: aws.String("ami-0123456789abcdef0"), MinCount: aws.Int32(1), MaxCount: aws.Int32(1)}
			tc.tweak(in)
			_, err := e.EC2.RunInstances(ctx, in)
			requireCode(t, err, tc.code)
		})
	}
	out, err := e.EC2.DescribeInstances(ctx, &ec2.DescribeInstancesInput{})
	require.NoError(t, err)
	require.Empty(t, out.Reservations, "no failed launch made an instance")
}

func TestInstanceStates(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	in := run(t, e, 1, func(in *ec2.RunInstancesInput) {
		in.BlockDeviceMappings = []types.BlockDeviceMapping{{DeviceName: aws.String("/dev/sdf"),
			Ebs: &types.EbsBlockDevice{VolumeSize: aws.Int32(20), DeleteOnTermination: aws.Bool(false)}}}
	})[0]
	id := aws.ToString(in.InstanceId)
	ids := []string{id}

	stop, err := e.EC2.StopInstances(ctx, &ec2.StopInstancesInput{InstanceIds: ids})
	require.NoError(t, err)
	requireChange(t, stop.StoppingInstances, types.InstanceStateNameRunning, types.InstanceStateNameStopping)
	got := describeInstance(t, e, id)
	require.Equal(t, types.InstanceStateNameStopped, got.State.Name, "the stop completes at once")
	require.Equal(t, "Client.UserInitiatedShutdown", aws.ToString(got.StateReason.Code))
	require.Equal(t, "User initiated (2026-11-01 12:00:00 GMT)", aws.ToString(got.StateTransitionReason))
	require.Empty(t, aws.ToString(got.PublicIpAddress), "a stopped instance has no public address")
	require.Equal(t, "stopped", e.Items.Last("AWS::EC2::Instance", id).Configuration["state"].(map[string]any)["name"])

	stop, err = e.EC2.StopInstances(ctx, &ec2.StopInstancesInput{InstanceIds: ids})
	require.NoError(t, err)
	requireChange(t, stop.StoppingInstances, types.InstanceStateNameStopped, types.InstanceStateNameStopped)

	started, err := e.EC2.StartInstances(ctx, &ec2.StartInstancesInput{InstanceIds: ids})
	require.NoError(t, err)
	requireChange(t, started.StartingInstances, types.InstanceStateNameStopped, types.InstanceStateNamePending)
	got = describeInstance(t, e, id)
	require.Equal(t, types.InstanceStateNameRunning, got.State.Name)
	require.NotEmpty(t, aws.ToString(got.PublicIpAddress), "a new public address on start")
	root := aws.ToString(got.BlockDeviceMappings[0].Ebs.VolumeId)
	data := aws.ToString(got.BlockDeviceMappings[1].Ebs.VolumeId)

	term, err := e.EC2.TerminateInstances(ctx, &ec2.TerminateInstancesInput{InstanceIds: ids})
	require.NoError(t, err)
	requireChange(t, term.TerminatingInstances, types.InstanceStateNameRunning, types.InstanceStateNameShuttingDown)
	require.Equal(t, types.InstanceStateNameTerminated, describeInstance(t, e, id).State.Name)
	require.Equal(t, configitem.StatusResourceDeleted, e.Items.Last("AWS::EC2::Instance", id).Status)
	require.Equal(t, configitem.StatusResourceDeleted, e.Items.Last("AWS::EC2::Volume", root).Status, "DeleteOnTermination")
	vols, err := e.EC2.DescribeVolumes(ctx, &ec2.DescribeVolumesInput{VolumeIds: []string{data}})
	require.NoError(t, err)
	require.Equal(t, types.VolumeStateAvailable, vols.Volumes[0].State, "kept and detached")

	_, err = e.EC2.CreateTags(ctx, &ec2.CreateTagsInput{Resources: ids, Tags: []types.Tag{tag("after", "end")}})
	require.NoError(t, err)
	require.Equal(t, configitem.StatusResourceDeleted, e.Items.Last("AWS::EC2::Instance", id).Status,
		"tagging a terminated instance records nothing after its deletion")
	_, err = e.EC2.StartInstances(ctx, &ec2.StartInstancesInput{InstanceIds: ids})
	requireCode(t, err, "IncorrectInstanceState")
	_, err = e.EC2.StopInstances(ctx, &ec2.StopInstancesInput{InstanceIds: ids})
	requireCode(t, err, "IncorrectInstanceState")
	term, err = e.EC2.TerminateInstances(ctx, &ec2.TerminateInstancesInput{InstanceIds: ids})
	require.NoError(t, err)
	requireChange(t, term.TerminatingInstances, types.InstanceStateNameTerminated, types.InstanceStateNameTerminated)

	e.Clock.Advance(time.Hour)
	_, err = e.EC2.DescribeInstances(ctx, &ec2.DescribeInstancesInput{InstanceIds: ids})
	requireCode(t, err, "InvalidInstanceID.NotFound")
	all, err := e.EC2.DescribeInstances(ctx, &ec2.DescribeInstancesInput{})
	require.NoError(t, err)
	require.Empty(t, all.Reservations, "terminated instances are listed for an hour")
}

func requireChange(t *testing.T, changes []types.InstanceStateChange, prev, cur types.InstanceStateName) {
	t.Helper()
	require.Len(t, changes, 1)
	require.Equal(t, prev, changes[0].PreviousState.Name)
	require.Equal(t, cur, changes[0].CurrentState.Name)
}

func TestInstanceStates_Errors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	id := aws.ToString(run(t, e, 1, nil)[0].InstanceId)
	_, err := e.EC2.StopInstances(ctx, &ec2.StopInstancesInput{InstanceIds: []string{id, "i-0123456789abcdef0"}})
	requireCode(t, err, "InvalidInstanceID.NotFound")
	require.Equal(t, types.InstanceStateNameRunning, describeInstance(t, e, id).State.Name, "one unknown id stops nothing")
	_, err = e.EC2.TerminateInstances(ctx, &ec2.TerminateInstancesInput{InstanceIds: []string{"instance-1"}})
	requireCode(t, err, "InvalidInstanceID.Malformed")
	_, err = e.EC2.DescribeInstances(ctx, &ec2.DescribeInstancesInput{InstanceIds: []string{id}, MaxResults: aws.Int32(5)})
	requireCode(t, err, "InvalidParameterCombination")
}

func TestDescribeInstances_FiltersAndPages(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.0.0.0/16")
	sn, err := e.EC2.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: aws.String(vpc), CidrBlock: aws.String("10.0.1.0/24")})
	require.NoError(t, err)
	web := run(t, e, 3, func(in *ec2.RunInstancesInput) {
		in.TagSpecifications = []types.TagSpecification{{ResourceType: types.ResourceTypeInstance,
			Tags: []types.Tag{{Key: aws.String("role"), Value: aws.String("web")}}}}
	})
	e.Clock.Advance(time.Minute)
	db := run(t, e, 1, func(in *ec2.RunInstancesInput) { in.SubnetId = sn.Subnet.SubnetId })[0]
	_, err = e.EC2.StopInstances(ctx, &ec2.StopInstancesInput{InstanceIds: []string{aws.ToString(web[0].InstanceId)}})
	require.NoError(t, err)

	count := func(filters ...types.Filter) int {
		out, err := e.EC2.DescribeInstances(ctx, &ec2.DescribeInstancesInput{Filters: filters})
		require.NoError(t, err)
		n := 0
		for _, r := range out.Reservations {
			n += len(r.Instances)
		}
		return n
	}
	f := func(name string, values ...string) types.Filter {
		return types.Filter{Name: aws.String(name), Values: values}
	}
	require.Equal(t, 4, count())
	require.Equal(t, 3, count(f("tag:role", "web")))
	require.Equal(t, 1, count(f("instance-state-name", "stopped")))
	require.Equal(t, 2, count(f("instance-state-name", "running"), f("tag-key", "role")))
	require.Equal(t, 1, count(f("vpc-id", vpc)))
	require.Equal(t, 1, count(f("instance-id", aws.ToString(db.InstanceId))))
	_, err = e.EC2.DescribeInstances(ctx, &ec2.DescribeInstancesInput{Filters: []types.Filter{f("flavour", "x")}})
	requireCode(t, err, "InvalidParameterValue")

	out, err := e.EC2.DescribeInstances(ctx, &ec2.DescribeInstancesInput{})
	require.NoError(t, err)
	require.Len(t, out.Reservations, 2, "one reservation per launch")
	require.Len(t, out.Reservations[0].Instances, 3)

	var ids []string
	p := ec2.NewDescribeInstancesPaginator(e.EC2, &ec2.DescribeInstancesInput{MaxResults: aws.Int32(5)})
	pages := 0
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		require.NoError(t, err)
		pages++
		for _, r := range page.Reservations {
			for _, in := range r.Instances {
				ids = append(ids, aws.ToString(in.InstanceId))
			}
		}
	}
	require.Len(t, ids, 4)
	require.Equal(t, aws.ToString(db.InstanceId), ids[3], "launch order")
}

func TestDescribeInstanceStatus(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	launched := run(t, e, 2, nil)
	stopped := aws.ToString(launched[1].InstanceId)
	_, err := e.EC2.StopInstances(ctx, &ec2.StopInstancesInput{InstanceIds: []string{stopped}})
	require.NoError(t, err)

	out, err := e.EC2.DescribeInstanceStatus(ctx, &ec2.DescribeInstanceStatusInput{})
	require.NoError(t, err)
	require.Len(t, out.InstanceStatuses, 1, "running instances only")
	s := out.InstanceStatuses[0]
	require.Equal(t, types.SummaryStatusOk, s.InstanceStatus.Status)
	require.Equal(t, types.SummaryStatusOk, s.SystemStatus.Status)
	require.Equal(t, types.StatusNameReachability, s.InstanceStatus.Details[0].Name)

	out, err = e.EC2.DescribeInstanceStatus(ctx, &ec2.DescribeInstanceStatusInput{InstanceIds: []string{stopped},
		IncludeAllInstances: aws.Bool(true)})
	require.NoError(t, err)
	require.Len(t, out.InstanceStatuses, 1)
	require.Equal(t, types.InstanceStateNameStopped, out.InstanceStatuses[0].InstanceState.Name)
	require.Equal(t, types.SummaryStatusNotApplicable, out.InstanceStatuses[0].InstanceStatus.Status)

	out, err = e.EC2.DescribeInstanceStatus(ctx, &ec2.DescribeInstanceStatusInput{IncludeAllInstances: aws.Bool(true),
		Filters: []types.Filter{{Name: aws.String("instance-state-name"), Values: []string{"running"}}}})
	require.NoError(t, err)
	require.Len(t, out.InstanceStatuses, 1)
	_, err = e.EC2.DescribeInstanceStatus(ctx, &ec2.DescribeInstanceStatusInput{InstanceIds: []string{"i-0123456789abcdef0"}})
	requireCode(t, err, "InvalidInstanceID.NotFound")
}

func TestInstances_HoldTheirGroupAndSubnet(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.0.0.0/16")
	sn, err := e.EC2.CreateSubnet(ctx, &ec2.CreateSubnetInput{VpcId: aws.String(vpc), CidrBlock: aws.String("10.0.1.0/24")})
	require.NoError(t, err)
	g := createGroup(t, e, "app", vpc)
	id := aws.ToString(run(t, e, 1, func(in *ec2.RunInstancesInput) {
		in.SubnetId, in.SecurityGroupIds = sn.Subnet.SubnetId, []string{g}
	})[0].InstanceId)
	_, err = e.EC2.DeleteSecurityGroup(ctx, &ec2.DeleteSecurityGroupInput{GroupId: aws.String(g)})
	requireCode(t, err, "DependencyViolation")
	_, err = e.EC2.DeleteSubnet(ctx, &ec2.DeleteSubnetInput{SubnetId: sn.Subnet.SubnetId})
	requireCode(t, err, "DependencyViolation")
	_, err = e.EC2.TerminateInstances(ctx, &ec2.TerminateInstancesInput{InstanceIds: []string{id}})
	require.NoError(t, err)
	_, err = e.EC2.DeleteSecurityGroup(ctx, &ec2.DeleteSecurityGroupInput{GroupId: aws.String(g)})
	require.NoError(t, err)
	_, err = e.EC2.DeleteSubnet(ctx, &ec2.DeleteSubnetInput{SubnetId: sn.Subnet.SubnetId})
	require.NoError(t, err)
}

func TestModifyInstanceMetadataOptions(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	id := aws.ToString(run(t, e, 1, nil)[0].InstanceId)
	out, err := e.EC2.ModifyInstanceMetadataOptions(ctx, &ec2.ModifyInstanceMetadataOptionsInput{InstanceId: aws.String(id),
		HttpTokens: types.HttpTokensStateRequired, HttpPutResponseHopLimit: aws.Int32(2)})
	require.NoError(t, err)
	require.Equal(t, types.InstanceMetadataOptionsStatePending, out.InstanceMetadataOptions.State)
	require.Equal(t, types.HttpTokensStateRequired, out.InstanceMetadataOptions.HttpTokens)
	got := describeInstance(t, e, id)
	require.Equal(t, types.HttpTokensStateRequired, got.MetadataOptions.HttpTokens)
	require.Equal(t, int32(2), aws.ToInt32(got.MetadataOptions.HttpPutResponseHopLimit))
	require.Equal(t, types.InstanceMetadataEndpointStateEnabled, got.MetadataOptions.HttpEndpoint, "unchanged")
	it := e.Items.Last("AWS::EC2::Instance", id)
	require.Equal(t, "required", it.Configuration["metadataOptions"].(map[string]any)["httpTokens"])

	_, err = e.EC2.ModifyInstanceMetadataOptions(ctx, &ec2.ModifyInstanceMetadataOptionsInput{InstanceId: aws.String(id),
		HttpPutResponseHopLimit: aws.Int32(65)})
	requireCode(t, err, "InvalidParameterValue")
	_, err = e.EC2.ModifyInstanceMetadataOptions(ctx, &ec2.ModifyInstanceMetadataOptionsInput{InstanceId: aws.String(id),
		HttpTokens: "always"})
	requireCode(t, err, "InvalidParameterValue")
	_, err = e.EC2.ModifyInstanceMetadataOptions(ctx, &ec2.ModifyInstanceMetadataOptionsInput{
		InstanceId: aws.String("i-0123456789abcdef0"), HttpTokens: types.HttpTokensStateRequired})
	requireCode(t, err, "InvalidInstanceID.NotFound")
}

func TestDescribeAvailabilityZones(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	out, err := e.client("123456789012", "eu-central-1").DescribeAvailabilityZones(ctx, &ec2.DescribeAvailabilityZonesInput{})
	require.NoError(t, err)
	require.Len(t, out.AvailabilityZones, 3)
	require.Equal(t, "eu-central-1a", aws.ToString(out.AvailabilityZones[0].ZoneName))
	require.Equal(t, "euc1-az1", aws.ToString(out.AvailabilityZones[0].ZoneId))
	require.Equal(t, types.AvailabilityZoneStateAvailable, out.AvailabilityZones[0].State)
	out, err = e.EC2.DescribeAvailabilityZones(ctx, &ec2.DescribeAvailabilityZonesInput{Filters: []types.Filter{
		{Name: aws.String("zone-id"), Values: []string{"use1-az6"}}}})
	require.NoError(t, err)
	require.Equal(t, "us-east-1f", aws.ToString(out.AvailabilityZones[0].ZoneName))
	_, err = e.EC2.DescribeAvailabilityZones(ctx, &ec2.DescribeAvailabilityZonesInput{ZoneNames: []string{"us-east-1z"}})
	requireCode(t, err, "InvalidParameterValue")
}
