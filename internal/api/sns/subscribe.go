package sns

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
)

var _ = register("Subscribe", (*api).subscribe)

type subscriptionArnResult struct {
	SubscriptionArn string `xml:"SubscriptionArn"`
}

// pendingArn is what Subscribe answers for a subscription waiting for
// confirmation (unless ReturnSubscriptionArn is set).
const pendingArn = "pending confirmation"

func (a *api) subscribe(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	p := sandbox.SubscribeParams{TopicARN: in.required("TopicArn"), Protocol: in.required("Protocol"),
		Endpoint: in.Get("Endpoint"), Attributes: in.Map("Attributes")}
	returnArn := in.boolean("ReturnSubscriptionArn")
	if err := in.err(); err != nil {
		return nil, err
	}
	sub, err := a.SNS.Subscribe(ctx, scope(ctx), p)
	if err != nil {
		return nil, err
	}
	if !sub.Confirmed && !returnArn {
		return subscriptionArnResult{SubscriptionArn: pendingArn}, nil
	}
	return subscriptionArnResult{SubscriptionArn: sub.ARN}, nil
}
