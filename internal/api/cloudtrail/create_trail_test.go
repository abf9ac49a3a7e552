package cloudtrail_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
)

func TestCreateTrail_Defaults(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	out := createTrail(t, e.ct, "main")
	arn := arnOf("us-east-1", account, "main")
	require.Equal(t, arn, aws.ToString(out.TrailARN))
	require.Equal(t, bucket, aws.ToString(out.S3BucketName))
	require.True(t, aws.ToBool(out.IncludeGlobalServiceEvents), "global service events default to on")
	require.False(t, aws.ToBool(out.IsMultiRegionTrail))
	require.False(t, aws.ToBool(out.LogFileValidationEnabled))
	require.False(t, aws.ToBool(out.IsOrganizationTrail))
	require.Nil(t, out.SnsTopicARN)

	got, err := e.ct.GetTrail(ctx, &sdk.GetTrailInput{Name: aws.String("main")})
	require.NoError(t, err)
	require.Equal(t, "us-east-1", aws.ToString(got.Trail.HomeRegion))
	require.False(t, aws.ToBool(got.Trail.HasCustomEventSelectors))
	status, err := e.ct.GetTrailStatus(ctx, &sdk.GetTrailStatusInput{Name: aws.String(arn)})
	require.NoError(t, err)
	require.False(t, aws.ToBool(status.IsLogging), "a trail made through the API does not log until StartLogging")

	it := e.sink.Last("AWS::CloudTrail::Trail", arn)
	require.NotNil(t, it)
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, "main", it.ResourceName)
	require.Equal(t, arn, it.ARN)
	require.Equal(t, start, it.ResourceCreationTime)
	require.Equal(t, map[string]any{
		"name": "main", "trailARN": arn, "s3BucketName": bucket, "s3KeyPrefix": nil, "snsTopicName": nil,
		"snsTopicARN": nil, "includeGlobalServiceEvents": true, "isMultiRegionTrail": false,
		"homeRegion": "us-east-1", "logFileValidationEnabled": false, "cloudWatchLogsLogGroupArn": nil,
		"cloudWatchLogsRoleArn": nil, "kmsKeyId": nil, "hasCustomEventSelectors": false,
		"hasInsightSelectors": false, "isOrganizationTrail": false,
	}, it.Configuration)
	require.Equal(t, 1, e.sink.ChangedCalls())
}

func TestCreateTrail_AllSettings(t *testing.T) {
	t.Parallel()
	e := setup(t)
	group := "arn:aws:logs:us-east-1:" + account + ":log-group:trail-logs:*"
	role := "arn:aws:iam::" + account + ":role/CloudTrailToLogs"
	out := createTrail(t, e.ct, "all.settings_1", multiRegion, func(in *sdk.CreateTrailInput) {
		in.S3KeyPrefix = aws.String("logs/prefix")
		in.SnsTopicName = aws.String(topic)
		in.EnableLogFileValidation = aws.Bool(true)
		in.KmsKeyId = aws.String("12345678-1234-1234-1234-123456789012")
		in.CloudWatchLogsLogGroupArn, in.CloudWatchLogsRoleArn = aws.String(group), aws.String(role)
		in.TagsList = []types.Tag{{Key: aws.String("team"), Value: aws.String("sec")}, {Key: aws.String("bare")}}
	})
	require.Equal(t, "logs/prefix", aws.ToString(out.S3KeyPrefix))
	require.Equal(t, topic, aws.ToString(out.SnsTopicName))
	require.Equal(t, "arn:aws:sns:us-east-1:"+account+":"+topic, aws.ToString(out.SnsTopicARN))
	require.Equal(t, "arn:aws:kms:us-east-1:"+account+":key/12345678-1234-1234-1234-123456789012", aws.ToString(out.KmsKeyId))
	require.Equal(t, group, aws.ToString(out.CloudWatchLogsLogGroupArn))
	require.Equal(t, role, aws.ToString(out.CloudWatchLogsRoleArn))
	require.True(t, aws.ToBool(out.IsMultiRegionTrail))
	require.True(t, aws.ToBool(out.LogFileValidationEnabled))

	it := e.sink.Last("AWS::CloudTrail::Trail", aws.ToString(out.TrailARN))
	require.Equal(t, map[string]string{"team": "sec", "bare": ""}, it.Tags)
	require.Equal(t, true, it.Configuration["isMultiRegionTrail"])
	require.Equal(t, aws.ToString(out.KmsKeyId), it.Configuration["kmsKeyId"])
	require.Equal(t, group, it.Configuration["cloudWatchLogsLogGroupArn"])
}

func TestCreateTrail_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	createTrail(t, e.ct, "taken")
	longTags := make([]types.Tag, 51)
	for i := range longTags {
		longTags[i] = types.Tag{Key: aws.String(strings.Repeat("k", i+1))}
	}
	cases := map[string]struct {
		mutate func(*sdk.CreateTrailInput)
		code   string
	}{
		"NameTooShort":       {func(in *sdk.CreateTrailInput) { in.Name = aws.String("ab") }, "InvalidTrailNameException"},
		"NameTooLong":        {func(in *sdk.CreateTrailInput) { in.Name = aws.String(strings.Repeat("a", 129)) }, "InvalidTrailNameException"},
		"NameBadCharacter":   {func(in *sdk.CreateTrailInput) { in.Name = aws.String("my trail") }, "InvalidTrailNameException"},
		"NameStartsWithDash": {func(in *sdk.CreateTrailInput) { in.Name = aws.String("-trail") }, "InvalidTrailNameException"},
		"NameEndsWithPeriod": {func(in *sdk.CreateTrailInput) { in.Name = aws.String("trail.") }, "InvalidTrailNameException"},
		"NameAdjacentMixed":  {func(in *sdk.CreateTrailInput) { in.Name = aws.String("my-_namespace") }, "InvalidTrailNameException"},
		"NameAdjacentDashes": {func(in *sdk.CreateTrailInput) { in.Name = aws.String("my--namespace") }, "InvalidTrailNameException"},
		"NameIPAddress":      {func(in *sdk.CreateTrailInput) { in.Name = aws.String("192.168.5.4") }, "InvalidTrailNameException"},
		"BucketNameInvalid":  {func(in *sdk.CreateTrailInput) { in.S3BucketName = aws.String("Bad_Bucket") }, "InvalidS3BucketNameException"},
		"BucketMissing":      {func(in *sdk.CreateTrailInput) { in.S3BucketName = aws.String("missing-bucket") }, "S3BucketDoesNotExistException"},
		"PrefixTooLong":      {func(in *sdk.CreateTrailInput) { in.S3KeyPrefix = aws.String(strings.Repeat("p", 201)) }, "InvalidS3PrefixException"},
		"TopicInvalid":       {func(in *sdk.CreateTrailInput) { in.SnsTopicName = aws.String("bad topic") }, "InvalidSnsTopicNameException"},
		"TopicMissing":       {func(in *sdk.CreateTrailInput) { in.SnsTopicName = aws.String("no-such-topic") }, "InsufficientSnsTopicPolicyException"},
		"KmsKeyInvalid":      {func(in *sdk.CreateTrailInput) { in.KmsKeyId = aws.String("not-a-key") }, "InvalidKmsKeyIdException"},
		"LogGroupWithoutRole": {func(in *sdk.CreateTrailInput) {
			in.CloudWatchLogsLogGroupArn = aws.String("arn:aws:logs:us-east-1:" + account + ":log-group:x:*")
		}, "InvalidCloudWatchLogsRoleArnException"},
		"RoleWithoutLogGroup": {func(in *sdk.CreateTrailInput) {
			in.CloudWatchLogsRoleArn = aws.String("arn:aws:iam::" + account + ":role/r")
		}, "InvalidCloudWatchLogsLogGroupArnException"},
		"LogGroupNotAnARN": {func(in *sdk.CreateTrailInput) {
			in.CloudWatchLogsLogGroupArn, in.CloudWatchLogsRoleArn = aws.String("trail-logs"), aws.String("arn:aws:iam::"+account+":role/r")
		}, "InvalidCloudWatchLogsLogGroupArnException"},
		"RoleNotAnARN": {func(in *sdk.CreateTrailInput) {
			in.CloudWatchLogsLogGroupArn, in.CloudWatchLogsRoleArn = aws.String("arn:aws:logs:us-east-1:"+account+":log-group:x"), aws.String("role/r")
		}, "InvalidCloudWatchLogsRoleArnException"},
		"MultiRegionWithoutGlobalEvents": {func(in *sdk.CreateTrailInput) {
			in.IsMultiRegionTrail, in.IncludeGlobalServiceEvents = aws.Bool(true), aws.Bool(false)
		}, "InvalidParameterCombinationException"},
		"OrganizationTrail": {func(in *sdk.CreateTrailInput) { in.IsOrganizationTrail = aws.Bool(true) }, "OrganizationsNotInUseException"},
		"NameTaken":         {func(in *sdk.CreateTrailInput) { in.Name = aws.String("taken") }, "TrailAlreadyExistsException"},
		"TagKeyEmpty":       {func(in *sdk.CreateTrailInput) { in.TagsList = []types.Tag{{Key: aws.String("")}} }, "InvalidTagParameterException"},
		"TagValueTooLong": {func(in *sdk.CreateTrailInput) {
			in.TagsList = []types.Tag{{Key: aws.String("k"), Value: aws.String(strings.Repeat("v", 257))}}
		}, "InvalidTagParameterException"},
		"TagKeyTwice": {func(in *sdk.CreateTrailInput) {
			in.TagsList = []types.Tag{{Key: aws.String("k")}, {Key: aws.String("k")}}
		}, "InvalidTagParameterException"},
		"TooManyTags": {func(in *sdk.CreateTrailInput) { in.TagsList = longTags }, "TagsLimitExceededException"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			in := &sdk.CreateTrailInput{Name: aws.String("new-trail"), S3BucketName: aws.String(bucket)}
			tc.mutate(in)
			_, err := e.ct.CreateTrail(context.Background(), in)
			requireCode(t, err, tc.code)
		})
	}
}

func TestCreateTrail_ValidNames(t *testing.T) {
	t.Parallel()
	e := setup(t, func(o *options) { o.maxTrails = 10 })
	for _, name := range []string{"abc", "My.Trail_2-x", strings.Repeat("a", 128), "1.2.3", "10.0.0.1a"} {
		createTrail(t, e.ct, name)
	}
}

func TestCreateTrail_TrailLimit(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	west := e.client(account, "us-west-2")
	createTrail(t, west, "everywhere", multiRegion)
	for _, name := range []string{"trail1", "trail2", "trail3", "trail4"} {
		createTrail(t, e.ct, name)
	}
	_, err := e.ct.CreateTrail(ctx, &sdk.CreateTrailInput{Name: aws.String("trail5"), S3BucketName: aws.String(bucket)})
	requireCode(t, err, "MaximumNumberOfTrailsExceededException")
	createTrail(t, west, "trail5") // us-west-2 sees only two

	// A new multi-region trail would be a sixth in us-east-1.
	_, err = west.CreateTrail(ctx, &sdk.CreateTrailInput{Name: aws.String("trail6"), S3BucketName: aws.String(bucket),
		IsMultiRegionTrail: aws.Bool(true)})
	requireCode(t, err, "MaximumNumberOfTrailsExceededException")
}

func TestCreateTrail_NameCollidesWithShadow(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	west := e.client(account, "us-west-2")
	createTrail(t, e.ct, "org", multiRegion)
	_, err := west.CreateTrail(ctx, &sdk.CreateTrailInput{Name: aws.String("org"), S3BucketName: aws.String(bucket)})
	requireCode(t, err, "TrailAlreadyExistsException")

	createTrail(t, west, "local")
	_, err = e.ct.CreateTrail(ctx, &sdk.CreateTrailInput{Name: aws.String("local"), S3BucketName: aws.String(bucket),
		IsMultiRegionTrail: aws.Bool(true)})
	requireCode(t, err, "TrailAlreadyExistsException")
	createTrail(t, e.ct, "local") // a single-region trail of that name in another region is fine

	// Another account has its own names.
	createTrail(t, e.client(other, "us-east-1"), "org")
}
