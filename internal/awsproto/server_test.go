package awsproto

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/clock"
)

type echoIn struct {
	Name *string    `json:"Name,omitempty"`
	N    *int32     `json:"N,omitempty"`
	At   *Timestamp `json:"At,omitempty"`
	Keys []struct {
		ResourceType string `json:"resourceType"`
	} `json:"Keys,omitempty"`
}

type echoOut struct {
	Name string     `json:"Name,omitempty"`
	At   *Timestamp `json:"At,omitempty"`
	Keys int        `json:"Keys"`
	Acct string     `json:"Account"`
}

func testServer(t *testing.T, mode AuthMode) *httptest.Server {
	t.Helper()
	echo := JSON(func(ctx context.Context, in *echoIn) (*echoOut, error) {
		if in.Name != nil && *in.Name == "fail" {
			return nil, awserr.New(awserr.InvalidParameterValueException, "name may not be fail")
		}
		if in.Name != nil && *in.Name == "boom" {
			panic("boom")
		}
		out := &echoOut{At: in.At, Keys: len(in.Keys), Acct: CallerFrom(ctx).AccountID}
		if in.Name != nil {
			out.Name = *in.Name
		}
		return out, nil
	})
	s := NewServer(ServerParams{
		Auth: &Authenticator{Mode: mode, Clock: clock.Real{},
			Credentials: map[string]AccessKey{"AKIDMAPPED": {AccessKeyID: "AKIDMAPPED", SecretAccessKey: "x", AccountID: "444455556666"}}},
		MaxBodyBytes: 1024,
		JSON: []*JSONService{{TargetPrefix: "Test_20260101", SigningName: "test",
			InternalErrorCode: awserr.InternalFailure, Operations: map[string]Handler{"Echo": echo}}},
		Query: []*QueryService{{SigningName: "sts", XMLNamespace: "urn:test",
			Operations: map[string]QueryHandler{"Who": func(ctx context.Context, r *Request, f url.Values) (any, error) {
				return struct {
					Account string `xml:"Account"`
				}{r.Caller.AccountID}, nil
			}}}},
	})
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

type wireResult struct {
	status    int
	header    http.Header
	body      map[string]any
	rawBody   string
	requestID string
}

func post(t *testing.T, url, target, body string, hdr map[string]string) wireResult {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	if target != "" {
		req.Header.Set("X-Amz-Target", target)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	res := wireResult{status: resp.StatusCode, header: resp.Header, rawBody: string(raw),
		requestID: resp.Header.Get("x-amzn-RequestId")}
	_ = json.Unmarshal(raw, &res.body)
	return res
}

func TestServer_JSONRoutingAndErrors(t *testing.T) {
	t.Parallel()
	ts := testServer(t, AuthOff)
	cases := []struct {
		name, target, body string
		status             int
		code               string
	}{
		{"UnknownOperation", "Test_20260101.Nope", `{}`, 400, awserr.UnknownOperationException},
		{"UnknownService", "Other.Echo", `{}`, 400, awserr.UnknownOperationException},
		{"MalformedJSON", "Test_20260101.Echo", `{"Name":`, 400, awserr.SerializationException},
		{"WrongType", "Test_20260101.Echo", `{"N":"five"}`, 400, awserr.SerializationException},
		{"NotAnObject", "Test_20260101.Echo", `[1,2]`, 400, awserr.SerializationException},
		{"DomainError", "Test_20260101.Echo", `{"Name":"fail"}`, 400, awserr.InvalidParameterValueException},
		{"Panic", "Test_20260101.Echo", `{"Name":"boom"}`, 500, awserr.InternalFailure},
		{"TooLarge", "Test_20260101.Echo", `{"Name":"` + strings.Repeat("x", 2000) + `"}`, 413, awserr.RequestEntityTooLarge},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := post(t, ts.URL, tc.target, tc.body, nil)
			require.Equal(t, tc.status, res.status, res.rawBody)
			require.Equal(t, tc.code, res.body["__type"])
			require.Equal(t, tc.code, res.header.Get("X-Amzn-ErrorType"))
			require.NotEmpty(t, res.body["message"])
			require.Len(t, res.requestID, 36)
		})
	}
}

func TestServer_JSONDecodingIsCaseSensitive(t *testing.T) {
	t.Parallel()
	ts := testServer(t, AuthOff)
	res := post(t, ts.URL, "Test_20260101.Echo", `{"name":"lower","Keys":[{"ResourceType":"x"},{"resourceType":"y"}]}`, nil)
	require.Equal(t, 200, res.status, res.rawBody)
	require.Nil(t, res.body["Name"], "a lowerCamel member must not fill a PascalCase field")
	require.EqualValues(t, 2, res.body["Keys"])
}

func TestServer_TimestampsAreEpochNumbers(t *testing.T) {
	t.Parallel()
	ts := testServer(t, AuthOff)
	for _, in := range []string{`1700000000.5`, `1700000000`, `"2023-11-14T22:13:20.5Z"`} {
		res := post(t, ts.URL, "Test_20260101.Echo", `{"At":`+in+`}`, nil)
		require.Equal(t, 200, res.status, res.rawBody)
		at, ok := res.body["At"].(float64)
		require.True(t, ok, "At must be a JSON number: %s", res.rawBody)
		require.InDelta(t, 1700000000, at, 1)
	}
}

func TestServer_AccountFromAccessKey(t *testing.T) {
	t.Parallel()
	ts := testServer(t, AuthOff)
	auth := func(akid string) map[string]string {
		return map[string]string{"Authorization": "AWS4-HMAC-SHA256 Credential=" + akid +
			"/20261101/eu-west-1/test/aws4_request, SignedHeaders=host, Signature=abc"}
	}
	for akid, want := range map[string]string{"111122223333": "111122223333", "AKIDMAPPED": "444455556666", "AKIDOTHER": DefaultAccount} {
		res := post(t, ts.URL, "Test_20260101.Echo", `{}`, auth(akid))
		require.Equal(t, 200, res.status, res.rawBody)
		require.Equal(t, want, res.body["Account"], akid)
	}
	res := post(t, ts.URL, "Test_20260101.Echo", `{}`, nil)
	require.Equal(t, DefaultAccount, res.body["Account"], "unsigned requests use the default account")
}

func TestServer_SigV4ModeRejects(t *testing.T) {
	t.Parallel()
	ts := testServer(t, AuthSigV4)
	res := post(t, ts.URL, "Test_20260101.Echo", `{}`, nil)
	require.Equal(t, awserr.MissingAuthenticationToken, res.body["__type"])
	res = post(t, ts.URL, "Test_20260101.Echo", `{}`, map[string]string{"Authorization": "AWS4-HMAC-SHA256 Credential=AKIDUNKNOWN/20261101/eu-west-1/test/aws4_request, SignedHeaders=host, Signature=abc"})
	require.Equal(t, awserr.UnrecognizedClientException, res.body["__type"])
	res = post(t, ts.URL, "Test_20260101.Echo", `{}`, map[string]string{"Authorization": "AWS4-HMAC-SHA256 Credential=AKIDMAPPED/20261101/eu-west-1/test/aws4_request, SignedHeaders=host, Signature=abc"})
	require.Equal(t, awserr.IncompleteSignatureException, res.body["__type"], "no X-Amz-Date")
	res = post(t, ts.URL, "Test_20260101.Echo", `{}`, map[string]string{"Authorization": "Bearer x"})
	require.Equal(t, awserr.IncompleteSignatureException, res.body["__type"])
}

func TestServer_QueryProtocol(t *testing.T) {
	t.Parallel()
	ts := testServer(t, AuthOff)
	resp, err := http.PostForm(ts.URL, url.Values{"Action": {"Who"}, "Version": {"2011-06-15"}})
	require.NoError(t, err)
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	require.Contains(t, string(raw), `<WhoResponse xmlns="urn:test"><WhoResult><Account>123456789012</Account></WhoResult>`)
	require.Contains(t, string(raw), "<RequestId>"+resp.Header.Get("x-amzn-RequestId")+"</RequestId>")

	resp, err = http.PostForm(ts.URL, url.Values{"Action": {"Nope"}})
	require.NoError(t, err)
	raw, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, 400, resp.StatusCode)
	require.Contains(t, string(raw), "<Code>InvalidAction</Code>")
}

func TestServer_Health(t *testing.T) {
	t.Parallel()
	ts := testServer(t, AuthSigV4)
	resp, err := http.Get(ts.URL + "/_salve/health")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode, "health needs no signature")
}

func FuzzDecodeJSON(f *testing.F) {
	f.Add([]byte(`{"Name":"x","N":3,"At":1700000000.5,"Keys":[{"resourceType":"AWS::S3::Bucket"}]}`))
	f.Add([]byte(`{"At":"2023-01-01T00:00:00Z"}`))
	f.Add([]byte(`{"N":1e99}`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, body []byte) {
		var in echoIn
		if err := DecodeJSON(body, &in); err != nil {
			if !awserr.Is(err, awserr.SerializationException) {
				t.Fatalf("decode error is not a SerializationException: %v", err)
			}
		}
	})
}

func FuzzRouteTarget(f *testing.F) {
	f.Add("Test_20260101.Echo", `{}`)
	f.Add("Test_20260101.", `{}`)
	f.Add(".Echo", `{"Name":"fail"}`)
	f.Add("Test_20260101.Echo.Extra", `{`)
	s := NewServer(ServerParams{Auth: &Authenticator{Mode: AuthOff, Clock: clock.Real{}},
		JSON: []*JSONService{{TargetPrefix: "Test_20260101", Operations: map[string]Handler{
			"Echo": JSON(func(ctx context.Context, in *echoIn) (*echoOut, error) { return &echoOut{}, nil })}}}})
	f.Fuzz(func(t *testing.T, target, body string) {
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		r.Header.Set("X-Amz-Target", target)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("target %q body %q: status %d %s", target, body, w.Code, w.Body.String())
		}
		if w.Code != 200 {
			var e map[string]any
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e["__type"] == "" {
				t.Fatalf("error body is not AWS-shaped: %s", w.Body.String())
			}
		}
	})
}
