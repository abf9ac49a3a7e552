package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("DescribeManagedPrefixLists", func(a *api) awsproto.QueryHandler {
	return handler(a.describeManagedPrefixLists)
})

type describeManagedPrefixListsInput struct {
	common
	pageIn
	IDs     []string   `ec2:"PrefixListId"`
	Filters []filterIn `ec2:"Filter"`
}

func (in *describeManagedPrefixListsInput) validate() error { return in.check(1, 100) }

type describeManagedPrefixListsOutput struct {
	Lists     set[prefixListOutXML] `xml:"prefixListSet"`
	NextToken string                `xml:"nextToken,omitempty"`
}

func (a *api) describeManagedPrefixLists(ctx context.Context, in *describeManagedPrefixListsInput) (any, error) {
	sc := scope(ctx)
	lists, next, err := a.EC2.DescribeManagedPrefixLists(ctx, sc, sandbox.DescribeParams{IDs: in.IDs,
		Filters: filters(in.Filters), Page: in.page()})
	if err != nil {
		return nil, err
	}
	out := mapSet(lists, func(p *sandbox.PrefixList) prefixListOutXML { return prefixListOut(sc, p) })
	return describeManagedPrefixListsOutput{Lists: out, NextToken: next}, nil
}
