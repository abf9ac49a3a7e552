package iam

import "time"

// Kind names the IAM identities policies attach to.
type Kind string

// Identity kinds.
const (
	KindRole  Kind = "Role"
	KindUser  Kind = "User"
	KindGroup Kind = "Group"
)

// Tag is one key/value tag.
type Tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// AttachedPolicy names a managed policy attached to an identity.
type AttachedPolicy struct {
	PolicyName string `json:"PolicyName"`
	PolicyArn  string `json:"PolicyArn"`
}

// InlinePolicy is a policy embedded in one identity.
type InlinePolicy struct {
	PolicyName string `json:"PolicyName"`
	// Document is the policy JSON as it was put (not URL-encoded).
	Document string `json:"Document"`
}

// Identity is what roles, users and groups have in common.
type Identity struct {
	Name       string    `json:"Name"`
	ID         string    `json:"Id"`
	Path       string    `json:"Path"`
	ARN        string    `json:"Arn"`
	CreateDate time.Time `json:"CreateDate"`
	Tags       []Tag     `json:"Tags,omitempty"`
	// AttachedPolicies are the managed policies, in attachment order.
	AttachedPolicies []AttachedPolicy `json:"AttachedPolicies,omitempty"`
	// InlinePolicies are the embedded policies, in name order.
	InlinePolicies []InlinePolicy `json:"InlinePolicies,omitempty"`
}

// Role is an IAM role.
type Role struct {
	Identity
	// AssumeRolePolicyDocument is the trust policy JSON (not URL-encoded).
	AssumeRolePolicyDocument string `json:"AssumeRolePolicyDocument"`
	Description              string `json:"Description,omitempty"`
	MaxSessionDuration       int    `json:"MaxSessionDuration"`
	// InstanceProfiles are the names of the instance profiles holding it.
	InstanceProfiles []string `json:"InstanceProfiles,omitempty"`
}

// User is an IAM user.
type User struct {
	Identity
	// Groups are the names of the groups the user belongs to.
	Groups []string `json:"Groups,omitempty"`
}

// Group is an IAM group.
type Group struct {
	Identity
	// Users are the names of its members.
	Users []string `json:"Users,omitempty"`
}

// identity is implemented by *Role, *User and *Group.
type identity interface{ base() *Identity }

func (r *Role) base() *Identity  { return &r.Identity }
func (u *User) base() *Identity  { return &u.Identity }
func (g *Group) base() *Identity { return &g.Identity }

// Policy is a managed policy: customer managed (stored) or AWS managed
// (built in, read-only).
type Policy struct {
	Name             string          `json:"Name"`
	ID               string          `json:"Id"`
	ARN              string          `json:"Arn"`
	Path             string          `json:"Path"`
	Description      string          `json:"Description,omitempty"`
	DefaultVersionID string          `json:"DefaultVersionId"`
	Versions         []PolicyVersion `json:"Versions"`
	// NextVersion numbers the next version created (v1, v2, …; never reused).
	NextVersion int       `json:"NextVersion"`
	CreateDate  time.Time `json:"CreateDate"`
	UpdateDate  time.Time `json:"UpdateDate"`
	Tags        []Tag     `json:"Tags,omitempty"`
	// AWSManaged marks the built-in policies (never stored).
	AWSManaged bool `json:"-"`
	// AttachmentCount is filled in when the policy is read.
	AttachmentCount int `json:"-"`
}

// PolicyVersion is one version of a managed policy.
type PolicyVersion struct {
	VersionID string `json:"VersionId"`
	// Document is the policy JSON (not URL-encoded).
	Document         string    `json:"Document"`
	IsDefaultVersion bool      `json:"IsDefaultVersion"`
	CreateDate       time.Time `json:"CreateDate"`
}

// DefaultVersion returns the version in force.
func (p *Policy) DefaultVersion() *PolicyVersion {
	for i := range p.Versions {
		if p.Versions[i].VersionID == p.DefaultVersionID {
			return &p.Versions[i]
		}
	}
	return nil
}

// Entity is one identity a managed policy is attached to.
type Entity struct {
	Kind Kind   `json:"Kind"`
	Name string `json:"Name"`
	ID   string `json:"Id"`
	Path string `json:"Path"`
}

// InstanceProfile is an instance profile and the role it holds.
type InstanceProfile struct {
	Name       string    `json:"Name"`
	ID         string    `json:"Id"`
	Path       string    `json:"Path"`
	ARN        string    `json:"Arn"`
	CreateDate time.Time `json:"CreateDate"`
	Tags       []Tag     `json:"Tags,omitempty"`
	// RoleNames are the roles it holds (at most one, as in AWS).
	RoleNames []string `json:"RoleNames,omitempty"`
	// Roles are the held roles, filled in when the profile is read.
	Roles []Role `json:"-"`
}

// PasswordPolicy is the account password policy.
type PasswordPolicy struct {
	MinimumPasswordLength      int  `json:"MinimumPasswordLength"`
	RequireSymbols             bool `json:"RequireSymbols"`
	RequireNumbers             bool `json:"RequireNumbers"`
	RequireUppercaseCharacters bool `json:"RequireUppercaseCharacters"`
	RequireLowercaseCharacters bool `json:"RequireLowercaseCharacters"`
	AllowUsersToChangePassword bool `json:"AllowUsersToChangePassword"`
	// MaxPasswordAge is in days; 0 means passwords never expire.
	MaxPasswordAge int `json:"MaxPasswordAge,omitempty"`
	// PasswordReusePrevention is how many previous passwords are
	// remembered; 0 means none.
	PasswordReusePrevention int  `json:"PasswordReusePrevention,omitempty"`
	HardExpiry              bool `json:"HardExpiry"`
}

// ExpirePasswords reports whether passwords expire (AWS derives it from
// MaxPasswordAge).
func (p *PasswordPolicy) ExpirePasswords() bool { return p.MaxPasswordAge > 0 }
