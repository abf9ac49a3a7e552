package lambda

import (
	"context"
	"net/http"

	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("PUT /2015-03-31/functions/{FunctionName}/configuration", "UpdateFunctionConfiguration",
	updateFunctionConfiguration)

// updateFunctionConfigurationInput is UpdateFunctionConfigurationRequest.
type updateFunctionConfigurationInput struct {
	settings
	Runtime *string
}

// updateFunctionConfiguration changes a function's settings.
func updateFunctionConfiguration(a *api, ctx context.Context, q *request) (*response, error) {
	var in updateFunctionConfigurationInput
	if err := q.decode(&in); err != nil {
		return nil, err
	}
	var v validate.Errors
	v.Len("functionName", q.function(), 1, 140)
	v.Pattern("functionName", q.function(), functions.NamePattern)
	in.settings.check(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := in.unsupported(); err != nil {
		return nil, err
	}
	u := functions.ConfigUpdate{Runtime: in.Runtime, Role: in.Role, Handler: in.Handler, Description: in.Description,
		Timeout: intPtr(in.Timeout), MemorySize: intPtr(in.MemorySize), RevisionID: deref(in.RevisionId)}
	if in.EphemeralStorage != nil {
		u.EphemeralStorage = intPtr(in.EphemeralStorage.Size)
	}
	if in.Environment != nil {
		vars := in.Environment.Variables
		if vars == nil {
			vars = map[string]string{}
		}
		u.Environment = &vars
	}
	f, err := a.Functions.UpdateConfiguration(ctx, q.scope, q.function(), u)
	if err != nil {
		return nil, err
	}
	return jsonDoc(http.StatusOK, configuration(f)), nil
}
