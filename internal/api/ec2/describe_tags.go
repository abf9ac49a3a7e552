package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("DescribeTags", func(a *api) awsproto.QueryHandler { return handler(a.describeTags) })

type describeTagsInput struct {
	common
	pageIn
	Filters []filterIn `ec2:"Filter"`
}

func (in *describeTagsInput) validate() error { return in.check(5, 1000) }

type tagDescriptionXML struct {
	ResourceID   string `xml:"resourceId"`
	ResourceType string `xml:"resourceType"`
	Key          string `xml:"key"`
	Value        string `xml:"value"`
}

type describeTagsOutput struct {
	Tags      set[tagDescriptionXML] `xml:"tagSet"`
	NextToken string                 `xml:"nextToken,omitempty"`
}

func (a *api) describeTags(ctx context.Context, in *describeTagsInput) (any, error) {
	tags, next, err := a.EC2.DescribeTags(ctx, scope(ctx), filters(in.Filters), in.page())
	if err != nil {
		return nil, err
	}
	out := mapSet(tags, func(d sandbox.TagDescription) tagDescriptionXML {
		return tagDescriptionXML{d.ResourceID, d.ResourceType, d.Key, d.Value}
	})
	return describeTagsOutput{Tags: out, NextToken: next}, nil
}
