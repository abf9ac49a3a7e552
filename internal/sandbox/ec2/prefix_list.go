package ec2

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/tenant"
)

// MaxPrefixListEntries is the largest MaxEntries a prefix list may have.
const MaxPrefixListEntries = 1000

// awsOwner is the owner id of AWS-managed prefix lists.
const awsOwner = "AWS"

// awsPrefixLists returns the AWS-managed prefix lists Salve shows in a
// region: S3, DynamoDB and CloudFront's origin-facing ranges (a few
// representative entries each, not AWS's full lists).
func awsPrefixLists(region string) []*PrefixList {
	lists := []struct {
		name    string
		entries []string
	}{
		{"com.amazonaws." + region + ".s3", []string{"3.5.0.0/19", "16.182.0.0/16", "18.34.0.0/19", "52.216.0.0/15", "54.231.0.0/16"}},
		{"com.amazonaws." + region + ".dynamodb", []string{"3.218.180.0/22", "35.71.64.0/22", "52.94.0.0/22"}},
		{"com.amazonaws.global.cloudfront.origin-facing", []string{"120.52.22.96/27", "205.251.249.0/24", "180.163.57.128/26"}},
	}
	out := make([]*PrefixList, 0, len(lists))
	for _, l := range lists {
		sum := sha256.Sum256([]byte(region + "/" + l.name))
		pl := &PrefixList{ID: "pl-" + hex.EncodeToString(sum[:4]), Name: l.name, AddressFamily: "IPv4",
			MaxEntries: int32(len(l.entries)), Version: 1, State: "create-complete", OwnerID: awsOwner}
		for _, e := range l.entries {
			pl.Entries = append(pl.Entries, PrefixListEntry{CIDR: e})
		}
		out = append(out, pl)
	}
	return out
}

// prefixList loads a prefix list: the account's own or AWS's.
func (t *txn) prefixList(id string) (*PrefixList, error) {
	pl, err := get[PrefixList](t, kindPrefixList, id)
	if !awserr.Is(err, kindPrefixList.notFound) {
		return pl, err
	}
	for _, a := range awsPrefixLists(t.scope.Region) {
		if a.ID == id {
			return a, nil
		}
	}
	return nil, err
}

// CreatePrefixListParams are CreateManagedPrefixList's inputs.
type CreatePrefixListParams struct {
	Name          string
	AddressFamily string
	MaxEntries    int32
	Entries       []PrefixListEntry
	TagSpecs      []TagSpec
}

// CreateManagedPrefixList makes a customer-managed prefix list.
func (s *Service) CreateManagedPrefixList(ctx context.Context, scope tenant.Scope, p CreatePrefixListParams) (*PrefixList, error) {
	entries, err := checkPrefixList(p)
	if err != nil {
		return nil, err
	}
	tags, err := tagsFor(p.TagSpecs, "prefix-list", "prefix-list")
	if err != nil {
		return nil, err
	}
	pl := &PrefixList{ID: kindPrefixList.newID(), Name: p.Name, AddressFamily: p.AddressFamily,
		MaxEntries: p.MaxEntries, Version: 1, State: "create-complete", OwnerID: scope.AccountID,
		Entries: entries, Tags: tags}
	err = s.update(ctx, scope, func(t *txn) error { return put(t, kindPrefixList, pl.ID, pl) })
	if err != nil {
		return nil, err
	}
	return pl, nil
}

// checkPrefixList validates a new list and returns its entries with
// canonical CIDRs.
func checkPrefixList(p CreatePrefixListParams) ([]PrefixListEntry, error) {
	switch {
	case p.Name == "" || len(p.Name) > 255:
		return nil, InvalidValue("PrefixListName", p.Name, "The name must be 1 to 255 characters long.")
	case strings.HasPrefix(strings.ToLower(p.Name), "com.amazonaws"):
		return nil, InvalidValue("PrefixListName", p.Name, "The name cannot start with com.amazonaws.")
	case p.AddressFamily != "IPv4" && p.AddressFamily != "IPv6":
		return nil, InvalidValue("AddressFamily", p.AddressFamily, "The address family must be IPv4 or IPv6.")
	case p.MaxEntries < 1 || p.MaxEntries > MaxPrefixListEntries:
		return nil, Error(CodeInvalidParameterValue, "The maximum number of entries must be between 1 and %d.", MaxPrefixListEntries)
	case len(p.Entries) > int(p.MaxEntries):
		return nil, Error(CodeInvalidParameterValue,
			"The number of entries (%d) exceeds the maximum number of entries (%d) of the prefix list.", len(p.Entries), p.MaxEntries)
	}
	out := make([]PrefixListEntry, 0, len(p.Entries))
	for _, e := range p.Entries {
		c, ok := parseCIDR(e.CIDR, p.AddressFamily == "IPv6")
		if !ok {
			return nil, Error(CodeInvalidParameterValue, "The CIDR %s is not a valid %s CIDR.", e.CIDR, p.AddressFamily)
		}
		if err := checkDescription(e.Description); err != nil {
			return nil, err
		}
		if slices.ContainsFunc(out, func(o PrefixListEntry) bool { return o.CIDR == c.String() }) {
			return nil, Error(CodeInvalidParameterValue, "The CIDR %s appears more than once.", e.CIDR)
		}
		out = append(out, PrefixListEntry{CIDR: c.String(), Description: e.Description})
	}
	return out, nil
}

var prefixListFilters = filterSet[PrefixList]{
	tags: func(p *PrefixList) []Tag { return p.Tags },
	fields: map[string]func(*PrefixList) []string{
		"prefix-list-id":   func(p *PrefixList) []string { return one(p.ID) },
		"prefix-list-name": func(p *PrefixList) []string { return one(p.Name) },
		"owner-id":         func(p *PrefixList) []string { return one(p.OwnerID) },
	},
}

// DescribeManagedPrefixLists lists AWS's and the account's prefix lists.
func (s *Service) DescribeManagedPrefixLists(ctx context.Context, scope tenant.Scope, p DescribeParams) ([]*PrefixList, string, error) {
	match, err := prefixListFilters.compile(p.Filters)
	if err != nil {
		return nil, "", err
	}
	var out []*PrefixList
	err = s.view(ctx, scope, func(t *txn) error {
		lists, err := t.prefixLists(p.IDs)
		for _, pl := range lists {
			if match(pl) {
				out = append(out, pl)
			}
		}
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return paginate(out, func(p *PrefixList) string { return p.ID }, "ec2-prefix-lists", p.Page)
}

// prefixLists loads the lists of ids, or every list.
func (t *txn) prefixLists(ids []string) ([]*PrefixList, error) {
	if len(ids) == 0 {
		own, err := all[PrefixList](t, kindPrefixList)
		return append(awsPrefixLists(t.scope.Region), own...), err
	}
	out := make([]*PrefixList, 0, len(ids))
	for _, id := range dedupe(ids) {
		pl, err := t.prefixList(id)
		if err != nil {
			return nil, err
		}
		out = append(out, pl)
	}
	return out, nil
}

// GetManagedPrefixListEntries returns a prefix list's entries. Salve keeps
// only the current version: another TargetVersion fails.
func (s *Service) GetManagedPrefixListEntries(ctx context.Context, scope tenant.Scope, id string, targetVersion *int64, page Page) ([]PrefixListEntry, string, error) {
	var pl *PrefixList
	err := s.view(ctx, scope, func(t *txn) (err error) {
		pl, err = t.prefixList(id)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	if targetVersion != nil && *targetVersion != pl.Version {
		return nil, "", InvalidValue("TargetVersion", strconv.FormatInt(*targetVersion, 10),
			"Salve keeps only the current version of a prefix list.")
	}
	return paginate(pl.Entries, func(e PrefixListEntry) string { return e.CIDR }, "ec2-prefix-list-entries:"+id, page)
}
