package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("CreateUser", (*api).createUser)

type userResult struct {
	User userXML `xml:"User"`
}

func (a *api) createUser(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	p := sandbox.CreateUserParams{UserName: in.name("UserName", 64), Path: in.path("Path", &patPath), Tags: in.tags("Tags")}
	in.unsupported("PermissionsBoundary", "permissions boundaries")
	if err := in.err(); err != nil {
		return nil, err
	}
	u, err := a.IAM.CreateUser(ctx, scope(ctx), p)
	if err != nil {
		return nil, err
	}
	return userResult{User: userOf(u, true)}, nil
}
