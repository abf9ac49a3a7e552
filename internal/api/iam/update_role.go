package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("UpdateRole", (*api).updateRole)

func (a *api) updateRole(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	p := sandbox.UpdateRoleParams{RoleName: in.name("RoleName", 64), MaxSessionDuration: in.integer("MaxSessionDuration", 3600, 43200)}
	if in.Str("Description") != nil {
		d := in.description()
		p.Description = &d
	}
	if err := in.err(); err != nil {
		return nil, err
	}
	return empty{}, a.IAM.UpdateRole(ctx, scope(ctx), p)
}
