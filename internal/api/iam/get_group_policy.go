package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("GetGroupPolicy", (*api).getGroupPolicy)

type getGroupPolicyResult struct {
	GroupName      string `xml:"GroupName"`
	PolicyName     string `xml:"PolicyName"`
	PolicyDocument string `xml:"PolicyDocument"`
}

func (a *api) getGroupPolicy(ctx context.Context, form url.Values) (any, error) {
	name, p, err := a.getInline(ctx, form, sandbox.KindGroup)
	if err != nil {
		return nil, err
	}
	return getGroupPolicyResult{GroupName: name, PolicyName: p.PolicyName, PolicyDocument: sandbox.EncodeDocument(p.Document)}, nil
}
