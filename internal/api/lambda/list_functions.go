package lambda

import (
	"context"
	"net/http"
	"strconv"

	"github.com/salvehq/salve/internal/functions"
	"github.com/salvehq/salve/internal/validate"
)

var (
	_ = register("GET /2015-03-31/functions", "ListFunctions", listFunctions)
	_ = register("GET /2015-03-31/functions/{$}", "ListFunctions", listFunctions)
)

// listFunctionsOutput is ListFunctionsResponse.
type listFunctionsOutput struct {
	Functions  []functionConfiguration
	NextMarker string `json:",omitempty"`
}

// listFunctions answers a page of the caller's functions.
func listFunctions(a *api, ctx context.Context, q *request) (*response, error) {
	params := q.http.URL.Query()
	var v validate.Errors
	maxItems := 0
	if s := params.Get("MaxItems"); s != "" {
		n, err := strconv.ParseInt(s, 10, 32)
		if err != nil {
			v.Add("maxItems", s, "Member must be an integer")
		} else {
			v.Range("maxItems", &n, 1, 10000)
			maxItems = int(n)
		}
	}
	if s := params.Get("FunctionVersion"); s != "" {
		v.Enum("functionVersion", s, "ALL")
	}
	if s := params.Get("MasterRegion"); s != "" {
		v.Pattern("masterRegion", s, `ALL|[a-z]{2}(-gov)?-[a-z]+-\d{1}`)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	fs, next, err := a.Functions.List(ctx, q.scope, functions.ListParams{Marker: params.Get("Marker"), MaxItems: maxItems})
	if err != nil {
		return nil, err
	}
	out := listFunctionsOutput{Functions: []functionConfiguration{}, NextMarker: next}
	for _, f := range fs {
		out.Functions = append(out.Functions, configuration(f))
	}
	return jsonDoc(http.StatusOK, out), nil
}
