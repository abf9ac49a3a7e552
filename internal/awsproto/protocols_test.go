package awsproto

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/clock"
)

// protocolServer serves an EC2-flavoured Query service and a REST service
// signed "s3", in sigv4 mode so that only trusted callers get through
// unsigned.
func protocolServer(t *testing.T, mode AuthMode, observe ...CallObserver) *httptest.Server {
	t.Helper()
	type group struct {
		ID string `xml:"groupId"`
	}
	var obs CallObserver
	if len(observe) > 0 {
		obs = observe[0]
	}
	s := NewServer(ServerParams{
		Auth:    &Authenticator{Mode: mode, Clock: clock.Real{}},
		Observe: obs,
		Query: []*QueryService{{SigningName: "ec2", XMLNamespace: "http://ec2.amazonaws.com/doc/2016-11-15/", EC2: true,
			Operations: map[string]QueryHandler{
				"CreateSecurityGroup": func(ctx context.Context, r *Request, f url.Values) (any, error) {
					if f.Get("GroupName") == "" {
						return nil, &awserr.Error{Code: "MissingParameter", Status: 400, Message: "The request must contain the parameter GroupName"}
					}
					return struct {
						GroupID string  `xml:"groupId"`
						Groups  []group `xml:"groupSet>item"`
					}{"sg-1", []group{{"sg-1"}}}, nil
				},
				"Nothing": func(ctx context.Context, r *Request, f url.Values) (any, error) { return struct{}{}, nil },
			}}},
		REST: []*RESTService{{SigningName: "s3", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			w.WriteHeader(http.StatusTeapot)
			io.WriteString(w, CallerFrom(r.Context()).AccountID+" "+r.Method+" "+r.URL.RequestURI()+" "+string(body))
		}), WriteError: func(w http.ResponseWriter, r *http.Request, err error, id string) int {
			ae, _ := awserr.As(err)
			w.WriteHeader(403)
			io.WriteString(w, "<Error><Code>"+ae.Code+"</Code></Error>")
			return 403
		}}},
	})
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

func readAll(t *testing.T, resp *http.Response, err error) (int, string) {
	t.Helper()
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(raw)
}

func TestServer_EC2QueryFlavour(t *testing.T) {
	t.Parallel()
	ts := protocolServer(t, AuthOff)
	resp, err := http.PostForm(ts.URL, url.Values{"Action": {"CreateSecurityGroup"}, "GroupName": {"web"}})
	status, body := readAll(t, resp, err)
	require.Equal(t, 200, status)
	require.Regexp(t, `^<\?xml version="1.0" encoding="UTF-8"\?>\n<CreateSecurityGroupResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">`+
		`<requestId>[0-9a-f-]{36}</requestId><groupId>sg-1</groupId><groupSet><item><groupId>sg-1</groupId></item></groupSet></CreateSecurityGroupResponse>$`, body)

	resp, err = http.PostForm(ts.URL, url.Values{"Action": {"Nothing"}})
	status, body = readAll(t, resp, err)
	require.Equal(t, 200, status)
	require.Regexp(t, `<NothingResponse xmlns="[^"]+"><requestId>[0-9a-f-]{36}</requestId></NothingResponse>$`, body)

	resp, err = http.PostForm(ts.URL, url.Values{"Action": {"CreateSecurityGroup"}})
	status, body = readAll(t, resp, err)
	require.Equal(t, 400, status)
	require.Regexp(t, `<Response><Errors><Error><Code>MissingParameter</Code><Message>The request must contain the parameter GroupName</Message></Error></Errors><RequestID>[0-9a-f-]{36}</RequestID></Response>$`, body)
}

func TestServer_RESTRouting(t *testing.T) {
	t.Parallel()
	ts := protocolServer(t, AuthOff)
	req, _ := http.NewRequest(http.MethodPut, ts.URL+"/my-bucket?encryption", strings.NewReader("<x/>"))
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=210987654321/20261101/eu-west-1/s3/aws4_request, SignedHeaders=host, Signature=abc")
	resp, err := http.DefaultClient.Do(req)
	status, body := readAll(t, resp, err)
	require.Equal(t, http.StatusTeapot, status)
	require.Equal(t, "210987654321 PUT /my-bucket?encryption <x/>", body, "the handler sees the caller's account and the buffered body")

	resp, err = http.Get(ts.URL + "/my-bucket")
	status, body = readAll(t, resp, err)
	require.Equal(t, http.StatusTeapot, status, "an unsigned request goes to s3")
	require.Equal(t, DefaultAccount+" GET /my-bucket ", body)
}

func TestServer_RESTErrorsInTheServicesShape(t *testing.T) {
	t.Parallel()
	ts := protocolServer(t, AuthSigV4)
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/b", nil)
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDUNKNOWN/20261101/eu-west-1/s3/aws4_request, SignedHeaders=host, Signature=abc")
	resp, err := http.DefaultClient.Do(req)
	status, body := readAll(t, resp, err)
	require.Equal(t, 403, status)
	require.Equal(t, "<Error><Code>"+awserr.UnrecognizedClientException+"</Code></Error>", body)
}

func TestServer_TrustedCallerSkipsAuthentication(t *testing.T) {
	t.Parallel()
	ts := protocolServer(t, AuthSigV4)
	ctx := WithTrustedCaller(context.Background(), &Caller{AccountID: "111122223333", Region: "eu-west-1"})
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.URL+"/b", nil)
	// Over a real connection the context does not travel: still refused.
	resp, err := http.DefaultClient.Do(req)
	status, _ := readAll(t, resp, err)
	require.Equal(t, 403, status)

	// In process (the handler called directly), the trusted caller is taken.
	rec := httptest.NewRecorder()
	ts.Config.Handler.ServeHTTP(rec, req)
	require.Equal(t, http.StatusTeapot, rec.Code)
	require.Equal(t, "111122223333 GET /b ", rec.Body.String())
}

func TestServer_ObserveSeesEveryOperation(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var got []CallRecord
	ts := protocolServer(t, AuthOff, func(_ context.Context, rec *CallRecord) {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, *rec)
	})
	resp, err := http.PostForm(ts.URL, url.Values{"Action": {"CreateSecurityGroup"}, "GroupName": {"web"}})
	readAll(t, resp, err)
	resp, err = http.PostForm(ts.URL, url.Values{"Action": {"CreateSecurityGroup"}})
	readAll(t, resp, err)
	req, _ := http.NewRequest(http.MethodPut, ts.URL+"/b?encryption", strings.NewReader("<x/>"))
	resp, err = http.DefaultClient.Do(req)
	readAll(t, resp, err)
	resp, err = http.Get(ts.URL + "/_salve/health")
	readAll(t, resp, err)

	mu.Lock()
	defer mu.Unlock()
	require.Len(t, got, 3, "Salve's own endpoints are not AWS operations")
	require.Equal(t, "ec2", got[0].Service)
	require.Equal(t, "CreateSecurityGroup", got[0].Operation)
	require.Equal(t, 200, got[0].Status)
	require.Equal(t, DefaultAccount, got[0].Caller.AccountID)
	require.Equal(t, "127.0.0.1", got[0].SourceIP)
	require.Equal(t, "MissingParameter", got[1].ErrorCode)
	require.Equal(t, "s3", got[2].Service)
	require.Equal(t, "/b", got[2].Path)
	require.Equal(t, "encryption", got[2].Query)
	require.Equal(t, "<x/>", string(got[2].Body))
}

func TestServer_ObserveReadsRESTJSONErrors(t *testing.T) {
	t.Parallel()
	var got CallRecord
	s := NewServer(ServerParams{
		Auth: &Authenticator{Mode: AuthOff, Clock: clock.Real{}},
		REST: []*RESTService{{SigningName: "lambda", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-Amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/coral/")
			w.WriteHeader(404)
			io.WriteString(w, `{"Type":"User","Message":"Function not found: x"}`)
		})}},
		Observe: func(_ context.Context, rec *CallRecord) { got = *rec },
	})
	req := httptest.NewRequest(http.MethodPost, "/2015-03-31/functions/x/invocations", strings.NewReader("{}"))
	req.Host = "lambda.example"
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=abc")
	s.ServeHTTP(httptest.NewRecorder(), req)
	require.Equal(t, "ResourceNotFoundException", got.ErrorCode)
	require.Equal(t, "Function not found: x", got.ErrorMessage)
	require.Equal(t, "lambda.example", got.Host)
}
