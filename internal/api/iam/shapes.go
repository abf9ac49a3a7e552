package iam

import (
	"time"

	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

// xmlTime renders a timestamp as IAM does (ISO 8601, UTC, seconds).
type xmlTime time.Time

// MarshalText implements encoding.TextMarshaler.
func (t xmlTime) MarshalText() ([]byte, error) {
	return []byte(time.Time(t).UTC().Format("2006-01-02T15:04:05Z")), nil
}

// members is a Query list: <Name><member>…</member>…</Name>, present even
// when empty (as AWS sends required lists).
type members[T any] struct {
	Member []T `xml:"member"`
}

func listOf[T, U any](items []T, conv func(*T) U) members[U] {
	out := members[U]{Member: make([]U, 0, len(items))}
	for i := range items {
		out.Member = append(out.Member, conv(&items[i]))
	}
	return out
}

type tagXML struct {
	Key   string `xml:"Key"`
	Value string `xml:"Value"`
}

func tagsXML(tags []sandbox.Tag) *members[tagXML] {
	if len(tags) == 0 {
		return nil
	}
	l := listOf(tags, func(t *sandbox.Tag) tagXML { return tagXML(*t) })
	return &l
}

// truncation are the paging members of every list result.
type truncation struct {
	IsTruncated bool   `xml:"IsTruncated"`
	Marker      string `xml:"Marker,omitempty"`
}

func truncationOf[T any](l *sandbox.Listing[T]) truncation {
	return truncation{IsTruncated: l.IsTruncated, Marker: l.Marker}
}

type roleXML struct {
	Path                     string           `xml:"Path"`
	RoleName                 string           `xml:"RoleName"`
	RoleID                   string           `xml:"RoleId"`
	Arn                      string           `xml:"Arn"`
	CreateDate               xmlTime          `xml:"CreateDate"`
	AssumeRolePolicyDocument string           `xml:"AssumeRolePolicyDocument,omitempty"`
	Description              string           `xml:"Description,omitempty"`
	MaxSessionDuration       int              `xml:"MaxSessionDuration,omitempty"`
	Tags                     *members[tagXML] `xml:"Tags,omitempty"`
}

// roleOf renders a role; withTags is false in listings (AWS's ListRoles
// leaves tags out).
func roleOf(r *sandbox.Role, withTags bool) roleXML {
	out := roleXML{Path: r.Path, RoleName: r.Name, RoleID: r.ID, Arn: r.ARN, CreateDate: xmlTime(r.CreateDate),
		AssumeRolePolicyDocument: sandbox.EncodeDocument(r.AssumeRolePolicyDocument),
		Description:              r.Description, MaxSessionDuration: r.MaxSessionDuration}
	if withTags {
		out.Tags = tagsXML(r.Tags)
	}
	return out
}

func listedRole(r *sandbox.Role) roleXML { return roleOf(r, false) }

type userXML struct {
	Path       string           `xml:"Path"`
	UserName   string           `xml:"UserName,omitempty"`
	UserID     string           `xml:"UserId"`
	Arn        string           `xml:"Arn"`
	CreateDate xmlTime          `xml:"CreateDate"`
	Tags       *members[tagXML] `xml:"Tags,omitempty"`
}

func userOf(u *sandbox.User, withTags bool) userXML {
	out := userXML{Path: u.Path, UserName: u.Name, UserID: u.ID, Arn: u.ARN, CreateDate: xmlTime(u.CreateDate)}
	if withTags {
		out.Tags = tagsXML(u.Tags)
	}
	return out
}

func listedUser(u *sandbox.User) userXML { return userOf(u, false) }

type groupXML struct {
	Path       string  `xml:"Path"`
	GroupName  string  `xml:"GroupName"`
	GroupID    string  `xml:"GroupId"`
	Arn        string  `xml:"Arn"`
	CreateDate xmlTime `xml:"CreateDate"`
}

func groupOf(g *sandbox.Group) groupXML {
	return groupXML{Path: g.Path, GroupName: g.Name, GroupID: g.ID, Arn: g.ARN, CreateDate: xmlTime(g.CreateDate)}
}

type policyXML struct {
	PolicyName                    string           `xml:"PolicyName"`
	PolicyID                      string           `xml:"PolicyId"`
	Arn                           string           `xml:"Arn"`
	Path                          string           `xml:"Path"`
	DefaultVersionID              string           `xml:"DefaultVersionId"`
	AttachmentCount               int              `xml:"AttachmentCount"`
	PermissionsBoundaryUsageCount int              `xml:"PermissionsBoundaryUsageCount"`
	IsAttachable                  bool             `xml:"IsAttachable"`
	Description                   string           `xml:"Description,omitempty"`
	CreateDate                    xmlTime          `xml:"CreateDate"`
	UpdateDate                    xmlTime          `xml:"UpdateDate"`
	Tags                          *members[tagXML] `xml:"Tags,omitempty"`
}

func policyOf(p *sandbox.Policy) policyXML {
	return policyXML{PolicyName: p.Name, PolicyID: p.ID, Arn: p.ARN, Path: p.Path, DefaultVersionID: p.DefaultVersionID,
		AttachmentCount: p.AttachmentCount, IsAttachable: true, Description: p.Description,
		CreateDate: xmlTime(p.CreateDate), UpdateDate: xmlTime(p.UpdateDate), Tags: tagsXML(p.Tags)}
}

// listedPolicy leaves out what ListPolicies does not return.
func listedPolicy(p *sandbox.Policy) policyXML {
	out := policyOf(p)
	out.Description, out.Tags = "", nil
	return out
}

type policyVersionXML struct {
	Document         string  `xml:"Document,omitempty"`
	VersionID        string  `xml:"VersionId"`
	IsDefaultVersion bool    `xml:"IsDefaultVersion"`
	CreateDate       xmlTime `xml:"CreateDate"`
}

// versionOf renders a policy version; withDocument is false where AWS
// leaves the document out (CreatePolicyVersion).
func versionOf(v *sandbox.PolicyVersion, withDocument bool) policyVersionXML {
	out := policyVersionXML{VersionID: v.VersionID, IsDefaultVersion: v.IsDefaultVersion, CreateDate: xmlTime(v.CreateDate)}
	if withDocument {
		out.Document = sandbox.EncodeDocument(v.Document)
	}
	return out
}

type attachedPolicyXML struct {
	PolicyName string `xml:"PolicyName"`
	PolicyArn  string `xml:"PolicyArn"`
}

func attachedOf(a *sandbox.AttachedPolicy) attachedPolicyXML { return attachedPolicyXML(*a) }

type instanceProfileXML struct {
	Path                string           `xml:"Path"`
	InstanceProfileName string           `xml:"InstanceProfileName"`
	InstanceProfileID   string           `xml:"InstanceProfileId"`
	Arn                 string           `xml:"Arn"`
	CreateDate          xmlTime          `xml:"CreateDate"`
	Roles               members[roleXML] `xml:"Roles"`
	Tags                *members[tagXML] `xml:"Tags,omitempty"`
}

func profileOf(p *sandbox.InstanceProfile) instanceProfileXML {
	return instanceProfileXML{Path: p.Path, InstanceProfileName: p.Name, InstanceProfileID: p.ID, Arn: p.ARN,
		CreateDate: xmlTime(p.CreateDate), Roles: listOf(p.Roles, listedRole), Tags: tagsXML(p.Tags)}
}
