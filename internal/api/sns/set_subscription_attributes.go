package sns

import (
	"context"
	"net/url"
)

var _ = register("SetSubscriptionAttributes", (*api).setSubscriptionAttributes)

func (a *api) setSubscriptionAttributes(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.required("SubscriptionArn")
	name := in.required("AttributeName")
	value := in.Get("AttributeValue")
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.SNS.SetSubscriptionAttributes(ctx, scope(ctx), arn, name, value)
}
