package sns

import (
	"context"
	"net/url"
)

var _ = register("ListSubscriptionsByTopic", (*api).listSubscriptionsByTopic)

func (a *api) listSubscriptionsByTopic(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.required("TopicArn")
	if err := in.err(); err != nil {
		return nil, err
	}
	l, err := a.SNS.ListSubscriptions(ctx, scope(ctx), arn, form.Get("NextToken"))
	if err != nil {
		return nil, err
	}
	return subscriptionsResult(l), nil
}
