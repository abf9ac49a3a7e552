package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("ListRoleTags", (*api).listRoleTags)

type listTagsResult struct {
	Tags members[tagXML] `xml:"Tags"`
	truncation
}

func (a *api) listRoleTags(ctx context.Context, form url.Values) (any, error) {
	return a.listIdentityTags(ctx, form, sandbox.KindRole, "RoleName", 64)
}

// listIdentityTags serves ListRoleTags and ListUserTags.
func (a *api) listIdentityTags(ctx context.Context, form url.Values, kind sandbox.Kind, nameKey string, maxLen int) (any, error) {
	in := newInput(form)
	name := in.name(nameKey, maxLen)
	page := in.page()
	if err := in.err(); err != nil {
		return nil, err
	}
	l, err := a.IAM.IdentityTags(ctx, scope(ctx), kind, name, page)
	if err != nil {
		return nil, err
	}
	conv := func(t *sandbox.Tag) tagXML { return tagXML(*t) }
	return listTagsResult{Tags: listOf(l.Items, conv), truncation: truncationOf(l)}, nil
}
