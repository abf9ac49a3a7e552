package evaluator_test

import (
	"archive/zip"
	"bytes"
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	ltypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/require"
)

// customRuleHandler is a custom rule's function as AWS's documentation
// writes them: it reads the invoking event's configuration item, judges
// the bucket and answers with PutEvaluations and the event's resultToken.
const customRuleHandler = `
import json, boto3

config = boto3.client("config")
s3 = boto3.client("s3")

def handler(event, context):
    item = json.loads(event["invokingEvent"])["configurationItem"]
    if item["configurationItemStatus"] == "ResourceDeleted":
        return
    try:
        s3.get_bucket_encryption(Bucket=item["resourceId"])
        status = "COMPLIANT"
    except s3.exceptions.ClientError:
        status = "NON_COMPLIANT"
    config.put_evaluations(
        Evaluations=[{"ComplianceResourceType": item["resourceType"], "ComplianceResourceId": item["resourceId"],
                      "ComplianceType": status, "OrderingTimestamp": item["configurationItemCaptureTime"]}],
        ResultToken=event["resultToken"])
`

func zipOf(t *testing.T, name, content string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, err := z.Create(name)
	require.NoError(t, err)
	_, err = w.Write([]byte(content))
	require.NoError(t, err)
	require.NoError(t, z.Close())
	return b.Bytes()
}

// TestEvaluator_CustomLambdaRuleIsInvokedOnChanges checks that a
// CUSTOM_LAMBDA rule's function gets AWS's invoking event for each
// recorded change in its scope and that its PutEvaluations answers land.
func TestEvaluator_CustomLambdaRuleIsInvokedOnChanges(t *testing.T) {
	t.Parallel()
	c := setup(t)
	ctx := context.Background()
	fn := lambda.NewFromConfig(c.env.AWSConfig(account, "secret", "us-east-1"))
	_, err := fn.CreateFunction(ctx, &lambda.CreateFunctionInput{FunctionName: aws.String("bucket-encryption-check"),
		Runtime: ltypes.RuntimePython311, Handler: aws.String("check.handler"),
		Role: aws.String("arn:aws:iam::" + account + ":role/config-rule"),
		Code: &ltypes.FunctionCode{ZipFile: zipOf(t, "check.py", customRuleHandler)}})
	require.NoError(t, err)
	_, err = c.config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &ctypes.ConfigRule{
		ConfigRuleName: aws.String("custom-encryption"),
		Scope:          &ctypes.Scope{ComplianceResourceTypes: []string{"AWS::S3::Bucket"}},
		Source: &ctypes.Source{Owner: ctypes.OwnerCustomLambda,
			SourceIdentifier: aws.String("arn:aws:lambda:us-east-1:" + account + ":function:bucket-encryption-check"),
			SourceDetails: []ctypes.SourceDetail{{EventSource: ctypes.EventSourceAwsConfig,
				MessageType: ctypes.MessageTypeConfigurationItemChangeNotification}}},
	}})
	require.NoError(t, err)

	_, err = c.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("custom-checked")})
	require.NoError(t, err)
	c.env.Settle(t)
	require.Equal(t, ctypes.ComplianceTypeNonCompliant, c.compliance(t, "custom-encryption", "custom-checked"))

	_, err = c.s3.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: aws.String("custom-checked"),
		ServerSideEncryptionConfiguration: &s3types.ServerSideEncryptionConfiguration{Rules: []s3types.ServerSideEncryptionRule{{
			ApplyServerSideEncryptionByDefault: &s3types.ServerSideEncryptionByDefault{SSEAlgorithm: s3types.ServerSideEncryptionAes256}}}}})
	require.NoError(t, err)
	c.env.Settle(t)
	require.Equal(t, ctypes.ComplianceTypeCompliant, c.compliance(t, "custom-encryption", "custom-checked"),
		"the change invoked the function again and its answer was recorded")
}
