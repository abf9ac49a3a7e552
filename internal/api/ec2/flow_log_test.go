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

const deliverRole = "arn:aws:iam::123456789012:role/flow-logs"

func TestCreateFlowLogs(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.0.0.0/16")
	out, err := e.EC2.CreateFlowLogs(ctx, &ec2.CreateFlowLogsInput{ResourceType: types.FlowLogsResourceTypeVpc,
		ResourceIds: []string{vpc, "vpc-0123456789abcdef0", "subnet-0123456789abcdef0"}, TrafficType: types.TrafficTypeAll,
		LogGroupName: aws.String("vpc-logs"), DeliverLogsPermissionArn: aws.String(deliverRole),
		ClientToken: aws.String("token-1")})
	require.NoError(t, err)
	require.Len(t, out.FlowLogIds, 1)
	require.Equal(t, "token-1", aws.ToString(out.ClientToken))
	require.Len(t, out.Unsuccessful, 2)
	require.Equal(t, "vpc-0123456789abcdef0", aws.ToString(out.Unsuccessful[0].ResourceId))
	require.Equal(t, "InvalidVpcID.NotFound", aws.ToString(out.Unsuccessful[0].Error.Code))
	require.Equal(t, "InvalidVpcID.Malformed", aws.ToString(out.Unsuccessful[1].Error.Code))
	id := out.FlowLogIds[0]
	require.Regexp(t, `^fl-[0-9a-f]{17}$`, id)

	got, err := e.EC2.DescribeFlowLogs(ctx, &ec2.DescribeFlowLogsInput{FlowLogIds: []string{id}})
	require.NoError(t, err)
	require.Len(t, got.FlowLogs, 1)
	fl := got.FlowLogs[0]
	require.Equal(t, vpc, aws.ToString(fl.ResourceId))
	require.Equal(t, "vpc-logs", aws.ToString(fl.LogGroupName))
	require.Equal(t, "arn:aws:logs:us-east-1:123456789012:log-group:vpc-logs", aws.ToString(fl.LogDestination))
	require.Equal(t, types.LogDestinationTypeCloudWatchLogs, fl.LogDestinationType)
	require.Equal(t, "ACTIVE", aws.ToString(fl.FlowLogStatus))
	require.Equal(t, int32(600), aws.ToInt32(fl.MaxAggregationInterval))
	require.Equal(t, start, aws.ToTime(fl.CreationTime))

	it := e.Items.Last("AWS::EC2::FlowLog", id)
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, vpc, it.Configuration["resourceId"])
	require.Equal(t, "ALL", it.Configuration["trafficType"])
	require.Equal(t, "cloud-watch-logs", it.Configuration["logDestinationType"])

	again, err := e.EC2.CreateFlowLogs(ctx, &ec2.CreateFlowLogsInput{ResourceType: types.FlowLogsResourceTypeVpc,
		ResourceIds: []string{vpc}, TrafficType: types.TrafficTypeAll, LogGroupName: aws.String("vpc-logs"),
		DeliverLogsPermissionArn: aws.String(deliverRole)})
	require.NoError(t, err)
	require.Empty(t, again.FlowLogIds)
	require.Equal(t, "FlowLogAlreadyExists", aws.ToString(again.Unsuccessful[0].Error.Code))

	s3, err := e.EC2.CreateFlowLogs(ctx, &ec2.CreateFlowLogsInput{ResourceType: types.FlowLogsResourceTypeVpc,
		ResourceIds: []string{vpc}, TrafficType: types.TrafficTypeReject, LogDestinationType: types.LogDestinationTypeS3,
		LogDestination: aws.String("arn:aws:s3:::flow-bucket/logs/"), MaxAggregationInterval: aws.Int32(60)})
	require.NoError(t, err)
	require.Len(t, s3.FlowLogIds, 1)
	filtered, err := e.EC2.DescribeFlowLogs(ctx, &ec2.DescribeFlowLogsInput{Filter: []types.Filter{
		{Name: aws.String("resource-id"), Values: []string{vpc}}, {Name: aws.String("log-destination-type"), Values: []string{"s3"}}}})
	require.NoError(t, err)
	require.Len(t, filtered.FlowLogs, 1)
	require.Equal(t, s3.FlowLogIds[0], aws.ToString(filtered.FlowLogs[0].FlowLogId))

	_, err = e.EC2.DeleteFlowLogs(ctx, &ec2.DeleteFlowLogsInput{FlowLogIds: []string{id, "fl-0123456789abcdef0"}})
	requireCode(t, err, "InvalidFlowLogId.NotFound")
	_, err = e.EC2.DeleteFlowLogs(ctx, &ec2.DeleteFlowLogsInput{FlowLogIds: []string{id}})
	require.NoError(t, err)
	require.Equal(t, configitem.StatusResourceDeleted, e.Items.Last("AWS::EC2::FlowLog", id).Status)

	// A VPC's flow logs go with it.
	_, err = e.EC2.DeleteVpc(ctx, &ec2.DeleteVpcInput{VpcId: aws.String(vpc)})
	require.NoError(t, err)
	require.Equal(t, configitem.StatusResourceDeleted, e.Items.Last("AWS::EC2::FlowLog", s3.FlowLogIds[0]).Status)
	left, err := e.EC2.DescribeFlowLogs(ctx, &ec2.DescribeFlowLogsInput{})
	require.NoError(t, err)
	require.Empty(t, left.FlowLogs)
}

func TestCreateFlowLogs_SubnetsAndInterfaces(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	in := run(t, e, 1, nil)[0]
	eni := aws.ToString(in.NetworkInterfaces[0].NetworkInterfaceId)
	out, err := e.EC2.CreateFlowLogs(ctx, &ec2.CreateFlowLogsInput{ResourceType: types.FlowLogsResourceTypeNetworkInterface,
		ResourceIds: []string{eni, "eni-0123456789abcdef0"}, TrafficType: types.TrafficTypeAccept,
		LogDestination:           aws.String("arn:aws:logs:us-east-1:123456789012:log-group:eni-logs:*"),
		DeliverLogsPermissionArn: aws.String(deliverRole)})
	require.NoError(t, err)
	require.Len(t, out.FlowLogIds, 1)
	require.Equal(t, "InvalidNetworkInterfaceID.NotFound", aws.ToString(out.Unsuccessful[0].Error.Code))
	got, err := e.EC2.DescribeFlowLogs(ctx, &ec2.DescribeFlowLogsInput{})
	require.NoError(t, err)
	require.Equal(t, "eni-logs", aws.ToString(got.FlowLogs[0].LogGroupName))

	out, err = e.EC2.CreateFlowLogs(ctx, &ec2.CreateFlowLogsInput{ResourceType: types.FlowLogsResourceTypeSubnet,
		ResourceIds: []string{aws.ToString(in.SubnetId)}, TrafficType: types.TrafficTypeAll,
		LogDestinationType: types.LogDestinationTypeS3, LogDestination: aws.String("arn:aws:s3:::flow-bucket")})
	require.NoError(t, err)
	require.Len(t, out.FlowLogIds, 1)
}

func TestCreateFlowLogs_Errors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.0.0.0/16")
	base := func(tweak func(*ec2.CreateFlowLogsInput)) *ec2.CreateFlowLogsInput {
		in := &ec2.CreateFlowLogsInput{ResourceType: types.FlowLogsResourceTypeVpc, ResourceIds: []string{vpc},
			TrafficType: types.TrafficTypeAll, LogGroupName: aws.String("g"), DeliverLogsPermissionArn: aws.String(deliverRole)}
		tweak(in)
		return in
	}
	cases := map[string]struct {
		in   *ec2.CreateFlowLogsInput
		code string
	}{
		"NoTrafficType":  {base(func(in *ec2.CreateFlowLogsInput) { in.TrafficType = "" }), "InvalidParameter"},
		"TrafficType":    {base(func(in *ec2.CreateFlowLogsInput) { in.TrafficType = "SOME" }), "InvalidParameterValue"},
		"ResourceType":   {base(func(in *ec2.CreateFlowLogsInput) { in.ResourceType = "Bucket" }), "InvalidParameterValue"},
		"TransitGateway": {base(func(in *ec2.CreateFlowLogsInput) { in.ResourceType = types.FlowLogsResourceTypeTransitGateway }), "InvalidParameterValue"},
		"NoRole":         {base(func(in *ec2.CreateFlowLogsInput) { in.DeliverLogsPermissionArn = nil }), "InvalidParameter"},
		"NoDestination":  {base(func(in *ec2.CreateFlowLogsInput) { in.LogGroupName = nil }), "InvalidParameter"},
		"Both": {base(func(in *ec2.CreateFlowLogsInput) {
			in.LogDestination = aws.String("arn:aws:logs:us-east-1:123456789012:log-group:g")
		}), "InvalidParameterCombination"},
		"BadLogGroupARN": {base(func(in *ec2.CreateFlowLogsInput) {
			in.LogGroupName, in.LogDestination = nil, aws.String("arn:aws:s3:::bucket")
		}), "InvalidParameterValue"},
		"S3WithGroup": {base(func(in *ec2.CreateFlowLogsInput) {
			in.LogDestinationType, in.DeliverLogsPermissionArn = types.LogDestinationTypeS3, nil
		}), "InvalidParameter"},
		"S3WithoutBucket": {base(func(in *ec2.CreateFlowLogsInput) {
			in.LogDestinationType, in.DeliverLogsPermissionArn, in.LogGroupName = types.LogDestinationTypeS3, nil, nil
		}), "InvalidParameter"},
		"S3WithRole": {base(func(in *ec2.CreateFlowLogsInput) {
			in.LogDestinationType, in.LogGroupName = types.LogDestinationTypeS3, nil
			in.LogDestination = aws.String("arn:aws:s3:::bucket")
		}), "InvalidParameter"},
		"Interval": {base(func(in *ec2.CreateFlowLogsInput) { in.MaxAggregationInterval = aws.Int32(30) }), "InvalidParameter"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.EC2.CreateFlowLogs(ctx, tc.in)
			requireCode(t, err, tc.code)
		})
	}
}
