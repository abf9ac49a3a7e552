package s3_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
	sandbox "github.com/salvehq/salve/internal/sandbox/s3"
)

func TestConfigurationItem(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	eu := e.client(account, "eu-west-1")
	_, err := eu.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("recorded"),
		CreateBucketConfiguration: &types.CreateBucketConfiguration{LocationConstraint: types.BucketLocationConstraintEuWest1}})
	require.NoError(t, err)
	ownerID := sandbox.CanonicalUserID(account)

	first := e.lastItem(t, "recorded")
	require.Equal(t, configitem.Item{
		ResourceType: "AWS::S3::Bucket", ResourceID: "recorded", ResourceName: "recorded",
		ARN: "arn:aws:s3:::recorded", AvailabilityZone: "Regional",
		ResourceCreationTime: start, Status: configitem.StatusResourceDiscovered, CaptureTime: start,
		Configuration: map[string]any{"name": "recorded", "creationDate": "2026-11-01T12:00:00Z",
			"owner": map[string]any{"displayName": nil, "id": ownerID}},
		SupplementaryConfiguration: map[string]any{
			"BucketVersioningConfiguration": map[string]any{"status": "Off", "isMfaDeleteEnabled": nil},
			"AccessControlList": `{"grantList":[{"grantee":{"displayName":null,"id":"` + ownerID + `"},` +
				`"permission":"FullControl"}],"grantSet":null,"isRequesterCharged":false,"owner":{"displayName":null,"id":"` + ownerID + `"}}`,
			"BucketPolicy":               map[string]any{"policyText": nil},
			"BucketLoggingConfiguration": map[string]any{"destinationBucketName": nil, "logFilePrefix": nil},
		},
	}, *first)

	e.clock.Advance(time.Hour)
	_, err = eu.PutBucketVersioning(ctx, &s3.PutBucketVersioningInput{Bucket: aws.String("recorded"),
		VersioningConfiguration: &types.VersioningConfiguration{Status: types.BucketVersioningStatusEnabled}})
	require.NoError(t, err)
	second := e.lastItem(t, "recorded")
	require.Equal(t, configitem.StatusOK, second.Status)
	require.Equal(t, start.Add(time.Hour), second.CaptureTime)
	require.Equal(t, start, second.ResourceCreationTime)
	require.Equal(t, 2, e.sink.ChangedCalls())

	_, err = eu.PutBucketVersioning(ctx, &s3.PutBucketVersioningInput{Bucket: aws.String("recorded"),
		VersioningConfiguration: &types.VersioningConfiguration{Status: types.BucketVersioningStatusEnabled}})
	require.NoError(t, err)
	_, err = eu.DeleteBucketPolicy(ctx, &s3.DeleteBucketPolicyInput{Bucket: aws.String("recorded")})
	require.NoError(t, err)
	require.Len(t, e.sink.Items(), 2, "a call that changes nothing records no item")
	require.Equal(t, 2, e.sink.ChangedCalls())
}

func TestSandbox_Lookups(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "trail-logs")

	ok, err := e.svc.BucketExists(ctx, account, "trail-logs")
	require.NoError(t, err)
	require.True(t, ok)
	ok, err = e.svc.BucketExists(ctx, other, "trail-logs")
	require.NoError(t, err)
	require.False(t, ok, "another account's bucket")
	ok, err = e.svc.BucketExists(ctx, account, "nope")
	require.NoError(t, err)
	require.False(t, ok)

	b, err := e.svc.Lookup(ctx, "trail-logs")
	require.NoError(t, err)
	require.Equal(t, account, b.AccountID)
	require.Equal(t, "us-east-1", b.Region)
	b, err = e.svc.Lookup(ctx, "nope")
	require.NoError(t, err)
	require.Nil(t, b)
}
