package iam

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// maxAttachedPolicies is AWS's default quota of managed policies per
// role, user or group.
const maxAttachedPolicies = 10

func attachmentKey(arn string, kind Kind, name string) string {
	return store.Key(arn, string(kind), nameKey(name))
}

// AttachPolicy attaches a managed policy to a role, user or group
// (attaching it again is a no-op).
func (s *Service) AttachPolicy(ctx context.Context, scope tenant.Scope, kind Kind, name, arn string) error {
	return s.update(ctx, scope, func(t *txn) error {
		e, p, err := t.loadAttachment(kind, name, arn)
		if err != nil {
			return err
		}
		id := e.base()
		if slices.ContainsFunc(id.AttachedPolicies, func(a AttachedPolicy) bool { return a.PolicyArn == arn }) {
			return nil
		}
		if len(id.AttachedPolicies) >= maxAttachedPolicies {
			return quota("PoliciesPer"+string(kind), maxAttachedPolicies)
		}
		id.AttachedPolicies = append(id.AttachedPolicies, AttachedPolicy{PolicyName: p.Name, PolicyArn: p.ARN})
		ent := Entity{Kind: kind, Name: id.Name, ID: id.ID, Path: id.Path}
		if err := store.PutRecord(t.tx, t.gs.Bucket(kindAttachment), attachmentKey(arn, kind, id.Name), ent); err != nil {
			return err
		}
		return t.saveAttachment(e, p)
	})
}

// DetachPolicy detaches a managed policy from a role, user or group.
func (s *Service) DetachPolicy(ctx context.Context, scope tenant.Scope, kind Kind, name, arn string) error {
	return s.update(ctx, scope, func(t *txn) error {
		e, p, err := t.loadAttachment(kind, name, arn)
		if err != nil {
			return err
		}
		id := e.base()
		n := len(id.AttachedPolicies)
		id.AttachedPolicies = slices.DeleteFunc(id.AttachedPolicies, func(a AttachedPolicy) bool { return a.PolicyArn == arn })
		if len(id.AttachedPolicies) == n {
			return noSuchEntity("Policy %s was not found.", arn)
		}
		if _, err := t.tx.Delete(t.gs.Bucket(kindAttachment), attachmentKey(arn, kind, id.Name)); err != nil {
			return err
		}
		return t.saveAttachment(e, p)
	})
}

func (t *txn) loadAttachment(kind Kind, name, arn string) (identity, *Policy, error) {
	e, err := t.loadIdentity(kind, name)
	if err != nil {
		return nil, nil, err
	}
	p, err := t.findPolicy(arn)
	if err != nil {
		return nil, nil, err
	}
	return e, p, nil
}

// saveAttachment saves the identity and, for a customer managed policy,
// records the policy's new attachment count.
func (t *txn) saveAttachment(e identity, p *Policy) error {
	if err := t.saveIdentity(e, configitem.StatusOK); err != nil {
		return err
	}
	if p.AWSManaged {
		return nil
	}
	return t.recordPolicy(p, configitem.StatusOK)
}

// ListAttachedPolicies lists the managed policies attached to a role,
// user or group whose path starts with pathPrefix, in attachment order.
func (s *Service) ListAttachedPolicies(ctx context.Context, scope tenant.Scope, kind Kind, name, pathPrefix string, page Page) (*Listing[AttachedPolicy], error) {
	var out *Listing[AttachedPolicy]
	err := s.view(ctx, scope, func(t *txn) error {
		e, err := t.loadIdentity(kind, name)
		if err != nil {
			return err
		}
		type keyed struct {
			AttachedPolicy
			key string
		}
		var list []keyed
		for i, a := range e.base().AttachedPolicies {
			if strings.HasPrefix(policyPath(a.PolicyArn), defaultPath(pathPrefix)) {
				list = append(list, keyed{a, fmt.Sprintf("%04d", i)})
			}
		}
		page, err := paginate(list, func(k keyed) string { return k.key }, "iam-attached-"+nameKey(name), page)
		if err != nil {
			return err
		}
		out = &Listing[AttachedPolicy]{IsTruncated: page.IsTruncated, Marker: page.Marker}
		for _, k := range page.Items {
			out.Items = append(out.Items, k.AttachedPolicy)
		}
		return nil
	})
	return out, err
}

// policyPath returns the path inside a policy ARN ("/service-role/").
func policyPath(arn string) string {
	_, resource, _ := parseIAMARN(arn)
	resource = strings.TrimPrefix(resource, "policy")
	return resource[:strings.LastIndexByte(resource, '/')+1]
}

// ListEntitiesParams select ListEntitiesForPolicy's entities.
type ListEntitiesParams struct {
	PolicyArn string
	// EntityFilter is "", "Role", "User" or "Group" (other values select
	// nothing: no identity is a policy).
	EntityFilter string
	PathPrefix   string
	Page         Page
}

// ListEntitiesForPolicy lists the identities a managed policy is attached
// to, ordered by kind (Group, Role, User), then name.
func (s *Service) ListEntitiesForPolicy(ctx context.Context, scope tenant.Scope, p ListEntitiesParams) (*Listing[Entity], error) {
	var out *Listing[Entity]
	err := s.view(ctx, scope, func(t *txn) error {
		if _, err := t.findPolicy(p.PolicyArn); err != nil {
			return err
		}
		items, err := t.tx.Scan(store.ScanParams{Bucket: t.gs.Bucket(kindAttachment), Prefix: store.Key(p.PolicyArn) + "/"})
		if err != nil {
			return err
		}
		var list []Entity
		for _, it := range items {
			var e Entity
			if err := store.DecodeRecord(kindAttachment, it.Key, it.Value, &e); err != nil {
				return err
			}
			if (p.EntityFilter == "" || p.EntityFilter == string(e.Kind)) && strings.HasPrefix(e.Path, defaultPath(p.PathPrefix)) {
				list = append(list, e)
			}
		}
		out, err = paginate(list, func(e Entity) string { return attachmentKey(p.PolicyArn, e.Kind, e.Name) },
			"iam-policy-entities", p.Page)
		return err
	})
	return out, err
}
