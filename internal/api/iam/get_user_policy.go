package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("GetUserPolicy", (*api).getUserPolicy)

type getUserPolicyResult struct {
	UserName       string `xml:"UserName"`
	PolicyName     string `xml:"PolicyName"`
	PolicyDocument string `xml:"PolicyDocument"`
}

func (a *api) getUserPolicy(ctx context.Context, form url.Values) (any, error) {
	name, p, err := a.getInline(ctx, form, sandbox.KindUser)
	if err != nil {
		return nil, err
	}
	return getUserPolicyResult{UserName: name, PolicyName: p.PolicyName, PolicyDocument: sandbox.EncodeDocument(p.Document)}, nil
}
