package sns

import (
	"context"
	"net/url"
)

var _ = register("UntagResource", (*api).untagResource)

func (a *api) untagResource(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.required("ResourceArn")
	keys := in.List("TagKeys")
	in.RequireList("TagKeys", len(keys))
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.SNS.UntagResource(ctx, scope(ctx), arn, keys)
}
