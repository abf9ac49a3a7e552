package s3_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/require"
)

func sse(alg types.ServerSideEncryption, key string) *types.ServerSideEncryptionConfiguration {
	def := &types.ServerSideEncryptionByDefault{SSEAlgorithm: alg}
	if key != "" {
		def.KMSMasterKeyID = aws.String(key)
	}
	return &types.ServerSideEncryptionConfiguration{Rules: []types.ServerSideEncryptionRule{
		{ApplyServerSideEncryptionByDefault: def, BucketKeyEnabled: aws.Bool(true)}}}
}

func TestBucketEncryption(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "enc")
	bucket := aws.String("enc")

	_, err := e.s3.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: bucket})
	requireCode(t, err, "ServerSideEncryptionConfigurationNotFoundError")
	require.NotContains(t, e.lastItem(t, "enc").SupplementaryConfiguration, "ServerSideEncryptionConfiguration")

	_, err = e.s3.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: bucket,
		ServerSideEncryptionConfiguration: sse(types.ServerSideEncryptionAwsKms, "alias/my-key")})
	require.NoError(t, err)
	out, err := e.s3.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: bucket})
	require.NoError(t, err)
	rule := out.ServerSideEncryptionConfiguration.Rules[0]
	require.Equal(t, types.ServerSideEncryptionAwsKms, rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm)
	require.Equal(t, "alias/my-key", aws.ToString(rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID))
	require.True(t, aws.ToBool(rule.BucketKeyEnabled))
	require.Equal(t, map[string]any{"rules": []any{map[string]any{
		"applyServerSideEncryptionByDefault": map[string]any{"sseAlgorithm": "aws:kms", "kmsMasterKeyID": "alias/my-key"},
		"bucketKeyEnabled":                   true,
	}}}, e.lastItem(t, "enc").SupplementaryConfiguration["ServerSideEncryptionConfiguration"])

	_, err = e.s3.DeleteBucketEncryption(ctx, &s3.DeleteBucketEncryptionInput{Bucket: bucket})
	require.NoError(t, err)
	_, err = e.s3.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: bucket})
	requireCode(t, err, "ServerSideEncryptionConfigurationNotFoundError")
	require.NotContains(t, e.lastItem(t, "enc").SupplementaryConfiguration, "ServerSideEncryptionConfiguration")
	_, err = e.s3.DeleteBucketEncryption(ctx, &s3.DeleteBucketEncryptionInput{Bucket: bucket})
	require.NoError(t, err, "deleting no configuration is fine")
}

func TestPutBucketEncryption_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "enc-bad")
	cases := map[string]struct {
		bucket string
		cfg    *types.ServerSideEncryptionConfiguration
		code   string
	}{
		"NoRules":         {"enc-bad", &types.ServerSideEncryptionConfiguration{Rules: []types.ServerSideEncryptionRule{}}, "MalformedXML"},
		"TwoRules":        {"enc-bad", &types.ServerSideEncryptionConfiguration{Rules: append(sse("AES256", "").Rules, sse("AES256", "").Rules...)}, "MalformedXML"},
		"NoDefault":       {"enc-bad", &types.ServerSideEncryptionConfiguration{Rules: []types.ServerSideEncryptionRule{{BucketKeyEnabled: aws.Bool(true)}}}, "MalformedXML"},
		"UnknownAlg":      {"enc-bad", sse("AES128", ""), "MalformedXML"},
		"KeyWithAES256":   {"enc-bad", sse(types.ServerSideEncryptionAes256, "alias/k"), "InvalidArgument"},
		"NoSuchBucketWin": {"enc-missing", &types.ServerSideEncryptionConfiguration{Rules: []types.ServerSideEncryptionRule{}}, "NoSuchBucket"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.s3.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: aws.String(tc.bucket),
				ServerSideEncryptionConfiguration: tc.cfg})
			requireCode(t, err, tc.code)
		})
	}
	_, err := e.s3.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: aws.String("enc-bad"),
		ServerSideEncryptionConfiguration: sse(types.ServerSideEncryptionAwsKmsDsse, "")})
	require.NoError(t, err, "aws:kms:dsse without a key uses the AWS managed key")
}

// TestPutBucketEncryption_MalformedBody sends bodies the SDK never would.
func TestPutBucketEncryption_MalformedBody(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.createBucket(t, "enc-raw")
	cases := map[string]struct {
		body, code string
		status     int
	}{
		"NotXML":    {"{", "MalformedXML", 400},
		"WrongRoot": {"<VersioningConfiguration/>", "MalformedXML", 400},
		"Empty":     {"", "MissingRequestBodyError", 400},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resp := e.raw(t, http.MethodPut, "/enc-raw?encryption", "", strings.NewReader(tc.body))
			require.Equal(t, tc.status, resp.status)
			require.Equal(t, tc.code, resp.errorCode(t))
		})
	}
}
