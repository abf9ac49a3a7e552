package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("CreateManagedPrefixList", func(a *api) awsproto.QueryHandler {
	return handler(a.createManagedPrefixList)
})

type createManagedPrefixListInput struct {
	common
	Name          string         `ec2:"PrefixListName,required"`
	Entries       []prefixListIn `ec2:"Entry"`
	MaxEntries    int32          `ec2:"MaxEntries,required"`
	AddressFamily string         `ec2:"AddressFamily,required"`
	TagSpecs      []tagSpecIn    `ec2:"TagSpecification"`
	_             struct{}       `ignore:"ClientToken"`
}

type prefixListIn struct {
	CIDR        string `ec2:"Cidr,required"`
	Description string `ec2:"Description"`
}

type createManagedPrefixListOutput struct {
	List prefixListOutXML `xml:"prefixList"`
}

func (a *api) createManagedPrefixList(ctx context.Context, in *createManagedPrefixListInput) (any, error) {
	entries := make([]sandbox.PrefixListEntry, 0, len(in.Entries))
	for _, e := range in.Entries {
		entries = append(entries, sandbox.PrefixListEntry{CIDR: e.CIDR, Description: e.Description})
	}
	sc := scope(ctx)
	pl, err := a.EC2.CreateManagedPrefixList(ctx, sc, sandbox.CreatePrefixListParams{Name: in.Name,
		AddressFamily: in.AddressFamily, MaxEntries: in.MaxEntries, Entries: entries, TagSpecs: tagSpecs(in.TagSpecs)})
	if err != nil {
		return nil, err
	}
	return createManagedPrefixListOutput{List: prefixListOut(sc, pl)}, nil
}
