// Package lambda serves Salve's Lambda-style functions (internal/functions)
// in Lambda's REST-JSON protocol: /2015-03-31/functions… and the tag
// operations under /2017-03-31/tags/. One file per operation: decode,
// validate, call the domain, encode. Errors are Lambda's: the HTTP status,
// the code in X-Amzn-ErrorType and {"Type": "User", "message": …}.
package lambda

import (
	"context"
	"io"
	"log/slog"
	"net/http"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/tenant"
)

// Deps are what the operations call.
type Deps struct {
	Functions *functions.Service
	// Logger receives server faults; nil discards them.
	Logger *slog.Logger
}

// api is what every operation hangs off.
type api struct {
	Deps
	mux *http.ServeMux
}

// handler serves one operation.
type handler func(a *api, ctx context.Context, q *request) (*response, error)

// operation is a served operation: its AWS name and handler.
type operation struct {
	name string
	h    handler
}

// operations maps a route ("METHOD /path/{Param}") to its operation; each
// operation file adds itself through register.
var operations = map[string]operation{}

// register adds an operation under a route; each operation file calls it
// in a package-level var declaration.
func register(route, name string, h handler) struct{} {
	if _, dup := operations[route]; dup {
		panic("lambda: route registered twice: " + route)
	}
	operations[route] = operation{name: name, h: h}
	return struct{}{}
}

// Service returns the Lambda REST service.
func Service(d Deps) *awsproto.RESTService {
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	a := &api{Deps: d, mux: http.NewServeMux()}
	for route, op := range operations {
		a.mux.Handle(route, a.serve(op))
	}
	return &awsproto.RESTService{SigningName: "lambda", Handler: a, WriteError: WriteError}
}

// OperationNames lists the operations served.
func OperationNames() []string {
	out := make([]string, 0, len(operations))
	for _, op := range operations {
		out = append(out, op.name)
	}
	return out
}

// OperationOf names the Lambda operation a request addresses ("" when
// none): for the audit trail, which sees REST requests by method and path.
func OperationOf(r *http.Request) string {
	mux := http.NewServeMux()
	for route := range operations {
		mux.Handle(route, http.NotFoundHandler())
	}
	_, pattern := mux.Handler(r)
	return operations[pattern].name
}

// ServeHTTP routes a request to its operation; a route Lambda does not
// have is UnknownOperationException.
func (a *api) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if _, pattern := a.mux.Handler(r); pattern == "" {
		caller := awsproto.CallerFrom(r.Context())
		writeError(w, functions.Errf(functions.CodeUnknownOperation,
			"Lambda has no operation %s %s that Salve serves (see docs/compat/lambda.md).", r.Method, r.URL.Path),
			caller.RequestID, a.Logger)
		return
	}
	a.mux.ServeHTTP(w, r)
}

// serve adapts an operation to http: read the request, run, write the
// answer or the error.
func (a *api) serve(op operation) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		caller := awsproto.CallerFrom(r.Context())
		body, err := io.ReadAll(r.Body)
		if err != nil {
			writeError(w, err, caller.RequestID, a.Logger)
			return
		}
		q := &request{http: r, body: body, requestID: caller.RequestID,
			scope: tenant.Scope{AccountID: caller.AccountID, Region: caller.Region}}
		resp, err := op.h(a, r.Context(), q)
		if err == nil {
			err = resp.write(w)
		}
		if err != nil {
			writeError(w, err, caller.RequestID, a.Logger)
		}
	})
}

// request is one Lambda request: who asks (scope) and what it carries.
type request struct {
	http      *http.Request
	body      []byte
	scope     tenant.Scope
	requestID string
}

// function is the {FunctionName} of the path.
func (q *request) function() string { return q.http.PathValue("FunctionName") }

// qualifier is the Qualifier query parameter.
func (q *request) qualifier() string { return q.http.URL.Query().Get("Qualifier") }

// decode reads the JSON body into v (an empty body is an empty object).
func (q *request) decode(v any) error { return awsproto.DecodeJSON(q.body, v) }

// response is an operation's answer: a status, headers, and a JSON
// document or a raw body.
type response struct {
	status int
	header http.Header
	doc    any
	raw    []byte
}

// jsonDoc returns an answer carrying a JSON document.
func jsonDoc(status int, doc any) *response { return &response{status: status, doc: doc} }

// noContent returns a 204 answer.
func noContent() *response { return &response{status: http.StatusNoContent} }

// write sends the answer; it fails only when the document cannot be
// encoded (nothing is sent then).
func (resp *response) write(w http.ResponseWriter) error {
	body := resp.raw
	if resp.doc != nil {
		var err error
		if body, err = awsproto.EncodeJSON(resp.doc); err != nil {
			return err
		}
	}
	h := w.Header()
	for k, v := range resp.header {
		h[k] = v
	}
	if resp.doc != nil || resp.raw != nil {
		h.Set("Content-Type", "application/json")
	}
	w.WriteHeader(resp.status)
	_, _ = w.Write(body)
	return nil
}
