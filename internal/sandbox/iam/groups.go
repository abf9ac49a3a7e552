package iam

import (
	"context"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// maxGroupsPerUser is AWS's quota of groups a user can be in.
const maxGroupsPerUser = 10

// CreateGroup creates a group.
func (s *Service) CreateGroup(ctx context.Context, scope tenant.Scope, name, path string) (*Group, error) {
	var g *Group
	err := s.update(ctx, scope, func(t *txn) error {
		if found, err := t.exists(kindGroup, name); err != nil || found {
			return firstErr(err, alreadyExists("Group", name))
		}
		path = defaultPath(path)
		g = &Group{Identity: Identity{Name: name, ID: newID("AGPA"), Path: path,
			ARN: t.arn("group" + path + name), CreateDate: t.now}}
		return t.saveIdentity(g, configitem.StatusResourceDiscovered)
	})
	return g, err
}

// GroupMembers is a group and one page of its users.
type GroupMembers struct {
	Group *Group
	Users *Listing[User]
}

// GetGroup returns a group and one page of its users, by name.
func (s *Service) GetGroup(ctx context.Context, scope tenant.Scope, name string, page Page) (*GroupMembers, error) {
	var out GroupMembers
	err := s.view(ctx, scope, func(t *txn) error {
		g, err := t.loadGroup(name)
		if err != nil {
			return err
		}
		users := make([]User, 0, len(g.Users))
		for _, n := range sortedNames(g.Users) {
			u, err := t.loadUser(n)
			if err != nil {
				return err
			}
			users = append(users, *u)
		}
		out.Group = g
		out.Users, err = paginate(users, func(u User) string { return nameKey(u.Name) }, "iam-group-users", page)
		return err
	})
	return &out, err
}

// ListGroups lists the groups whose path starts with pathPrefix, by name.
func (s *Service) ListGroups(ctx context.Context, scope tenant.Scope, pathPrefix string, page Page) (*Listing[Group], error) {
	var out *Listing[Group]
	err := s.view(ctx, scope, func(t *txn) error {
		groups, err := scanAll[Group](t, kindGroup)
		if err != nil {
			return err
		}
		groups = filterPath(groups, pathPrefix, func(g Group) string { return g.Path })
		out, err = paginate(groups, func(g Group) string { return nameKey(g.Name) }, "iam-groups", page)
		return err
	})
	return out, err
}

// ListGroupsForUser lists the groups a user is in, by name.
func (s *Service) ListGroupsForUser(ctx context.Context, scope tenant.Scope, userName string, page Page) (*Listing[Group], error) {
	var out *Listing[Group]
	err := s.view(ctx, scope, func(t *txn) error {
		u, err := t.loadUser(userName)
		if err != nil {
			return err
		}
		groups := make([]Group, 0, len(u.Groups))
		for _, n := range sortedNames(u.Groups) {
			g, err := t.loadGroup(n)
			if err != nil {
				return err
			}
			groups = append(groups, *g)
		}
		out, err = paginate(groups, func(g Group) string { return nameKey(g.Name) }, "iam-user-groups", page)
		return err
	})
	return out, err
}

// AddUserToGroup makes a user a member of a group (again is a no-op).
func (s *Service) AddUserToGroup(ctx context.Context, scope tenant.Scope, groupName, userName string) error {
	return s.update(ctx, scope, func(t *txn) error {
		g, u, err := t.loadMembership(groupName, userName)
		if err != nil || containsFold(u.Groups, g.Name) {
			return err
		}
		if len(u.Groups) >= maxGroupsPerUser {
			return quota("GroupsPerUser", maxGroupsPerUser)
		}
		u.Groups = append(u.Groups, g.Name)
		g.Users = append(g.Users, u.Name)
		return t.saveMembership(g, u)
	})
}

// RemoveUserFromGroup ends a user's membership of a group.
func (s *Service) RemoveUserFromGroup(ctx context.Context, scope tenant.Scope, groupName, userName string) error {
	return s.update(ctx, scope, func(t *txn) error {
		g, u, err := t.loadMembership(groupName, userName)
		if err != nil {
			return err
		}
		if !containsFold(u.Groups, g.Name) {
			return noSuchEntity("The user with name %s is not a member of group %s.", u.Name, g.Name)
		}
		u.Groups = without(u.Groups, g.Name)
		g.Users = without(g.Users, u.Name)
		return t.saveMembership(g, u)
	})
}

func (t *txn) loadMembership(groupName, userName string) (*Group, *User, error) {
	g, err := t.loadGroup(groupName)
	if err != nil {
		return nil, nil, err
	}
	u, err := t.loadUser(userName)
	if err != nil {
		return nil, nil, err
	}
	return g, u, nil
}

func (t *txn) saveMembership(g *Group, u *User) error {
	if err := t.saveIdentity(g, configitem.StatusOK); err != nil {
		return err
	}
	return t.saveIdentity(u, configitem.StatusOK)
}

// DeleteGroup deletes a group that has no members and holds no policies.
func (s *Service) DeleteGroup(ctx context.Context, scope tenant.Scope, name string) error {
	return s.update(ctx, scope, func(t *txn) error {
		g, err := t.loadGroup(name)
		if err != nil {
			return err
		}
		if len(g.Users) > 0 {
			return deleteConflict("Cannot delete entity, must remove users from group first.")
		}
		if err := checkDetached(&g.Identity); err != nil {
			return err
		}
		return t.remove(kindGroup, g.Name)
	})
}
