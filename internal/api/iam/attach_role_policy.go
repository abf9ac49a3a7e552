package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("AttachRolePolicy", (*api).attachRolePolicy)

func (a *api) attachRolePolicy(ctx context.Context, form url.Values) (any, error) {
	return a.attachPolicy(ctx, form, sandbox.KindRole, true)
}

// identityMember names the member holding an identity's name and its
// maximum length, by kind.
func identityMember(kind sandbox.Kind) (string, int) {
	switch kind {
	case sandbox.KindRole:
		return "RoleName", 64
	case sandbox.KindUser:
		return "UserName", 64
	default:
		return "GroupName", 128
	}
}

// attachPolicy serves Attach{Role,User,Group}Policy (attach) and
// Detach{Role,User,Group}Policy.
func (a *api) attachPolicy(ctx context.Context, form url.Values, kind sandbox.Kind, attach bool) (any, error) {
	in := newInput(form)
	key, maxLen := identityMember(kind)
	name := in.name(key, maxLen)
	arn := in.arn("PolicyArn")
	if err := in.err(); err != nil {
		return nil, err
	}
	if attach {
		return empty{}, a.IAM.AttachPolicy(ctx, scope(ctx), kind, name, arn)
	}
	return empty{}, a.IAM.DetachPolicy(ctx, scope(ctx), kind, name, arn)
}
