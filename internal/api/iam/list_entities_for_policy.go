package iam

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

var _ = register("ListEntitiesForPolicy", (*api).listEntitiesForPolicy)

type policyGroupXML struct {
	GroupName string `xml:"GroupName"`
	GroupID   string `xml:"GroupId"`
}

type policyUserXML struct {
	UserName string `xml:"UserName"`
	UserID   string `xml:"UserId"`
}

type policyRoleXML struct {
	RoleName string `xml:"RoleName"`
	RoleID   string `xml:"RoleId"`
}

type listEntitiesResult struct {
	PolicyGroups members[policyGroupXML] `xml:"PolicyGroups"`
	PolicyUsers  members[policyUserXML]  `xml:"PolicyUsers"`
	PolicyRoles  members[policyRoleXML]  `xml:"PolicyRoles"`
	truncation
}

func (a *api) listEntitiesForPolicy(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	p := sandbox.ListEntitiesParams{
		PolicyArn:    in.arn("PolicyArn"),
		EntityFilter: in.enum("EntityFilter", "User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"),
		PathPrefix:   in.path("PathPrefix", &patPath),
		Page:         in.page(),
	}
	boundaries := in.enum("PolicyUsageFilter", "PermissionsPolicy", "PermissionsBoundary") == "PermissionsBoundary"
	if err := in.err(); err != nil {
		return nil, err
	}
	l, err := a.IAM.ListEntitiesForPolicy(ctx, scope(ctx), p)
	if err != nil {
		return nil, err
	}
	if boundaries {
		l.Items = nil
	}
	return entitiesResult(l), nil
}

func entitiesResult(l *sandbox.Listing[sandbox.Entity]) listEntitiesResult {
	out := listEntitiesResult{truncation: truncationOf(l)}
	out.PolicyGroups.Member = []policyGroupXML{}
	out.PolicyUsers.Member = []policyUserXML{}
	out.PolicyRoles.Member = []policyRoleXML{}
	for _, e := range l.Items {
		switch e.Kind {
		case sandbox.KindGroup:
			out.PolicyGroups.Member = append(out.PolicyGroups.Member, policyGroupXML{e.Name, e.ID})
		case sandbox.KindUser:
			out.PolicyUsers.Member = append(out.PolicyUsers.Member, policyUserXML{e.Name, e.ID})
		case sandbox.KindRole:
			out.PolicyRoles.Member = append(out.PolicyRoles.Member, policyRoleXML{e.Name, e.ID})
		}
	}
	return out
}
