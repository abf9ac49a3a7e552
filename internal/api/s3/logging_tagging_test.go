package s3_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/require"
)

func TestBucketLogging(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "logged")
	e.createBucket(t, "logs")
	put := func(target string) error {
		_, err := e.s3.PutBucketLogging(ctx, &s3.PutBucketLoggingInput{Bucket: aws.String("logged"),
			BucketLoggingStatus: &types.BucketLoggingStatus{LoggingEnabled: &types.LoggingEnabled{
				TargetBucket: aws.String(target), TargetPrefix: aws.String("access/")}}})
		return err
	}

	out, err := e.s3.GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: aws.String("logged")})
	require.NoError(t, err)
	require.Nil(t, out.LoggingEnabled)
	require.Equal(t, map[string]any{"destinationBucketName": nil, "logFilePrefix": nil},
		e.lastItem(t, "logged").SupplementaryConfiguration["BucketLoggingConfiguration"])

	require.NoError(t, put("logs"))
	out, err = e.s3.GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: aws.String("logged")})
	require.NoError(t, err)
	require.Equal(t, "logs", aws.ToString(out.LoggingEnabled.TargetBucket))
	require.Equal(t, "access/", aws.ToString(out.LoggingEnabled.TargetPrefix))
	require.Equal(t, map[string]any{"destinationBucketName": "logs", "logFilePrefix": "access/"},
		e.lastItem(t, "logged").SupplementaryConfiguration["BucketLoggingConfiguration"])

	requireCode(t, put("no-such-target"), "InvalidTargetBucketForLogging")
	_, err = e.client(other, "us-east-1").CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("their-logs")})
	require.NoError(t, err)
	requireCode(t, put("their-logs"), "InvalidTargetBucketForLogging")
	_, err = e.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("far-logs"),
		CreateBucketConfiguration: &types.CreateBucketConfiguration{LocationConstraint: types.BucketLocationConstraintEuWest1}})
	require.NoError(t, err)
	requireCode(t, put("far-logs"), "CrossLocationLoggingProhibited")

	_, err = e.s3.PutBucketLogging(ctx, &s3.PutBucketLoggingInput{Bucket: aws.String("logged"),
		BucketLoggingStatus: &types.BucketLoggingStatus{}})
	require.NoError(t, err, "an empty status turns logging off")
	out, err = e.s3.GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: aws.String("logged")})
	require.NoError(t, err)
	require.Nil(t, out.LoggingEnabled)
}

func TestBucketTagging(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	_, err := e.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("tagged"),
		CreateBucketConfiguration: &types.CreateBucketConfiguration{Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("blue")}}}})
	require.NoError(t, err)
	bucket := aws.String("tagged")
	out, err := e.s3.GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: bucket})
	require.NoError(t, err)
	require.Equal(t, []types.Tag{{Key: aws.String("team"), Value: aws.String("blue")}}, out.TagSet)

	_, err = e.s3.PutBucketTagging(ctx, &s3.PutBucketTaggingInput{Bucket: bucket, Tagging: &types.Tagging{TagSet: []types.Tag{
		{Key: aws.String("env"), Value: aws.String("prod")}, {Key: aws.String("owner"), Value: aws.String("")}}}})
	require.NoError(t, err)
	it := e.lastItem(t, "tagged")
	require.Equal(t, map[string]string{"env": "prod", "owner": ""}, it.Tags)
	require.Equal(t, map[string]any{"tagSets": []any{map[string]any{"tags": map[string]any{"env": "prod", "owner": ""}}}},
		it.SupplementaryConfiguration["BucketTaggingConfiguration"])

	_, err = e.s3.DeleteBucketTagging(ctx, &s3.DeleteBucketTaggingInput{Bucket: bucket})
	require.NoError(t, err)
	_, err = e.s3.GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: bucket})
	requireCode(t, err, "NoSuchTagSet")
	require.Nil(t, e.lastItem(t, "tagged").Tags)
	require.NotContains(t, e.lastItem(t, "tagged").SupplementaryConfiguration, "BucketTaggingConfiguration")
}

func TestPutBucketTagging_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "tags-bad")
	tag := func(k, v string) types.Tag { return types.Tag{Key: aws.String(k), Value: aws.String(v)} }
	many := make([]types.Tag, 51)
	for i := range many {
		many[i] = tag("k"+strings.Repeat("x", i), "v")
	}
	cases := map[string][]types.Tag{
		"SystemTag":    {tag("aws:cloudformation:stack-name", "x")},
		"Duplicate":    {tag("a", "1"), tag("a", "2")},
		"KeyTooLong":   {tag(strings.Repeat("k", 129), "v")},
		"ValueTooLong": {tag("k", strings.Repeat("v", 257))},
		"EmptyKey":     {tag("", "v")},
		"BadKeyChar":   {tag("a*b", "v")},
		"BadValueChar": {tag("k", "v#1")},
		"TooMany":      many,
	}
	for name, tags := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.s3.PutBucketTagging(ctx, &s3.PutBucketTaggingInput{Bucket: aws.String("tags-bad"),
				Tagging: &types.Tagging{TagSet: tags}})
			requireCode(t, err, "InvalidTag")
		})
	}
	_, err := e.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("tags-bad-create"),
		CreateBucketConfiguration: &types.CreateBucketConfiguration{Tags: cases["Duplicate"]}})
	requireCode(t, err, "InvalidTag")
}
