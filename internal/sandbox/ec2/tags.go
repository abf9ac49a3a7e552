package ec2

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// Tag limits, as AWS applies them.
const (
	MaxTagsPerResource = 50
	maxTagKeyLength    = 127
	maxTagValueLength  = 255
)

// TagSpec is one TagSpecification.N of a create call.
type TagSpec struct {
	ResourceType string
	Tags         []Tag
}

// resource is what every record that carries tags implements.
type resource interface {
	// resourceID is the record's id.
	resourceID() string
	// tagsRef points at the record's tags.
	tagsRef() *[]Tag
	// item is the record's configuration item, nil for kinds Config does
	// not record.
	item(t *txn) *configitem.Item
}

func (v *VPC) tagsRef() *[]Tag           { return &v.Tags }
func (s *Subnet) tagsRef() *[]Tag        { return &s.Tags }
func (g *SecurityGroup) tagsRef() *[]Tag { return &g.Tags }
func (in *Instance) tagsRef() *[]Tag     { return &in.Tags }
func (v *Volume) tagsRef() *[]Tag        { return &v.Tags }
func (f *FlowLog) tagsRef() *[]Tag       { return &f.Tags }
func (p *PrefixList) tagsRef() *[]Tag    { return &p.Tags }

func (v *VPC) resourceID() string           { return v.ID }
func (s *Subnet) resourceID() string        { return s.ID }
func (g *SecurityGroup) resourceID() string { return g.ID }
func (in *Instance) resourceID() string     { return in.ID }
func (v *Volume) resourceID() string        { return v.ID }
func (f *FlowLog) resourceID() string       { return f.ID }
func (p *PrefixList) resourceID() string    { return p.ID }

func (p *PrefixList) item(*txn) *configitem.Item { return nil }

// CheckTags validates tags as CreateTags and TagSpecification do.
func CheckTags(tags []Tag) error {
	for _, tg := range tags {
		switch {
		case tg.Key == "":
			return Error(CodeInvalidParameterValue, "Tag key must not be empty")
		case utf8.RuneCountInString(tg.Key) > maxTagKeyLength:
			return Error(CodeInvalidParameterValue, "Tag key exceeds the maximum length of %d characters", maxTagKeyLength)
		case utf8.RuneCountInString(tg.Value) > maxTagValueLength:
			return Error(CodeInvalidParameterValue, "Tag value exceeds the maximum length of %d characters", maxTagValueLength)
		case strings.HasPrefix(strings.ToLower(tg.Key), "aws:"):
			return Error(CodeInvalidParameterValue, "Tag keys starting with 'aws:' are reserved for internal use")
		}
	}
	if len(tags) > MaxTagsPerResource {
		return Error(CodeTagLimitExceeded, "The maximum number of Tags for a resource has been reached.")
	}
	return nil
}

// tagsFor returns the tags a create call's specifications give to
// resources of type rtype; specs for other types than those allowed fail.
func tagsFor(specs []TagSpec, rtype string, allowed ...string) ([]Tag, error) {
	var out []Tag
	for _, s := range specs {
		if !slices.Contains(allowed, s.ResourceType) {
			return nil, Error(CodeInvalidParameterValue,
				"'%s' is not a valid taggable resource type for this operation.", s.ResourceType)
		}
		if s.ResourceType == rtype {
			out = mergeTags(out, s.Tags)
		}
	}
	if err := CheckTags(out); err != nil {
		return nil, err
	}
	return out, nil
}

// mergeTags sets each of add on tags, replacing the value of a key
// already there.
func mergeTags(tags, add []Tag) []Tag {
	for _, a := range add {
		i := slices.IndexFunc(tags, func(tg Tag) bool { return tg.Key == a.Key })
		if i >= 0 {
			tags[i].Value = a.Value
		} else {
			tags = append(tags, a)
		}
	}
	return tags
}

// dropTags removes each of del from tags: a tag with a value only when the
// values match, without one whatever its value; no tags at all removes
// every tag.
func dropTags(tags []Tag, del []Tag, withValue []bool) []Tag {
	if len(del) == 0 {
		return nil
	}
	return slices.DeleteFunc(tags, func(tg Tag) bool {
		for i, d := range del {
			if d.Key == tg.Key && (!withValue[i] || d.Value == tg.Value) {
				return true
			}
		}
		return false
	})
}

// CreateTags adds or overwrites tags on each resource.
func (s *Service) CreateTags(ctx context.Context, scope tenant.Scope, ids []string, tags []Tag) error {
	if err := CheckTags(tags); err != nil {
		return err
	}
	return s.update(ctx, scope, func(t *txn) error {
		for _, id := range ids {
			err := t.retag(id, func(have []Tag) ([]Tag, error) {
				out := mergeTags(have, tags)
				if len(out) > MaxTagsPerResource {
					return nil, Error(CodeTagLimitExceeded, "The maximum number of Tags for a resource has been reached.")
				}
				return out, nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// DeleteTagsParams are DeleteTags' inputs.
type DeleteTagsParams struct {
	ResourceIDs []string
	Tags        []Tag
	// WithValue says, per tag, whether the request gave a value (only a
	// matching value is deleted then).
	WithValue []bool
}

// DeleteTags removes tags from each resource.
func (s *Service) DeleteTags(ctx context.Context, scope tenant.Scope, p DeleteTagsParams) error {
	return s.update(ctx, scope, func(t *txn) error {
		for _, id := range p.ResourceIDs {
			err := t.retag(id, func(have []Tag) ([]Tag, error) {
				return dropTags(have, p.Tags, p.WithValue), nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// retag loads the resource of id, replaces its tags with fn's answer,
// stores it and records its item.
func (t *txn) retag(id string, fn func([]Tag) ([]Tag, error)) error {
	switch k := kindOf(id); k {
	case kindVPC:
		return retagRecord[VPC](t, k, id, fn)
	case kindSubnet:
		return retagRecord[Subnet](t, k, id, fn)
	case kindGroup:
		return retagRecord[SecurityGroup](t, k, id, fn)
	case kindInstance:
		return retagRecord[Instance](t, k, id, fn)
	case kindVolume:
		return retagRecord[Volume](t, k, id, fn)
	case kindFlowLog:
		return retagRecord[FlowLog](t, k, id, fn)
	case kindPrefixList:
		return retagRecord[PrefixList](t, k, id, fn)
	case kindRule:
		return t.retagRule(id, fn)
	}
	return Error(CodeInvalidID, "The ID '%s' is not valid", id)
}

func retagRecord[T any, P interface {
	*T
	resource
}](t *txn, k *kind, id string, fn func([]Tag) ([]Tag, error)) error {
	r, err := get[T](t, k, id)
	if err != nil {
		return err
	}
	tags := P(r).tagsRef()
	if *tags, err = fn(*tags); err != nil {
		return err
	}
	if err := put(t, k, id, r); err != nil {
		return err
	}
	if it := P(r).item(t); it != nil {
		return t.recordItem(it, configitem.StatusOK)
	}
	return nil
}

// TagDescription is one tag DescribeTags lists.
type TagDescription struct {
	ResourceID   string
	ResourceType string
	Key          string
	Value        string
}

var tagFilters = filterSet[TagDescription]{fields: map[string]func(*TagDescription) []string{
	"key":           func(d *TagDescription) []string { return one(d.Key) },
	"value":         func(d *TagDescription) []string { return []string{d.Value} },
	"resource-id":   func(d *TagDescription) []string { return one(d.ResourceID) },
	"resource-type": func(d *TagDescription) []string { return one(d.ResourceType) },
}}

// DescribeTags lists the tags of every resource in the scope.
func (s *Service) DescribeTags(ctx context.Context, scope tenant.Scope, filters []Filter, page Page) ([]TagDescription, string, error) {
	match, err := tagFilters.compile(filters)
	if err != nil {
		return nil, "", err
	}
	var out []TagDescription
	err = s.view(ctx, scope, func(t *txn) error {
		all, err := t.allTags()
		for _, d := range all {
			if match(&d) {
				out = append(out, d)
			}
		}
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return paginate(out, func(d TagDescription) string { return d.ResourceID + "\x00" + d.Key }, "ec2-tags", page)
}

// allTags lists the tags of every resource kind.
func (t *txn) allTags() ([]TagDescription, error) {
	collectors := []func() ([]TagDescription, error){
		func() ([]TagDescription, error) { return tagsOf[VPC](t, kindVPC) },
		func() ([]TagDescription, error) { return tagsOf[Subnet](t, kindSubnet) },
		func() ([]TagDescription, error) { return tagsOf[SecurityGroup](t, kindGroup) },
		func() ([]TagDescription, error) { return tagsOf[Instance](t, kindInstance) },
		func() ([]TagDescription, error) { return tagsOf[Volume](t, kindVolume) },
		func() ([]TagDescription, error) { return tagsOf[FlowLog](t, kindFlowLog) },
		func() ([]TagDescription, error) { return tagsOf[PrefixList](t, kindPrefixList) },
		t.ruleTags,
	}
	var out []TagDescription
	for _, collect := range collectors {
		d, err := collect()
		if err != nil {
			return nil, err
		}
		out = append(out, d...)
	}
	return out, nil
}

func tagsOf[T any, P interface {
	*T
	resource
}](t *txn, k *kind) ([]TagDescription, error) {
	recs, err := all[T](t, k)
	if err != nil {
		return nil, err
	}
	var out []TagDescription
	for _, r := range recs {
		for _, tg := range *P(r).tagsRef() {
			out = append(out, TagDescription{ResourceID: P(r).resourceID(), ResourceType: k.tagType,
				Key: tg.Key, Value: tg.Value})
		}
	}
	return out, nil
}
