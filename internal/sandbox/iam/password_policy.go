package iam

import (
	"context"

	"github.com/salvehq/salve/internal/tenant"
)

// DefaultMinimumPasswordLength applies when an update gives none.
const DefaultMinimumPasswordLength = 6

// UpdateAccountPasswordPolicy replaces the account password policy;
// members not given take AWS's defaults.
func (s *Service) UpdateAccountPasswordPolicy(ctx context.Context, scope tenant.Scope, p PasswordPolicy) error {
	if p.MinimumPasswordLength == 0 {
		p.MinimumPasswordLength = DefaultMinimumPasswordLength
	}
	return s.update(ctx, scope, func(t *txn) error {
		return t.put(kindPasswordPolicy, passwordPolicyKey, p)
	})
}

// GetAccountPasswordPolicy returns the account password policy;
// NoSuchEntity when none was set.
func (s *Service) GetAccountPasswordPolicy(ctx context.Context, scope tenant.Scope) (*PasswordPolicy, error) {
	var p PasswordPolicy
	err := s.view(ctx, scope, func(t *txn) error {
		return t.load(kindPasswordPolicy, passwordPolicyKey, &p, noPasswordPolicy(scope))
	})
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// DeleteAccountPasswordPolicy removes the account password policy.
func (s *Service) DeleteAccountPasswordPolicy(ctx context.Context, scope tenant.Scope) error {
	return s.update(ctx, scope, func(t *txn) error {
		found, err := t.exists(kindPasswordPolicy, passwordPolicyKey)
		if err != nil || !found {
			return firstErr(err, noPasswordPolicy(scope)())
		}
		return t.remove(kindPasswordPolicy, passwordPolicyKey)
	})
}

func noPasswordPolicy(scope tenant.Scope) func() error {
	return func() error {
		return noSuchEntity("The Password Policy with domain name %s cannot be found.", scope.AccountID)
	}
}
