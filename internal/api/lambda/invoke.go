package lambda

import (
	"context"
	"encoding/base64"
	"net/http"

	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("POST /2015-03-31/functions/{FunctionName}/invocations", "Invoke", invoke)

// invoke runs a function: RequestResponse waits for its answer (200),
// Event queues it (202), DryRun checks it (204).
func invoke(a *api, ctx context.Context, q *request) (*response, error) {
	h := q.http.Header
	typ, logType := h.Get("X-Amz-Invocation-Type"), h.Get("X-Amz-Log-Type")
	if typ == "" {
		typ = "RequestResponse"
	}
	if logType == "" {
		logType = "None"
	}
	var v validate.Errors
	checkName(&v, q.function())
	checkQualifier(&v, q.qualifier())
	v.Enum("invocationType", typ, "Event", "RequestResponse", "DryRun")
	v.Enum("logType", logType, "None", "Tail")
	if err := v.Err(); err != nil {
		return nil, err
	}
	in := functions.InvokeParams{FunctionName: q.function(), Qualifier: q.qualifier(), Payload: q.body,
		ClientContext: h.Get("X-Amz-Client-Context"), RequestID: q.requestID}
	switch typ {
	case "Event":
		return invokeEvent(a, ctx, q, in)
	case "DryRun":
		if err := a.Functions.Check(ctx, q.scope, in); err != nil {
			return nil, err
		}
		return noContent(), nil
	}
	res, err := a.Functions.InvokeWith(ctx, q.scope, in)
	if err != nil {
		return nil, err
	}
	resp := &response{status: http.StatusOK, raw: res.Payload, header: http.Header{}}
	resp.header.Set("X-Amz-Executed-Version", res.ExecutedVersion)
	if res.FunctionError != "" {
		resp.header.Set("X-Amz-Function-Error", res.FunctionError)
	}
	if logType == "Tail" {
		resp.header.Set("X-Amz-Log-Result", base64.StdEncoding.EncodeToString([]byte(res.Tail)))
	}
	return resp, nil
}

// invokeEvent queues an asynchronous invocation.
func invokeEvent(a *api, ctx context.Context, q *request, in functions.InvokeParams) (*response, error) {
	if _, err := a.Functions.Enqueue(ctx, q.scope, in); err != nil {
		return nil, err
	}
	return &response{status: http.StatusAccepted}, nil
}
