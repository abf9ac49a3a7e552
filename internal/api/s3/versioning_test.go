package s3_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/require"
)

func TestBucketVersioning(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "versions")
	bucket := aws.String("versions")
	itemVersioning := func() any {
		return e.lastItem(t, "versions").SupplementaryConfiguration["BucketVersioningConfiguration"]
	}

	out, err := e.s3.GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: bucket})
	require.NoError(t, err)
	require.Empty(t, out.Status, "a bucket never versioned has an empty configuration")
	require.Empty(t, out.MFADelete)
	require.Equal(t, map[string]any{"status": "Off", "isMfaDeleteEnabled": nil}, itemVersioning())

	for _, status := range []types.BucketVersioningStatus{types.BucketVersioningStatusEnabled, types.BucketVersioningStatusSuspended} {
		_, err = e.s3.PutBucketVersioning(ctx, &s3.PutBucketVersioningInput{Bucket: bucket,
			VersioningConfiguration: &types.VersioningConfiguration{Status: status}})
		require.NoError(t, err)
		out, err = e.s3.GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: bucket})
		require.NoError(t, err)
		require.Equal(t, status, out.Status)
		require.Equal(t, map[string]any{"status": string(status), "isMfaDeleteEnabled": nil}, itemVersioning())
	}
}

func TestBucketVersioning_MFADelete(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "mfa")
	put := func(status types.BucketVersioningStatus, mfaDelete types.MFADelete, mfa string) error {
		in := &s3.PutBucketVersioningInput{Bucket: aws.String("mfa"),
			VersioningConfiguration: &types.VersioningConfiguration{Status: status, MFADelete: mfaDelete}}
		if mfa != "" {
			in.MFA = aws.String(mfa)
		}
		_, err := e.s3.PutBucketVersioning(ctx, in)
		return err
	}

	require.NoError(t, put("Enabled", "Disabled", ""), "MFA delete stays off: no MFA needed")
	requireCode(t, put("Enabled", "Enabled", ""), "AccessDenied")
	requireCode(t, put("Enabled", "Enabled", "only-one-field"), "AccessDenied")
	require.NoError(t, put("Enabled", "Enabled", "arn:aws:iam::111122223333:mfa/root 123456"))
	out, err := e.s3.GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: aws.String("mfa")})
	require.NoError(t, err)
	require.Equal(t, types.MFADeleteStatusEnabled, out.MFADelete)
	require.Equal(t, true, e.lastItem(t, "mfa").SupplementaryConfiguration["BucketVersioningConfiguration"].(map[string]any)["isMfaDeleteEnabled"])
	requireCode(t, put("Suspended", "", ""), "AccessDenied")

	cases := map[string]struct {
		status types.BucketVersioningStatus
		mfa    types.MFADelete
		code   string
	}{
		"NoStatus":       {"", "", "IllegalVersioningConfigurationException"},
		"BadStatus":      {"On", "", "MalformedXML"},
		"BadMFADelete":   {"Enabled", "enabled", "MalformedXML"},
		"LowercaseState": {"enabled", "", "MalformedXML"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			requireCode(t, put(tc.status, tc.mfa, "serial 123456"), tc.code)
		})
	}
}

func TestPublicAccessBlock(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "pab")
	bucket := aws.String("pab")

	_, err := e.s3.GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: bucket})
	requireCode(t, err, "NoSuchPublicAccessBlockConfiguration")
	_, err = e.s3.PutPublicAccessBlock(ctx, &s3.PutPublicAccessBlockInput{Bucket: bucket,
		PublicAccessBlockConfiguration: &types.PublicAccessBlockConfiguration{}})
	requireCode(t, err, "InvalidRequest")

	_, err = e.s3.PutPublicAccessBlock(ctx, &s3.PutPublicAccessBlockInput{Bucket: bucket,
		PublicAccessBlockConfiguration: &types.PublicAccessBlockConfiguration{BlockPublicAcls: aws.Bool(true),
			RestrictPublicBuckets: aws.Bool(true)}})
	require.NoError(t, err)
	out, err := e.s3.GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: bucket})
	require.NoError(t, err)
	cfg := out.PublicAccessBlockConfiguration
	require.True(t, aws.ToBool(cfg.BlockPublicAcls))
	require.False(t, aws.ToBool(cfg.IgnorePublicAcls))
	require.False(t, aws.ToBool(cfg.BlockPublicPolicy))
	require.True(t, aws.ToBool(cfg.RestrictPublicBuckets))
	require.Equal(t, map[string]any{"blockPublicAcls": true, "ignorePublicAcls": false, "blockPublicPolicy": false,
		"restrictPublicBuckets": true}, e.lastItem(t, "pab").SupplementaryConfiguration["PublicAccessBlockConfiguration"])

	_, err = e.s3.DeletePublicAccessBlock(ctx, &s3.DeletePublicAccessBlockInput{Bucket: bucket})
	require.NoError(t, err)
	_, err = e.s3.GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: bucket})
	requireCode(t, err, "NoSuchPublicAccessBlockConfiguration")
	require.NotContains(t, e.lastItem(t, "pab").SupplementaryConfiguration, "PublicAccessBlockConfiguration")
}
