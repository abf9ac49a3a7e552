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

func TestCreateVolume(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	plain, err := e.EC2.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("us-east-1a"), Size: aws.Int32(10)})
	require.NoError(t, err)
	require.Regexp(t, `^vol-[0-9a-f]{17}$`, aws.ToString(plain.VolumeId))
	require.Equal(t, types.VolumeTypeGp2, plain.VolumeType)
	require.Equal(t, int32(100), aws.ToInt32(plain.Iops))
	require.False(t, aws.ToBool(plain.Encrypted))
	require.Equal(t, types.VolumeStateAvailable, plain.State)
	require.Equal(t, start, aws.ToTime(plain.CreateTime))

	it := e.Items.Last("AWS::EC2::Volume", aws.ToString(plain.VolumeId))
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, "us-east-1a", it.AvailabilityZone)
	require.Equal(t, false, it.Configuration["encrypted"])
	require.Equal(t, 10, it.Configuration["size"])
	require.NotContains(t, it.Configuration, "kmsKeyId")

	keyed, err := e.EC2.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("us-east-1a"), Size: aws.Int32(10),
		VolumeType: types.VolumeTypeGp3, Encrypted: aws.Bool(true), KmsKeyId: aws.String("1234abcd-12ab-34cd-56ef-1234567890ab")})
	require.NoError(t, err)
	require.Equal(t, "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", aws.ToString(keyed.KmsKeyId))
	require.Equal(t, int32(3000), aws.ToInt32(keyed.Iops))
	require.Equal(t, int32(125), aws.ToInt32(keyed.Throughput))

	get, err := e.EC2.GetEbsEncryptionByDefault(ctx, &ec2.GetEbsEncryptionByDefaultInput{})
	require.NoError(t, err)
	require.False(t, aws.ToBool(get.EbsEncryptionByDefault))
	on, err := e.EC2.EnableEbsEncryptionByDefault(ctx, &ec2.EnableEbsEncryptionByDefaultInput{})
	require.NoError(t, err)
	require.True(t, aws.ToBool(on.EbsEncryptionByDefault))
	byDefault, err := e.EC2.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("us-east-1b"), Size: aws.Int32(1),
		Encrypted: aws.Bool(false)})
	require.NoError(t, err)
	require.True(t, aws.ToBool(byDefault.Encrypted), "encryption by default wins over Encrypted=false")
	require.Regexp(t, `^arn:aws:kms:us-east-1:123456789012:key/[0-9a-f-]{36}$`, aws.ToString(byDefault.KmsKeyId))
	require.Equal(t, aws.ToString(byDefault.KmsKeyId), e.Items.Last("AWS::EC2::Volume", aws.ToString(byDefault.VolumeId)).Configuration["kmsKeyId"])

	launched := run(t, e, 1, nil)[0]
	root := describeInstance(t, e, aws.ToString(launched.InstanceId)).BlockDeviceMappings[0].Ebs.VolumeId
	vols, err := e.EC2.DescribeVolumes(ctx, &ec2.DescribeVolumesInput{VolumeIds: []string{aws.ToString(root)}})
	require.NoError(t, err)
	require.True(t, aws.ToBool(vols.Volumes[0].Encrypted), "root volumes follow the default too")

	off, err := e.EC2.DisableEbsEncryptionByDefault(ctx, &ec2.DisableEbsEncryptionByDefaultInput{})
	require.NoError(t, err)
	require.False(t, aws.ToBool(off.EbsEncryptionByDefault))
	encrypted, err := e.EC2.DescribeVolumes(ctx, &ec2.DescribeVolumesInput{Filters: []types.Filter{
		{Name: aws.String("encrypted"), Values: []string{"true"}}}})
	require.NoError(t, err)
	require.Len(t, encrypted.Volumes, 3)
}

func TestCreateVolume_Errors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	zone := aws.String("us-east-1a")
	cases := map[string]struct {
		in   *ec2.CreateVolumeInput
		code string
	}{
		"NoZone":        {&ec2.CreateVolumeInput{Size: aws.Int32(1)}, "MissingParameter"},
		"BadZone":       {&ec2.CreateVolumeInput{AvailabilityZone: aws.String("us-east-1z"), Size: aws.Int32(1)}, "InvalidZone.NotFound"},
		"NoSize":        {&ec2.CreateVolumeInput{AvailabilityZone: zone}, "MissingParameter"},
		"TooLarge":      {&ec2.CreateVolumeInput{AvailabilityZone: zone, Size: aws.Int32(20000)}, "InvalidParameterValue"},
		"TooSmall":      {&ec2.CreateVolumeInput{AvailabilityZone: zone, Size: aws.Int32(10), VolumeType: types.VolumeTypeSt1}, "InvalidParameterValue"},
		"Type":          {&ec2.CreateVolumeInput{AvailabilityZone: zone, Size: aws.Int32(10), VolumeType: "gp9"}, "InvalidParameterValue"},
		"IopsOnGp2":     {&ec2.CreateVolumeInput{AvailabilityZone: zone, Size: aws.Int32(10), Iops: aws.Int32(3000)}, "InvalidParameterCombination"},
		"IopsForIo1":    {&ec2.CreateVolumeInput{AvailabilityZone: zone, Size: aws.Int32(10), VolumeType: types.VolumeTypeIo1}, "MissingParameter"},
		"Throughput":    {&ec2.CreateVolumeInput{AvailabilityZone: zone, Size: aws.Int32(10), Throughput: aws.Int32(500)}, "InvalidParameterCombination"},
		"KeyWithoutEnc": {&ec2.CreateVolumeInput{AvailabilityZone: zone, Size: aws.Int32(10), KmsKeyId: aws.String("alias/x")}, "InvalidParameterDependency"},
		"Snapshot":      {&ec2.CreateVolumeInput{AvailabilityZone: zone, SnapshotId: aws.String("snap-0123456789abcdef0")}, "InvalidSnapshot.NotFound"},
		"MultiAttach":   {&ec2.CreateVolumeInput{AvailabilityZone: zone, Size: aws.Int32(10), MultiAttachEnabled: aws.Bool(true)}, "InvalidParameterCombination"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.EC2.CreateVolume(ctx, tc.in)
			requireCode(t, err, tc.code)
		})
	}
}

func TestAttachDetachVolume(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	in := run(t, e, 1, func(in *ec2.RunInstancesInput) {
		in.Placement = &types.Placement{AvailabilityZone: aws.String("us-east-1c")}
	})[0]
	id := aws.ToString(in.InstanceId)
	require.Equal(t, "us-east-1c", aws.ToString(in.Placement.AvailabilityZone))
	vol, err := e.EC2.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("us-east-1c"), Size: aws.Int32(5)})
	require.NoError(t, err)
	vid := aws.ToString(vol.VolumeId)
	elsewhere, err := e.EC2.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("us-east-1a"), Size: aws.Int32(5)})
	require.NoError(t, err)
	spare, err := e.EC2.CreateVolume(ctx, &ec2.CreateVolumeInput{AvailabilityZone: aws.String("us-east-1c"), Size: aws.Int32(5)})
	require.NoError(t, err)

	att, err := e.EC2.AttachVolume(ctx, &ec2.AttachVolumeInput{VolumeId: aws.String(vid), InstanceId: aws.String(id), Device: aws.String("/dev/sdf")})
	require.NoError(t, err)
	require.Equal(t, types.VolumeAttachmentStateAttaching, att.State)
	vols, err := e.EC2.DescribeVolumes(ctx, &ec2.DescribeVolumesInput{Filters: []types.Filter{
		{Name: aws.String("attachment.instance-id"), Values: []string{id}}}})
	require.NoError(t, err)
	require.Len(t, vols.Volumes, 2, "the root volume and the new one")
	require.Len(t, describeInstance(t, e, id).BlockDeviceMappings, 2)
	vit := e.Items.Last("AWS::EC2::Volume", vid)
	require.Equal(t, "in-use", vit.Configuration["state"])
	require.Equal(t, id, vit.Configuration["attachments"].([]any)[0].(map[string]any)["instanceId"])
	iit := e.Items.Last("AWS::EC2::Instance", id)
	require.Equal(t, configitem.StatusOK, iit.Status)
	require.Contains(t, iit.Relationships, configitem.Relationship{ResourceType: "AWS::EC2::Volume", ResourceID: vid, Name: "Is attached to Volume"})

	attachErrors := map[string]struct {
		vol, dev, code string
	}{
		"InUse":      {vid, "/dev/sdg", "VolumeInUse"},
		"Zone":       {aws.ToString(elsewhere.VolumeId), "/dev/sdg", "InvalidVolume.ZoneMismatch"},
		"DeviceUsed": {aws.ToString(spare.VolumeId), "/dev/xvda", "InvalidParameterValue"},
		"BadDevice":  {aws.ToString(spare.VolumeId), "sdg", "InvalidParameterValue"},
		"NoVolume":   {"vol-0123456789abcdef0", "/dev/sdg", "InvalidVolume.NotFound"},
		"Malformed":  {"volume-1", "/dev/sdg", "InvalidVolumeID.Malformed"},
	}
	for name, tc := range attachErrors {
		t.Run(name, func(t *testing.T) {
			_, err := e.EC2.AttachVolume(ctx, &ec2.AttachVolumeInput{VolumeId: aws.String(tc.vol), InstanceId: aws.String(id), Device: aws.String(tc.dev)})
			requireCode(t, err, tc.code)
		})
	}
	_, err = e.EC2.DeleteVolume(ctx, &ec2.DeleteVolumeInput{VolumeId: aws.String(vid)})
	requireCode(t, err, "VolumeInUse")
	root := describeInstance(t, e, id).BlockDeviceMappings[0].Ebs.VolumeId
	_, err = e.EC2.DetachVolume(ctx, &ec2.DetachVolumeInput{VolumeId: root})
	requireCode(t, err, "IncorrectState")

	det, err := e.EC2.DetachVolume(ctx, &ec2.DetachVolumeInput{VolumeId: aws.String(vid), InstanceId: aws.String(id)})
	require.NoError(t, err)
	require.Equal(t, types.VolumeAttachmentStateDetaching, det.State)
	_, err = e.EC2.DetachVolume(ctx, &ec2.DetachVolumeInput{VolumeId: aws.String(vid)})
	requireCode(t, err, "IncorrectState")
	_, err = e.EC2.DeleteVolume(ctx, &ec2.DeleteVolumeInput{VolumeId: aws.String(vid)})
	require.NoError(t, err)
	require.Equal(t, configitem.StatusResourceDeleted, e.Items.Last("AWS::EC2::Volume", vid).Status)
	_, err = e.EC2.DeleteVolume(ctx, &ec2.DeleteVolumeInput{VolumeId: aws.String(vid)})
	requireCode(t, err, "InvalidVolume.NotFound")
}
