package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("ListRolePolicies", (*api).listRolePolicies)

type listInlineResult struct {
	PolicyNames members[string] `xml:"PolicyNames"`
	truncation
}

func (a *api) listRolePolicies(ctx context.Context, form url.Values) (any, error) {
	return a.listInline(ctx, form, sandbox.KindRole)
}

// listInline serves List{Role,User,Group}Policies.
func (a *api) listInline(ctx context.Context, form url.Values, kind sandbox.Kind) (any, error) {
	in := newInput(form)
	key, maxLen := identityMember(kind)
	if kind == sandbox.KindUser {
		maxLen = 128
	}
	name := in.name(key, maxLen)
	page := in.page()
	if err := in.err(); err != nil {
		return nil, err
	}
	l, err := a.IAM.ListInlinePolicies(ctx, scope(ctx), kind, name, page)
	if err != nil {
		return nil, err
	}
	return listInlineResult{PolicyNames: members[string]{Member: append([]string{}, l.Items...)}, truncation: truncationOf(l)}, nil
}
