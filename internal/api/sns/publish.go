package sns

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
)

var _ = register("Publish", (*api).publish)

type publishResult struct {
	MessageID      string `xml:"MessageId"`
	SequenceNumber string `xml:"SequenceNumber,omitempty"`
}

func (a *api) publish(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	p := sandbox.PublishParams{Message: in.required("Message"), Subject: in.Str("Subject"),
		MessageStructure: in.Get("MessageStructure"), MessageAttributes: in.messageAttributes("MessageAttributes"),
		MessageGroupID: in.Get("MessageGroupId"), MessageDeduplicationID: in.Get("MessageDeduplicationId")}
	if err := in.err(); err != nil {
		return nil, err
	}
	var err error
	if p.TopicARN, p.TargetMember, err = publishTarget(form); err != nil {
		return nil, err
	}
	res, err := a.SNS.Publish(ctx, scope(ctx), p)
	if err != nil {
		return nil, err
	}
	return publishResult{MessageID: res.MessageID, SequenceNumber: res.SequenceNumber}, nil
}

// publishTarget returns the topic a Publish names (TopicArn or TargetArn,
// exactly one) and which member named it. Salve sends no SMS: PhoneNumber
// is refused.
func publishTarget(form url.Values) (arn, member string, err error) {
	topic, target, phone := form.Get("TopicArn"), form.Get("TargetArn"), form.Get("PhoneNumber")
	switch {
	case phone != "":
		return "", "", sandbox.Err(sandbox.CodeInvalidParameter,
			"Invalid parameter: PhoneNumber Reason: Salve does not send SMS; publish to a topic instead")
	case topic != "" && target != "":
		return "", "", sandbox.Err(sandbox.CodeInvalidParameter,
			"Invalid parameter: TopicArn or TargetArn Reason: Only one of TopicArn and TargetArn may be specified")
	case topic != "":
		return topic, "TopicArn", nil
	case target != "":
		return target, "TargetArn", nil
	}
	return "", "", sandbox.Err(sandbox.CodeInvalidParameter,
		"Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter")
}
