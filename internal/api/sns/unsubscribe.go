package sns

import (
	"context"
	"net/url"
)

var _ = register("Unsubscribe", (*api).unsubscribe)

func (a *api) unsubscribe(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.required("SubscriptionArn")
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.SNS.Unsubscribe(ctx, arnScope(ctx, arn), arn)
}
