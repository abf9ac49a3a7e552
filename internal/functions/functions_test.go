package functions_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/tenant"
)

const echo = "def handler(event, context):\n    return {'echo': event}\n"

func TestService_Create_StoresAndRecords(t *testing.T) {
	t.Parallel()
	e := setup(t)
	f := e.create(t, "fixer", echo, func(p *functions.CreateParams) {
		p.Environment = map[string]string{"MODE": "fix"}
		p.Tags = map[string]string{"team": "sec"}
	})
	require.Equal(t, "arn:aws:lambda:eu-west-1:111122223333:function:fixer", f.ARN)
	require.Equal(t, 3, f.Timeout)
	require.Equal(t, 128, f.MemorySize)
	require.Equal(t, []string{"x86_64"}, f.Architectures)
	require.Equal(t, start, f.LastModified)
	require.NotEmpty(t, f.CodeSha256)
	require.NotEmpty(t, f.RevisionID)

	got, err := e.svc.Get(context.Background(), scope, f.ARN, "$LATEST")
	require.NoError(t, err)
	require.Equal(t, f, got)

	it := e.sink.Last(functions.ResourceType, "fixer")
	require.NotNil(t, it)
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, "python3.12", it.Configuration["runtime"])
	require.Equal(t, map[string]any{"variables": map[string]any{"MODE": "fix"}}, it.Configuration["environment"])
	require.Equal(t, map[string]string{"team": "sec"}, it.Tags)
	require.Equal(t, "lambda-exec", it.Relationships[0].ResourceName)
	require.Equal(t, 1, e.sink.ChangedCalls())

	_, err = e.svc.Create(context.Background(), scope, functions.CreateParams{Name: "fixer", Runtime: "python3.12",
		Role: role, Handler: "app.handler", Code: functions.CodeSource{ZipFile: zipOf(t, map[string]string{"a": ""})}})
	requireCode(t, err, functions.CodeResourceConflict, "Function already exist: fixer")
}

func TestService_Create_Refuses(t *testing.T) {
	t.Parallel()
	e := setup(t)
	good := zipOf(t, map[string]string{"app.py": echo})
	for name, tc := range map[string]struct {
		mutate    func(*functions.CreateParams)
		code, msg string
	}{
		"UnknownRuntime": {func(p *functions.CreateParams) { p.Runtime = "python9" }, functions.CodeInvalidParameterValue,
			"Value python9 at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [nodejs,"},
		"BlockedRuntime": {func(p *functions.CreateParams) { p.Runtime = "python3.7" }, functions.CodeInvalidParameterValue,
			"The runtime parameter of python3.7 is no longer supported"},
		"NodeRuntime": {func(p *functions.CreateParams) { p.Runtime = "nodejs22.x" }, functions.CodeInvalidParameterValue,
			"a nodejs22.x function cannot run here"},
		"NoHandler": {func(p *functions.CreateParams) { p.Handler = "" }, functions.CodeInvalidParameterValue,
			"Runtime and Handler are mandatory parameters"},
		"ReservedVariable": {func(p *functions.CreateParams) {
			p.Environment = map[string]string{"AWS_REGION": "x", "OK": "y"}
		}, functions.CodeInvalidParameterValue, "Reserved keys used in this request: AWS_REGION"},
		"LargeEnvironment": {func(p *functions.CreateParams) {
			p.Environment = map[string]string{"BIG": strings.Repeat("x", 5000)}
		}, functions.CodeInvalidParameterValue, "exceeded the 4KB limit"},
		"LongTimeout": {func(p *functions.CreateParams) { p.Timeout = 901 }, functions.CodeInvalidParameterValue,
			"Member must have value less than or equal to 900"},
		"Memory": {func(p *functions.CreateParams) { p.MemorySize = 20000 }, functions.CodeInvalidParameterValue,
			"less than or equal to 10240"},
		"NotAZip": {func(p *functions.CreateParams) { p.Code.ZipFile = []byte("plain text") },
			functions.CodeInvalidParameterValue, "Could not unzip uploaded file"},
		"ZipTooLarge": {func(p *functions.CreateParams) { p.Code.ZipFile = make([]byte, functions.MaxZipSize+1) },
			functions.CodeRequestEntityTooLarge, "Zipped size must be smaller than 52428800 bytes"},
		"NoCode": {func(p *functions.CreateParams) { p.Code = functions.CodeSource{} }, functions.CodeInvalidParameterValue,
			"Please provide a source for function code."},
		"S3Object": {func(p *functions.CreateParams) { p.Code = functions.CodeSource{S3Bucket: "b", S3Key: "k.zip"} },
			functions.CodeInvalidParameterValue, "NoSuchKey"},
		"RelativeDir": {func(p *functions.CreateParams) {
			p.Code = functions.CodeSource{S3Bucket: functions.LocalBucket, S3Key: "code/dir"}
		}, functions.CodeInvalidParameterValue, "absolute path"},
		"MissingDir": {func(p *functions.CreateParams) {
			p.Code = functions.CodeSource{S3Bucket: functions.LocalBucket, S3Key: "/no/such/salve/dir"}
		}, functions.CodeInvalidParameterValue, "cannot be read as a directory"},
		"Image": {func(p *functions.CreateParams) { p.PackageType = "Image" }, functions.CodeInvalidParameterValue,
			"container images"},
		"LongName": {func(p *functions.CreateParams) { p.Name = strings.Repeat("n", 65) }, functions.CodeInvalidParameterValue,
			"Member must have length less than or equal to 64"},
		"DottedName": {func(p *functions.CreateParams) { p.Name = "a.b" }, functions.CodeValidation,
			"Member must satisfy regular expression pattern"},
		"OtherRegion": {func(p *functions.CreateParams) { p.Name = "arn:aws:lambda:us-east-1:111122223333:function:f" },
			functions.CodeResourceNotFound, "Functions from 'us-east-1' are not reachable in this region ('eu-west-1')"},
		"OtherAccount": {func(p *functions.CreateParams) { p.Name = "444455556666:function:f" },
			functions.CodeAccessDenied, "reachable from its own account only"},
		"AWSTag": {func(p *functions.CreateParams) { p.Tags = map[string]string{"aws:x": "y"} },
			functions.CodeInvalidParameterValue, "reserved for AWS use"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := functions.CreateParams{Name: "f-" + strings.ToLower(name), Runtime: "python3.12", Role: role,
				Handler: "app.handler", Code: functions.CodeSource{ZipFile: good}}
			tc.mutate(&p)
			_, err := e.svc.Create(context.Background(), scope, p)
			requireCode(t, err, tc.code, tc.msg)
		})
	}
	fs, _, err := e.svc.List(context.Background(), scope, functions.ListParams{})
	require.NoError(t, err)
	require.Empty(t, fs, "nothing refused was stored")
}

func TestService_List_Pages(t *testing.T) {
	t.Parallel()
	e := setup(t)
	zip := zipOf(t, map[string]string{"app.py": echo})
	for _, n := range []string{"c", "a", "b"} {
		_, err := e.svc.Create(context.Background(), scope, functions.CreateParams{Name: n, Runtime: "python3.11",
			Role: role, Handler: "app.handler", Code: functions.CodeSource{ZipFile: zip}})
		require.NoError(t, err)
	}
	page, next, err := e.svc.List(context.Background(), scope, functions.ListParams{MaxItems: 2})
	require.NoError(t, err)
	require.Equal(t, []string{"a", "b"}, names(page))
	require.NotEmpty(t, next)
	page, next, err = e.svc.List(context.Background(), scope, functions.ListParams{Marker: next, MaxItems: 2})
	require.NoError(t, err)
	require.Equal(t, []string{"c"}, names(page))
	require.Empty(t, next)
	_, _, err = e.svc.List(context.Background(), scope, functions.ListParams{Marker: "bogus"})
	requireCode(t, err, functions.CodeInvalidParameterValue, "Invalid Marker")

	other := tenant.Scope{AccountID: "444455556666", Region: "eu-west-1"}
	page, _, err = e.svc.List(context.Background(), other, functions.ListParams{})
	require.NoError(t, err)
	require.Empty(t, page, "one account never sees another's functions")
}

func names(fs []*functions.Function) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

func TestService_UpdateConfiguration(t *testing.T) {
	t.Parallel()
	e := setup(t)
	f := e.create(t, "f", echo)
	e.clock.Advance(60e9)
	timeout, handler := 30, "app.other"
	env := map[string]string{"A": "1"}
	got, err := e.svc.UpdateConfiguration(context.Background(), scope, "f", functions.ConfigUpdate{Timeout: &timeout,
		Handler: &handler, Environment: &env, RevisionID: f.RevisionID})
	require.NoError(t, err)
	require.Equal(t, 30, got.Timeout)
	require.Equal(t, "app.other", got.Handler)
	require.Equal(t, env, got.Environment)
	require.NotEqual(t, f.RevisionID, got.RevisionID)
	require.Equal(t, start.Add(60e9), got.LastModified)
	require.Equal(t, "OK", e.sink.Last(functions.ResourceType, "f").Status)

	_, err = e.svc.UpdateConfiguration(context.Background(), scope, "f", functions.ConfigUpdate{Timeout: &timeout,
		RevisionID: f.RevisionID})
	requireCode(t, err, functions.CodePreconditionFailed, "does not match the latest Revision Id")
	empty := map[string]string{}
	got, err = e.svc.UpdateConfiguration(context.Background(), scope, "f", functions.ConfigUpdate{Environment: &empty})
	require.NoError(t, err)
	require.Empty(t, got.Environment)
	_, err = e.svc.UpdateConfiguration(context.Background(), scope, "missing", functions.ConfigUpdate{})
	requireCode(t, err, functions.CodeResourceNotFound, "Function not found: arn:aws:lambda:eu-west-1:111122223333:function:missing")
}

func TestService_UpdateCode(t *testing.T) {
	t.Parallel()
	e := setup(t)
	f := e.create(t, "f", echo)
	newZip := zipOf(t, map[string]string{"app.py": "def handler(e, c):\n    return 'v2'\n"})
	dry, err := e.svc.UpdateCode(context.Background(), scope, "f", functions.CodeUpdate{
		Code: functions.CodeSource{ZipFile: newZip}, DryRun: true})
	require.NoError(t, err)
	require.Equal(t, f.CodeSha256, dry.CodeSha256, "a dry run changes nothing")
	got, err := e.svc.UpdateCode(context.Background(), scope, "f", functions.CodeUpdate{Code: functions.CodeSource{ZipFile: newZip}})
	require.NoError(t, err)
	require.NotEqual(t, f.CodeSha256, got.CodeSha256)
	res, err := e.svc.Invoke(context.Background(), scope, "f", nil)
	require.NoError(t, err)
	require.Equal(t, `"v2"`, string(res.Payload))
	_, err = e.svc.UpdateCode(context.Background(), scope, "f", functions.CodeUpdate{Code: functions.CodeSource{ZipFile: []byte("x")}})
	requireCode(t, err, functions.CodeInvalidParameterValue, "Could not unzip")
}

func TestService_Delete(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.create(t, "f", echo)
	requireCode(t, e.svc.Delete(context.Background(), scope, "f", "$LATEST"), functions.CodeInvalidParameterValue,
		"$LATEST version cannot be deleted without deleting the function.")
	require.NoError(t, e.svc.Delete(context.Background(), scope, "f", ""))
	require.Equal(t, configitem.StatusResourceDeleted, e.sink.Last(functions.ResourceType, "f").Status)
	_, err := e.svc.Get(context.Background(), scope, "f", "")
	requireCode(t, err, functions.CodeResourceNotFound, "Function not found")
	requireCode(t, e.svc.Delete(context.Background(), scope, "f", ""), functions.CodeResourceNotFound, "Function not found")
}

func TestService_Tags(t *testing.T) {
	t.Parallel()
	e := setup(t)
	f := e.create(t, "f", echo, func(p *functions.CreateParams) { p.Tags = map[string]string{"a": "1"} })
	require.NoError(t, e.svc.Tag(context.Background(), scope, f.ARN, map[string]string{"b": "2"}))
	require.NoError(t, e.svc.Untag(context.Background(), scope, f.ARN, []string{"a"}))
	got, err := e.svc.Get(context.Background(), scope, "f", "")
	require.NoError(t, err)
	require.Equal(t, map[string]string{"b": "2"}, got.Tags)
	require.Equal(t, f.RevisionID, got.RevisionID, "tags are not a revision")
	require.Equal(t, map[string]string{"b": "2"}, e.sink.Last(functions.ResourceType, "f").Tags)
}

func TestService_LocalDirectory(t *testing.T) {
	t.Parallel()
	e := setup(t)
	dir := t.TempDir()
	write := func(body string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "app.py"), []byte(body), 0o644))
	}
	write("def handler(e, c):\n    return 'one'\n")
	f := e.create(t, "live", "", func(p *functions.CreateParams) {
		p.Code = functions.CodeSource{S3Bucket: functions.LocalBucket, S3Key: dir}
	})
	require.Equal(t, dir, f.CodeDir)
	res, err := e.svc.Invoke(context.Background(), scope, "live", nil)
	require.NoError(t, err)
	require.Equal(t, `"one"`, string(res.Payload))
	write("def handler(e, c):\n    return 'two'\n")
	res, err = e.svc.Invoke(context.Background(), scope, "live", nil)
	require.NoError(t, err)
	require.Equal(t, `"two"`, string(res.Payload), "the directory is read at every invocation")
	zip, err := e.svc.ZipFile(context.Background(), scope, "live", f.CodeSha256)
	require.NoError(t, err)
	require.Nil(t, zip)
}
