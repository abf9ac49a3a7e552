package iam

import (
	"time"

	"github.com/salvehq/salve/internal/configitem"
)

// Configuration item resource types.
const (
	ResourceTypeRole   = "AWS::IAM::Role"
	ResourceTypeUser   = "AWS::IAM::User"
	ResourceTypePolicy = "AWS::IAM::Policy"
)

// notApplicable is the availabilityZone of global resources.
const notApplicable = "Not Applicable"

// recordIdentity records the item of a role or user (groups have none).
func (t *txn) recordIdentity(e identity, status string) error {
	switch x := e.(type) {
	case *Role:
		return t.recordRole(x, status)
	case *User:
		return t.record(userItem(x, status))
	}
	return nil
}

func (t *txn) recordRole(r *Role, status string) error {
	it := baseItem(ResourceTypeRole, &r.Identity, status)
	if status != configitem.StatusResourceDeleted {
		profiles, err := t.profileItems(r.InstanceProfiles)
		if err != nil {
			return err
		}
		it.Configuration = map[string]any{
			"roleName": r.Name, "roleId": r.ID, "arn": r.ARN, "path": r.Path,
			"createDate":               rfc3339(r.CreateDate),
			"assumeRolePolicyDocument": EncodeDocument(r.AssumeRolePolicyDocument),
			"description":              r.Description,
			"maxSessionDuration":       r.MaxSessionDuration,
			"attachedManagedPolicies":  attachedItems(r.AttachedPolicies),
			"rolePolicyList":           inlineItems(r.InlinePolicies),
			"instanceProfileList":      profiles,
			"tags":                     tagItems(r.Tags),
		}
	}
	return t.record(it)
}

func userItem(u *User, status string) *configitem.Item {
	it := baseItem(ResourceTypeUser, &u.Identity, status)
	if status != configitem.StatusResourceDeleted {
		groups := make([]any, 0, len(u.Groups))
		for _, g := range u.Groups {
			groups = append(groups, g)
		}
		it.Configuration = map[string]any{
			"userName": u.Name, "userId": u.ID, "arn": u.ARN, "path": u.Path,
			"createDate":              rfc3339(u.CreateDate),
			"groupList":               groups,
			"attachedManagedPolicies": attachedItems(u.AttachedPolicies),
			"userPolicyList":          inlineItems(u.InlinePolicies),
			"tags":                    tagItems(u.Tags),
		}
	}
	return it
}

// recordPolicy records the item of a customer managed policy.
func (t *txn) recordPolicy(p *Policy, status string) error {
	it := &configitem.Item{ResourceType: ResourceTypePolicy, ResourceID: p.ID, ResourceName: p.Name,
		ARN: p.ARN, AvailabilityZone: notApplicable, ResourceCreationTime: p.CreateDate,
		Status: status, Tags: tagMap(p.Tags)}
	if status != configitem.StatusResourceDeleted {
		count, err := t.attachmentCount(p.ARN)
		if err != nil {
			return err
		}
		versions := make([]any, 0, len(p.Versions))
		for _, v := range p.Versions {
			versions = append(versions, map[string]any{"document": EncodeDocument(v.Document),
				"versionId": v.VersionID, "isDefaultVersion": v.IsDefaultVersion, "createDate": rfc3339(v.CreateDate)})
		}
		it.Configuration = map[string]any{
			"policyName": p.Name, "policyId": p.ID, "arn": p.ARN, "path": p.Path,
			"description": p.Description, "defaultVersionId": p.DefaultVersionID,
			"attachmentCount": count, "permissionsBoundaryUsageCount": 0, "isAttachable": true,
			"policyVersionList": versions, "createDate": rfc3339(p.CreateDate), "updateDate": rfc3339(p.UpdateDate),
		}
	}
	return t.record(it)
}

func baseItem(resourceType string, id *Identity, status string) *configitem.Item {
	return &configitem.Item{ResourceType: resourceType, ResourceID: id.ID, ResourceName: id.Name,
		ARN: id.ARN, AvailabilityZone: notApplicable, ResourceCreationTime: id.CreateDate,
		Status: status, Tags: tagMap(id.Tags)}
}

// profileItems describes the instance profiles holding a role.
func (t *txn) profileItems(names []string) ([]any, error) {
	out := make([]any, 0, len(names))
	for _, n := range names {
		var p InstanceProfile
		if err := t.load(kindInstanceProfile, n, &p, func() error { return nil }); err != nil {
			return nil, err
		}
		if p.ID == "" {
			continue
		}
		out = append(out, map[string]any{"instanceProfileName": p.Name, "instanceProfileId": p.ID,
			"arn": p.ARN, "path": p.Path, "createDate": rfc3339(p.CreateDate)})
	}
	return out, nil
}

func attachedItems(list []AttachedPolicy) []any {
	out := make([]any, 0, len(list))
	for _, a := range list {
		out = append(out, map[string]any{"policyName": a.PolicyName, "policyArn": a.PolicyArn})
	}
	return out
}

func inlineItems(list []InlinePolicy) []any {
	out := make([]any, 0, len(list))
	for _, p := range list {
		out = append(out, map[string]any{"policyName": p.PolicyName, "policyDocument": EncodeDocument(p.Document)})
	}
	return out
}

func tagItems(tags []Tag) []any {
	out := make([]any, 0, len(tags))
	for _, t := range tags {
		out = append(out, map[string]any{"key": t.Key, "value": t.Value})
	}
	return out
}

func tagMap(tags []Tag) map[string]string {
	if len(tags) == 0 {
		return nil
	}
	out := make(map[string]string, len(tags))
	for _, t := range tags {
		out[t.Key] = t.Value
	}
	return out
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }
