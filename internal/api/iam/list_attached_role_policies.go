package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("ListAttachedRolePolicies", (*api).listAttachedRolePolicies)

type listAttachedResult struct {
	AttachedPolicies members[attachedPolicyXML] `xml:"AttachedPolicies"`
	truncation
}

func (a *api) listAttachedRolePolicies(ctx context.Context, form url.Values) (any, error) {
	return a.listAttached(ctx, form, sandbox.KindRole)
}

// listAttached serves ListAttached{Role,User,Group}Policies.
func (a *api) listAttached(ctx context.Context, form url.Values, kind sandbox.Kind) (any, error) {
	in := newInput(form)
	key, maxLen := identityMember(kind)
	name := in.name(key, maxLen)
	prefix := in.path("PathPrefix", &patPolicyPath)
	page := in.page()
	if err := in.err(); err != nil {
		return nil, err
	}
	l, err := a.IAM.ListAttachedPolicies(ctx, scope(ctx), kind, name, prefix, page)
	if err != nil {
		return nil, err
	}
	return listAttachedResult{AttachedPolicies: listOf(l.Items, attachedOf), truncation: truncationOf(l)}, nil
}
