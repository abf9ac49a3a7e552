package awscall_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/selector"
	"github.com/salvehq/salve/internal/awscall"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/salvetest"
)

// setupLocal starts Salve and returns it with a Local over its services.
func setupLocal(t *testing.T) (*salvetest.Env, *awscall.Local) {
	t.Helper()
	env := salvetest.Setup(t)
	return env, env.Salve.Local
}

// sel applies a JSONPath selector to a response.
func sel(t *testing.T, resp map[string]any, path string) any {
	t.Helper()
	s, err := selector.Compile(path)
	require.NoError(t, err)
	values, found := s.Select(resp)
	require.True(t, found, "%s selects nothing in %v", path, resp)
	return values[0]
}

func TestLocal_ConfigCallsRunAsTheTargetAccount(t *testing.T) {
	t.Parallel()
	env, local := setupLocal(t)
	ctx := context.Background()
	call := func(api string, in map[string]any) (map[string]any, error) {
		return local.Call(ctx, engine.CallRequest{Service: "config", API: api, Input: in,
			AccountID: "111122223333", Region: "eu-west-1"})
	}
	_, err := call("put_config_rule", map[string]any{"ConfigRule": map[string]any{
		"ConfigRuleName": "versioning",
		"Source":         map[string]any{"Owner": "AWS", "SourceIdentifier": "S3_BUCKET_VERSIONING_ENABLED"},
	}})
	require.NoError(t, err)

	resp, err := call("DescribeConfigRules", map[string]any{"ConfigRuleNames": []any{"versioning"}})
	require.NoError(t, err)
	require.Equal(t, "versioning", sel(t, resp, "$.ConfigRules[0].ConfigRuleName"))
	require.Contains(t, sel(t, resp, "$.ConfigRules[0].ConfigRuleArn"), "arn:aws:config:eu-west-1:111122223333:")
	require.Equal(t, int64(200), sel(t, resp, "$.ResponseMetadata.HTTPStatusCode"))
	require.NotEmpty(t, sel(t, resp, "$.ResponseMetadata.RequestId"))

	cfg, _, _ := env.Clients("111122223333", "secret", "eu-west-1")
	seen, err := cfg.DescribeConfigRules(ctx, &configservice.DescribeConfigRulesInput{})
	require.NoError(t, err)
	require.Len(t, seen.ConfigRules, 1, "the rule lives in the target account and region")
	other, err := env.Config.DescribeConfigRules(ctx, &configservice.DescribeConfigRulesInput{})
	require.NoError(t, err)
	require.Empty(t, other.ConfigRules, "another account does not see it")
}

func TestLocal_SSMTimestampsAreText(t *testing.T) {
	t.Parallel()
	_, local := setupLocal(t)
	ctx := context.Background()
	content := `{"schemaVersion":"0.3","mainSteps":[{"name":"wait","action":"aws:sleep","inputs":{"Duration":"PT1S"}}]}`
	_, err := local.Call(ctx, engine.CallRequest{Service: "ssm", API: "CreateDocument", Input: map[string]any{
		"Name": "MyRunbook", "Content": content, "DocumentType": "Automation"}})
	require.NoError(t, err)

	resp, err := local.Call(ctx, engine.CallRequest{Service: "ssm", API: "describe_document",
		Input: map[string]any{"Name": "MyRunbook"}})
	require.NoError(t, err)
	require.Equal(t, "2026-11-01T12:00:00Z", sel(t, resp, "$.Document.CreatedDate"))
	require.Equal(t, "1", sel(t, resp, "$.Document.DocumentVersion"))
	require.Equal(t, "Automation", sel(t, resp, "$.Document.DocumentType"))
}

func TestLocal_STSIdentity(t *testing.T) {
	t.Parallel()
	_, local := setupLocal(t)
	resp, err := local.Call(context.Background(), engine.CallRequest{Service: "sts", API: "get_caller_identity",
		AccountID: "111122223333", Region: "us-west-2", RoleArn: "arn:aws:iam::111122223333:role/path/Remediator"})
	require.NoError(t, err)
	require.Equal(t, "111122223333", resp["Account"])
	require.Equal(t, "arn:aws:sts::111122223333:assumed-role/Remediator/Automation", resp["Arn"])
	require.Equal(t, "Remediator:Automation", resp["UserId"])
}

func TestLocal_Errors(t *testing.T) {
	t.Parallel()
	_, local := setupLocal(t)
	cases := map[string]struct {
		req       engine.CallRequest
		code, msg string
	}{
		"ModelledError": {engine.CallRequest{Service: "config", API: "DescribeConfigRules",
			Input: map[string]any{"ConfigRuleNames": []any{"missing"}}}, awserr.NoSuchConfigRuleException, "missing"},
		"ValidationError": {engine.CallRequest{Service: "config", API: "DeleteConfigRule",
			Input: map[string]any{"ConfigRuleName": ""}}, awserr.ValidationException, "configRuleName"},
		"OperationSalveLacks": {engine.CallRequest{Service: "ssm", API: "SendCommand"},
			awserr.UnknownOperationException, "Operation SendCommand is not supported by Salve's ssm service"},
		"NoSuchOperation": {engine.CallRequest{Service: "ssm", API: "DescribeNothing"},
			awserr.UnknownOperationException, `Service ssm has no operation "DescribeNothing"`},
		"ServiceNotServed": {engine.CallRequest{Service: "kms", API: "ListKeys"},
			awserr.UnknownOperationException, `Service "kms" is not served by Salve`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := local.Call(context.Background(), tc.req)
			ae, ok := awserr.As(err)
			require.True(t, ok, "want an AWS error, got %v", err)
			require.Equal(t, tc.code, ae.Code)
			require.Contains(t, ae.Message, tc.msg)
		})
	}
}

func TestRouter_PicksTheBackend(t *testing.T) {
	t.Parallel()
	_, local := setupLocal(t)
	router, err := awscall.NewRouter(local, nil)
	require.NoError(t, err)
	ctx := context.Background()

	resp, err := router.Call(ctx, engine.CallRequest{Service: "sts", API: "GetCallerIdentity", AccountID: "210987654321"})
	require.NoError(t, err)
	require.Equal(t, "210987654321", resp["Account"])

	_, err = router.Call(ctx, engine.CallRequest{Service: "s3", API: "ListBuckets"})
	require.EqualError(t, err, "UnknownOperationException: service s3 is not available: Salve serves config, ssm, sts; "+
		"configure a real endpoint with --aws-endpoint to reach others")

	remote := engine.CallerFunc(func(_ context.Context, req engine.CallRequest) (map[string]any, error) {
		return map[string]any{"Via": "remote " + req.Service}, nil
	})
	router.Remote = remoteBackend{remote}
	resp, err = router.Call(ctx, engine.CallRequest{Service: "s3", API: "ListBuckets"})
	require.NoError(t, err)
	require.Equal(t, "remote s3", resp["Via"])
	resp, err = router.Call(ctx, engine.CallRequest{Service: "sts", API: "GetCallerIdentity"})
	require.NoError(t, err)
	require.Equal(t, "123456789012", resp["Account"], "Salve's own services stay local with a remote configured")

	_, err = awscall.NewRouter(local, &awscall.RemoteConfig{Endpoint: "http://localhost:1"})
	require.ErrorContains(t, err, "need an access key id")
}

// remoteBackend is a stand-in Remote.
type remoteBackend struct{ engine.CallerFunc }

func (remoteBackend) Services() []string { return nil }

func TestLocal_ObserveSeesEveryCall(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	local := awscall.NewLocal(env.Salve.JSON[:2], env.Salve.Query[:1])
	var got []awsproto.CallRecord
	local.Observe(func(_ context.Context, rec *awsproto.CallRecord) { got = append(got, *rec) })
	_, err := local.Call(context.Background(), engine.CallRequest{Service: "config", API: "PutConfigRule",
		AccountID: "111122223333", Region: "eu-west-1", RoleArn: "arn:aws:iam::111122223333:role/Fixer",
		AutomationExecutionID: "ae-1", Input: map[string]any{"ConfigRule": map[string]any{
			"ConfigRuleName": "r", "Source": map[string]any{"Owner": "AWS", "SourceIdentifier": "S3_BUCKET_VERSIONING_ENABLED"}}}})
	require.NoError(t, err)
	_, err = local.Call(context.Background(), engine.CallRequest{Service: "config", API: "DeleteConfigRule",
		Input: map[string]any{"ConfigRuleName": "missing"}})
	require.Error(t, err)
	require.Len(t, got, 2)
	require.Equal(t, "config", got[0].Service)
	require.Equal(t, "PutConfigRule", got[0].Operation)
	require.Equal(t, 200, got[0].Status)
	require.Equal(t, "arn:aws:sts::111122223333:assumed-role/Fixer/Automation", got[0].Caller.Principal)
	require.Equal(t, "ae-1", got[0].Caller.AutomationExecutionID)
	require.Contains(t, string(got[0].Body), `"ConfigRuleName":"r"`)
	require.Equal(t, "NoSuchConfigRuleException", got[1].ErrorCode)
}
