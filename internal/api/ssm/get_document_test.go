package ssm_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestGetDocument_Versions(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	docCreate(t, env.SSM, "versioned", docRunbook("v1"))
	env.Clock.Advance(60e9)
	_, err := env.SSM.UpdateDocument(ctx, &ssm.UpdateDocumentInput{Name: aws.String("versioned"),
		Content: aws.String(docRunbook("v2")), DocumentVersion: aws.String("1"), VersionName: aws.String("second")})
	require.NoError(t, err)
	docUpdate(t, env.SSM, "versioned", docRunbook("v3"))

	tests := []struct {
		name, version, versionName, want string
	}{
		{"NoneIsDefault", "", "", docRunbook("v1")},
		{"Default", "$DEFAULT", "", docRunbook("v1")},
		{"Latest", "$LATEST", "", docRunbook("v3")},
		{"Number", "2", "", docRunbook("v2")},
		{"VersionName", "", "second", docRunbook("v2")},
		{"NumberAndName", "2", "second", docRunbook("v2")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &ssm.GetDocumentInput{Name: aws.String("versioned")}
			if tt.version != "" {
				in.DocumentVersion = aws.String(tt.version)
			}
			if tt.versionName != "" {
				in.VersionName = aws.String(tt.versionName)
			}
			out, err := env.SSM.GetDocument(ctx, in)
			require.NoError(t, err)
			require.Equal(t, tt.want, *out.Content)
			require.Equal(t, types.DocumentFormatJson, out.DocumentFormat)
			require.Equal(t, types.DocumentTypeAutomation, out.DocumentType)
			require.Equal(t, types.DocumentStatusActive, out.Status)
			require.Equal(t, "versioned", *out.Name)
		})
	}
	out, err := env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("versioned"), DocumentVersion: aws.String("2")})
	require.NoError(t, err)
	require.Equal(t, "2", *out.DocumentVersion)
	require.Equal(t, "second", *out.VersionName)
	require.Equal(t, salvetest.Start.Add(60e9), out.CreatedDate.UTC())
}

func TestGetDocument_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	docCreate(t, env.SSM, "exists", docRunbookJSON)
	_, err := env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("missing")})
	require.Equal(t, "The specified document does not exist.", docErr(t, err, "InvalidDocument"))
	_, err = env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("exists"), DocumentVersion: aws.String("2")})
	docErr(t, err, "InvalidDocumentVersion")
	_, err = env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("exists"), VersionName: aws.String("nope")})
	docErr(t, err, "InvalidDocumentVersion")
	_, err = env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("exists"), DocumentVersion: aws.String("v2")})
	require.Contains(t, docErr(t, err, "ValidationException"), "at 'documentVersion'")
	_, err = env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("exists"), DocumentFormat: "XML"})
	require.Contains(t, docErr(t, err, "ValidationException"), "at 'documentFormat'")
	_, err = env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("x")})
	require.Contains(t, docErr(t, err, "ValidationException"), "at 'name'")
	status, body := docRaw(t, env, "GetDocument", `{}`)
	require.Equal(t, 400, status)
	require.Contains(t, body, "at 'name' failed to satisfy constraint: Member must not be null")
}

func TestGetDocument_ByARN(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	docCreate(t, env.SSM, "by-arn", docRunbookJSON)
	out, err := env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("arn:aws:ssm:us-east-1:" + docAccount + ":document/by-arn")})
	require.NoError(t, err)
	require.Equal(t, "by-arn", *out.Name)
	_, err = env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("arn:aws:ssm:us-east-1:111122223333:document/by-arn")})
	docErr(t, err, "InvalidDocument")
}

func TestGetDocument_FormatConversion(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	docCreate(t, env.SSM, "json-doc", docRunbookJSON)
	_, err := env.SSM.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String("yaml-doc"),
		Content: aws.String(docRunbookYAML), DocumentType: types.DocumentTypeAutomation, DocumentFormat: types.DocumentFormatYaml})
	require.NoError(t, err)

	asYAML, err := env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("json-doc"), DocumentFormat: types.DocumentFormatYaml})
	require.NoError(t, err)
	require.Equal(t, types.DocumentFormatYaml, asYAML.DocumentFormat)
	var fromYAML, fromJSON any
	require.NoError(t, yaml.Unmarshal([]byte(*asYAML.Content), &fromYAML))
	require.NoError(t, json.Unmarshal([]byte(docRunbookJSON), &fromJSON))
	require.Equal(t, normalise(t, fromJSON), normalise(t, fromYAML))

	asJSON, err := env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("yaml-doc"), DocumentFormat: types.DocumentFormatJson})
	require.NoError(t, err)
	require.Equal(t, types.DocumentFormatJson, asJSON.DocumentFormat)
	var got, want any
	require.NoError(t, json.Unmarshal([]byte(*asJSON.Content), &got))
	require.NoError(t, yaml.Unmarshal([]byte(docRunbookYAML), &want))
	require.Equal(t, normalise(t, want), normalise(t, got))

	stored, err := env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("yaml-doc")})
	require.NoError(t, err)
	require.Equal(t, docRunbookYAML, *stored.Content, "without DocumentFormat the stored format comes back")
	require.Equal(t, types.DocumentFormatYaml, stored.DocumentFormat)
}

// normalise round-trips v through JSON so numbers and maps compare equal.
func normalise(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var out any
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

func TestDescribeDocument_Versions(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	docCreate(t, env.SSM, "described", docRunbook("v1"))
	docUpdate(t, env.SSM, "described", docRunbook("v2"))

	out, err := env.SSM.DescribeDocument(ctx, &ssm.DescribeDocumentInput{Name: aws.String("described")})
	require.NoError(t, err)
	require.Equal(t, "1", *out.Document.DocumentVersion)
	require.Equal(t, "2", *out.Document.LatestVersion)
	require.Equal(t, "1", *out.Document.DefaultVersion)
	require.Equal(t, "v1", *out.Document.Description)
	require.Equal(t, docSHA256(docRunbook("v1")), *out.Document.Hash)

	out, err = env.SSM.DescribeDocument(ctx, &ssm.DescribeDocumentInput{Name: aws.String("described"), DocumentVersion: aws.String("$LATEST")})
	require.NoError(t, err)
	require.Equal(t, "2", *out.Document.DocumentVersion)
	require.Equal(t, docSHA256(docRunbook("v2")), *out.Document.Hash)

	_, err = env.SSM.DescribeDocument(ctx, &ssm.DescribeDocumentInput{Name: aws.String("described"), DocumentVersion: aws.String("7")})
	docErr(t, err, "InvalidDocumentVersion")
	_, err = env.SSM.DescribeDocument(ctx, &ssm.DescribeDocumentInput{Name: aws.String("nothing-here")})
	docErr(t, err, "InvalidDocument")
	_, err = env.SSM.DescribeDocument(ctx, &ssm.DescribeDocumentInput{Name: aws.String("described"), VersionName: aws.String("bad name")})
	require.Contains(t, docErr(t, err, "ValidationException"), "at 'versionName'")
}

func TestDocuments_AccountIsolation(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	docCreate(t, env.SSM, "private-doc", docRunbookJSON)
	_, other, _ := env.Clients("111122223333", "secret", "us-east-1")
	_, err := other.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("private-doc")})
	docErr(t, err, "InvalidDocument")
	_, err = other.DescribeDocument(ctx, &ssm.DescribeDocumentInput{Name: aws.String("private-doc")})
	docErr(t, err, "InvalidDocument")
	_, err = other.DeleteDocument(ctx, &ssm.DeleteDocumentInput{Name: aws.String("private-doc")})
	docErr(t, err, "InvalidDocument")
	list, err := other.ListDocuments(ctx, &ssm.ListDocumentsInput{Filters: []types.DocumentKeyValuesFilter{{Key: aws.String("Owner"), Values: []string{"Self"}}}})
	require.NoError(t, err)
	require.Empty(t, list.DocumentIdentifiers)
	// Same name in the other account is a different document.
	d := docCreate(t, other, "private-doc", docRunbook("theirs"))
	require.Equal(t, "111122223333", *d.Owner)
	// Documents are per Region too.
	_, westSSM, _ := env.Clients("AKIDSALVETEST", "secret", "eu-west-1")
	_, err = westSSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("private-doc")})
	docErr(t, err, "InvalidDocument")
}
