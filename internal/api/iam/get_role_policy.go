package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("GetRolePolicy", (*api).getRolePolicy)

type getRolePolicyResult struct {
	RoleName       string `xml:"RoleName"`
	PolicyName     string `xml:"PolicyName"`
	PolicyDocument string `xml:"PolicyDocument"`
}

func (a *api) getRolePolicy(ctx context.Context, form url.Values) (any, error) {
	name, p, err := a.getInline(ctx, form, sandbox.KindRole)
	if err != nil {
		return nil, err
	}
	return getRolePolicyResult{RoleName: name, PolicyName: p.PolicyName, PolicyDocument: sandbox.EncodeDocument(p.Document)}, nil
}

// getInline serves Get{Role,User,Group}Policy: it returns the identity's
// name as stored and the policy.
func (a *api) getInline(ctx context.Context, form url.Values, kind sandbox.Kind) (string, *sandbox.InlinePolicy, error) {
	in := newInput(form)
	key, maxLen := identityMember(kind)
	if kind == sandbox.KindUser {
		maxLen = 128
	}
	name := in.name(key, maxLen)
	policy := in.name("PolicyName", 128)
	if err := in.err(); err != nil {
		return "", nil, err
	}
	p, err := a.IAM.GetInlinePolicy(ctx, scope(ctx), kind, name, policy)
	return name, p, err
}
