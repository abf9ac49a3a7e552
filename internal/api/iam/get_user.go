package iam

import (
	"context"
	"net/url"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("GetUser", (*api).getUser)

// getUser returns the named user, or without UserName the caller's.
func (a *api) getUser(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	name := in.optName("UserName", 128)
	if err := in.err(); err != nil {
		return nil, err
	}
	var u *sandbox.User
	var err error
	if name == "" {
		u, err = a.IAM.CallerUser(ctx, scope(ctx), awsproto.CallerFrom(ctx).Principal)
	} else {
		u, err = a.IAM.GetUser(ctx, scope(ctx), name)
	}
	if err != nil {
		return nil, err
	}
	return userResult{User: userOf(u, true)}, nil
}
