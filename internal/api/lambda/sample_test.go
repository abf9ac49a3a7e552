package lambda_test

import (
	"archive/zip"
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	cfgtypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/require"

	lambdaapi "github.com/salvehq/salve/internal/api/lambda"
	"github.com/salvehq/salve/internal/automation/script"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/salvetest"
	"github.com/salvehq/salve/internal/server"
)

// The product's sample Lambda (workshop 004 §5.3 B, testdata/
// lambda_function.py, verbatim) remediates an unencrypted bucket of the
// whole server's S3 sandbox when invoked with AWS Config's compliance
// change event: boto3 created at import, put_bucket_encryption on the
// event's detail.resourceId.
func TestProductSampleLambda_EncryptsTheBucket(t *testing.T) {
	t.Parallel()
	if err := exec.Command("python3", "-c", "import boto3").Run(); err != nil {
		t.Skip("python3 with boto3 is not installed")
	}
	ctx := context.Background()
	env := salvetest.Setup(t)
	// Lambda is not composed into the server yet: its API runs on its own
	// listener over the server's store, and handlers call the server.
	runner, err := script.New(script.Params{Endpoint: env.URL, Served: server.SandboxServices})
	require.NoError(t, err)
	svc := functions.New(functions.Params{Store: env.Store, Clock: env.Clock, Sink: env.Salve.Recorder, Runner: runner})
	ts := httptest.NewServer(awsproto.NewServer(awsproto.ServerParams{
		Auth: &awsproto.Authenticator{Mode: awsproto.AuthOff, Clock: clock.Real{}},
		REST: []*awsproto.RESTService{lambdaapi.Service(lambdaapi.Deps{Functions: svc})}}))
	t.Cleanup(ts.Close)
	creds := credentials.NewStaticCredentialsProvider(awsproto.DefaultAccount, "secret", "")
	lc := lambda.New(lambda.Options{Region: "us-east-1", BaseEndpoint: aws.String(ts.URL), Credentials: creds,
		Retryer: aws.NopRetryer{}})
	sc := s3.New(s3.Options{Region: "us-east-1", BaseEndpoint: aws.String(env.URL), Credentials: creds,
		UsePathStyle: true, Retryer: aws.NopRetryer{}})

	const bucket = "product-unencrypted-bucket"
	_, err = sc.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(bucket)})
	require.NoError(t, err)
	_, err = sc.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: aws.String(bucket)})
	require.ErrorContains(t, err, "ServerSideEncryptionConfigurationNotFoundError")

	sample, err := os.ReadFile("testdata/lambda_function.py")
	require.NoError(t, err)
	_, err = lc.CreateFunction(ctx, &lambda.CreateFunctionInput{FunctionName: aws.String("enforce-s3-encryption"),
		Runtime: types.RuntimePython312, Handler: aws.String("lambda_function.lambda_handler"),
		Role: aws.String("arn:aws:iam::123456789012:role/lambda-s3-encryption"),
		Code: &types.FunctionCode{ZipFile: zipFile(t, "lambda_function.py", sample)}})
	require.NoError(t, err)

	// The function is a resource the Config recorder knows.
	found, err := env.Config.ListDiscoveredResources(ctx, &configservice.ListDiscoveredResourcesInput{
		ResourceType: cfgtypes.ResourceTypeFunction})
	require.NoError(t, err)
	require.Len(t, found.ResourceIdentifiers, 1)
	require.Equal(t, "enforce-s3-encryption", aws.ToString(found.ResourceIdentifiers[0].ResourceId))

	event, err := os.ReadFile("testdata/compliance_change_event.json")
	require.NoError(t, err)
	out, err := lc.Invoke(ctx, &lambda.InvokeInput{FunctionName: aws.String("enforce-s3-encryption"),
		Payload: []byte(strings.ReplaceAll(string(event), "BUCKET", bucket)), LogType: types.LogTypeTail})
	require.NoError(t, err)
	require.Nil(t, out.FunctionError, "payload: %s", out.Payload)
	require.JSONEq(t, `{"status": "remediated", "bucket": "`+bucket+`"}`, string(out.Payload))

	enc, err := sc.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: aws.String(bucket)})
	require.NoError(t, err)
	rule := enc.ServerSideEncryptionConfiguration.Rules[0]
	require.Equal(t, "AES256", string(rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm))

	// Without a resource id the sample skips, as written.
	out, err = lc.Invoke(ctx, &lambda.InvokeInput{FunctionName: aws.String("enforce-s3-encryption"), Payload: []byte(`{}`)})
	require.NoError(t, err)
	require.JSONEq(t, `{"status": "skipped", "reason": "no resourceId"}`, string(out.Payload))
}

// zipFile returns a .zip holding one file.
func zipFile(t *testing.T, name string, content []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	require.NoError(t, err)
	_, err = w.Write(content)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}
