package s3_test

import (
	"encoding/xml"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// rawResponse is an answer read by hand.
type rawResponse struct {
	status int
	header http.Header
	body   []byte
}

// raw sends a request by hand as account in us-east-1 (the signature is
// not checked), with an optional Host header and header name/value pairs.
func (e *env) raw(t *testing.T, method, path, host string, body io.Reader, headers ...string) rawResponse {
	t.Helper()
	req, err := http.NewRequest(method, e.url+path, body)
	require.NoError(t, err)
	if host != "" {
		req.Host = host
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+account+
		"/20261101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return rawResponse{status: resp.StatusCode, header: resp.Header, body: b}
}

// s3Error is S3's error document.
type s3Error struct {
	XMLName       xml.Name `xml:"Error"`
	Code          string
	Message       string
	BucketName    string
	ArgumentName  string
	ArgumentValue string
	RequestID     string `xml:"RequestId"`
	HostID        string `xml:"HostId"`
}

func (r rawResponse) error(t *testing.T) s3Error {
	t.Helper()
	var doc s3Error
	require.NoError(t, xml.Unmarshal(r.body, &doc), "body: %s", r.body)
	return doc
}

func (r rawResponse) errorCode(t *testing.T) string { return r.error(t).Code }
