package s3

import (
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/sandbox/s3"
)

// request is one S3 request: who asks, which bucket and key it addresses,
// and what it carries.
type request struct {
	http   *http.Request
	caller *awsproto.Caller
	bucket string
	key    string
	query  url.Values
	body   []byte
}

// newRequest reads the addressing of r: virtual-hosted when the Host names
// a bucket, else path-style.
func newRequest(r *http.Request, caller *awsproto.Caller, body []byte) *request {
	q := &request{http: r, caller: caller, query: r.URL.Query(), body: body}
	path := strings.TrimPrefix(r.URL.Path, "/")
	if b := hostBucket(r.Host); b != "" {
		q.bucket, q.key = b, path
		return q
	}
	q.bucket, q.key, _ = strings.Cut(path, "/")
	return q
}

// hostBucket returns the bucket a virtual-hosted Host names:
// "<bucket>.s3.<anything>" (or the legacy "<bucket>.s3-<region>.…") and
// "<bucket>.localhost"; "" for any other host (an IP address, localhost,
// s3.amazonaws.com, a custom endpoint's name), which is path-style.
func hostBucket(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.ToLower(host)
	for _, sep := range []string{".s3.", ".s3-"} {
		if i := strings.Index(host, sep); i > 0 {
			return host[:i]
		}
	}
	if b, ok := strings.CutSuffix(host, ".localhost"); ok {
		return b
	}
	return ""
}

// ref is the domain's name for the addressed bucket.
func (q *request) ref() s3.Ref {
	return s3.Ref{AccountID: q.caller.AccountID, Name: q.bucket,
		ExpectedOwner: q.http.Header.Get("X-Amz-Expected-Bucket-Owner")}
}

// header returns a request header.
func (q *request) header(name string) string { return q.http.Header.Get(name) }

// hasBody reports whether the request carries a body.
func (q *request) hasBody() bool { return len(strings.TrimSpace(string(q.body))) > 0 }
