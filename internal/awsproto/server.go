package awsproto

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/awserr"
)

// DefaultMaxBodyBytes bounds request bodies unless configured otherwise.
const DefaultMaxBodyBytes = 16 << 20

// Server is the http.Handler that serves every emulated service.
type Server struct {
	auth         *Authenticator
	logger       *slog.Logger
	maxBody      int64
	jsonServices map[string]*JSONService
	queryByName  map[string]*QueryService
	restByName   map[string]*RESTService
	extra        map[string]http.Handler
	observe      CallObserver
	ready        func() bool
}

// ServerParams configures a Server.
type ServerParams struct {
	Auth         *Authenticator
	Logger       *slog.Logger
	MaxBodyBytes int64
	JSON         []*JSONService
	Query        []*QueryService
	// REST are the REST-protocol services (S3), by signing name.
	REST []*RESTService
	// Salve serves Salve's own endpoints under /_salve/ (path without prefix).
	Salve map[string]http.Handler
	// Observe, when set, sees every served AWS operation (the audit trail).
	Observe CallObserver
	// Ready reports readiness for /_salve/health; nil means always ready.
	Ready func() bool
}

// NewServer builds the wire server.
func NewServer(p ServerParams) *Server {
	s := &Server{auth: p.Auth, logger: p.Logger, maxBody: p.MaxBodyBytes,
		jsonServices: map[string]*JSONService{}, queryByName: map[string]*QueryService{},
		extra: p.Salve, ready: p.Ready, observe: p.Observe}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBodyBytes
	}
	if s.logger == nil {
		s.logger = slog.New(slog.DiscardHandler)
	}
	for _, js := range p.JSON {
		s.jsonServices[js.TargetPrefix] = js
		for _, alias := range js.TargetAliases {
			s.jsonServices[alias] = js
		}
	}
	for _, q := range p.Query {
		s.queryByName[q.SigningName] = q
	}
	s.restByName = map[string]*RESTService{}
	for _, rs := range p.REST {
		s.restByName[rs.SigningName] = rs
	}
	return s
}

// exchange is one request in flight: what is logged about it at the end.
type exchange struct {
	w         http.ResponseWriter
	requestID string
	op        string
	status    int
	caller    *Caller
	// audit is what the CallObserver gets; nil for requests that are not
	// AWS operations (Salve's own endpoints, unroutable ones).
	audit *CallRecord
}

// observe starts the audit record of an AWS operation.
func (ex *exchange) observe(r *http.Request, service, operation string, body []byte) {
	ex.audit = &CallRecord{Service: service, Operation: operation, Method: r.Method, Path: r.URL.Path,
		Query: r.URL.RawQuery, Host: r.Host, Header: r.Header, Body: body, RequestID: ex.requestID,
		SourceIP: r.RemoteAddr, UserAgent: r.UserAgent(), Time: time.Now()}
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		ex.audit.SourceIP = host
	}
}

// failed notes an AWS error in the audit record.
func (ex *exchange) failed(code, message string) {
	if ex.audit != nil {
		ex.audit.ErrorCode, ex.audit.ErrorMessage = code, message
	}
}

// ServeHTTP routes the request by protocol and logs one line for it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	ex := &exchange{w: w, requestID: uuid.NewString()}
	w.Header().Set("x-amzn-RequestId", ex.requestID)
	defer func() {
		if p := recover(); p != nil {
			s.logger.Error("panic serving request", "request_id", ex.requestID, "op", ex.op,
				"panic", p, "stack", string(debug.Stack()))
			s.writeJSONError(ex, awserr.New(awserr.InternalFailure, "An internal error occurred (request %s).", ex.requestID), "")
		}
		s.logRequest(r, ex, time.Since(start))
		if ex.audit != nil && s.observe != nil {
			ex.audit.Caller, ex.audit.Status = ex.caller, ex.status
			s.observe(r.Context(), ex.audit)
		}
	}()
	if strings.HasPrefix(r.URL.Path, "/_salve/") {
		s.serveSalve(ex, r)
		return
	}
	if target := r.Header.Get("X-Amz-Target"); target != "" {
		s.serveJSON(ex, r, target)
		return
	}
	if isQuery(r) && s.restByName[signingService(r)] == nil {
		s.serveQuery(ex, r)
		return
	}
	if svc := s.restService(r); svc != nil {
		s.serveREST(ex, r, svc)
		return
	}
	ex.op = r.Method + " " + r.URL.Path
	s.writeJSONError(ex, awserr.New(awserr.UnknownOperationException,
		"No operation matches %s %s: send AWS JSON 1.1 requests with an X-Amz-Target header "+
			"or Query requests with an Action parameter.", r.Method, r.URL.Path), "")
}

func (s *Server) logRequest(r *http.Request, ex *exchange, d time.Duration) {
	attrs := []any{"request_id", ex.requestID, "op", ex.op, "status", ex.status,
		"duration_ms", float64(d.Microseconds()) / 1000}
	if ex.caller != nil {
		attrs = append(attrs, "account", ex.caller.AccountID, "region", ex.caller.Region)
	}
	s.logger.LogAttrs(r.Context(), slog.LevelInfo, "request", argsToAttrs(attrs)...)
}

func argsToAttrs(args []any) []slog.Attr {
	out := make([]slog.Attr, 0, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		out = append(out, slog.Any(args[i].(string), args[i+1]))
	}
	return out
}

func (s *Server) serveSalve(ex *exchange, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/_salve/")
	ex.op = "salve." + name
	if name == "health" {
		if s.ready != nil && !s.ready() {
			ex.status = http.StatusServiceUnavailable
			http.Error(ex.w, `{"status":"starting"}`, ex.status)
			return
		}
		ex.status = http.StatusOK
		ex.w.Header().Set("Content-Type", "application/json")
		ex.w.WriteHeader(ex.status)
		io.WriteString(ex.w, `{"status":"ok"}`)
		return
	}
	h, ok := s.extra[name]
	if !ok {
		ex.status = http.StatusNotFound
		http.Error(ex.w, `{"message":"no such Salve endpoint"}`, ex.status)
		return
	}
	rec := &statusRecorder{ResponseWriter: ex.w, status: http.StatusOK}
	h.ServeHTTP(rec, r)
	ex.status = rec.status
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	// keepErrorBody keeps the first 4 KiB of an error response's body in
	// errorBody (the audit trail reads the error code from it).
	keepErrorBody bool
	errorBody     bytes.Buffer
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.keepErrorBody && r.status >= 400 && r.errorBody.Len() < 4096 {
		r.errorBody.Write(b[:min(len(b), 4096-r.errorBody.Len())])
	}
	return r.ResponseWriter.Write(b)
}

// readBody reads at most maxBody bytes of the request body.
func (s *Server) readBody(r *http.Request) ([]byte, error) {
	if r.ContentLength > s.maxBody {
		return nil, tooLarge(s.maxBody)
	}
	if r.Body == nil { // an in-process request may have none
		return nil, nil
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, s.maxBody+1))
	if err != nil {
		return nil, awserr.New(awserr.SerializationException, "Could not read the request body: %v", err)
	}
	if int64(len(body)) > s.maxBody {
		return nil, tooLarge(s.maxBody)
	}
	return body, nil
}

func tooLarge(limit int64) error {
	return awserr.New(awserr.RequestEntityTooLarge,
		"Request body is larger than the server's limit of %d bytes (salve serve --max-body-bytes).", limit)
}

func (s *Server) serveJSON(ex *exchange, r *http.Request, target string) {
	prefix, op := target, ""
	if i := strings.LastIndexByte(target, '.'); i >= 0 {
		prefix, op = target[:i], target[i+1:]
	}
	ex.op = target
	svc := s.jsonServices[prefix]
	if r.Method != http.MethodPost {
		s.writeJSONError(ex, awserr.New(awserr.UnknownOperationException,
			"AWS JSON operations are called with POST, not %s.", r.Method), "")
		return
	}
	if svc == nil {
		s.writeJSONError(ex, awserr.New(awserr.UnknownOperationException,
			"Unknown service target %q: Salve serves %s.", prefix, s.knownTargets()), "")
		return
	}
	h, ok := svc.Operations[op]
	if !ok {
		s.writeJSONError(ex, awserr.New(awserr.UnknownOperationException,
			"Operation %s is not supported by Salve's %s service (see docs/COMPATIBILITY.md).", op, svc.SigningName),
			svc.InternalErrorCode)
		return
	}
	body, err := s.readBody(r)
	if err != nil {
		s.writeJSONError(ex, err, svc.InternalErrorCode)
		return
	}
	ex.observe(r, svc.SigningName, op, body)
	caller, err := s.auth.Authenticate(r, body)
	if err != nil {
		s.writeJSONError(ex, err, svc.InternalErrorCode)
		return
	}
	caller.RequestID = ex.requestID
	ex.caller = caller
	ctx := WithCaller(r.Context(), caller)
	out, err := h(ctx, &Request{Operation: op, Body: body, Caller: caller})
	if err != nil {
		s.writeJSONError(ex, err, svc.InternalErrorCode)
		return
	}
	payload, err := EncodeJSON(out)
	if err != nil {
		s.writeJSONError(ex, err, svc.InternalErrorCode)
		return
	}
	ex.status = http.StatusOK
	ex.w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	ex.w.WriteHeader(ex.status)
	ex.w.Write(payload)
}

// writeJSONError renders err in AWS JSON shape. Errors that are not AWS
// errors are server faults: logged in full, answered with internalCode.
func (s *Server) writeJSONError(ex *exchange, err error, internalCode string) {
	ae, ok := awserr.As(err)
	if !ok {
		if errors.Is(err, context.Canceled) {
			ex.status = 499
			return
		}
		if internalCode == "" {
			internalCode = awserr.InternalFailure
		}
		s.logger.Error("internal error", "request_id", ex.requestID, "op", ex.op, "err", err)
		ae = &awserr.Error{Code: internalCode, Status: http.StatusInternalServerError,
			Message: "An internal error occurred (request " + ex.requestID + "); nothing was changed. See the server log."}
	}
	ex.status = ae.HTTPStatus()
	ex.failed(ae.Code, ae.Message)
	body, _ := EncodeJSON(struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}{ae.Code, ae.Message})
	h := ex.w.Header()
	h.Set("Content-Type", "application/x-amz-json-1.1")
	h.Set("X-Amzn-ErrorType", ae.Code)
	ex.w.WriteHeader(ex.status)
	ex.w.Write(body)
}

func (s *Server) knownTargets() string {
	var names []string
	for p := range s.jsonServices {
		names = append(names, p)
	}
	return strings.Join(names, ", ")
}

func isQuery(r *http.Request) bool {
	if r.Method == http.MethodGet {
		return r.URL.Query().Get("Action") != ""
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return r.Method == http.MethodPost && ct == "application/x-www-form-urlencoded"
}

func (s *Server) serveQuery(ex *exchange, r *http.Request) {
	body, err := s.readBody(r)
	if err != nil {
		s.writeQueryError(ex, nil, err)
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		s.writeQueryError(ex, nil, awserr.New(awserr.SerializationException, "Malformed form body: %v", err))
		return
	}
	for k, v := range r.URL.Query() {
		if _, ok := form[k]; !ok {
			form[k] = v
		}
	}
	action := form.Get("Action")
	caller, err := s.auth.Authenticate(r, body)
	if err != nil {
		s.writeQueryError(ex, nil, err)
		return
	}
	caller.RequestID = ex.requestID
	ex.caller = caller
	svc := s.queryService(caller.Service, action)
	if svc == nil {
		ex.op = caller.Service + "." + action
		s.writeQueryError(ex, nil, awserr.New(awserr.InvalidAction,
			"Could not find operation %s for service %q.", action, caller.Service))
		return
	}
	ex.op = svc.SigningName + "." + action
	ex.observe(r, svc.SigningName, action, body)
	h, ok := svc.Operations[action]
	if !ok {
		s.writeQueryError(ex, svc, awserr.New(awserr.InvalidAction,
			"Could not find operation %s for version %s.", action, form.Get("Version")))
		return
	}
	out, err := h(WithCaller(r.Context(), caller), &Request{Operation: action, Body: body, Caller: caller}, form)
	if err != nil {
		s.writeQueryError(ex, svc, err)
		return
	}
	payload, err := svc.encodeResult(action, ex.requestID, out)
	if err != nil {
		s.writeQueryError(ex, svc, err)
		return
	}
	ex.status = http.StatusOK
	ex.w.Header().Set("Content-Type", "text/xml")
	ex.w.WriteHeader(ex.status)
	ex.w.Write(payload)
}

// queryService picks the Query service by signing name; an unsigned request
// goes to the one service that has the action.
func (s *Server) queryService(signingName, action string) *QueryService {
	if svc, ok := s.queryByName[signingName]; ok {
		return svc
	}
	for _, svc := range s.queryByName {
		if _, ok := svc.Operations[action]; ok {
			return svc
		}
	}
	return nil
}

func (s *Server) writeQueryError(ex *exchange, svc *QueryService, err error) {
	ae, ok := awserr.As(err)
	if !ok {
		s.logger.Error("internal error", "request_id", ex.requestID, "op", ex.op, "err", err)
		ae = &awserr.Error{Code: awserr.InternalFailure, Status: http.StatusInternalServerError,
			Message: "An internal error occurred (request " + ex.requestID + "); nothing was changed."}
	}
	ex.status = ae.HTTPStatus()
	ex.failed(ae.Code, ae.Message)
	ex.w.Header().Set("Content-Type", "text/xml")
	ex.w.WriteHeader(ex.status)
	ex.w.Write(svc.encodeError(ae.Code, ae.Message, ex.requestID, ex.status >= 500))
}
