package lambda_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/require"

	lambdaapi "github.com/salvehq/salve/internal/api/lambda"
	"github.com/salvehq/salve/internal/functions"
)

func TestInvoke_RequestResponse(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.create(t, "f", "def handler(event, context):\n    print('hello from', context.function_name)\n    return {'echo': event, 'id': context.aws_request_id}\n")
	out, err := e.lambda.Invoke(context.Background(), &lambda.InvokeInput{FunctionName: aws.String("f"),
		Payload: []byte(`{"a": 1}`), LogType: types.LogTypeTail})
	require.NoError(t, err)
	require.Equal(t, int32(200), out.StatusCode)
	require.Nil(t, out.FunctionError)
	require.Equal(t, "$LATEST", aws.ToString(out.ExecutedVersion))
	var payload map[string]any
	require.NoError(t, json.Unmarshal(out.Payload, &payload))
	require.Equal(t, map[string]any{"a": float64(1)}, payload["echo"])
	log, err := base64.StdEncoding.DecodeString(aws.ToString(out.LogResult))
	require.NoError(t, err)
	id := payload["id"].(string)
	require.Contains(t, string(log), "START RequestId: "+id+" Version: $LATEST\nhello from f\nEND RequestId: "+id+"\nREPORT RequestId: "+id)
}

func TestInvoke_FunctionError(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.create(t, "f", "def handler(event, context):\n    raise ValueError('bucket ' + event['b'] + ' is public')\n")
	out, err := e.lambda.Invoke(context.Background(), &lambda.InvokeInput{FunctionName: aws.String("f"),
		Payload: []byte(`{"b": "web"}`)})
	require.NoError(t, err)
	require.Equal(t, int32(200), out.StatusCode)
	require.Equal(t, "Unhandled", aws.ToString(out.FunctionError))
	require.Nil(t, out.LogResult, "no log without LogType Tail")
	var doc struct {
		ErrorMessage, ErrorType, RequestID string
		StackTrace                         []string
	}
	require.NoError(t, json.Unmarshal(out.Payload, &doc))
	require.Equal(t, "bucket web is public", doc.ErrorMessage)
	require.Equal(t, "ValueError", doc.ErrorType)
	require.NotEmpty(t, doc.RequestID)
	require.Len(t, doc.StackTrace, 1)
	require.Contains(t, doc.StackTrace[0], `app.py", line 2, in handler`)
}

func TestInvoke_EventAndDryRun(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.create(t, "f", echo)
	ctx := context.Background()
	out, err := e.lambda.Invoke(ctx, &lambda.InvokeInput{FunctionName: aws.String("f"),
		InvocationType: types.InvocationTypeEvent, Payload: []byte(`{}`)})
	require.NoError(t, err)
	require.Equal(t, int32(202), out.StatusCode)
	require.Empty(t, out.Payload)
	n, err := e.svc.Tick(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, n, "the queued invocation runs")

	out, err = e.lambda.Invoke(ctx, &lambda.InvokeInput{FunctionName: aws.String("f"),
		InvocationType: types.InvocationTypeDryRun})
	require.NoError(t, err)
	require.Equal(t, int32(204), out.StatusCode)
	n, err = e.svc.Tick(ctx)
	require.NoError(t, err)
	require.Zero(t, n, "a dry run queues nothing")
}

func TestInvoke_Refuses(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.create(t, "f", echo)
	for name, tc := range map[string]struct {
		in        *lambda.InvokeInput
		code, msg string
	}{
		"Missing": {&lambda.InvokeInput{FunctionName: aws.String("nope")}, "ResourceNotFoundException",
			"Function not found: arn:aws:lambda:us-east-1:111122223333:function:nope"},
		"MissingAsync": {&lambda.InvokeInput{FunctionName: aws.String("nope"), InvocationType: types.InvocationTypeEvent},
			"ResourceNotFoundException", "Function not found"},
		"NotJSON": {&lambda.InvokeInput{FunctionName: aws.String("f"), Payload: []byte("{oops")},
			"InvalidRequestContentException", "Could not parse request body into json"},
		"Qualifier": {&lambda.InvokeInput{FunctionName: aws.String("f"), Qualifier: aws.String("prod")},
			"ResourceNotFoundException", "function:f:prod"},
		"InvocationType": {&lambda.InvokeInput{FunctionName: aws.String("f"), InvocationType: "Later"},
			"ValidationException", "at 'invocationType' failed to satisfy constraint"},
		"ClientContext": {&lambda.InvokeInput{FunctionName: aws.String("f"), ClientContext: aws.String("%%%")},
			"InvalidRequestContentException", "Client context must be a valid Base64-encoded JSON object."},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := e.lambda.Invoke(context.Background(), tc.in)
			requireCode(t, err, tc.code, tc.msg)
		})
	}
}

// rawRequest sends an unsigned request to the server and returns the
// status, the error type header and the decoded body.
func rawRequest(t *testing.T, e *env, method, path, body string) (int, string, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, e.url+path, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=111122223333/20261101/us-east-1/lambda/aws4_request, "+
		"SignedHeaders=host, Signature=00")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var doc map[string]any
	if len(b) > 0 {
		require.NoError(t, json.Unmarshal(b, &doc), string(b))
	}
	return resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType"), doc
}

func TestWire_ErrorShape(t *testing.T) {
	t.Parallel()
	e := setup(t)
	status, typ, doc := rawRequest(t, e, "GET", "/2015-03-31/functions/missing", "")
	require.Equal(t, 404, status)
	require.Equal(t, "ResourceNotFoundException", typ)
	require.Equal(t, map[string]any{"Type": "User",
		"Message": "Function not found: arn:aws:lambda:us-east-1:111122223333:function:missing"}, doc)

	status, typ, doc = rawRequest(t, e, "POST", "/2015-03-31/functions", `{"FunctionName": "f", "Role": "`+role+
		`", "Runtime": "python3.12", "Handler": "a.b", "Code": {"ZipFile": "bm90IGEgemlw"}}`)
	require.Equal(t, 400, status)
	require.Equal(t, "InvalidParameterValueException", typ)
	require.Equal(t, "User", doc["Type"])
	require.Contains(t, doc["message"], "Could not unzip uploaded file")

	status, typ, _ = rawRequest(t, e, "POST", "/2015-03-31/functions", `{"FunctionName": 5}`)
	require.Equal(t, 400, status)
	require.Equal(t, "SerializationException", typ)

	status, typ, _ = rawRequest(t, e, "GET", "/2015-03-31/layers", "")
	require.Equal(t, 404, status)
	require.Equal(t, "UnknownOperationException", typ)
	status, typ, _ = rawRequest(t, e, "PATCH", "/2015-03-31/functions/f", "")
	require.Equal(t, 404, status)
	require.Equal(t, "UnknownOperationException", typ)
}

func TestErrors_EveryCodeHasAStatus(t *testing.T) {
	t.Parallel()
	for _, c := range functions.Codes() {
		require.NotZero(t, functions.Status(c), c)
		require.NotEmpty(t, c)
	}
}

func TestOperationOf(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]string{
		"POST /2015-03-31/functions":                   "CreateFunction",
		"GET /2015-03-31/functions/":                   "ListFunctions",
		"POST /2015-03-31/functions/f/invocations":     "Invoke",
		"PUT /2015-03-31/functions/f/configuration":    "UpdateFunctionConfiguration",
		"DELETE /2017-03-31/tags/arn:aws:lambda:x":     "UntagResource",
		"GET /2015-03-31/functions/f/unknown-resource": "",
	} {
		method, p, _ := strings.Cut(path, " ")
		r, err := http.NewRequest(method, "http://h"+p, nil)
		require.NoError(t, err)
		require.Equal(t, want, lambdaapi.OperationOf(r), path)
	}
	require.Len(t, lambdaapi.OperationNames(), 12)
}
