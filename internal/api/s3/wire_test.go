package s3_test

import (
	"context"
	"crypto/md5"
	"encoding/base64"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/s3"
)

func TestVirtualHostedStyle(t *testing.T) {
	t.Parallel()
	e := setup(t)
	hosts := map[string]string{
		"Localhost":   "vhost-a.localhost:4580",
		"S3Regional":  "vhost-b.s3.us-east-1.amazonaws.com",
		"S3Localhost": "vhost-c.s3.localhost.localstack.cloud:4566",
		"DottedName":  "vhost.d.s3.amazonaws.com",
	}
	for name, host := range hosts {
		t.Run(name, func(t *testing.T) {
			bucket := strings.SplitN(host, ".s3", 2)[0]
			bucket = strings.TrimSuffix(strings.Split(bucket, ".localhost")[0], ":4580")
			resp := e.raw(t, http.MethodPut, "/", host, nil)
			require.Equal(t, http.StatusOK, resp.status, "body: %s", resp.body)
			resp = e.raw(t, http.MethodGet, "/?versioning", host, nil)
			require.Equal(t, http.StatusOK, resp.status)
			require.Contains(t, string(resp.body), `<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></VersioningConfiguration>`)
			_, err := e.s3.HeadBucket(context.Background(), &s3.HeadBucketInput{Bucket: aws.String(bucket)})
			require.NoError(t, err, "the virtual-hosted request created %q", bucket)
		})
	}
	resp := e.raw(t, http.MethodGet, "/vhost-a?location", "127.0.0.1:4580", nil)
	require.Equal(t, http.StatusOK, resp.status, "an IP host is path-style")
}

func TestErrorDocument(t *testing.T) {
	t.Parallel()
	e := setup(t)
	resp := e.raw(t, http.MethodGet, "/missing-bucket?encryption", "", nil)
	require.Equal(t, http.StatusNotFound, resp.status)
	require.Equal(t, "application/xml", resp.header.Get("Content-Type"))
	require.True(t, strings.HasPrefix(string(resp.body), `<?xml version="1.0" encoding="UTF-8"?>`), "%s", resp.body)
	doc := resp.error(t)
	require.Equal(t, s3Error{XMLName: doc.XMLName, Code: "NoSuchBucket", Message: "The specified bucket does not exist",
		BucketName: "missing-bucket", RequestID: resp.header.Get("X-Amz-Request-Id"), HostID: resp.header.Get("X-Amz-Id-2")}, doc)
	require.NotEmpty(t, doc.RequestID)

	head := e.raw(t, http.MethodHead, "/missing-bucket", "", nil)
	require.Equal(t, http.StatusNotFound, head.status)
	require.Empty(t, head.body, "a HEAD error has no body")

	e.createBucket(t, "argued")
	resp = e.raw(t, http.MethodPut, "/argued?acl", "", nil)
	require.Equal(t, "MissingSecurityHeader", resp.errorCode(t))
	req := strings.NewReader(`<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>` +
		`<SSEAlgorithm>AES256</SSEAlgorithm><KMSMasterKeyID>k</KMSMasterKeyID></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`)
	resp = e.raw(t, http.MethodPut, "/argued?encryption", "", req)
	doc = resp.error(t)
	require.Equal(t, "InvalidArgument", doc.Code)
	require.Equal(t, "ApplyServerSideEncryptionByDefault", doc.ArgumentName)
	require.Empty(t, doc.BucketName)
}

func TestNotImplemented(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "unserved")
	_, err := e.s3.GetBucketCors(ctx, &s3.GetBucketCorsInput{Bucket: aws.String("unserved")})
	requireCode(t, err, "NotImplemented")
	_, err = e.s3.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("unserved"), Key: aws.String("k"),
		Body: strings.NewReader("x")})
	requireCode(t, err, "NotImplemented")

	resp := e.raw(t, http.MethodDelete, "/unserved?lifecycle", "", nil)
	require.Equal(t, http.StatusNotImplemented, resp.status)
	require.Contains(t, resp.error(t).Message, "DeleteBucketLifecycle")
	resp = e.raw(t, http.MethodGet, "/unserved/some/key", "", nil)
	require.Contains(t, resp.error(t).Message, "GetObject")
	resp = e.raw(t, http.MethodPatch, "/unserved", "", nil)
	require.Equal(t, http.StatusMethodNotAllowed, resp.status)
	require.Equal(t, "MethodNotAllowed", resp.errorCode(t))
}

func TestWriteError_Authentication(t *testing.T) {
	t.Parallel()
	e := setup(t, awsproto.AuthSigV4)
	ctx := context.Background()
	_, err := e.signedClient("AKIDS3TEST", "secret", "us-east-1").CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("signed")})
	require.NoError(t, err, "the configured key maps to the account")
	_, err = e.signedClient("AKIDS3TEST", "wrong", "us-east-1").HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String("signed")})
	requireCode(t, err, "Forbidden")
	_, err = e.signedClient("AKIDS3TEST", "wrong", "us-east-1").GetBucketAcl(ctx, &s3.GetBucketAclInput{Bucket: aws.String("signed")})
	requireCode(t, err, "SignatureDoesNotMatch")
	_, err = e.signedClient("AKIDUNKNOWN", "secret", "us-east-1").ListBuckets(ctx, &s3.ListBucketsInput{})
	requireCode(t, err, "InvalidAccessKeyId")

	req, err := http.NewRequest(http.MethodGet, e.url+"/signed?acl", nil)
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusForbidden, resp.StatusCode, "an anonymous request is AccessDenied")
	require.Equal(t, "application/xml", resp.Header.Get("Content-Type"))
}

func TestContentMD5(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.createBucket(t, "digest")
	body := `<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>`
	send := func(md5Header string) rawResponse {
		return e.raw(t, http.MethodPut, "/digest?versioning", "", strings.NewReader(body), "Content-MD5", md5Header)
	}
	sum := md5.Sum([]byte(body))
	require.Equal(t, http.StatusOK, send(base64.StdEncoding.EncodeToString(sum[:])).status)
	other := md5.Sum([]byte("other"))
	require.Equal(t, "BadDigest", send(base64.StdEncoding.EncodeToString(other[:])).errorCode(t))
	require.Equal(t, "InvalidDigest", send("not base64!").errorCode(t))
}

// TestPutBucketACL_BotocoreBody sends the AccessControlPolicy as botocore
// writes it (xsi prefix declared on the Grantee).
func TestPutBucketACL_BotocoreBody(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.createBucket(t, "boto-acl")
	owner := sandbox.CanonicalUserID(account)
	grant := func(grantee string) string {
		return `<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><AccessControlList><Grant>` + grantee +
			`<Permission>READ</Permission></Grant></AccessControlList><Owner><ID>` + owner + `</ID></Owner></AccessControlPolicy>`
	}
	ok := grant(`<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>` + allUsers + `</URI></Grantee>`)
	resp := e.raw(t, http.MethodPut, "/boto-acl?acl", "", strings.NewReader(ok))
	require.Equal(t, http.StatusOK, resp.status, "%s", resp.body)
	out, err := e.s3.GetBucketAcl(context.Background(), &s3.GetBucketAclInput{Bucket: aws.String("boto-acl")})
	require.NoError(t, err)
	require.Len(t, out.Grants, 1)
	require.Equal(t, allUsers, aws.ToString(out.Grants[0].Grantee.URI))

	untyped := grant(`<Grantee><URI>` + allUsers + `</URI></Grantee>`)
	require.Equal(t, "MalformedACLError", e.raw(t, http.MethodPut, "/boto-acl?acl", "", strings.NewReader(untyped)).errorCode(t))
	require.Equal(t, "MalformedACLError", e.raw(t, http.MethodPut, "/boto-acl?acl", "", strings.NewReader("<Acc")).errorCode(t))
}

func TestListObjects_Empty(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "no-objects")
	v2, err := e.s3.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("no-objects"), Prefix: aws.String("logs/")})
	require.NoError(t, err)
	require.Empty(t, v2.Contents)
	require.Equal(t, int32(0), aws.ToInt32(v2.KeyCount))
	require.Equal(t, "logs/", aws.ToString(v2.Prefix))
	v1, err := e.s3.ListObjects(ctx, &s3.ListObjectsInput{Bucket: aws.String("no-objects"), MaxKeys: aws.Int32(5)})
	require.NoError(t, err)
	require.Equal(t, int32(5), aws.ToInt32(v1.MaxKeys))
	require.False(t, aws.ToBool(v1.IsTruncated))
	_, err = e.s3.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("no-bucket")})
	requireCode(t, err, "NoSuchBucket")
}
