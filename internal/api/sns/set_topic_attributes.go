package sns

import (
	"context"
	"net/url"
)

var _ = register("SetTopicAttributes", (*api).setTopicAttributes)

func (a *api) setTopicAttributes(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.required("TopicArn")
	name := in.required("AttributeName")
	value := in.Get("AttributeValue")
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.SNS.SetTopicAttributes(ctx, scope(ctx), arn, name, value)
}
