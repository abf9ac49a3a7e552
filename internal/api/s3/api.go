// Package s3 serves Salve's S3 sandbox in S3's REST-XML protocol: bucket
// operations addressed path-style (/bucket?encryption) or virtual-hosted
// (Host: bucket.localhost or bucket.s3.<anything>). One file per
// operation: decode, call the domain (internal/sandbox/s3), encode.
package s3

import (
	"context"
	"io"
	"log/slog"
	"net/http"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/sandbox/s3"
)

// XMLNamespace is the namespace of S3's XML documents.
const XMLNamespace = "http://s3.amazonaws.com/doc/2006-03-01/"

// Deps are what the operations call.
type Deps struct {
	S3 *s3.Service
	// Logger receives server faults; nil discards them.
	Logger *slog.Logger
}

// api is what every operation method hangs off.
type api struct {
	Deps
}

// handler serves one operation.
type handler func(a *api, ctx context.Context, q *request) (*response, error)

// operation is a served operation: its AWS name and handler.
type operation struct {
	name string
	h    handler
}

// operations maps a route (see routeKey) to the operation that serves it;
// each operation file adds itself through register.
var operations = map[string]operation{}

// register adds an operation under a route; each operation file calls it
// in a package-level var declaration.
func register(method string, lvl level, sub, name string, h handler) struct{} {
	key := routeKey(method, lvl, sub)
	if _, dup := operations[key]; dup {
		panic("s3: route registered twice: " + key)
	}
	operations[key] = operation{name: name, h: h}
	return struct{}{}
}

// Service returns the S3 REST service.
func Service(d Deps) *awsproto.RESTService {
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	a := &api{Deps: d}
	return &awsproto.RESTService{SigningName: "s3", Handler: a, WriteError: WriteError}
}

// OperationNames lists the operations served.
func OperationNames() []string {
	out := make([]string, 0, len(operations))
	for _, op := range operations {
		out = append(out, op.name)
	}
	return out
}

// ServeHTTP routes a request to its operation and writes the answer.
func (a *api) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	caller := awsproto.CallerFrom(r.Context())
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, r, errorContext{requestID: caller.RequestID}, err, a.Logger)
		return
	}
	q := newRequest(r, caller, body)
	resp, err := a.serve(r.Context(), q)
	var payload []byte
	var contentType string
	if err == nil {
		payload, contentType, err = resp.encode()
	}
	if err != nil {
		writeError(w, r, errorContext{requestID: caller.RequestID, bucket: q.bucket}, err, a.Logger)
		return
	}
	resp.write(w, r, payload, contentType, caller.RequestID)
}

// serve runs the request's operation.
func (a *api) serve(ctx context.Context, q *request) (*response, error) {
	op, err := route(q)
	if err != nil {
		return nil, err
	}
	if err := checkContentMD5(q.http, q.body); err != nil {
		return nil, err
	}
	return op.h(a, ctx, q)
}
