package awsproto

import (
	"context"
	"errors"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/salvehq/salve/internal/awserr"
)

// Handler serves one JSON 1.1 operation: it receives the raw request and
// returns the value to encode as the response body, or an error.
type Handler func(ctx context.Context, req *Request) (any, error)

// Request is one decoded HTTP request addressed to an operation.
type Request struct {
	// Operation is the operation name (e.g. "PutConfigRule").
	Operation string
	// Body is the request body, already bounded by the server's limit.
	Body []byte
	// Caller is the authenticated caller.
	Caller *Caller
}

// JSONService is a service spoken in AWS JSON 1.1, routed by X-Amz-Target.
type JSONService struct {
	// TargetPrefix is the part of X-Amz-Target before the last dot (the
	// operation name has none).
	TargetPrefix string
	// TargetAliases are other prefixes clients send for the same service
	// (aws-sdk-go-v2 sends "CloudTrail_20131101" where botocore sends
	// "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101").
	TargetAliases []string
	// SigningName is the SigV4 service name ("config", "ssm").
	SigningName string
	// InternalErrorCode is the error sent for server faults.
	InternalErrorCode string
	// Operations maps operation names to handlers.
	Operations map[string]Handler
}

// JSON adapts a typed operation function to a Handler: the body is decoded
// into In with member names matched case-sensitively, as AWS does.
func JSON[In, Out any](fn func(ctx context.Context, in *In) (*Out, error)) Handler {
	return func(ctx context.Context, req *Request) (any, error) {
		in := new(In)
		if err := DecodeJSON(req.Body, in); err != nil {
			return nil, err
		}
		return fn(ctx, in)
	}
}

// DecodeJSON decodes an AWS JSON request body into v. An empty body is an
// empty object. Failures are SerializationExceptions naming the member.
func DecodeJSON(body []byte, v any) error {
	if len(strings.TrimSpace(string(body))) == 0 {
		body = []byte("{}")
	}
	if err := json.Unmarshal(body, v); err != nil {
		return awserr.New(awserr.SerializationException, "%s", describeDecodeError(err))
	}
	return nil
}

func describeDecodeError(err error) string {
	var se *json.SemanticError
	if errors.As(err, &se) {
		where := string(se.JSONPointer)
		if where == "" {
			where = "/"
		}
		what := "a value of the wrong type"
		if se.JSONKind != 0 {
			what = "a JSON " + se.JSONKind.String()
		}
		if se.Err != nil && !errors.Is(se.Err, errors.ErrUnsupported) {
			return "Could not read member at " + where + ": " + cleanErr(se.Err)
		}
		want := "a different type"
		if se.GoType != nil {
			want = jsonKindOf(se.GoType.Kind().String())
		}
		return "Could not read member at " + where + ": found " + what + " where " + want + " was expected"
	}
	var syn *jsontext.SyntacticError
	if errors.As(err, &syn) {
		return "Request body is not valid JSON: " + cleanErr(syn.Err) + " at byte offset " + itoa(syn.ByteOffset)
	}
	return "Request body could not be read: " + cleanErr(err)
}

func cleanErr(err error) string {
	return strings.TrimPrefix(strings.TrimPrefix(err.Error(), "jsontext: "), "json: ")
}

func jsonKindOf(goKind string) string {
	switch goKind {
	case "string":
		return "a string"
	case "bool":
		return "a boolean"
	case "slice", "array":
		return "a list"
	case "map", "struct":
		return "an object"
	case "ptr":
		return "a value"
	default:
		return "a number"
	}
}

// EncodeJSON encodes a response body; empty slices and maps are omitted
// where the member says omitempty.
func EncodeJSON(v any) ([]byte, error) {
	if v == nil {
		return []byte("{}"), nil
	}
	return json.Marshal(v)
}
