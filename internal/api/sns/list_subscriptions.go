package sns

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
)

var _ = register("ListSubscriptions", (*api).listSubscriptions)

type subscriptionXML struct {
	SubscriptionArn string `xml:"SubscriptionArn"`
	Owner           string `xml:"Owner"`
	Protocol        string `xml:"Protocol"`
	Endpoint        string `xml:"Endpoint"`
	TopicArn        string `xml:"TopicArn"`
}

type listSubscriptionsResult struct {
	Subscriptions members[subscriptionXML] `xml:"Subscriptions"`
	NextToken     string                   `xml:"NextToken,omitempty"`
}

func (a *api) listSubscriptions(ctx context.Context, form url.Values) (any, error) {
	l, err := a.SNS.ListSubscriptions(ctx, scope(ctx), "", form.Get("NextToken"))
	if err != nil {
		return nil, err
	}
	return subscriptionsResult(l), nil
}

// subscriptionsResult renders a page of subscriptions; pending ones show
// "PendingConfirmation" instead of an ARN, as in AWS.
func subscriptionsResult(l *sandbox.Listing[sandbox.Subscription]) listSubscriptionsResult {
	out := listSubscriptionsResult{NextToken: l.NextToken, Subscriptions: members[subscriptionXML]{Member: []subscriptionXML{}}}
	for _, s := range l.Items {
		arn := s.ARN
		if !s.Confirmed {
			arn = "PendingConfirmation"
		}
		out.Subscriptions.Member = append(out.Subscriptions.Member,
			subscriptionXML{SubscriptionArn: arn, Owner: s.Owner, Protocol: s.Protocol, Endpoint: s.Endpoint, TopicArn: s.TopicARN})
	}
	return out
}
