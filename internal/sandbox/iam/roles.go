package iam

import (
	"context"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// DefaultMaxSessionDuration is a role's session limit when none is given
// (seconds).
const DefaultMaxSessionDuration = 3600

// CreateRoleParams are CreateRole's inputs, already checked against the
// model (names, lengths, patterns).
type CreateRoleParams struct {
	RoleName                 string
	Path                     string
	AssumeRolePolicyDocument string
	Description              string
	// MaxSessionDuration is in seconds; 0 means DefaultMaxSessionDuration.
	MaxSessionDuration int
	Tags               []Tag
}

// CreateRole creates a role.
func (s *Service) CreateRole(ctx context.Context, scope tenant.Scope, p CreateRoleParams) (*Role, error) {
	if err := checkTrustPolicy(p.AssumeRolePolicyDocument); err != nil {
		return nil, err
	}
	if err := checkNewTags(p.Tags); err != nil {
		return nil, err
	}
	if p.MaxSessionDuration == 0 {
		p.MaxSessionDuration = DefaultMaxSessionDuration
	}
	var r *Role
	err := s.update(ctx, scope, func(t *txn) error {
		if found, err := t.exists(kindRole, p.RoleName); err != nil || found {
			return firstErr(err, alreadyExists("Role", p.RoleName))
		}
		path := defaultPath(p.Path)
		r = &Role{Identity: Identity{Name: p.RoleName, ID: newID("AROA"), Path: path,
			ARN: t.arn("role" + path + p.RoleName), CreateDate: t.now, Tags: p.Tags},
			AssumeRolePolicyDocument: p.AssumeRolePolicyDocument, Description: p.Description,
			MaxSessionDuration: p.MaxSessionDuration}
		return t.saveIdentity(r, configitem.StatusResourceDiscovered)
	})
	return r, err
}

// checkTrustPolicy validates a role's trust policy.
func checkTrustPolicy(doc string) error {
	if err := validateDocument(doc, trustPolicy); err != nil {
		return err
	}
	if docSize(doc) > trustPolicySize {
		return quota("ACLSizePerRole", trustPolicySize)
	}
	return nil
}

// GetRole returns a role.
func (s *Service) GetRole(ctx context.Context, scope tenant.Scope, name string) (*Role, error) {
	var r *Role
	err := s.view(ctx, scope, func(t *txn) error {
		var err error
		r, err = t.loadRole(name)
		return err
	})
	return r, err
}

// ListRoles lists the roles whose path starts with pathPrefix, by name.
func (s *Service) ListRoles(ctx context.Context, scope tenant.Scope, pathPrefix string, page Page) (*Listing[Role], error) {
	var out *Listing[Role]
	err := s.view(ctx, scope, func(t *txn) error {
		roles, err := scanAll[Role](t, kindRole)
		if err != nil {
			return err
		}
		roles = filterPath(roles, pathPrefix, func(r Role) string { return r.Path })
		out, err = paginate(roles, func(r Role) string { return nameKey(r.Name) }, "iam-roles", page)
		return err
	})
	return out, err
}

// UpdateAssumeRolePolicy replaces a role's trust policy.
func (s *Service) UpdateAssumeRolePolicy(ctx context.Context, scope tenant.Scope, name, doc string) error {
	if err := checkTrustPolicy(doc); err != nil {
		return err
	}
	return s.update(ctx, scope, func(t *txn) error {
		r, err := t.loadRole(name)
		if err != nil {
			return err
		}
		r.AssumeRolePolicyDocument = doc
		return t.saveIdentity(r, configitem.StatusOK)
	})
}

// UpdateRoleParams are UpdateRole's inputs; nil members are left as they
// are.
type UpdateRoleParams struct {
	RoleName           string
	Description        *string
	MaxSessionDuration *int
}

// UpdateRole changes a role's description or session limit.
func (s *Service) UpdateRole(ctx context.Context, scope tenant.Scope, p UpdateRoleParams) error {
	return s.update(ctx, scope, func(t *txn) error {
		r, err := t.loadRole(p.RoleName)
		if err != nil {
			return err
		}
		if p.Description != nil {
			r.Description = *p.Description
		}
		if p.MaxSessionDuration != nil {
			r.MaxSessionDuration = *p.MaxSessionDuration
		}
		return t.saveIdentity(r, configitem.StatusOK)
	})
}

// DeleteRole deletes a role that holds no policies and is in no instance
// profile.
func (s *Service) DeleteRole(ctx context.Context, scope tenant.Scope, name string) error {
	return s.update(ctx, scope, func(t *txn) error {
		r, err := t.loadRole(name)
		if err != nil {
			return err
		}
		if len(r.InstanceProfiles) > 0 {
			return deleteConflict("Cannot delete entity, must remove roles from instance profile first.")
		}
		if err := checkDetached(&r.Identity); err != nil {
			return err
		}
		if err := t.remove(kindRole, r.Name); err != nil {
			return err
		}
		return t.recordIdentity(r, configitem.StatusResourceDeleted)
	})
}

// checkDetached refuses to delete an identity that still has policies.
func checkDetached(id *Identity) error {
	if len(id.AttachedPolicies) > 0 {
		return deleteConflict("Cannot delete entity, must detach all policies first.")
	}
	if len(id.InlinePolicies) > 0 {
		return deleteConflict("Cannot delete entity, must delete policies first.")
	}
	return nil
}

// defaultPath returns path, or "/" when none was given.
func defaultPath(path string) string {
	if path == "" {
		return "/"
	}
	return path
}

// filterPath keeps the items whose path starts with prefix.
func filterPath[T any](items []T, prefix string, path func(T) string) []T {
	if prefix == "" || prefix == "/" {
		return items
	}
	out := items[:0]
	for _, it := range items {
		if strings.HasPrefix(path(it), prefix) {
			out = append(out, it)
		}
	}
	return out
}

// firstErr returns err if set, else fallback.
func firstErr(err, fallback error) error {
	if err != nil {
		return err
	}
	return fallback
}
