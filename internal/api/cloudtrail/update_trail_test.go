package cloudtrail_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
)

func TestUpdateTrail_ChangesAndRecords(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := aws.ToString(createTrail(t, e.ct, "main", func(in *sdk.CreateTrailInput) {
		in.SnsTopicName = aws.String(topic)
		in.S3KeyPrefix = aws.String("before")
	}).TrailARN)
	e.clock.Advance(time.Minute)

	out, err := e.ct.UpdateTrail(ctx, &sdk.UpdateTrailInput{Name: aws.String("main"),
		S3BucketName: aws.String("other-bucket"), S3KeyPrefix: aws.String(""), SnsTopicName: aws.String(""),
		EnableLogFileValidation: aws.Bool(true), IsMultiRegionTrail: aws.Bool(true), KmsKeyId: aws.String("alias/trail-key")})
	require.NoError(t, err)
	require.Equal(t, "other-bucket", aws.ToString(out.S3BucketName))
	require.Nil(t, out.S3KeyPrefix, "an empty prefix removes it")
	require.Nil(t, out.SnsTopicARN, "an empty topic removes it")
	require.True(t, aws.ToBool(out.LogFileValidationEnabled))
	require.True(t, aws.ToBool(out.IsMultiRegionTrail))
	require.True(t, aws.ToBool(out.IncludeGlobalServiceEvents), "untouched settings stay")
	require.Equal(t, "arn:aws:kms:us-east-1:"+account+":alias/trail-key", aws.ToString(out.KmsKeyId))

	it := e.sink.Last("AWS::CloudTrail::Trail", arn)
	require.Equal(t, configitem.StatusOK, it.Status)
	require.Equal(t, start.Add(time.Minute), it.CaptureTime)
	require.Equal(t, start, it.ResourceCreationTime)
	require.Equal(t, "other-bucket", it.Configuration["s3BucketName"])
	require.Nil(t, it.Configuration["snsTopicARN"])
	require.Equal(t, true, it.Configuration["isMultiRegionTrail"])
	require.Equal(t, 2, e.sink.ChangedCalls())

	// An update that changes nothing records nothing.
	_, err = e.ct.UpdateTrail(ctx, &sdk.UpdateTrailInput{Name: aws.String(arn), S3BucketName: aws.String("other-bucket")})
	require.NoError(t, err)
	require.Len(t, e.sink.Items(), 2)
	require.Equal(t, 2, e.sink.ChangedCalls())

	// The trail is now seen from every region.
	got, err := e.client(account, "ap-south-1").GetTrail(ctx, &sdk.GetTrailInput{Name: aws.String(arn)})
	require.NoError(t, err)
	require.Equal(t, "main", aws.ToString(got.Trail.Name))
}

func TestUpdateTrail_Errors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	createTrail(t, e.ct, "main")
	createTrail(t, e.ct, "global", multiRegion)
	createTrail(t, e.client(account, "us-west-2"), "west")
	cases := map[string]struct {
		in   *sdk.UpdateTrailInput
		code string
	}{
		"Unknown":       {&sdk.UpdateTrailInput{Name: aws.String("missing")}, "TrailNotFoundException"},
		"BadName":       {&sdk.UpdateTrailInput{Name: aws.String("a")}, "InvalidTrailNameException"},
		"BucketMissing": {&sdk.UpdateTrailInput{Name: aws.String("main"), S3BucketName: aws.String("missing-bucket")}, "S3BucketDoesNotExistException"},
		"BucketEmpty":   {&sdk.UpdateTrailInput{Name: aws.String("main"), S3BucketName: aws.String("")}, "InvalidS3BucketNameException"},
		"DropGlobalEventsOfMultiRegion": {&sdk.UpdateTrailInput{Name: aws.String("global"),
			IncludeGlobalServiceEvents: aws.Bool(false)}, "InvalidParameterCombinationException"},
		"RoleWithoutGroup": {&sdk.UpdateTrailInput{Name: aws.String("main"),
			CloudWatchLogsRoleArn: aws.String("arn:aws:iam::" + account + ":role/r")}, "InvalidCloudWatchLogsLogGroupArnException"},
		"OrganizationTrail": {&sdk.UpdateTrailInput{Name: aws.String("main"), IsOrganizationTrail: aws.Bool(true)}, "OrganizationsNotInUseException"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.ct.UpdateTrail(ctx, tc.in)
			requireCode(t, err, tc.code)
		})
	}

	// A single-region trail named like another region's trail cannot
	// become multi-region.
	eu := e.client(account, "eu-west-1")
	createTrail(t, eu, "main")
	_, err := eu.UpdateTrail(ctx, &sdk.UpdateTrailInput{Name: aws.String("main"), IsMultiRegionTrail: aws.Bool(true)})
	requireCode(t, err, "TrailAlreadyExistsException")

	// Multi-region and back: the shadows go away.
	_, err = e.ct.UpdateTrail(ctx, &sdk.UpdateTrailInput{Name: aws.String("global"), IsMultiRegionTrail: aws.Bool(false)})
	require.NoError(t, err)
	west, err := e.client(account, "us-west-2").DescribeTrails(ctx, &sdk.DescribeTrailsInput{})
	require.NoError(t, err)
	require.Equal(t, []string{"us-west-2/west"}, trailNames(west.TrailList))
}

func TestDeleteTrail(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := aws.ToString(createTrail(t, e.ct, "doomed", multiRegion).TrailARN)
	e.clock.Advance(time.Second)

	_, err := e.ct.DeleteTrail(ctx, &sdk.DeleteTrailInput{Name: aws.String(arn)})
	require.NoError(t, err)
	it := e.sink.Last("AWS::CloudTrail::Trail", arn)
	require.Equal(t, configitem.StatusResourceDeleted, it.Status)
	require.Nil(t, it.Configuration)
	require.Equal(t, start.Add(time.Second), it.CaptureTime)
	require.Equal(t, 2, e.sink.ChangedCalls())

	_, err = e.ct.GetTrail(ctx, &sdk.GetTrailInput{Name: aws.String("doomed")})
	requireCode(t, err, "TrailNotFoundException")
	shadows, err := e.client(account, "eu-west-1").DescribeTrails(ctx, &sdk.DescribeTrailsInput{})
	require.NoError(t, err)
	require.Empty(t, shadows.TrailList, "deleting a multi-region trail removes its shadows")
	list, err := e.ct.ListTrails(ctx, &sdk.ListTrailsInput{})
	require.NoError(t, err)
	require.Empty(t, list.Trails)

	_, err = e.ct.DeleteTrail(ctx, &sdk.DeleteTrailInput{Name: aws.String("doomed")})
	requireCode(t, err, "TrailNotFoundException")
	createTrail(t, e.ct, "doomed") // the name is free again
	require.Equal(t, configitem.StatusResourceDiscovered, e.sink.Last("AWS::CloudTrail::Trail", arn).Status)
}
