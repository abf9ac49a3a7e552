package sns

import (
	"context"
	"net/url"
)

var _ = register("TagResource", (*api).tagResource)

func (a *api) tagResource(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.required("ResourceArn")
	tags := in.tags("Tags")
	in.RequireList("Tags", len(tags))
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.SNS.TagResource(ctx, scope(ctx), arn, tags)
}
