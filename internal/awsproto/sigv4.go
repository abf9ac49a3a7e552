package awsproto

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/awserr"
)

const sigV4Algorithm = "AWS4-HMAC-SHA256"

// amzDateLayout is the ISO 8601 basic format of X-Amz-Date.
const amzDateLayout = "20060102T150405Z"

// Credential is the parsed Credential element of a SigV4 signature:
// AccessKeyID/Date/Region/Service/aws4_request.
type Credential struct {
	AccessKeyID string
	Date        string
	Region      string
	Service     string
}

// Scope returns the credential scope string (Date/Region/Service/aws4_request).
func (c Credential) Scope() string {
	return c.Date + "/" + c.Region + "/" + c.Service + "/aws4_request"
}

// Authorization is a parsed SigV4 Authorization header.
type Authorization struct {
	Credential    Credential
	SignedHeaders []string
	Signature     string
}

// ParseAuthorization parses an `Authorization: AWS4-HMAC-SHA256 ...` header.
func ParseAuthorization(h string) (*Authorization, error) {
	alg, rest, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || alg != sigV4Algorithm {
		return nil, awserr.New(awserr.IncompleteSignatureException,
			"Authorization header requires the %s algorithm; got %q.", sigV4Algorithm, truncate(h, 40))
	}
	var a Authorization
	var haveCred, haveHeaders, haveSig bool
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			continue
		}
		switch k {
		case "Credential":
			c, err := ParseCredential(v)
			if err != nil {
				return nil, err
			}
			a.Credential, haveCred = c, true
		case "SignedHeaders":
			a.SignedHeaders, haveHeaders = strings.Split(v, ";"), v != ""
		case "Signature":
			a.Signature, haveSig = v, v != ""
		}
	}
	var missing []string
	if !haveCred {
		missing = append(missing, "'Credential'")
	}
	if !haveHeaders {
		missing = append(missing, "'SignedHeaders'")
	}
	if !haveSig {
		missing = append(missing, "'Signature'")
	}
	if len(missing) > 0 {
		return nil, awserr.New(awserr.IncompleteSignatureException,
			"Authorization header requires %s parameters. Authorization=%s",
			strings.Join(missing, ", "), truncate(h, 120))
	}
	return &a, nil
}

// ParseCredential parses AccessKeyID/Date/Region/Service/aws4_request.
func ParseCredential(v string) (Credential, error) {
	parts := strings.Split(v, "/")
	if len(parts) != 5 || parts[4] != "aws4_request" || parts[0] == "" {
		return Credential{}, awserr.New(awserr.IncompleteSignatureException,
			"Credential should be scoped to a valid region, service and date: %q "+
				"(expected AccessKeyId/YYYYMMDD/region/service/aws4_request).", truncate(v, 120))
	}
	return Credential{AccessKeyID: parts[0], Date: parts[1], Region: parts[2], Service: parts[3]}, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// VerifyParams is what signature verification needs besides the request.
type VerifyParams struct {
	Auth   *Authorization
	Secret string
	Body   []byte
	Now    time.Time
	// MaxSkew bounds the difference between X-Amz-Date and Now.
	MaxSkew time.Duration
}

// VerifySignature recomputes the SigV4 signature of r and compares it with
// the one the client sent.
func VerifySignature(r *http.Request, p VerifyParams) error {
	amzDate := r.Header.Get("X-Amz-Date")
	t, err := time.Parse(amzDateLayout, amzDate)
	if err != nil {
		return awserr.New(awserr.IncompleteSignatureException,
			"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
	}
	if p.MaxSkew > 0 && (p.Now.Sub(t) > p.MaxSkew || t.Sub(p.Now) > p.MaxSkew) {
		return awserr.New(awserr.InvalidSignatureException,
			"Signature expired: %s is now earlier than %s (%s - %s.)",
			amzDate, p.Now.Add(-p.MaxSkew).UTC().Format(amzDateLayout),
			p.Now.UTC().Format(amzDateLayout), p.MaxSkew)
	}
	if p.Auth.Credential.Date != t.UTC().Format("20060102") {
		return awserr.New(awserr.InvalidSignatureException,
			"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: %q != %q",
			p.Auth.Credential.Date, t.UTC().Format("20060102"))
	}
	canonical := CanonicalRequest(r, p.Auth.SignedHeaders, payloadHash(r, p.Body), p.Auth.Credential.Service)
	want := Sign(p.Secret, p.Auth.Credential, amzDate, canonical)
	if !hmac.Equal([]byte(want), []byte(p.Auth.Signature)) {
		return awserr.New(awserr.InvalidSignatureException,
			"The request signature we calculated does not match the signature you provided. "+
				"Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
	}
	return nil
}

func payloadHash(r *http.Request, body []byte) string {
	if h := r.Header.Get("X-Amz-Content-Sha256"); h != "" {
		return h
	}
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// Sign returns the hex signature of a canonical request.
func Sign(secret string, c Credential, amzDate, canonicalRequest string) string {
	sum := sha256.Sum256([]byte(canonicalRequest))
	toSign := sigV4Algorithm + "\n" + amzDate + "\n" + c.Scope() + "\n" + hex.EncodeToString(sum[:])
	key := hmacSHA256([]byte("AWS4"+secret), c.Date)
	key = hmacSHA256(key, c.Region)
	key = hmacSHA256(key, c.Service)
	key = hmacSHA256(key, "aws4_request")
	return hex.EncodeToString(hmacSHA256(key, toSign))
}

func hmacSHA256(key []byte, data string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(data))
	return m.Sum(nil)
}

// CanonicalRequest builds the SigV4 canonical request of r.
func CanonicalRequest(r *http.Request, signed []string, payloadHash, service string) string {
	var b strings.Builder
	b.WriteString(r.Method)
	b.WriteByte('\n')
	b.WriteString(canonicalURI(r.URL, service))
	b.WriteByte('\n')
	b.WriteString(canonicalQuery(r.URL.Query()))
	b.WriteByte('\n')
	for _, h := range signed {
		b.WriteString(h)
		b.WriteByte(':')
		b.WriteString(canonicalHeaderValue(r, h))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	b.WriteString(strings.Join(signed, ";"))
	b.WriteByte('\n')
	b.WriteString(payloadHash)
	return b.String()
}

func canonicalURI(u *url.URL, service string) string {
	p := u.EscapedPath()
	if p == "" {
		return "/"
	}
	if service == "s3" {
		return p
	}
	// Every service but S3 signs the escaped path escaped once more.
	return escapePath(p)
}

func escapePath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '/' || unreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteString("%" + strings.ToUpper(hex.EncodeToString([]byte{c})))
	}
	return b.String()
}

func unreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '~'
}

func escapeQuery(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteString("%" + strings.ToUpper(hex.EncodeToString([]byte{c})))
	}
	return b.String()
}

func canonicalQuery(q url.Values) string {
	type kv struct{ k, v string }
	var pairs []kv
	for k, vs := range q {
		if k == "X-Amz-Signature" {
			continue
		}
		for _, v := range vs {
			pairs = append(pairs, kv{escapeQuery(k), escapeQuery(v)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].k != pairs[j].k {
			return pairs[i].k < pairs[j].k
		}
		return pairs[i].v < pairs[j].v
	})
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		parts[i] = p.k + "=" + p.v
	}
	return strings.Join(parts, "&")
}

func canonicalHeaderValue(r *http.Request, name string) string {
	var vals []string
	switch name {
	case "host":
		vals = []string{r.Host}
	case "content-length":
		if v := r.Header.Values("Content-Length"); len(v) > 0 {
			vals = append([]string(nil), v...)
		} else if r.ContentLength >= 0 {
			vals = []string{itoa(r.ContentLength)}
		}
	default:
		vals = append([]string(nil), r.Header.Values(name)...)
	}
	for i, v := range vals {
		vals[i] = strings.Join(strings.Fields(v), " ")
	}
	return strings.Join(vals, ",")
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}
