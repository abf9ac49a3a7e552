package lambda

import (
	"context"
	"net/http"
)

var _ = register("GET /2015-03-31/functions/{FunctionName}/configuration", "GetFunctionConfiguration",
	getFunctionConfiguration)

// getFunctionConfiguration answers a function's configuration.
func getFunctionConfiguration(a *api, ctx context.Context, q *request) (*response, error) {
	f, err := lookup(a, ctx, q)
	if err != nil {
		return nil, err
	}
	return jsonDoc(http.StatusOK, configuration(f)), nil
}
