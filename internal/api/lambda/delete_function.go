package lambda

import (
	"context"

	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DELETE /2015-03-31/functions/{FunctionName}", "DeleteFunction", deleteFunction)

// deleteFunction removes a function and its code.
func deleteFunction(a *api, ctx context.Context, q *request) (*response, error) {
	var v validate.Errors
	checkName(&v, q.function())
	checkQualifier(&v, q.qualifier())
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := a.Functions.Delete(ctx, q.scope, q.function(), q.qualifier()); err != nil {
		return nil, err
	}
	return noContent(), nil
}
