package ssm_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestDeleteDocument_AllVersions(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	docCreate(t, env.SSM, "gone", docRunbook("v1"))
	docUpdate(t, env.SSM, "gone", docRunbook("v2"))
	_, err := env.SSM.DeleteDocument(ctx, &ssm.DeleteDocumentInput{Name: aws.String("gone")})
	require.NoError(t, err)
	_, err = env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("gone"), DocumentVersion: aws.String("2")})
	docErr(t, err, "InvalidDocument")
	_, err = env.SSM.DeleteDocument(ctx, &ssm.DeleteDocumentInput{Name: aws.String("gone")})
	docErr(t, err, "InvalidDocument")
	// The name is free again and starts over at version 1.
	d := docCreate(t, env.SSM, "gone", docRunbook("again"))
	require.Equal(t, "1", *d.DocumentVersion)
}

func TestDeleteDocument_OneVersion(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	docCreate(t, env.SSM, "partial", docRunbook("v1"))
	_, err := env.SSM.UpdateDocument(ctx, &ssm.UpdateDocumentInput{Name: aws.String("partial"),
		Content: aws.String(docRunbook("v2")), VersionName: aws.String("two")})
	require.NoError(t, err)
	docUpdate(t, env.SSM, "partial", docRunbook("v3"))

	_, err = env.SSM.DeleteDocument(ctx, &ssm.DeleteDocumentInput{Name: aws.String("partial"), DocumentVersion: aws.String("1")})
	require.Equal(t, "Default version of the document can't be deleted.", docErr(t, err, "InvalidDocumentOperation"))
	_, err = env.SSM.DeleteDocument(ctx, &ssm.DeleteDocumentInput{Name: aws.String("partial"), VersionName: aws.String("two")})
	require.NoError(t, err)
	_, err = env.SSM.GetDocument(ctx, &ssm.GetDocumentInput{Name: aws.String("partial"), DocumentVersion: aws.String("2")})
	docErr(t, err, "InvalidDocumentVersion")

	_, err = env.SSM.DeleteDocument(ctx, &ssm.DeleteDocumentInput{Name: aws.String("partial"), DocumentVersion: aws.String("$LATEST")})
	require.NoError(t, err)
	desc, err := env.SSM.DescribeDocument(ctx, &ssm.DescribeDocumentInput{Name: aws.String("partial")})
	require.NoError(t, err)
	require.Equal(t, "1", *desc.Document.LatestVersion)
	// Deleted version numbers are not handed out again.
	d := docUpdate(t, env.SSM, "partial", docRunbook("v4"))
	require.Equal(t, "4", *d.DocumentVersion)

	_, err = env.SSM.DeleteDocument(ctx, &ssm.DeleteDocumentInput{Name: aws.String("partial"), DocumentVersion: aws.String("2")})
	docErr(t, err, "InvalidDocumentVersion")
}

func TestDeleteDocument_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	_, err := env.SSM.DeleteDocument(ctx, &ssm.DeleteDocumentInput{Name: aws.String("AWS-ConfigureS3BucketEncryption")})
	require.Contains(t, docErr(t, err, "InvalidDocumentOperation"), "owned by Amazon")
	_, err = env.SSM.DeleteDocument(ctx, &ssm.DeleteDocumentInput{Name: aws.String("never-was")})
	require.Equal(t, "The specified document does not exist.", docErr(t, err, "InvalidDocument"))
	_, err = env.SSM.DeleteDocument(ctx, &ssm.DeleteDocumentInput{Name: aws.String("ab")})
	require.Contains(t, docErr(t, err, "ValidationException"), "at 'name'")
	_, err = env.SSM.DeleteDocument(ctx, &ssm.DeleteDocumentInput{Name: aws.String("abc"), DocumentVersion: aws.String("one")})
	require.Contains(t, docErr(t, err, "ValidationException"), "at 'documentVersion'")
	_, err = env.SSM.DeleteDocument(ctx, &ssm.DeleteDocumentInput{Name: aws.String("abc"), VersionName: aws.String("a b")})
	require.Contains(t, docErr(t, err, "ValidationException"), "at 'versionName'")
	status, body := docRaw(t, env, "DeleteDocument", `{}`)
	require.Equal(t, 400, status)
	require.Contains(t, body, "at 'name' failed to satisfy constraint: Member must not be null")
}
