package s3

import (
	"strings"

	"github.com/salvehq/salve/internal/sandbox/s3"
)

// grantHeaders map the x-amz-grant-* headers to the permission they grant.
var grantHeaders = []struct{ header, permission string }{
	{"X-Amz-Grant-Full-Control", s3.PermFullControl},
	{"X-Amz-Grant-Read", s3.PermRead},
	{"X-Amz-Grant-Write", s3.PermWrite},
	{"X-Amz-Grant-Read-Acp", s3.PermReadACP},
	{"X-Amz-Grant-Write-Acp", s3.PermWriteACP},
}

// granteeKeys map a grant header's grantee keys to grantee types.
var granteeKeys = map[string]string{
	"id": s3.GranteeCanonicalUser, "uri": s3.GranteeGroup, "emailaddress": s3.GranteeEmail,
}

// headerACL reads the ACL headers: x-amz-acl and x-amz-grant-*.
func headerACL(q *request) (s3.ACLInput, error) {
	in := s3.ACLInput{Canned: q.header("X-Amz-Acl")}
	for _, gh := range grantHeaders {
		v := q.header(gh.header)
		if v == "" {
			continue
		}
		grants, err := parseGrantHeader(gh.header, v, gh.permission)
		if err != nil {
			return in, err
		}
		in.HeaderGrants = append(in.HeaderGrants, grants...)
	}
	return in, nil
}

// parseGrantHeader parses a grant header: comma-separated grantees
// written key="value", the key one of id, uri and emailAddress.
func parseGrantHeader(header, value, permission string) ([]s3.Grant, error) {
	var out []s3.Grant
	for part := range strings.SplitSeq(value, ",") {
		k, v, found := strings.Cut(strings.TrimSpace(part), "=")
		typ, known := granteeKeys[strings.ToLower(strings.TrimSpace(k))]
		if !found || !known {
			return nil, &s3.ArgumentError{Err: s3.Errf(s3.CodeInvalidArgument, "Argument format not recognized"),
				Name: strings.ToLower(header), Value: value}
		}
		v = strings.Trim(strings.TrimSpace(v), `"`)
		g := s3.Grantee{Type: typ}
		switch typ {
		case s3.GranteeCanonicalUser:
			g.ID = v
		case s3.GranteeGroup:
			g.URI = v
		default:
			g.EmailAddress = v
		}
		out = append(out, s3.Grant{Grantee: g, Permission: permission})
	}
	return out, nil
}

// xsiNamespace is the namespace of a grantee's xsi:type attribute.
const xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"

// accessControlPolicy is the AccessControlPolicy document of a request.
type accessControlPolicy struct {
	Owner *struct {
		ID string `xml:"ID"`
	} `xml:"Owner"`
	Grants []struct {
		Grantee struct {
			Type         string `xml:"http://www.w3.org/2001/XMLSchema-instance type,attr"`
			ID           string `xml:"ID"`
			URI          string `xml:"URI"`
			EmailAddress string `xml:"EmailAddress"`
		} `xml:"Grantee"`
		Permission string `xml:"Permission"`
	} `xml:"AccessControlList>Grant"`
}

// domainACL converts the document.
func (p *accessControlPolicy) domainACL() *s3.ACL {
	acl := &s3.ACL{}
	if p.Owner != nil {
		acl.Owner = p.Owner.ID
	}
	for _, g := range p.Grants {
		acl.Grants = append(acl.Grants, s3.Grant{Permission: g.Permission, Grantee: s3.Grantee(g.Grantee)})
	}
	return acl
}

// accessControlPolicyResult is the AccessControlPolicy document of a
// response.
type accessControlPolicyResult struct {
	Owner  owner         `xml:"Owner"`
	Grants []grantResult `xml:"AccessControlList>Grant"`
}

type grantResult struct {
	Grantee    granteeResult `xml:"Grantee"`
	Permission string        `xml:"Permission"`
}

// granteeResult writes the xsi prefix as S3 does (clients read the
// attribute as "xsi:type").
type granteeResult struct {
	XSI          string `xml:"xmlns:xsi,attr"`
	Type         string `xml:"xsi:type,attr"`
	ID           string `xml:"ID,omitempty"`
	URI          string `xml:"URI,omitempty"`
	EmailAddress string `xml:"EmailAddress,omitempty"`
}

// aclResult renders an ACL.
func aclResult(acl s3.ACL) accessControlPolicyResult {
	out := accessControlPolicyResult{Owner: owner{ID: acl.Owner}, Grants: []grantResult{}}
	for _, g := range acl.Grants {
		out.Grants = append(out.Grants, grantResult{Permission: g.Permission, Grantee: granteeResult{
			XSI: xsiNamespace, Type: g.Grantee.Type, ID: g.Grantee.ID, URI: g.Grantee.URI,
			EmailAddress: g.Grantee.EmailAddress,
		}})
	}
	return out
}
