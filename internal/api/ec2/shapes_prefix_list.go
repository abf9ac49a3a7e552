package ec2

import (
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
	"github.com/salvehq/salve/internal/tenant"
)

type prefixListOutXML struct {
	ID            string       `xml:"prefixListId"`
	AddressFamily string       `xml:"addressFamily"`
	State         string       `xml:"state"`
	ARN           string       `xml:"prefixListArn"`
	Name          string       `xml:"prefixListName"`
	MaxEntries    int32        `xml:"maxEntries"`
	Version       int64        `xml:"version"`
	Tags          *set[tagXML] `xml:"tagSet,omitempty"`
	OwnerID       string       `xml:"ownerId"`
}

func prefixListOut(scope tenant.Scope, p *sandbox.PrefixList) prefixListOutXML {
	arnScope := scope
	if p.OwnerID == "AWS" {
		arnScope.AccountID = "aws"
	}
	return prefixListOutXML{ID: p.ID, AddressFamily: p.AddressFamily, State: p.State,
		ARN: arnScope.ARN("ec2", "prefix-list/"+p.ID), Name: p.Name, MaxEntries: p.MaxEntries, Version: p.Version,
		Tags: tagSet(p.Tags), OwnerID: p.OwnerID}
}

type prefixListEntryXML struct {
	CIDR        string `xml:"cidr"`
	Description string `xml:"description,omitempty"`
}
