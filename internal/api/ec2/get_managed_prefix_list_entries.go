package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("GetManagedPrefixListEntries", func(a *api) awsproto.QueryHandler {
	return handler(a.getManagedPrefixListEntries)
})

type getManagedPrefixListEntriesInput struct {
	common
	pageIn
	ID            string `ec2:"PrefixListId,required"`
	TargetVersion *int64 `ec2:"TargetVersion"`
}

func (in *getManagedPrefixListEntriesInput) validate() error { return in.check(1, 100) }

type getManagedPrefixListEntriesOutput struct {
	Entries   set[prefixListEntryXML] `xml:"entrySet"`
	NextToken string                  `xml:"nextToken,omitempty"`
}

func (a *api) getManagedPrefixListEntries(ctx context.Context, in *getManagedPrefixListEntriesInput) (any, error) {
	entries, next, err := a.EC2.GetManagedPrefixListEntries(ctx, scope(ctx), in.ID, in.TargetVersion, in.page())
	if err != nil {
		return nil, err
	}
	out := mapSet(entries, func(e sandbox.PrefixListEntry) prefixListEntryXML { return prefixListEntryXML{e.CIDR, e.Description} })
	return getManagedPrefixListEntriesOutput{Entries: out, NextToken: next}, nil
}
