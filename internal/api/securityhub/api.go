// Package securityhub serves Salve's Security Hub in its REST-JSON
// protocol (signing name securityhub): the hub (/accounts) and findings
// (/findings, /findings/batchupdate, /findings/import). One file per
// operation: decode, check, call the domain (internal/securityhub), encode.
package securityhub

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"sort"
	"strings"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/awsproto"
	shdomain "github.com/salvehq/salve/internal/securityhub"
	"github.com/salvehq/salve/internal/tenant"
)

// SigningName is Security Hub's SigV4 service name.
const SigningName = "securityhub"

// Deps are what the operations call.
type Deps struct {
	Hub *shdomain.Service
	// Logger receives server faults; nil discards them.
	Logger *slog.Logger
}

// api is what every operation method hangs off.
type api struct {
	Deps
}

// request is one decoded request.
type request struct {
	http  *http.Request
	body  []byte
	scope tenant.Scope
}

// handler serves one operation and returns the value to encode.
type handler func(a *api, ctx context.Context, q *request) (any, error)

// operation is a served operation: its AWS name and handler.
type operation struct {
	name string
	h    handler
}

// operations maps "METHOD /path" to its operation; each operation file
// adds itself through register.
var operations = map[string]operation{}

// register adds an operation; each operation file calls it in a
// package-level var declaration.
func register(method, path, name string, h handler) struct{} {
	key := method + " " + path
	if _, dup := operations[key]; dup {
		panic("securityhub: route registered twice: " + key)
	}
	operations[key] = operation{name: name, h: h}
	return struct{}{}
}

// Service returns the Security Hub REST-JSON service.
func Service(d Deps) *awsproto.RESTService {
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	a := &api{Deps: d}
	return &awsproto.RESTService{SigningName: SigningName, Handler: a,
		WriteError: func(w http.ResponseWriter, r *http.Request, err error, requestID string) int {
			return writeError(w, err, requestID, d.Logger)
		}}
}

// OperationNames lists the operations served, sorted.
func OperationNames() []string {
	out := make([]string, 0, len(operations))
	for _, op := range operations {
		out = append(out, op.name)
	}
	sort.Strings(out)
	return out
}

// OperationName names the Security Hub operation of a request (for the
// audit trail), "" for a route Salve does not serve.
func OperationName(method, path string) string {
	return operations[method+" "+strings.TrimSuffix(path, "/")].name
}

// ServeHTTP routes a request to its operation and writes the answer.
func (a *api) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	caller := awsproto.CallerFrom(r.Context())
	out, err := a.serve(r, caller)
	if err != nil {
		writeError(w, err, caller.RequestID, a.Logger)
		return
	}
	payload, err := awsproto.EncodeJSON(out)
	if err != nil {
		writeError(w, err, caller.RequestID, a.Logger)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	w.Write(payload)
}

// serve reads the request and runs its operation.
func (a *api) serve(r *http.Request, caller *awsproto.Caller) (any, error) {
	op, err := route(r)
	if err != nil {
		return nil, err
	}
	var body []byte
	if r.Body != nil {
		if body, err = io.ReadAll(r.Body); err != nil {
			return nil, awserr.New(awserr.SerializationException, "Could not read the request body: %v", err)
		}
	}
	q := &request{http: r, body: body, scope: tenant.Scope{AccountID: caller.AccountID, Region: caller.Region}}
	return op.h(a, r.Context(), q)
}

// route finds the operation of a request.
func route(r *http.Request) (operation, error) {
	path := strings.TrimSuffix(r.URL.Path, "/")
	if op, ok := operations[r.Method+" "+path]; ok {
		return op, nil
	}
	if name := unserved[r.Method+" "+path]; name != "" {
		return operation{}, shdomain.Errf(shdomain.CodeUnknownOperation,
			"Salve's Security Hub does not implement %s (%s %s); see docs/compat/securityhub.md.", name, r.Method, path)
	}
	return operation{}, shdomain.Errf(shdomain.CodeUnknownOperation,
		"No Security Hub operation is served at %s %s: Salve serves %s (see docs/compat/securityhub.md).",
		r.Method, path, strings.Join(OperationNames(), ", "))
}

// unserved names the Security Hub operations users reach for that Salve
// does not serve, by route.
var unserved = map[string]string{
	"POST /standards/register":           "BatchEnableStandards",
	"POST /standards/deregister":         "BatchDisableStandards",
	"POST /standards/get":                "GetEnabledStandards",
	"GET /standards":                     "DescribeStandards",
	"GET /products":                      "DescribeProducts",
	"POST /productSubscriptions":         "EnableImportFindingsForProduct",
	"GET /productSubscriptions":          "ListEnabledProductsForImport",
	"POST /insights/get":                 "GetInsights",
	"POST /insights":                     "CreateInsight",
	"POST /findingHistory/get":           "GetFindingHistory",
	"POST /findingsv2":                   "GetFindingsV2",
	"PATCH /findingsv2/batchupdatev2":    "BatchUpdateFindingsV2",
	"POST /automationrules/create":       "CreateAutomationRule",
	"POST /securityControls/batchGet":    "BatchGetSecurityControls",
	"POST /securityControls/definitions": "ListSecurityControlDefinitions",
	"GET /findingAggregator/list":        "ListFindingAggregators",
	"GET /members":                       "ListMembers",
	"POST /actionTargets":                "CreateActionTarget",
}

// writeError renders err in Security Hub's REST-JSON error shape (the
// code in X-Amzn-ErrorType, {"Code", "Message"} in the body) and returns
// the status sent. Errors that are not AWS errors are server faults:
// logged, answered with InternalException.
func writeError(w http.ResponseWriter, err error, requestID string, logger *slog.Logger) int {
	ae, ok := awserr.As(err)
	if !ok {
		if errors.Is(err, context.Canceled) {
			return 499
		}
		logger.Error("internal error", "request_id", requestID, "err", err)
		ae = shdomain.Errf(shdomain.CodeInternal, "An internal error occurred (request %s); nothing was changed. See the server log.", requestID)
	}
	if ae.Code == awserr.InternalFailure {
		ae = shdomain.Errf(shdomain.CodeInternal, "%s", ae.Message)
	}
	status := ae.HTTPStatus()
	body, _ := awsproto.EncodeJSON(struct {
		Code    string `json:"Code"`
		Message string `json:"Message"`
	}{ae.Code, ae.Message})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-ErrorType", ae.Code)
	w.WriteHeader(status)
	w.Write(body)
	return status
}
