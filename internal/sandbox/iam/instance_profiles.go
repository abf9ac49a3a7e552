package iam

import (
	"context"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// maxRolesPerProfile is AWS's fixed quota of roles in an instance profile.
const maxRolesPerProfile = 1

// CreateInstanceProfile creates an empty instance profile.
func (s *Service) CreateInstanceProfile(ctx context.Context, scope tenant.Scope, name, path string, tags []Tag) (*InstanceProfile, error) {
	if err := checkNewTags(tags); err != nil {
		return nil, err
	}
	var p *InstanceProfile
	err := s.update(ctx, scope, func(t *txn) error {
		if found, err := t.exists(kindInstanceProfile, name); err != nil || found {
			return firstErr(err, Err(CodeEntityAlreadyExists, "Instance Profile %s already exists.", name))
		}
		path = defaultPath(path)
		p = &InstanceProfile{Name: name, ID: newID("AIPA"), Path: path,
			ARN: t.arn("instance-profile" + path + name), CreateDate: t.now, Tags: tags}
		return t.put(kindInstanceProfile, name, p)
	})
	return p, err
}

// GetInstanceProfile returns an instance profile with its role.
func (s *Service) GetInstanceProfile(ctx context.Context, scope tenant.Scope, name string) (*InstanceProfile, error) {
	var p *InstanceProfile
	err := s.view(ctx, scope, func(t *txn) error {
		var err error
		p, err = t.loadProfile(name, true)
		return err
	})
	return p, err
}

// ListInstanceProfiles lists the instance profiles whose path starts with
// pathPrefix, by name.
func (s *Service) ListInstanceProfiles(ctx context.Context, scope tenant.Scope, pathPrefix string, page Page) (*Listing[InstanceProfile], error) {
	var out *Listing[InstanceProfile]
	err := s.view(ctx, scope, func(t *txn) error {
		all, err := scanAll[InstanceProfile](t, kindInstanceProfile)
		if err != nil {
			return err
		}
		all = filterPath(all, pathPrefix, func(p InstanceProfile) string { return p.Path })
		for i := range all {
			if err := t.fillRoles(&all[i]); err != nil {
				return err
			}
		}
		out, err = paginate(all, func(p InstanceProfile) string { return nameKey(p.Name) }, "iam-instance-profiles", page)
		return err
	})
	return out, err
}

// ListInstanceProfilesForRole lists the instance profiles holding a role.
func (s *Service) ListInstanceProfilesForRole(ctx context.Context, scope tenant.Scope, roleName string, page Page) (*Listing[InstanceProfile], error) {
	var out *Listing[InstanceProfile]
	err := s.view(ctx, scope, func(t *txn) error {
		r, err := t.loadRole(roleName)
		if err != nil {
			return err
		}
		var list []InstanceProfile
		for _, n := range sortedNames(r.InstanceProfiles) {
			p, err := t.loadProfile(n, true)
			if err != nil {
				return err
			}
			list = append(list, *p)
		}
		out, err = paginate(list, func(p InstanceProfile) string { return nameKey(p.Name) }, "iam-role-instance-profiles", page)
		return err
	})
	return out, err
}

// AddRoleToInstanceProfile puts a role in an instance profile (which
// holds at most one).
func (s *Service) AddRoleToInstanceProfile(ctx context.Context, scope tenant.Scope, profileName, roleName string) error {
	return s.update(ctx, scope, func(t *txn) error {
		p, r, err := t.loadProfileRole(profileName, roleName)
		if err != nil {
			return err
		}
		if len(p.RoleNames) >= maxRolesPerProfile {
			return quota("InstanceSessionsPerInstanceProfile", maxRolesPerProfile)
		}
		p.RoleNames = append(p.RoleNames, r.Name)
		r.InstanceProfiles = append(r.InstanceProfiles, p.Name)
		return t.saveProfileRole(p, r)
	})
}

// RemoveRoleFromInstanceProfile takes a role out of an instance profile.
func (s *Service) RemoveRoleFromInstanceProfile(ctx context.Context, scope tenant.Scope, profileName, roleName string) error {
	return s.update(ctx, scope, func(t *txn) error {
		p, r, err := t.loadProfileRole(profileName, roleName)
		if err != nil {
			return err
		}
		if !containsFold(p.RoleNames, r.Name) {
			return noSuchEntity("The role with name %s is not in instance profile %s.", r.Name, p.Name)
		}
		p.RoleNames = without(p.RoleNames, r.Name)
		r.InstanceProfiles = without(r.InstanceProfiles, p.Name)
		return t.saveProfileRole(p, r)
	})
}

// DeleteInstanceProfile deletes an instance profile that holds no role.
func (s *Service) DeleteInstanceProfile(ctx context.Context, scope tenant.Scope, name string) error {
	return s.update(ctx, scope, func(t *txn) error {
		p, err := t.loadProfile(name, false)
		if err != nil {
			return err
		}
		if len(p.RoleNames) > 0 {
			return deleteConflict("Cannot delete entity, must remove roles from instance profile first.")
		}
		return t.remove(kindInstanceProfile, p.Name)
	})
}

func (t *txn) loadProfile(name string, withRoles bool) (*InstanceProfile, error) {
	var p InstanceProfile
	missing := func() error { return noSuchEntity("Instance Profile %s cannot be found.", name) }
	if err := t.load(kindInstanceProfile, name, &p, missing); err != nil {
		return nil, err
	}
	if withRoles {
		return &p, t.fillRoles(&p)
	}
	return &p, nil
}

// fillRoles loads the roles a profile holds.
func (t *txn) fillRoles(p *InstanceProfile) error {
	for _, n := range p.RoleNames {
		r, err := t.loadRole(n)
		if err != nil {
			return err
		}
		p.Roles = append(p.Roles, *r)
	}
	return nil
}

func (t *txn) loadProfileRole(profileName, roleName string) (*InstanceProfile, *Role, error) {
	p, err := t.loadProfile(profileName, false)
	if err != nil {
		return nil, nil, err
	}
	r, err := t.loadRole(roleName)
	if err != nil {
		return nil, nil, err
	}
	return p, r, nil
}

// saveProfileRole saves both sides; the role's item lists its profiles.
func (t *txn) saveProfileRole(p *InstanceProfile, r *Role) error {
	if err := t.put(kindInstanceProfile, p.Name, p); err != nil {
		return err
	}
	return t.saveIdentity(r, configitem.StatusOK)
}
