package lambda

import (
	"context"
	"net/http"
	"net/url"

	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("GET /2015-03-31/functions/{FunctionName}", "GetFunction", getFunction)

// getFunctionOutput is GetFunctionResponse.
type getFunctionOutput struct {
	Configuration functionConfiguration
	Code          functionCodeLocation
	Tags          map[string]string `json:",omitempty"`
}

// functionCodeLocation is FunctionCodeLocation.
type functionCodeLocation struct {
	RepositoryType string
	Location       string
}

// getFunction answers a function's configuration, where to download its
// code and its tags.
func getFunction(a *api, ctx context.Context, q *request) (*response, error) {
	f, err := lookup(a, ctx, q)
	if err != nil {
		return nil, err
	}
	out := getFunctionOutput{Configuration: configuration(f), Tags: f.Tags,
		Code: functionCodeLocation{RepositoryType: "S3", Location: codeLocation(q, f)}}
	return jsonDoc(http.StatusOK, out), nil
}

// lookup validates the path's function and qualifier and reads the
// function.
func lookup(a *api, ctx context.Context, q *request) (*functions.Function, error) {
	var v validate.Errors
	checkName(&v, q.function())
	checkQualifier(&v, q.qualifier())
	if err := v.Err(); err != nil {
		return nil, err
	}
	return a.Functions.Get(ctx, q.scope, q.function(), q.qualifier())
}

// codeLocation is where the function's .zip can be downloaded: Salve's
// own endpoint (CodeHandler, mounted at /_salve/function-code), or the
// local directory of a function whose code is one.
func codeLocation(q *request, f *functions.Function) string {
	if f.CodeDir != "" {
		return (&url.URL{Scheme: "file", Path: f.CodeDir}).String()
	}
	scheme := "http"
	if q.http.TLS != nil {
		scheme = "https"
	}
	v := url.Values{"AccountId": {q.scope.AccountID}, "Region": {q.scope.Region}, "FunctionName": {f.Name},
		"CodeSha256": {f.CodeSha256}}
	return scheme + "://" + q.http.Host + "/_salve/" + CodePath + "?" + v.Encode()
}
