package awscall

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/awsproto"
)

// Local calls Salve's own operations in process: the handlers of its JSON
// and Query services, with the caller set to the call's account and region.
type Local struct {
	json  map[string]*awsproto.JSONService
	query map[string]*awsproto.QueryService
	// observe sees every call, as the wire server's observer sees
	// requests (the audit trail); nil for none.
	observe awsproto.CallObserver
}

// Observe makes o see every call Local serves, after it returned, as a
// CallRecord like the wire server's (the audit trail). Set it while
// composing the server, before any call.
func (l *Local) Observe(o awsproto.CallObserver) { l.observe = o }

// NewLocal serves the given wire services (server.Salve's JSON and Query),
// each under the boto3 name of its signing name.
func NewLocal(jsonServices []*awsproto.JSONService, queryServices []*awsproto.QueryService) *Local {
	l := &Local{json: map[string]*awsproto.JSONService{}, query: map[string]*awsproto.QueryService{}}
	for _, s := range jsonServices {
		l.json[ServiceName(s.SigningName)] = s
	}
	for _, s := range queryServices {
		l.query[ServiceName(s.SigningName)] = s
	}
	return l
}

// Services implements Backend: the boto3 names of the services served.
func (l *Local) Services() []string {
	var out []string
	for name := range l.json {
		out = append(out, name)
	}
	for name := range l.query {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// Call implements engine.AWSCaller.
func (l *Local) Call(ctx context.Context, req engine.CallRequest) (map[string]any, error) {
	service := ServiceName(req.Service)
	sdk, known := sdkServices[service]
	js, isJSON := l.json[service]
	qs, isQuery := l.query[service]
	if !known || (!isJSON && !isQuery) {
		return nil, awserr.New(awserr.UnknownOperationException,
			"Service %q is not served by Salve: it serves %s.", req.Service, strings.Join(l.Services(), ", "))
	}
	op, ok := findOperation(sdk.clientType, req.API)
	if !ok {
		return nil, unknownOperation(service, req.API)
	}
	caller := localCaller(req)
	ctx = awsproto.WithCaller(ctx, caller)
	var raw map[string]any
	var err error
	start := time.Now()
	if isJSON {
		raw, err = callJSON(ctx, js, op.Name, caller, req.Input)
	} else {
		raw, err = callQuery(ctx, qs, op.Name, caller, req.Input)
	}
	l.report(ctx, caller, signingName(js, qs), op.Name, req.Input, start, err)
	if err != nil {
		return nil, err
	}
	return shape(raw, op, caller.RequestID, contentType(isJSON))
}

// contentType is the response content type of the protocol.
func contentType(isJSON bool) string {
	if isJSON {
		return "application/x-amz-json-1.1"
	}
	return "text/xml"
}

// localCaller is the identity the operation runs as: the account's root,
// or the assumed role when the automation assumed one.
func localCaller(req engine.CallRequest) *awsproto.Caller {
	account, region := req.AccountID, req.Region
	if account == "" {
		account = awsproto.DefaultAccount
	}
	if region == "" {
		region = awsproto.DefaultRegion
	}
	c := &awsproto.Caller{AccountID: account, Region: region, RequestID: uuid.NewString(),
		Principal: "arn:aws:iam::" + account + ":root", UserID: account,
		AutomationExecutionID: req.AutomationExecutionID}
	if _, role, ok := strings.Cut(req.RoleArn, ":role/"); ok {
		name := role[strings.LastIndex(role, "/")+1:]
		c.Principal = "arn:aws:sts::" + account + ":assumed-role/" + name + "/Automation"
		c.UserID = name + ":Automation"
	}
	return c
}

// callJSON runs a JSON 1.1 operation and decodes its response.
func callJSON(ctx context.Context, svc *awsproto.JSONService, op string, c *awsproto.Caller, input map[string]any) (map[string]any, error) {
	h, ok := svc.Operations[op]
	if !ok {
		return nil, notServed(svc.SigningName, op)
	}
	body, err := json.Marshal(nonNil(input))
	if err != nil {
		return nil, fmt.Errorf("encode %s request: %w", op, err)
	}
	out, err := h(ctx, &awsproto.Request{Operation: op, Body: body, Caller: c})
	if err != nil {
		return nil, err
	}
	payload, err := awsproto.EncodeJSON(out)
	if err != nil {
		return nil, fmt.Errorf("encode %s response: %w", op, err)
	}
	return decodeJSONObject(payload)
}

// notServed mirrors the wire's answer for an operation Salve lacks.
func notServed(service, op string) error {
	return awserr.New(awserr.UnknownOperationException,
		"Operation %s is not supported by Salve's %s service (see docs/COMPATIBILITY.md).", op, service)
}

// nonNil returns m, or an empty map for nil (sent as {}).
func nonNil(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

// decodeJSONObject decodes a JSON object keeping numbers exact.
func decodeJSONObject(b []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	out := map[string]any{}
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("decode response: %w", err)
	}
	return out, nil
}

// shape passes a raw response through the SDK's output struct, so Local
// answers have the types Remote's do (timestamps as text, integers
// integral), and adds ResponseMetadata.
func shape(raw map[string]any, op operation, requestID, contentType string) (map[string]any, error) {
	v, err := decodeLenient(raw, op.Output)
	if err != nil {
		return nil, err
	}
	out := encodeOutput(v)
	out["ResponseMetadata"] = map[string]any{
		"RequestId":      requestID,
		"HTTPStatusCode": int64(200),
		"HTTPHeaders":    map[string]any{"x-amzn-requestid": requestID, "content-type": contentType},
		"RetryAttempts":  int64(0),
	}
	return out, nil
}

// signingName is the signing name of the service a call went to.
func signingName(js *awsproto.JSONService, qs *awsproto.QueryService) string {
	if js != nil {
		return js.SigningName
	}
	return qs.SigningName
}

// report hands a served call to the observer.
func (l *Local) report(ctx context.Context, c *awsproto.Caller, service, op string, input map[string]any,
	start time.Time, err error) {
	if l.observe == nil {
		return
	}
	body, _ := json.Marshal(nonNil(input))
	rec := &awsproto.CallRecord{Caller: c, Service: service, Operation: op, Method: "POST", Path: "/",
		Header: http.Header{"Content-Type": {"application/x-amz-json-1.1"}}, Body: body, Status: http.StatusOK,
		RequestID: c.RequestID, SourceIP: "salve.internal", UserAgent: "Salve Automation", Time: start}
	if err != nil {
		rec.Status = http.StatusInternalServerError
		if ae, ok := awserr.As(err); ok {
			rec.Status, rec.ErrorCode, rec.ErrorMessage = ae.HTTPStatus(), ae.Code, ae.Message
		}
	}
	l.observe(ctx, rec)
}
