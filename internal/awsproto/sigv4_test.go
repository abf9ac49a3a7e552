package awsproto

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
)

// signed builds a request signed by the SDK's own SigV4 signer.
func signed(t *testing.T, secret, service string, at time.Time, body string, path string) *http.Request {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:4580"+path, bytes.NewBufferString(body))
	r.Header.Set("Content-Type", "application/x-amz-json-1.1")
	r.Header.Set("X-Amz-Target", "StarlingDoveService.DescribeConfigRules")
	sum := sha256.Sum256([]byte(body))
	creds := aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: secret}
	// S3 clients sign the path as sent; every other service escapes it again.
	signer := v4.NewSigner(func(o *v4.SignerOptions) { o.DisableURIPathEscaping = service == "s3" })
	err := signer.SignHTTP(context.Background(), creds, r, hex.EncodeToString(sum[:]), service, "eu-west-1", at)
	require.NoError(t, err)
	return r
}

func TestVerifySignature_MatchesSDKSigner(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		name    string
		secret  string
		body    string
		path    string
		service string
		tamper  func(r *http.Request)
		code    string
	}{
		{name: "Valid", secret: "s3cr3t", body: `{"ConfigRuleNames":["a"]}`, path: "/", service: "config"},
		{name: "ValidQueryAndPath", secret: "s3cr3t", body: ``, path: "/a%20b/c?x=1&a=b%2Fc&a=a", service: "sts"},
		{name: "ValidS3Path", secret: "s3cr3t", body: ``, path: "/bucket/key%20x?encryption=", service: "s3"},
		{name: "WrongSecret", secret: "other", body: `{}`, path: "/", service: "config", code: awserr.InvalidSignatureException},
		{name: "TamperedBody", secret: "s3cr3t", body: `{}`, path: "/", service: "config",
			tamper: func(r *http.Request) { r.Body = http.NoBody }, code: awserr.InvalidSignatureException},
		{name: "TamperedTarget", secret: "s3cr3t", body: `{}`, path: "/", service: "config",
			tamper: func(r *http.Request) { r.Header.Set("X-Amz-Target", "StarlingDoveService.DeleteConfigRule") },
			code:   awserr.InvalidSignatureException},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := signed(t, tc.secret, tc.service, now, tc.body, tc.path)
			body := []byte(tc.body)
			if tc.tamper != nil {
				tc.tamper(r)
				if r.Body == http.NoBody {
					body = nil
					r.Header.Del("X-Amz-Content-Sha256")
				}
			}
			auth, err := ParseAuthorization(r.Header.Get("Authorization"))
			require.NoError(t, err)
			require.Equal(t, "eu-west-1", auth.Credential.Region)
			require.Equal(t, tc.service, auth.Credential.Service)
			err = VerifySignature(r, VerifyParams{Auth: auth, Secret: "s3cr3t", Body: body, Now: now, MaxSkew: 15 * time.Minute})
			if tc.code == "" {
				require.NoError(t, err)
				return
			}
			require.True(t, awserr.Is(err, tc.code), "got %v", err)
		})
	}
}

func TestVerifySignature_Expired(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	r := signed(t, "s3cr3t", "config", at, `{}`, "/")
	auth, err := ParseAuthorization(r.Header.Get("Authorization"))
	require.NoError(t, err)
	err = VerifySignature(r, VerifyParams{Auth: auth, Secret: "s3cr3t", Body: []byte(`{}`),
		Now: at.Add(16 * time.Minute), MaxSkew: 15 * time.Minute})
	require.True(t, awserr.Is(err, awserr.InvalidSignatureException))
	require.Contains(t, err.Error(), "Signature expired")
}

func TestParseAuthorization(t *testing.T) {
	t.Parallel()
	good := "AWS4-HMAC-SHA256 Credential=AKID/20261101/us-west-2/ssm/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc"
	a, err := ParseAuthorization(good)
	require.NoError(t, err)
	require.Equal(t, Credential{AccessKeyID: "AKID", Date: "20261101", Region: "us-west-2", Service: "ssm"}, a.Credential)
	require.Equal(t, []string{"host", "x-amz-date"}, a.SignedHeaders)
	require.Equal(t, "abc", a.Signature)

	for _, bad := range []string{
		"",
		"Basic dXNlcjpwYXNz",
		"AWS4-HMAC-SHA256 Credential=AKID/20261101/us-west-2/ssm/aws4_request, Signature=abc",
		"AWS4-HMAC-SHA256 Credential=AKID/20261101/us-west-2/aws4_request, SignedHeaders=host, Signature=abc",
		"AWS4-HMAC-SHA256 SignedHeaders=host, Signature=abc",
	} {
		_, err := ParseAuthorization(bad)
		require.True(t, awserr.Is(err, awserr.IncompleteSignatureException), "%q: %v", bad, err)
	}
}

func FuzzParseAuthorization(f *testing.F) {
	f.Add("AWS4-HMAC-SHA256 Credential=AKID/20261101/us-west-2/ssm/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc")
	f.Add("AWS4-HMAC-SHA256 Credential=/////, SignedHeaders=, Signature=")
	f.Add("AWS4-HMAC-SHA256 ,,,==")
	f.Fuzz(func(t *testing.T, h string) {
		a, err := ParseAuthorization(h)
		if err != nil {
			if _, ok := awserr.As(err); !ok {
				t.Fatalf("non-AWS error %v", err)
			}
			return
		}
		if a.Credential.AccessKeyID == "" || a.Signature == "" || len(a.SignedHeaders) == 0 {
			t.Fatalf("accepted incomplete authorization %q: %+v", h, a)
		}
	})
}
