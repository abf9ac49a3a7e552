package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("CreateRole", (*api).createRole)

type roleResult struct {
	Role roleXML `xml:"Role"`
}

func (a *api) createRole(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	p := sandbox.CreateRoleParams{
		RoleName:                 in.name("RoleName", 64),
		Path:                     in.path("Path", &patPath),
		AssumeRolePolicyDocument: in.document("AssumeRolePolicyDocument"),
		Description:              in.description(),
		Tags:                     in.tags("Tags"),
	}
	if n := in.integer("MaxSessionDuration", 3600, 43200); n != nil {
		p.MaxSessionDuration = *n
	}
	in.unsupported("PermissionsBoundary", "permissions boundaries")
	if err := in.err(); err != nil {
		return nil, err
	}
	r, err := a.IAM.CreateRole(ctx, scope(ctx), p)
	if err != nil {
		return nil, err
	}
	return roleResult{Role: roleOf(r, true)}, nil
}
