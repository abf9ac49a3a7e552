package sns

import (
	"context"
	"net/url"
)

var _ = register("DeleteTopic", (*api).deleteTopic)

func (a *api) deleteTopic(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.required("TopicArn")
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.SNS.DeleteTopic(ctx, scope(ctx), arn)
}
