package s3

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
)

// Grantee types (the xsi:type of an ACL grantee).
const (
	GranteeCanonicalUser = "CanonicalUser"
	GranteeGroup         = "Group"
	GranteeEmail         = "AmazonCustomerByEmail"
)

// The predefined groups an ACL can grant to.
const (
	GroupAllUsers           = "http://acs.amazonaws.com/groups/global/AllUsers"
	GroupAuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
	GroupLogDelivery        = "http://acs.amazonaws.com/groups/s3/LogDelivery"
)

// ACL permissions.
const (
	PermFullControl = "FULL_CONTROL"
	PermRead        = "READ"
	PermWrite       = "WRITE"
	PermReadACP     = "READ_ACP"
	PermWriteACP    = "WRITE_ACP"
)

// Permissions lists the ACL permissions.
var Permissions = []string{PermFullControl, PermWrite, PermWriteACP, PermRead, PermReadACP}

// The canned ACLs a bucket accepts.
const (
	CannedPrivate           = "private"
	CannedPublicRead        = "public-read"
	CannedPublicReadWrite   = "public-read-write"
	CannedAuthenticatedRead = "authenticated-read"
	CannedLogDeliveryWrite  = "log-delivery-write"
)

// ACL is a bucket's access control list.
type ACL struct {
	// Owner is the bucket owner's canonical user id.
	Owner  string  `json:"owner"`
	Grants []Grant `json:"grants,omitempty"`
}

// Grant gives one permission to one grantee.
type Grant struct {
	Grantee    Grantee `json:"grantee"`
	Permission string  `json:"permission"`
}

// Grantee is who a grant is for: a canonical user (ID), a group (URI) or
// an e-mail address.
type Grantee struct {
	Type         string `json:"type"`
	ID           string `json:"id,omitempty"`
	URI          string `json:"uri,omitempty"`
	EmailAddress string `json:"emailAddress,omitempty"`
}

// CanonicalUserID returns the S3 canonical user id of an account: 64 hex
// digits, derived from the account id so it is stable across restarts.
func CanonicalUserID(accountID string) string {
	sum := sha256.Sum256([]byte("salve-s3-canonical-user:" + accountID))
	return hex.EncodeToString(sum[:])
}

// ACLInput is how a request sets an ACL: a canned ACL (x-amz-acl), grant
// headers (x-amz-grant-*), or an AccessControlPolicy document; at most one
// of them.
type ACLInput struct {
	// Canned is the x-amz-acl value; "" when not sent.
	Canned string
	// HeaderGrants are the grants of the x-amz-grant-* headers.
	HeaderGrants []Grant
	// Policy is the AccessControlPolicy document; nil when not sent.
	Policy *ACL
}

// empty reports whether the input sets no ACL at all.
func (in *ACLInput) empty() bool {
	return in.Canned == "" && len(in.HeaderGrants) == 0 && in.Policy == nil
}

// resolve validates the input and returns the ACL it sets for a bucket
// owned by owner.
func (in *ACLInput) resolve(owner string) (ACL, error) {
	switch {
	case in.Canned != "" && len(in.HeaderGrants) > 0:
		return ACL{}, Errf(CodeInvalidRequest, "Specifying both Canned ACLs and Header Grants is not allowed")
	case in.Policy != nil && (in.Canned != "" || len(in.HeaderGrants) > 0):
		return ACL{}, Err(CodeUnexpectedContent)
	case in.Policy != nil:
		return policyACL(owner, in.Policy)
	case len(in.HeaderGrants) > 0:
		if err := validateGrants(in.HeaderGrants); err != nil {
			return ACL{}, err
		}
		return ACL{Owner: owner, Grants: slices.Clone(in.HeaderGrants)}, nil
	case in.Canned != "":
		return CannedACL(owner, in.Canned)
	}
	return CannedACL(owner, CannedPrivate)
}

// CannedACL expands a canned ACL for a bucket owned by owner.
func CannedACL(owner, canned string) (ACL, error) {
	acl := ACL{Owner: owner, Grants: []Grant{userGrant(owner, PermFullControl)}}
	switch canned {
	case CannedPrivate:
	case CannedPublicRead:
		acl.Grants = append(acl.Grants, groupGrant(GroupAllUsers, PermRead))
	case CannedPublicReadWrite:
		acl.Grants = append(acl.Grants, groupGrant(GroupAllUsers, PermRead), groupGrant(GroupAllUsers, PermWrite))
	case CannedAuthenticatedRead:
		acl.Grants = append(acl.Grants, groupGrant(GroupAuthenticatedUsers, PermRead))
	case CannedLogDeliveryWrite:
		acl.Grants = append(acl.Grants, groupGrant(GroupLogDelivery, PermWrite), groupGrant(GroupLogDelivery, PermReadACP))
	default:
		return ACL{}, invalidArgument("x-amz-acl", canned, "The canned ACL %q is not valid for a bucket: use "+
			"private, public-read, public-read-write, authenticated-read or log-delivery-write.", canned)
	}
	return acl, nil
}

func userGrant(id, perm string) Grant {
	return Grant{Grantee: Grantee{Type: GranteeCanonicalUser, ID: id}, Permission: perm}
}

func groupGrant(uri, perm string) Grant {
	return Grant{Grantee: Grantee{Type: GranteeGroup, URI: uri}, Permission: perm}
}

// policyACL validates an AccessControlPolicy document: it must name the
// bucket owner and hold valid grants.
func policyACL(owner string, p *ACL) (ACL, error) {
	if p.Owner == "" {
		return ACL{}, Err(CodeMalformedACLError)
	}
	if p.Owner != owner {
		return ACL{}, Err(CodeAccessDenied)
	}
	for _, g := range p.Grants {
		if !slices.Contains(Permissions, g.Permission) {
			return ACL{}, Err(CodeMalformedACLError)
		}
	}
	if err := validateGrants(p.Grants); err != nil {
		return ACL{}, err
	}
	return ACL{Owner: owner, Grants: slices.Clone(p.Grants)}, nil
}

// validateGrants checks every grantee as S3 does.
func validateGrants(grants []Grant) error {
	for _, g := range grants {
		if err := validateGrantee(g.Grantee); err != nil {
			return err
		}
	}
	return nil
}

func validateGrantee(g Grantee) error {
	switch g.Type {
	case GranteeCanonicalUser:
		if !isCanonicalID(g.ID) {
			return invalidArgument("CanonicalUser/ID", g.ID, "Invalid id")
		}
	case GranteeGroup:
		if g.URI != GroupAllUsers && g.URI != GroupAuthenticatedUsers && g.URI != GroupLogDelivery {
			return invalidArgument("Group/URI", g.URI, "Invalid group uri")
		}
	case GranteeEmail:
		return Err(CodeUnresolvableGrantByEmail)
	default:
		return Err(CodeMalformedACLError)
	}
	return nil
}

// isCanonicalID reports whether s looks like a canonical user id: 64 hex
// digits.
func isCanonicalID(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// nonPrivate reports whether an ACL grants anything beyond the owner's
// FULL_CONTROL (what BucketOwnerEnforced forbids).
func (a ACL) nonPrivate() bool {
	for _, g := range a.Grants {
		if g.Grantee.Type != GranteeCanonicalUser || g.Grantee.ID != a.Owner || g.Permission != PermFullControl {
			return true
		}
	}
	return false
}
