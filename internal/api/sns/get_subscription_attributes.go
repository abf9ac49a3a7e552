package sns

import (
	"context"
	"net/url"
)

var _ = register("GetSubscriptionAttributes", (*api).getSubscriptionAttributes)

func (a *api) getSubscriptionAttributes(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.required("SubscriptionArn")
	if err := in.err(); err != nil {
		return nil, err
	}
	attrs, err := a.SNS.GetSubscriptionAttributes(ctx, scope(ctx), arn)
	if err != nil {
		return nil, err
	}
	return attributesResult{Attributes: mapOf(attrs)}, nil
}
