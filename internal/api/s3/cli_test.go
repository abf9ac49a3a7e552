package s3_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest/awscli"
)

// TestAWSCLI proves the aws CLI's request shapes decode. The CLI (v1,
// botocore) addresses a custom endpoint path-style, on an IP address and on
// localhost alike; virtual-hosted requests are proven by
// TestVirtualHostedStyle (this machine does not resolve *.localhost).
func TestAWSCLI(t *testing.T) {
	awscli.Skip(t)
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	cli := awscli.New(t, e.url, awscli.Options{AccessKey: account})

	cli.Output("s3api", "create-bucket", "--bucket", "cli-bucket", "--acl", "public-read")
	cli.Output("s3api", "put-bucket-encryption", "--bucket", "cli-bucket", "--server-side-encryption-configuration",
		`{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"alias/cli"}}]}`)
	cli.Output("s3api", "put-bucket-tagging", "--bucket", "cli-bucket", "--tagging",
		`TagSet=[{Key=env,Value=dev}]`)
	cli.Output("s3api", "put-public-access-block", "--bucket", "cli-bucket", "--public-access-block-configuration",
		"BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true")
	awscli.RequireError(t, cli.Run("s3api", "put-bucket-acl", "--bucket", "cli-bucket", "--grant-read",
		`uri="http://acs.amazonaws.com/groups/global/AllUsers"`), "AccessDenied")
	awscli.RequireError(t, cli.Run("s3api", "get-bucket-policy", "--bucket", "cli-bucket"), "NoSuchBucketPolicy")

	localhost := awscli.New(t, strings.Replace(e.url, "127.0.0.1", "localhost", 1), awscli.Options{AccessKey: account})
	out := localhost.Output("s3api", "get-bucket-acl", "--bucket", "cli-bucket")
	require.Contains(t, out, "http://acs.amazonaws.com/groups/global/AllUsers")
	require.Contains(t, cli.Output("s3", "ls"), "cli-bucket")
	cli.Output("s3", "ls", "s3://cli-bucket")
	served := strings.Join(e.served(), "\n")
	require.Contains(t, served, " PUT /cli-bucket?publicAccessBlock", "the CLI addresses buckets path-style")
	require.Contains(t, served, "localhost:")

	enc, err := e.s3.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: aws.String("cli-bucket")})
	require.NoError(t, err)
	require.Equal(t, types.ServerSideEncryptionAwsKms, enc.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm)
	tags, err := e.s3.GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: aws.String("cli-bucket")})
	require.NoError(t, err)
	require.Equal(t, "env", aws.ToString(tags.TagSet[0].Key))
}
