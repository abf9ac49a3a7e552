package sns

import (
	"context"
	"net/url"
)

var _ = register("ListTagsForResource", (*api).listTagsForResource)

type listTagsResult struct {
	Tags members[tagXML] `xml:"Tags"`
}

func (a *api) listTagsForResource(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	arn := in.required("ResourceArn")
	if err := in.err(); err != nil {
		return nil, err
	}
	tags, err := a.SNS.ListTagsForResource(ctx, scope(ctx), arn)
	if err != nil {
		return nil, err
	}
	out := listTagsResult{Tags: members[tagXML]{Member: make([]tagXML, 0, len(tags))}}
	for _, t := range tags {
		out.Tags.Member = append(out.Tags.Member, tagXML(t))
	}
	return out, nil
}
