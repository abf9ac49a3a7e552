package sns

import (
	"context"
	"net/url"
)

var _ = register("ConfirmSubscription", (*api).confirmSubscription)

func (a *api) confirmSubscription(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.required("TopicArn")
	token := in.required("Token")
	if err := in.err(); err != nil {
		return nil, err
	}
	sub, err := a.SNS.ConfirmSubscription(ctx, scope(ctx), arn, token)
	if err != nil {
		return nil, err
	}
	return subscriptionArnResult{SubscriptionArn: sub.ARN}, nil
}
