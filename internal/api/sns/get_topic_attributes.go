package sns

import (
	"context"
	"net/url"
)

var _ = register("GetTopicAttributes", (*api).getTopicAttributes)

type attributesResult struct {
	Attributes mapXML `xml:"Attributes"`
}

func (a *api) getTopicAttributes(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.required("TopicArn")
	if err := in.err(); err != nil {
		return nil, err
	}
	attrs, err := a.SNS.GetTopicAttributes(ctx, scope(ctx), arn)
	if err != nil {
		return nil, err
	}
	return attributesResult{Attributes: mapOf(attrs)}, nil
}
