package lambda

import (
	"context"
	"net/http"

	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("POST /2015-03-31/functions", "CreateFunction", createFunction)

// createFunctionInput is CreateFunctionRequest.
type createFunctionInput struct {
	settings
	FunctionName  *string
	Runtime       *string
	Code          *functionCode
	Publish       *bool
	PackageType   *string
	Tags          map[string]string
	Architectures []string
}

// createFunction stores a new function.
func createFunction(a *api, ctx context.Context, q *request) (*response, error) {
	var in createFunctionInput
	if err := q.decode(&in); err != nil {
		return nil, err
	}
	if err := in.check(); err != nil {
		return nil, err
	}
	f, err := a.Functions.Create(ctx, q.scope, functions.CreateParams{Name: *in.FunctionName, Runtime: deref(in.Runtime),
		Role: *in.Role, Handler: deref(in.Handler), Description: deref(in.Description), Timeout: intOf(in.Timeout),
		MemorySize: intOf(in.MemorySize), Environment: in.variables(), Tags: in.Tags, Code: in.Code.source(),
		PackageType: deref(in.PackageType), Architectures: in.Architectures, EphemeralStorage: in.storage()})
	if err != nil {
		return nil, err
	}
	return jsonDoc(http.StatusCreated, configuration(f)), nil
}

// check validates the request against Lambda's model.
func (in *createFunctionInput) check() error {
	var v validate.Errors
	if v.Required("functionName", in.FunctionName != nil) {
		v.Len("functionName", *in.FunctionName, 1, 140)
		v.Pattern("functionName", *in.FunctionName, functions.NamePattern)
	}
	v.Required("role", in.Role != nil)
	v.Required("code", in.Code != nil)
	in.settings.check(&v)
	if in.PackageType != nil {
		v.Enum("packageType", *in.PackageType, "Zip", "Image")
	}
	checkArchitectures(&v, in.Architectures)
	if err := v.Err(); err != nil {
		return err
	}
	return in.unsupported()
}

// storage is the requested /tmp size (0 for the default).
func (s *settings) storage() int {
	if s.EphemeralStorage == nil {
		return 0
	}
	return intOf(s.EphemeralStorage.Size)
}
