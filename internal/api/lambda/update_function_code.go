package lambda

import (
	"context"
	"net/http"

	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("PUT /2015-03-31/functions/{FunctionName}/code", "UpdateFunctionCode", updateFunctionCode)

// updateFunctionCodeInput is UpdateFunctionCodeRequest.
type updateFunctionCodeInput struct {
	functionCode
	Publish       *bool
	DryRun        *bool
	RevisionId    *string
	Architectures []string
}

// updateFunctionCode replaces a function's code.
func updateFunctionCode(a *api, ctx context.Context, q *request) (*response, error) {
	var in updateFunctionCodeInput
	if err := q.decode(&in); err != nil {
		return nil, err
	}
	var v validate.Errors
	v.Len("functionName", q.function(), 1, 140)
	v.Pattern("functionName", q.function(), functions.NamePattern)
	checkArchitectures(&v, in.Architectures)
	if err := v.Err(); err != nil {
		return nil, err
	}
	f, err := a.Functions.UpdateCode(ctx, q.scope, q.function(), functions.CodeUpdate{Code: in.source(),
		Architectures: in.Architectures, DryRun: in.DryRun != nil && *in.DryRun, RevisionID: deref(in.RevisionId)})
	if err != nil {
		return nil, err
	}
	return jsonDoc(http.StatusOK, configuration(f)), nil
}
