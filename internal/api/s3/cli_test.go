package s3_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/require"
)

// awsCLI runs the aws CLI against endpoint as account in us-east-1 and
// returns its output; a failure fails the test unless wantErr.
func awsCLI(t *testing.T, endpoint string, wantErr bool, args ...string) string {
	t.Helper()
	cmd := exec.Command("aws", args...)
	cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID="+account, "AWS_SECRET_ACCESS_KEY=secret",
		"AWS_DEFAULT_REGION=us-east-1", "AWS_ENDPOINT_URL="+endpoint, "AWS_CONFIG_FILE=/dev/null",
		"AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_MAX_ATTEMPTS=1", "AWS_PAGER=")
	out, err := cmd.CombinedOutput()
	if wantErr {
		require.Error(t, err, "aws %s: %s", strings.Join(args, " "), out)
	} else {
		require.NoError(t, err, "aws %s: %s", strings.Join(args, " "), out)
	}
	return string(out)
}

// TestAWSCLI proves the aws CLI's request shapes decode. The CLI (v1,
// botocore) addresses a custom endpoint path-style, on an IP address and on
// localhost alike; virtual-hosted requests are proven by
// TestVirtualHostedStyle (this machine does not resolve *.localhost).
func TestAWSCLI(t *testing.T) {
	if _, err := exec.LookPath("aws"); err != nil || testing.Short() {
		t.Skip("the aws CLI is not installed (or -short)")
	}
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	url := e.url

	awsCLI(t, url, false, "s3api", "create-bucket", "--bucket", "cli-bucket", "--acl", "public-read")
	awsCLI(t, url, false, "s3api", "put-bucket-encryption", "--bucket", "cli-bucket", "--server-side-encryption-configuration",
		`{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"alias/cli"}}]}`)
	awsCLI(t, url, false, "s3api", "put-bucket-tagging", "--bucket", "cli-bucket", "--tagging",
		`TagSet=[{Key=env,Value=dev}]`)
	awsCLI(t, url, false, "s3api", "put-public-access-block", "--bucket", "cli-bucket", "--public-access-block-configuration",
		"BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true")
	out := awsCLI(t, url, true, "s3api", "put-bucket-acl", "--bucket", "cli-bucket", "--grant-read",
		`uri="http://acs.amazonaws.com/groups/global/AllUsers"`)
	require.Contains(t, out, "AccessDenied")
	out = awsCLI(t, url, true, "s3api", "get-bucket-policy", "--bucket", "cli-bucket")
	require.Contains(t, out, "NoSuchBucketPolicy")

	localhost := strings.Replace(url, "127.0.0.1", "localhost", 1)
	out = awsCLI(t, localhost, false, "s3api", "get-bucket-acl", "--bucket", "cli-bucket")
	require.Contains(t, out, "http://acs.amazonaws.com/groups/global/AllUsers")
	require.Contains(t, awsCLI(t, url, false, "s3", "ls"), "cli-bucket")
	awsCLI(t, url, false, "s3", "ls", "s3://cli-bucket")
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
