package iam

import (
	"context"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// CreateUserParams are CreateUser's inputs, already checked against the
// model.
type CreateUserParams struct {
	UserName string
	Path     string
	Tags     []Tag
}

// CreateUser creates a user.
func (s *Service) CreateUser(ctx context.Context, scope tenant.Scope, p CreateUserParams) (*User, error) {
	if err := checkNewTags(p.Tags); err != nil {
		return nil, err
	}
	var u *User
	err := s.update(ctx, scope, func(t *txn) error {
		if found, err := t.exists(kindUser, p.UserName); err != nil || found {
			return firstErr(err, alreadyExists("User", p.UserName))
		}
		path := defaultPath(p.Path)
		u = &User{Identity: Identity{Name: p.UserName, ID: newID("AIDA"), Path: path,
			ARN: t.arn("user" + path + p.UserName), CreateDate: t.now, Tags: p.Tags}}
		return t.saveIdentity(u, configitem.StatusResourceDiscovered)
	})
	return u, err
}

// GetUser returns a user.
func (s *Service) GetUser(ctx context.Context, scope tenant.Scope, name string) (*User, error) {
	var u *User
	err := s.view(ctx, scope, func(t *txn) error {
		var err error
		u, err = t.loadUser(name)
		return err
	})
	return u, err
}

// CallerUser returns the user who signed a request, for GetUser without
// a UserName: the IAM user named in principalARN, or the account's root
// user (whose UserId is the account id, as in AWS).
func (s *Service) CallerUser(ctx context.Context, scope tenant.Scope, principalARN string) (*User, error) {
	if _, name, ok := strings.Cut(principalARN, ":user/"); ok {
		return s.GetUser(ctx, scope, name[strings.LastIndexByte(name, '/')+1:])
	}
	root := "arn:" + tenant.Partition(scope.Region) + ":iam::" + scope.AccountID + ":root"
	return &User{Identity: Identity{ID: scope.AccountID, ARN: root, Path: "/"}}, nil
}

// ListUsers lists the users whose path starts with pathPrefix, by name.
func (s *Service) ListUsers(ctx context.Context, scope tenant.Scope, pathPrefix string, page Page) (*Listing[User], error) {
	var out *Listing[User]
	err := s.view(ctx, scope, func(t *txn) error {
		users, err := scanAll[User](t, kindUser)
		if err != nil {
			return err
		}
		users = filterPath(users, pathPrefix, func(u User) string { return u.Path })
		out, err = paginate(users, func(u User) string { return nameKey(u.Name) }, "iam-users", page)
		return err
	})
	return out, err
}

// DeleteUser deletes a user that is in no group and holds no policies.
func (s *Service) DeleteUser(ctx context.Context, scope tenant.Scope, name string) error {
	return s.update(ctx, scope, func(t *txn) error {
		u, err := t.loadUser(name)
		if err != nil {
			return err
		}
		if len(u.Groups) > 0 {
			return deleteConflict("Cannot delete entity, must remove users from group first.")
		}
		if err := checkDetached(&u.Identity); err != nil {
			return err
		}
		if err := t.remove(kindUser, u.Name); err != nil {
			return err
		}
		return t.recordIdentity(u, configitem.StatusResourceDeleted)
	})
}
