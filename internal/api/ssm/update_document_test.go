package ssm_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestUpdateDocument_NewVersion(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	_, err := env.SSM.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String("upd"),
		Content: aws.String(docRunbook("v1")), DocumentType: types.DocumentTypeAutomation,
		DisplayName: aws.String("Shown name"), TargetType: aws.String("/AWS::S3::Bucket")})
	require.NoError(t, err)
	env.Clock.Advance(3600e9)
	out, err := env.SSM.UpdateDocument(ctx, &ssm.UpdateDocumentInput{Name: aws.String("upd"),
		Content: aws.String(docRunbook("v2")), DocumentVersion: aws.String("1"), VersionName: aws.String("two")})
	require.NoError(t, err)
	d := out.DocumentDescription
	require.Equal(t, "2", *d.DocumentVersion)
	require.Equal(t, "2", *d.LatestVersion)
	require.Equal(t, "1", *d.DefaultVersion, "the default version stays")
	require.Equal(t, "two", *d.VersionName)
	require.Equal(t, "Shown name", *d.DisplayName, "DisplayName carries over")
	require.Equal(t, "/AWS::S3::Bucket", *d.TargetType)
	require.Equal(t, "v2", *d.Description)
	require.Equal(t, docSHA256(docRunbook("v2")), *d.Hash)
	require.Equal(t, salvetest.Start.Add(3600e9), d.CreatedDate.UTC())

	// YAML content for a new version.
	y, err := env.SSM.UpdateDocument(ctx, &ssm.UpdateDocumentInput{Name: aws.String("upd"),
		Content: aws.String(docRunbookYAML), DocumentFormat: types.DocumentFormatYaml, DisplayName: aws.String("Renamed")})
	require.NoError(t, err, "no DocumentVersion means the latest")
	require.Equal(t, "3", *y.DocumentDescription.DocumentVersion)
	require.Equal(t, types.DocumentFormatYaml, y.DocumentDescription.DocumentFormat)
	require.Equal(t, "Renamed", *y.DocumentDescription.DisplayName)
}

func TestUpdateDocument_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	docCreate(t, env.SSM, "upd-err", docRunbook("v1"))
	_, err := env.SSM.UpdateDocument(ctx, &ssm.UpdateDocumentInput{Name: aws.String("upd-err"),
		Content: aws.String(docRunbook("v2")), VersionName: aws.String("named")})
	require.NoError(t, err)

	tests := []struct {
		name string
		in   ssm.UpdateDocumentInput
		code string
		want string
	}{
		{"NotLatest", ssm.UpdateDocumentInput{DocumentVersion: aws.String("1"), Content: aws.String(docRunbook("v3"))}, "InvalidDocumentVersion", "latest version of upd-err is 2"},
		{"DefaultIsNotLatest", ssm.UpdateDocumentInput{DocumentVersion: aws.String("$DEFAULT"), Content: aws.String(docRunbook("v3"))}, "InvalidDocumentVersion", "latest"},
		{"UnknownVersion", ssm.UpdateDocumentInput{DocumentVersion: aws.String("9"), Content: aws.String(docRunbook("v3"))}, "InvalidDocumentVersion", "latest"},
		{"SameContent", ssm.UpdateDocumentInput{Content: aws.String(docRunbook("v2"))}, "DuplicateDocumentContent", "version (2)"},
		{"SameVersionName", ssm.UpdateDocumentInput{Content: aws.String(docRunbook("v3")), VersionName: aws.String("named")}, "DuplicateDocumentVersionName", "named"},
		{"BadContent", ssm.UpdateDocumentInput{Content: aws.String(`{"schemaVersion":"0.3"}`)}, "InvalidDocumentContent", "mainSteps is required"},
		{"YAMLWithoutFormat", ssm.UpdateDocumentInput{Content: aws.String(docRunbookYAML)}, "InvalidDocumentContent", "JSON syntax error"},
		{"TooBig", ssm.UpdateDocumentInput{Content: aws.String(repeat(" ", 64*1024+1))}, "MaxDocumentSizeExceeded", "64 KB"},
		{"Missing", ssm.UpdateDocumentInput{Name: aws.String("nope-doc"), Content: aws.String(docRunbook("v3"))}, "InvalidDocument", "does not exist"},
		{"Amazon", ssm.UpdateDocumentInput{Name: aws.String("AWS-StopEC2Instance"), Content: aws.String(docRunbook("v3"))}, "InvalidDocumentOperation", "owned by Amazon"},
		{"BadVersionPattern", ssm.UpdateDocumentInput{DocumentVersion: aws.String("0"), Content: aws.String(docRunbook("v3"))}, "ValidationException", "at 'documentVersion'"},
		{"BadFormat", ssm.UpdateDocumentInput{DocumentFormat: "XML", Content: aws.String(docRunbook("v3"))}, "ValidationException", "at 'documentFormat'"},
		{"BadTargetType", ssm.UpdateDocumentInput{TargetType: aws.String("x"), Content: aws.String(docRunbook("v3"))}, "ValidationException", "at 'targetType'"},
		{"BadName", ssm.UpdateDocumentInput{Name: aws.String("a b c"), Content: aws.String(docRunbook("v3"))}, "ValidationException", "at 'name'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			if in.Name == nil {
				in.Name = aws.String("upd-err")
			}
			_, err := env.SSM.UpdateDocument(ctx, &in)
			require.Contains(t, docErr(t, err, tt.code), tt.want)
		})
	}
	status, body := docRaw(t, env, "UpdateDocument", `{"Name":"upd-err"}`)
	require.Equal(t, 400, status)
	require.Contains(t, body, "at 'content' failed to satisfy constraint: Member must not be null")
}

func TestUpdateDocumentDefaultVersion(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	docCreate(t, env.SSM, "defaults", docRunbook("v1"))
	_, err := env.SSM.UpdateDocument(ctx, &ssm.UpdateDocumentInput{Name: aws.String("defaults"),
		Content: aws.String(docRunbook("v2")), VersionName: aws.String("release-2")})
	require.NoError(t, err)

	out, err := env.SSM.UpdateDocumentDefaultVersion(ctx, &ssm.UpdateDocumentDefaultVersionInput{
		Name: aws.String("defaults"), DocumentVersion: aws.String("2")})
	require.NoError(t, err)
	require.Equal(t, "defaults", *out.Description.Name)
	require.Equal(t, "2", *out.Description.DefaultVersion)
	require.Equal(t, "release-2", *out.Description.DefaultVersionName)

	got, err := env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("defaults")})
	require.NoError(t, err)
	require.Equal(t, docRunbook("v2"), *got.Content)
	desc, err := env.SSM.DescribeDocument(ctx, &ssm.DescribeDocumentInput{Name: aws.String("defaults"), DocumentVersion: aws.String("1")})
	require.NoError(t, err)
	require.Equal(t, "2", *desc.Document.DefaultVersion)

	_, err = env.SSM.UpdateDocumentDefaultVersion(ctx, &ssm.UpdateDocumentDefaultVersionInput{
		Name: aws.String("defaults"), DocumentVersion: aws.String("3")})
	docErr(t, err, "InvalidDocumentVersion")
	_, err = env.SSM.UpdateDocumentDefaultVersion(ctx, &ssm.UpdateDocumentDefaultVersionInput{
		Name: aws.String("defaults"), DocumentVersion: aws.String("$LATEST")})
	require.Contains(t, docErr(t, err, "ValidationException"), "at 'documentVersion'")
	_, err = env.SSM.UpdateDocumentDefaultVersion(ctx, &ssm.UpdateDocumentDefaultVersionInput{
		Name: aws.String("no-such-doc"), DocumentVersion: aws.String("1")})
	docErr(t, err, "InvalidDocument")
	_, err = env.SSM.UpdateDocumentDefaultVersion(ctx, &ssm.UpdateDocumentDefaultVersionInput{
		Name: aws.String("AWS-StopEC2Instance"), DocumentVersion: aws.String("1")})
	require.Contains(t, docErr(t, err, "InvalidDocument"), "owned by Amazon")
	status, body := docRaw(t, env, "UpdateDocumentDefaultVersion", `{"Name":"defaults"}`)
	require.Equal(t, 400, status)
	require.Contains(t, body, "at 'documentVersion' failed to satisfy constraint: Member must not be null")
}
