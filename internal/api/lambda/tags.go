package lambda

import (
	"context"
	"net/http"

	"github.com/salvehq/salve/internal/validate"
)

var (
	_ = register("GET /2017-03-31/tags/{Resource}", "ListTags", listTags)
	_ = register("POST /2017-03-31/tags/{Resource}", "TagResource", tagResource)
	_ = register("DELETE /2017-03-31/tags/{Resource}", "UntagResource", untagResource)
)

// resource validates the path's resource ARN.
func resource(q *request) (string, error) {
	arn := q.http.PathValue("Resource")
	var v validate.Errors
	v.Len("resource", arn, 1, 256)
	v.Pattern("resource", arn, resourcePattern)
	return arn, v.Err()
}

// listTags answers a function's tags.
func listTags(a *api, ctx context.Context, q *request) (*response, error) {
	arn, err := resource(q)
	if err != nil {
		return nil, err
	}
	f, err := a.Functions.Get(ctx, q.scope, arn, "")
	if err != nil {
		return nil, err
	}
	tags := f.Tags
	if tags == nil {
		tags = map[string]string{}
	}
	return jsonDoc(http.StatusOK, struct{ Tags map[string]string }{tags}), nil
}

// tagResource adds or replaces a function's tags.
func tagResource(a *api, ctx context.Context, q *request) (*response, error) {
	var in struct{ Tags map[string]string }
	if err := q.decode(&in); err != nil {
		return nil, err
	}
	arn, err := resource(q)
	if err != nil {
		return nil, err
	}
	var v validate.Errors
	v.Required("tags", in.Tags != nil)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := a.Functions.Tag(ctx, q.scope, arn, in.Tags); err != nil {
		return nil, err
	}
	return noContent(), nil
}

// untagResource removes tags of a function by key.
func untagResource(a *api, ctx context.Context, q *request) (*response, error) {
	arn, err := resource(q)
	if err != nil {
		return nil, err
	}
	keys := q.http.URL.Query()["tagKeys"]
	var v validate.Errors
	v.Required("tagKeys", len(keys) > 0)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := a.Functions.Untag(ctx, q.scope, arn, keys); err != nil {
		return nil, err
	}
	return noContent(), nil
}
