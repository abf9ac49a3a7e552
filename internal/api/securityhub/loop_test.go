package securityhub_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	sdk "github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/securityhub/types"
	"github.com/stretchr/testify/require"

	shapi "github.com/salvehq/salve/internal/api/securityhub"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/salvetest"
	shdomain "github.com/salvehq/salve/internal/securityhub"
)

// TestLoop_FindingsFollowTheSandbox plays the product's §5.5 against the
// whole server (S3 sandbox, recorder, managed rule, evaluator), with
// Security Hub hooked to its rules as the composer will hook it: the
// unencrypted bucket's finding fails, and turns PASSED and RESOLVED once
// the bucket is encrypted and re-evaluated.
func TestLoop_FindingsFollowTheSandbox(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	hub := shdomain.New(shdomain.Params{Store: env.Store, Clock: env.Clock, Items: env.Salve.Recorder})
	// Nothing evaluates until env.Evaluate, on this goroutine: the hook is
	// registered before any reader.
	env.Salve.Rules.OnEvaluationChangeTx(hub.OnEvaluationChange)
	shSrv := httptest.NewServer(awsproto.NewServer(awsproto.ServerParams{
		Auth: &awsproto.Authenticator{Mode: awsproto.AuthOff, Clock: clock.Real{}},
		REST: []*awsproto.RESTService{shapi.Service(shapi.Deps{Hub: hub})},
	}))
	t.Cleanup(shSrv.Close)

	cfg := env.AWSConfig(account, "secret", region)
	s3c := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true })
	_, err := s3c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("workshop-logs")})
	require.NoError(t, err)
	const rule = "s3-bucket-server-side-encryption-enabled"
	_, err = configservice.NewFromConfig(cfg).PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: &ctypes.ConfigRule{
		ConfigRuleName: aws.String(rule),
		Source:         &ctypes.Source{Owner: ctypes.OwnerAws, SourceIdentifier: aws.String("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED")},
	}})
	require.NoError(t, err)
	env.Evaluate(t)

	shCfg := cfg.Copy()
	shCfg.BaseEndpoint = aws.String(shSrv.URL)
	shc := sdk.NewFromConfig(shCfg)
	find := func() types.AwsSecurityFinding {
		out, err := shc.GetFindings(ctx, &sdk.GetFindingsInput{Filters: &types.AwsSecurityFindingFilters{
			ProductName: eq("Config"), ResourceId: eq("arn:aws:s3:::workshop-logs")}})
		require.NoError(t, err)
		require.Len(t, out.Findings, 1)
		return out.Findings[0]
	}
	f := find()
	require.Equal(t, types.ComplianceStatusFailed, f.Compliance.Status)
	require.Equal(t, types.WorkflowStatusNew, f.Workflow.Status)
	require.Equal(t, rule, aws.ToString(f.Title))

	_, err = s3c.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: aws.String("workshop-logs"),
		ServerSideEncryptionConfiguration: &s3types.ServerSideEncryptionConfiguration{Rules: []s3types.ServerSideEncryptionRule{{
			ApplyServerSideEncryptionByDefault: &s3types.ServerSideEncryptionByDefault{SSEAlgorithm: s3types.ServerSideEncryptionAes256}}}}})
	require.NoError(t, err)
	env.Evaluate(t)
	f = find()
	require.Equal(t, types.ComplianceStatusPassed, f.Compliance.Status)
	require.Equal(t, types.WorkflowStatusResolved, f.Workflow.Status)
	require.Equal(t, "COMPLIANT", f.ProductFields["aws/config/ConfigComplianceType"])
}
