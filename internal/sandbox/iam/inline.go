package iam

import (
	"context"
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// inlineQuota is the aggregate size of the inline policies of one
// identity, by kind.
var inlineQuota = map[Kind]int{KindRole: rolePolicySize, KindUser: userPolicySize, KindGroup: groupPolicySize}

// PutInlinePolicy adds or replaces an inline policy of a role, user or
// group.
func (s *Service) PutInlinePolicy(ctx context.Context, scope tenant.Scope, kind Kind, name, policyName, doc string) error {
	if err := validateDocument(doc, identityPolicy); err != nil {
		return err
	}
	return s.update(ctx, scope, func(t *txn) error {
		e, err := t.loadIdentity(kind, name)
		if err != nil {
			return err
		}
		id := e.base()
		id.InlinePolicies = slices.DeleteFunc(id.InlinePolicies, func(p InlinePolicy) bool { return p.PolicyName == policyName })
		id.InlinePolicies = append(id.InlinePolicies, InlinePolicy{PolicyName: policyName, Document: doc})
		slices.SortFunc(id.InlinePolicies, func(a, b InlinePolicy) int { return strings.Compare(a.PolicyName, b.PolicyName) })
		if err := checkInlineSize(kind, id); err != nil {
			return err
		}
		return t.saveIdentity(e, configitem.StatusOK)
	})
}

func checkInlineSize(kind Kind, id *Identity) error {
	total := 0
	for _, p := range id.InlinePolicies {
		total += docSize(p.Document)
	}
	if limit := inlineQuota[kind]; total > limit {
		return Err(CodeLimitExceeded, "Maximum policy size of %d bytes exceeded for %s %s", limit, kind.noun(), id.Name)
	}
	return nil
}

// GetInlinePolicy returns an inline policy's document.
func (s *Service) GetInlinePolicy(ctx context.Context, scope tenant.Scope, kind Kind, name, policyName string) (*InlinePolicy, error) {
	var out *InlinePolicy
	err := s.view(ctx, scope, func(t *txn) error {
		e, err := t.loadIdentity(kind, name)
		if err != nil {
			return err
		}
		i := inlineIndex(e.base(), policyName)
		if i < 0 {
			return noSuchInline(kind, policyName)
		}
		out = &e.base().InlinePolicies[i]
		return nil
	})
	return out, err
}

// DeleteInlinePolicy deletes an inline policy.
func (s *Service) DeleteInlinePolicy(ctx context.Context, scope tenant.Scope, kind Kind, name, policyName string) error {
	return s.update(ctx, scope, func(t *txn) error {
		e, err := t.loadIdentity(kind, name)
		if err != nil {
			return err
		}
		id := e.base()
		i := inlineIndex(id, policyName)
		if i < 0 {
			return noSuchInline(kind, policyName)
		}
		id.InlinePolicies = slices.Delete(id.InlinePolicies, i, i+1)
		return t.saveIdentity(e, configitem.StatusOK)
	})
}

// ListInlinePolicies lists the names of an identity's inline policies.
func (s *Service) ListInlinePolicies(ctx context.Context, scope tenant.Scope, kind Kind, name string, page Page) (*Listing[string], error) {
	var out *Listing[string]
	err := s.view(ctx, scope, func(t *txn) error {
		e, err := t.loadIdentity(kind, name)
		if err != nil {
			return err
		}
		names := make([]string, 0, len(e.base().InlinePolicies))
		for _, p := range e.base().InlinePolicies {
			names = append(names, p.PolicyName)
		}
		out, err = paginate(names, func(n string) string { return n }, "iam-inline-policies", page)
		return err
	})
	return out, err
}

// inlineIndex finds an inline policy by name (policy names are case
// sensitive within an identity), or -1.
func inlineIndex(id *Identity, policyName string) int {
	return slices.IndexFunc(id.InlinePolicies, func(p InlinePolicy) bool { return p.PolicyName == policyName })
}

func noSuchInline(kind Kind, policyName string) error {
	return noSuchEntity("The %s policy with name %s cannot be found.", kind.noun(), policyName)
}
