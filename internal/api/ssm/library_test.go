package ssm_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/salvetest"
)

// TestLibrary_WorkshopDescribeDocument is the product workshop's
// `aws ssm describe-document --name AWS-ConfigureS3BucketEncryption
// --query 'Document.Parameters'`.
func TestLibrary_WorkshopDescribeDocument(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	out, err := env.SSM.DescribeDocument(context.Background(), &ssm.DescribeDocumentInput{Name: aws.String("AWS-ConfigureS3BucketEncryption")})
	require.NoError(t, err)
	d := out.Document
	require.Equal(t, "Amazon", *d.Owner)
	require.Equal(t, types.DocumentTypeAutomation, d.DocumentType)
	require.Equal(t, "1", *d.DocumentVersion)
	require.Equal(t, documents.LibraryCreated, d.CreatedDate.UTC())
	require.Len(t, d.Parameters, 3)
	require.Equal(t, "BucketName", *d.Parameters[0].Name)
	require.Nil(t, d.Parameters[0].DefaultValue)
	require.Equal(t, "SSEAlgorithm", *d.Parameters[1].Name)
	require.Equal(t, "AES256", *d.Parameters[1].DefaultValue)
	require.Equal(t, "AutomationAssumeRole", *d.Parameters[2].Name)
	require.Equal(t, "", *d.Parameters[2].DefaultValue)
}

func TestLibrary_VisibleToEveryAccount(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	_, other, _ := env.Clients("111122223333", "secret", "ap-southeast-1")
	for _, c := range []*ssm.Client{env.SSM, other} {
		names := docList(t, c, &ssm.ListDocumentsInput{Filters: []types.DocumentKeyValuesFilter{docFilter("Owner", "Amazon")}})
		require.Equal(t, documents.LibraryNames(), names)
		for _, name := range names {
			got, err := c.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String(name)})
			require.NoError(t, err, name)
			require.Equal(t, types.DocumentFormatYaml, got.DocumentFormat)
			desc, err := c.DescribeDocument(ctx, &ssm.DescribeDocumentInput{Name: aws.String(name), DocumentVersion: aws.String("$LATEST")})
			require.NoError(t, err, name)
			require.Equal(t, docSHA256(*got.Content), *desc.Document.Hash)
			require.Equal(t, "Amazon", *desc.Document.Owner)
		}
	}
	_, err := other.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("AWS-StopEC2Instance"), DocumentVersion: aws.String("2")})
	docErr(t, err, "InvalidDocumentVersion")
	asJSON, err := other.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("AWS-StopEC2Instance"), DocumentFormat: types.DocumentFormatJson})
	require.NoError(t, err)
	require.Contains(t, *asJSON.Content, `"name": "forceStopInstances"`)
}

func TestLibrary_ReadOnly(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	_, err := env.SSM.UpdateDocument(ctx, &ssm.UpdateDocumentInput{Name: aws.String("AWS-EnableCloudTrail"), Content: aws.String(docRunbookJSON)})
	docErr(t, err, "InvalidDocumentOperation")
	_, err = env.SSM.DeleteDocument(ctx, &ssm.DeleteDocumentInput{Name: aws.String("AWS-EnableCloudTrail")})
	docErr(t, err, "InvalidDocumentOperation")
	_, err = env.SSM.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String("AWS-EnableCloudTrail"),
		Content: aws.String(docRunbookJSON), DocumentType: types.DocumentTypeAutomation})
	docErr(t, err, "ValidationException")
	_, err = env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("AWS-EnableCloudTrail")})
	require.NoError(t, err, "still there")
}
