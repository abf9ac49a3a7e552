package lambda_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/functions"
)

const echo = "def handler(event, context):\n    return {'echo': event}\n"

func TestCreateFunction_RoundTrip(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	in := createInput(t, "fixer", echo)
	in.Environment = &types.Environment{Variables: map[string]string{"MODE": "fix"}}
	in.Tags = map[string]string{"team": "sec"}
	in.Timeout, in.MemorySize, in.Description = aws.Int32(30), aws.Int32(256), aws.String("fixes buckets")
	created, err := e.lambda.CreateFunction(ctx, in)
	require.NoError(t, err)
	require.Equal(t, "arn:aws:lambda:us-east-1:111122223333:function:fixer", aws.ToString(created.FunctionArn))
	require.Equal(t, types.RuntimePython312, created.Runtime)
	require.Equal(t, "app.handler", aws.ToString(created.Handler))
	require.Equal(t, int32(30), aws.ToInt32(created.Timeout))
	require.Equal(t, int32(256), aws.ToInt32(created.MemorySize))
	require.Equal(t, "fixes buckets", aws.ToString(created.Description))
	require.Equal(t, "$LATEST", aws.ToString(created.Version))
	require.Equal(t, types.StateActive, created.State)
	require.Equal(t, types.LastUpdateStatusSuccessful, created.LastUpdateStatus)
	require.Equal(t, types.PackageTypeZip, created.PackageType)
	require.Equal(t, []types.Architecture{types.ArchitectureX8664}, created.Architectures)
	require.Equal(t, "2026-11-01T12:00:00.000+0000", aws.ToString(created.LastModified))
	require.Equal(t, map[string]string{"MODE": "fix"}, created.Environment.Variables)
	require.Equal(t, int64(len(in.Code.ZipFile)), created.CodeSize)
	require.Equal(t, "/aws/lambda/fixer", aws.ToString(created.LoggingConfig.LogGroup))
	require.Equal(t, configitem.StatusResourceDiscovered, e.sink.Last(functions.ResourceType, "fixer").Status)

	got, err := e.lambda.GetFunction(ctx, &lambda.GetFunctionInput{FunctionName: aws.String("fixer")})
	require.NoError(t, err)
	require.Equal(t, created.CodeSha256, got.Configuration.CodeSha256)
	require.Equal(t, created.RevisionId, got.Configuration.RevisionId)
	require.Equal(t, map[string]string{"team": "sec"}, got.Tags)
	require.Equal(t, "S3", aws.ToString(got.Code.RepositoryType))
	resp, err := http.Get(aws.ToString(got.Code.Location))
	require.NoError(t, err)
	zip, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, in.Code.ZipFile, zip, "Code.Location serves the uploaded .zip")

	cfg, err := e.lambda.GetFunctionConfiguration(ctx, &lambda.GetFunctionConfigurationInput{
		FunctionName: created.FunctionArn, Qualifier: aws.String("$LATEST")})
	require.NoError(t, err)
	require.Equal(t, created.RevisionId, cfg.RevisionId)

	_, err = e.lambda.CreateFunction(ctx, createInput(t, "fixer", echo))
	requireCode(t, err, "ResourceConflictException", "Function already exist: fixer")

	_, err = e.lambda.DeleteFunction(ctx, &lambda.DeleteFunctionInput{FunctionName: aws.String("fixer")})
	require.NoError(t, err)
	_, err = e.lambda.GetFunction(ctx, &lambda.GetFunctionInput{FunctionName: aws.String("fixer")})
	var nf *types.ResourceNotFoundException
	require.True(t, errors.As(err, &nf), "%v", err)
	require.Equal(t, "Function not found: arn:aws:lambda:us-east-1:111122223333:function:fixer", aws.ToString(nf.Message))
	require.Equal(t, "User", aws.ToString(nf.Type))
	require.Equal(t, configitem.StatusResourceDeleted, e.sink.Last(functions.ResourceType, "fixer").Status)
}

func TestCreateFunction_Refuses(t *testing.T) {
	t.Parallel()
	e := setup(t)
	for name, tc := range map[string]struct {
		mutate    func(*lambda.CreateFunctionInput)
		code, msg string
	}{
		"BadName": {func(in *lambda.CreateFunctionInput) { in.FunctionName = aws.String("has space") }, "ValidationException",
			"1 validation error detected: Value 'has space' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern"},
		"BadRole": {func(in *lambda.CreateFunctionInput) { in.Role = aws.String("my-role") }, "ValidationException",
			"Value 'my-role' at 'role' failed to satisfy constraint"},
		"ZeroTimeout": {func(in *lambda.CreateFunctionInput) { in.Timeout = aws.Int32(0) }, "ValidationException",
			"Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		"LongTimeout": {func(in *lambda.CreateFunctionInput) { in.Timeout = aws.Int32(901) }, "InvalidParameterValueException",
			"less than or equal to 900"},
		"SmallMemory": {func(in *lambda.CreateFunctionInput) { in.MemorySize = aws.Int32(64) }, "ValidationException",
			"at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128"},
		"Runtime": {func(in *lambda.CreateFunctionInput) { in.Runtime = "python2.7" }, "InvalidParameterValueException",
			"The runtime parameter of python2.7 is no longer supported"},
		"NoRuntime": {func(in *lambda.CreateFunctionInput) { in.Runtime = "" }, "InvalidParameterValueException",
			"Runtime and Handler are mandatory parameters"},
		"NotZip": {func(in *lambda.CreateFunctionInput) { in.Code.ZipFile = []byte("hello") }, "InvalidParameterValueException",
			"Could not unzip uploaded file. Please check your file, then try to upload again."},
		"Variable": {func(in *lambda.CreateFunctionInput) {
			in.Environment = &types.Environment{Variables: map[string]string{"1BAD": "x"}}
		}, "ValidationException", "at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint"},
		"Reserved": {func(in *lambda.CreateFunctionInput) {
			in.Environment = &types.Environment{Variables: map[string]string{"AWS_ACCESS_KEY_ID": "x"}}
		}, "InvalidParameterValueException", "Reserved keys used in this request: AWS_ACCESS_KEY_ID"},
		"Layers": {func(in *lambda.CreateFunctionInput) {
			in.Layers = []string{"arn:aws:lambda:us-east-1:111122223333:layer:deps:1"}
		}, "InvalidParameterValueException", "Salve does not support layers"},
		"Architectures": {func(in *lambda.CreateFunctionInput) { in.Architectures = []types.Architecture{"sparc"} },
			"ValidationException", "at 'architectures' failed to satisfy constraint"},
		"LongDescription": {func(in *lambda.CreateFunctionInput) { in.Description = aws.String(strings.Repeat("d", 257)) },
			"ValidationException", "at 'description' failed to satisfy constraint: Member must have length less than or equal to 256"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			in := createInput(t, "f-"+strings.ToLower(name), echo)
			tc.mutate(in)
			_, err := e.lambda.CreateFunction(context.Background(), in)
			requireCode(t, err, tc.code, tc.msg)
		})
	}
}

func TestListFunctions_PagesAndIsolates(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	for _, n := range []string{"b", "a", "c"} {
		e.create(t, n, echo)
	}
	var names []string
	p := lambda.NewListFunctionsPaginator(e.lambda, &lambda.ListFunctionsInput{MaxItems: aws.Int32(2)})
	pages := 0
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		require.NoError(t, err)
		pages++
		for _, f := range out.Functions {
			names = append(names, aws.ToString(f.FunctionName))
		}
	}
	require.Equal(t, []string{"a", "b", "c"}, names)
	require.Equal(t, 2, pages)

	out, err := e.client(other, "us-east-1").ListFunctions(ctx, &lambda.ListFunctionsInput{})
	require.NoError(t, err)
	require.Empty(t, out.Functions, "another account sees none")
	out, err = e.client(account, "eu-west-1").ListFunctions(ctx, &lambda.ListFunctionsInput{})
	require.NoError(t, err)
	require.Empty(t, out.Functions, "another region sees none")
	_, err = e.lambda.ListFunctions(ctx, &lambda.ListFunctionsInput{MaxItems: aws.Int32(0)})
	requireCode(t, err, "ValidationException", "at 'maxItems' failed to satisfy constraint")
	_, err = e.client(other, "us-east-1").GetFunction(ctx, &lambda.GetFunctionInput{
		FunctionName: aws.String("arn:aws:lambda:us-east-1:111122223333:function:a")})
	requireCode(t, err, "AccessDeniedException", "reachable from its own account only")
}

func TestUpdateFunction_ConfigurationAndCode(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	created := e.create(t, "f", echo)
	e.clock.Advance(60e9)
	cfg, err := e.lambda.UpdateFunctionConfiguration(ctx, &lambda.UpdateFunctionConfigurationInput{
		FunctionName: aws.String("f"), Timeout: aws.Int32(10), Handler: aws.String("app.other"),
		Environment: &types.Environment{Variables: map[string]string{"AB": "1"}}, RevisionId: created.RevisionId})
	require.NoError(t, err)
	require.Equal(t, int32(10), aws.ToInt32(cfg.Timeout))
	require.Equal(t, "app.other", aws.ToString(cfg.Handler))
	require.Equal(t, map[string]string{"AB": "1"}, cfg.Environment.Variables)
	require.Equal(t, "2026-11-01T12:01:00.000+0000", aws.ToString(cfg.LastModified))
	require.NotEqual(t, created.RevisionId, cfg.RevisionId)

	_, err = e.lambda.UpdateFunctionConfiguration(ctx, &lambda.UpdateFunctionConfigurationInput{
		FunctionName: aws.String("f"), Timeout: aws.Int32(5), RevisionId: created.RevisionId})
	requireCode(t, err, "PreconditionFailedException", "The Revision Id provided does not match the latest Revision Id")

	code, err := e.lambda.UpdateFunctionCode(ctx, &lambda.UpdateFunctionCodeInput{FunctionName: aws.String("f"),
		ZipFile: zipOf(t, map[string]string{"app.py": "def other(e, c):\n    return 'v2'\n"})})
	require.NoError(t, err)
	require.NotEqual(t, created.CodeSha256, code.CodeSha256)
	out, err := e.lambda.Invoke(ctx, &lambda.InvokeInput{FunctionName: aws.String("f")})
	require.NoError(t, err)
	require.Equal(t, `"v2"`, string(out.Payload))

	_, err = e.lambda.UpdateFunctionCode(ctx, &lambda.UpdateFunctionCodeInput{FunctionName: aws.String("nope"),
		ZipFile: zipOf(t, map[string]string{"a": ""})})
	requireCode(t, err, "ResourceNotFoundException", "Function not found")
}

func TestTags_RoundTrip(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := e.create(t, "f", echo).FunctionArn
	_, err := e.lambda.TagResource(ctx, &lambda.TagResourceInput{Resource: arn, Tags: map[string]string{"a": "1", "b": "2"}})
	require.NoError(t, err)
	_, err = e.lambda.UntagResource(ctx, &lambda.UntagResourceInput{Resource: arn, TagKeys: []string{"a"}})
	require.NoError(t, err)
	out, err := e.lambda.ListTags(ctx, &lambda.ListTagsInput{Resource: arn})
	require.NoError(t, err)
	require.Equal(t, map[string]string{"b": "2"}, out.Tags)
	_, err = e.lambda.ListTags(ctx, &lambda.ListTagsInput{Resource: aws.String("not-an-arn")})
	requireCode(t, err, "ValidationException", "at 'resource' failed to satisfy constraint")
}
