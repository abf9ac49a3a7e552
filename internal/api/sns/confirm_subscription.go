package sns

import (
	"context"
	"net/url"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
	"github.com/salvehq/salve/internal/tenant"
)

var _ = register("ConfirmSubscription", (*api).confirmSubscription)

func (a *api) confirmSubscription(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.required("TopicArn")
	token := in.required("Token")
	if err := in.err(); err != nil {
		return nil, err
	}
	sub, err := a.SNS.ConfirmSubscription(ctx, arnScope(ctx, arn), arn, token)
	if err != nil {
		return nil, err
	}
	return subscriptionArnResult{SubscriptionArn: sub.ARN}, nil
}

// arnScope is the scope a call acts in: the caller's, except for an
// unsigned call (an endpoint fetching the SubscribeURL or UnsubscribeURL
// of a message, as AWS allows), which acts in the ARN's account and
// region — the token or subscription ARN is its authority.
func arnScope(ctx context.Context, arn string) tenant.Scope {
	if awsproto.CallerFrom(ctx).AccessKeyID == "" {
		if s, ok := sandbox.ScopeOf(arn); ok {
			return s
		}
	}
	return scope(ctx)
}
