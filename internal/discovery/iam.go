package discovery

import (
	"net/url"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/sandbox/iam"
)

// notApplicable is the availabilityZone of IAM's global resources.
const notApplicable = "Not Applicable"

// identities discovers the account's IAM roles, users and customer
// managed policies, in the account's first scope only.
func (sc *scan) identities() {
	if !sc.global {
		return
	}
	sc.iamList("ListRoles", nil, "Roles", iam.ResourceTypeRole, "RoleId", sc.role)
	sc.iamList("ListUsers", nil, "Users", iam.ResourceTypeUser, "UserId", sc.user)
	sc.iamList("ListPolicies", map[string]any{"Scope": "Local"}, "Policies", iam.ResourceTypePolicy, "PolicyId", sc.policy)
}

// iamList lists one IAM resource type and builds an item of each.
func (sc *scan) iamList(api string, in map[string]any, member, resourceType, idMember string, build func(map[string]any) *configitem.Item) {
	var found []map[string]any
	ok := sc.pages("iam", api, in, markerPaging, func(out map[string]any) {
		found = append(found, objs(out, member)...)
	})
	sc.list(resourceType, ok)
	for _, e := range found {
		if id := str(e, idMember); id != "" {
			sc.add(resourceType, id, build(e))
		}
	}
}

// iamCollect gathers a member of every page of an IAM listing; ok is
// false when a page failed.
func (sc *scan) iamCollect(api string, in map[string]any, member string) (all []any, ok bool) {
	ok = sc.pages("iam", api, in, markerPaging, func(out map[string]any) {
		l, _ := out[member].([]any)
		all = append(all, l...)
	})
	return all, ok
}

// identityReads is what a role's or user's item needs beyond its listing
// entry.
type identityReads struct {
	attached, inline []any
	tags             []tag
}

// readIdentity reads the attached and inline policies and tags of a role
// or user: kind is "Role" or "User", name its name.
func (sc *scan) readIdentity(kind, name string) (*identityReads, bool) {
	in := map[string]any{kind + "Name": name}
	attached, ok1 := sc.iamCollect("ListAttached"+kind+"Policies", in, "AttachedPolicies")
	names, ok2 := sc.iamCollect("List"+kind+"Policies", in, "PolicyNames")
	tags, ok3 := sc.iamCollect("List"+kind+"Tags", in, "Tags")
	if !ok1 || !ok2 || !ok3 {
		return nil, false
	}
	r := &identityReads{tags: tagPairs(map[string]any{"Tags": tags}, "Tags")}
	for _, a := range attached {
		m, _ := a.(map[string]any)
		r.attached = append(r.attached, map[string]any{"policyName": str(m, "PolicyName"), "policyArn": str(m, "PolicyArn")})
	}
	for _, n := range names {
		policy, _ := n.(string)
		out := sc.call("iam", "Get"+kind+"Policy", map[string]any{kind + "Name": name, "PolicyName": policy})
		if out == nil {
			return nil, false
		}
		r.inline = append(r.inline, map[string]any{"policyName": policy, "policyDocument": policyDocument(str(out, "PolicyDocument"))})
	}
	return r, true
}

// role reads a role's details and builds its item; nil when a call failed.
func (sc *scan) role(e map[string]any) *configitem.Item {
	r, ok := sc.readIdentity("Role", str(e, "RoleName"))
	if !ok {
		return nil
	}
	profiles, ok := sc.iamCollect("ListInstanceProfilesForRole", map[string]any{"RoleName": str(e, "RoleName")}, "InstanceProfiles")
	if !ok {
		return nil
	}
	return roleItem(e, r, profiles)
}

func roleItem(e map[string]any, r *identityReads, profiles []any) *configitem.Item {
	it := identityItem(iam.ResourceTypeRole, e, "RoleId", "RoleName", r.tags)
	list := []any{}
	for _, p := range profiles {
		m, _ := p.(map[string]any)
		list = append(list, map[string]any{"instanceProfileName": str(m, "InstanceProfileName"),
			"instanceProfileId": str(m, "InstanceProfileId"), "arn": str(m, "Arn"), "path": str(m, "Path"),
			"createDate": rfc3339(m, "CreateDate")})
	}
	maxSession, _ := integer(e, "MaxSessionDuration")
	it.Configuration = map[string]any{
		"roleName": str(e, "RoleName"), "roleId": str(e, "RoleId"), "arn": str(e, "Arn"), "path": str(e, "Path"),
		"createDate":               rfc3339(e, "CreateDate"),
		"assumeRolePolicyDocument": policyDocument(str(e, "AssumeRolePolicyDocument")),
		"description":              str(e, "Description"),
		"maxSessionDuration":       maxSession,
		"attachedManagedPolicies":  orEmpty(r.attached),
		"rolePolicyList":           orEmpty(r.inline),
		"instanceProfileList":      list,
		"tags":                     tagList(r.tags),
	}
	return it
}

// user reads a user's details and builds its item; nil when a call failed.
func (sc *scan) user(e map[string]any) *configitem.Item {
	r, ok := sc.readIdentity("User", str(e, "UserName"))
	if !ok {
		return nil
	}
	groups, ok := sc.iamCollect("ListGroupsForUser", map[string]any{"UserName": str(e, "UserName")}, "Groups")
	if !ok {
		return nil
	}
	return userItem(e, r, groups)
}

func userItem(e map[string]any, r *identityReads, groups []any) *configitem.Item {
	it := identityItem(iam.ResourceTypeUser, e, "UserId", "UserName", r.tags)
	names := []any{}
	for _, g := range groups {
		m, _ := g.(map[string]any)
		names = append(names, str(m, "GroupName"))
	}
	it.Configuration = map[string]any{
		"userName": str(e, "UserName"), "userId": str(e, "UserId"), "arn": str(e, "Arn"), "path": str(e, "Path"),
		"createDate":              rfc3339(e, "CreateDate"),
		"groupList":               names,
		"attachedManagedPolicies": orEmpty(r.attached),
		"userPolicyList":          orEmpty(r.inline),
		"tags":                    tagList(r.tags),
	}
	return it
}

// identityItem fills the members of a role's or user's item.
func identityItem(resourceType string, e map[string]any, idMember, nameMember string, tags []tag) *configitem.Item {
	return &configitem.Item{ResourceType: resourceType, ResourceID: str(e, idMember), ResourceName: str(e, nameMember),
		ARN: str(e, "Arn"), AvailabilityZone: notApplicable, ResourceCreationTime: timestamp(e, "CreateDate"),
		Tags: tagMap(tags)}
}

// policy reads a customer managed policy's default version and tags and
// builds its item; nil when a call failed.
func (sc *scan) policy(e map[string]any) *configitem.Item {
	out := sc.call("iam", "GetPolicyVersion", map[string]any{"PolicyArn": str(e, "Arn"), "VersionId": str(e, "DefaultVersionId")})
	if out == nil {
		return nil
	}
	tags, ok := sc.iamCollect("ListPolicyTags", map[string]any{"PolicyArn": str(e, "Arn")}, "Tags")
	if !ok {
		return nil
	}
	return policyItem(e, obj(out, "PolicyVersion"), tagPairs(map[string]any{"Tags": tags}, "Tags"))
}

func policyItem(e, version map[string]any, tags []tag) *configitem.Item {
	count, _ := integer(e, "AttachmentCount")
	boundaries, _ := integer(e, "PermissionsBoundaryUsageCount")
	return &configitem.Item{ResourceType: iam.ResourceTypePolicy, ResourceID: str(e, "PolicyId"),
		ResourceName: str(e, "PolicyName"), ARN: str(e, "Arn"), AvailabilityZone: notApplicable,
		ResourceCreationTime: timestamp(e, "CreateDate"), Tags: tagMap(tags),
		Configuration: map[string]any{
			"policyName": str(e, "PolicyName"), "policyId": str(e, "PolicyId"), "arn": str(e, "Arn"), "path": str(e, "Path"),
			"description": str(e, "Description"), "defaultVersionId": str(e, "DefaultVersionId"),
			"attachmentCount": count, "permissionsBoundaryUsageCount": boundaries, "isAttachable": true,
			"policyVersionList": []any{map[string]any{"document": policyDocument(str(version, "Document")),
				"versionId": str(version, "VersionId"), "isDefaultVersion": true, "createDate": rfc3339(version, "CreateDate")}},
			"createDate": rfc3339(e, "CreateDate"), "updateDate": rfc3339(e, "UpdateDate"),
		}}
}

// policyDocument returns a policy document URL-encoded as Config records
// it. IAM answers URL-encoded documents, some emulators plain JSON: both
// are decoded and encoded again the one way the sandbox does.
func policyDocument(doc string) string {
	if !strings.HasPrefix(strings.TrimSpace(doc), "{") {
		decoded, err := url.QueryUnescape(doc)
		if err != nil {
			return doc
		}
		doc = decoded
	}
	return iam.EncodeDocument(doc)
}

// orEmpty is list, or an empty list for nil (Config records []).
func orEmpty(list []any) []any {
	if list == nil {
		return []any{}
	}
	return list
}
