package awscall

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"slices"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awsproto"
)

// sandboxEndpoint is the URL the in-process clients address; no request
// to it leaves the process.
const sandboxEndpoint = "http://sandbox.salve.internal"

// Sandbox reaches the services Salve emulates (S3, EC2, IAM, …) through
// Salve's own wire handler, in process: the service's SDK client
// serialises the call exactly as it would for AWS, and the request is
// handed to the handler without a network. The call runs as the account
// and role of the runbook (a trusted caller), whatever the signature.
type Sandbox struct {
	remote   *Remote
	services []string
}

// NewSandbox returns a Sandbox serving services (boto3 names) through
// handler.
func NewSandbox(handler http.Handler, services []string) (*Sandbox, error) {
	remote, err := NewRemote(RemoteConfig{
		Endpoint: sandboxEndpoint, Region: awsproto.DefaultRegion,
		AccessKeyID: "SALVESANDBOX", SecretAccessKey: "salve",
		HTTPClient: &http.Client{Transport: handlerTransport{handler}}, MaxAttempts: 1,
	})
	if err != nil {
		return nil, err
	}
	return &Sandbox{remote: remote, services: slices.Sorted(slices.Values(services))}, nil
}

// Services implements Backend.
func (s *Sandbox) Services() []string { return s.services }

// Call implements engine.AWSCaller.
func (s *Sandbox) Call(ctx context.Context, req engine.CallRequest) (map[string]any, error) {
	if req.Region == "" {
		req.Region = awsproto.DefaultRegion
	}
	ctx = awsproto.WithTrustedCaller(ctx, localCaller(req))
	return s.remote.Call(ctx, req)
}

// handlerTransport is an http.RoundTripper that serves requests with a
// handler in process.
type handlerTransport struct{ h http.Handler }

// RoundTrip implements http.RoundTripper.
func (t handlerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body == nil {
		r.Body = http.NoBody
	}
	w := &bufferedResponse{header: http.Header{}, status: http.StatusOK}
	t.h.ServeHTTP(w, r)
	return &http.Response{
		Status: http.StatusText(w.status), StatusCode: w.status,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: w.header, Body: io.NopCloser(bytes.NewReader(w.body.Bytes())),
		ContentLength: int64(w.body.Len()), Request: r,
	}, nil
}

// bufferedResponse is the http.ResponseWriter of an in-process request.
type bufferedResponse struct {
	header      http.Header
	status      int
	wroteHeader bool
	body        bytes.Buffer
}

func (w *bufferedResponse) Header() http.Header { return w.header }

func (w *bufferedResponse) WriteHeader(code int) {
	if !w.wroteHeader {
		w.status, w.wroteHeader = code, true
	}
}

func (w *bufferedResponse) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return w.body.Write(b)
}
