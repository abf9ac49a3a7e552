package iam

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// maxPolicyVersions is how many versions a managed policy keeps.
const maxPolicyVersions = 5

// CreatePolicyParams are CreatePolicy's inputs, already checked against
// the model.
type CreatePolicyParams struct {
	PolicyName     string
	Path           string
	PolicyDocument string
	Description    string
	Tags           []Tag
}

// CreatePolicy creates a customer managed policy with version v1.
func (s *Service) CreatePolicy(ctx context.Context, scope tenant.Scope, p CreatePolicyParams) (*Policy, error) {
	if err := checkManagedDocument(p.PolicyDocument); err != nil {
		return nil, err
	}
	if err := checkNewTags(p.Tags); err != nil {
		return nil, err
	}
	var pol *Policy
	err := s.update(ctx, scope, func(t *txn) error {
		if found, err := t.exists(kindPolicy, p.PolicyName); err != nil || found {
			return firstErr(err, Err(CodeEntityAlreadyExists,
				"A policy called %s already exists. Duplicate names are not allowed.", p.PolicyName))
		}
		path := defaultPath(p.Path)
		pol = &Policy{Name: p.PolicyName, ID: newID("ANPA"), ARN: t.arn("policy" + path + p.PolicyName),
			Path: path, Description: p.Description, DefaultVersionID: "v1", NextVersion: 2,
			Versions:   []PolicyVersion{{VersionID: "v1", Document: p.PolicyDocument, IsDefaultVersion: true, CreateDate: t.now}},
			CreateDate: t.now, UpdateDate: t.now, Tags: p.Tags}
		return t.savePolicy(pol, configitem.StatusResourceDiscovered)
	})
	return pol, err
}

// checkManagedDocument validates a managed policy version's document.
func checkManagedDocument(doc string) error {
	if err := validateDocument(doc, identityPolicy); err != nil {
		return err
	}
	if docSize(doc) > managedPolicySize {
		return quota("PolicySize", managedPolicySize)
	}
	return nil
}

// GetPolicy returns a managed policy with its attachment count.
func (s *Service) GetPolicy(ctx context.Context, scope tenant.Scope, arn string) (*Policy, error) {
	var p *Policy
	err := s.view(ctx, scope, func(t *txn) error {
		var err error
		p, err = t.loadPolicy(arn)
		return err
	})
	return p, err
}

// ListPoliciesParams select ListPolicies' policies.
type ListPoliciesParams struct {
	// Scope is "All" (default), "AWS" or "Local".
	Scope        string
	OnlyAttached bool
	PathPrefix   string
	Page         Page
}

// ListPolicies lists managed policies (built-in AWS ones and the
// account's), by name.
func (s *Service) ListPolicies(ctx context.Context, scope tenant.Scope, p ListPoliciesParams) (*Listing[Policy], error) {
	var out *Listing[Policy]
	err := s.view(ctx, scope, func(t *txn) error {
		all, err := t.policiesInScope(p.Scope)
		if err != nil {
			return err
		}
		kept := make([]Policy, 0, len(all))
		for _, pol := range all {
			if (!p.OnlyAttached || pol.AttachmentCount > 0) && strings.HasPrefix(pol.Path, defaultPath(p.PathPrefix)) {
				kept = append(kept, *pol)
			}
		}
		slices.SortFunc(kept, func(a, b Policy) int { return strings.Compare(policyKey(a), policyKey(b)) })
		out, err = paginate(kept, policyKey, "iam-policies", p.Page)
		return err
	})
	return out, err
}

func policyKey(p Policy) string { return strings.ToLower(p.Name) + "\x00" + p.ARN }

// policiesInScope returns the policies of a ListPolicies scope with their
// attachment counts.
func (t *txn) policiesInScope(scope string) ([]*Policy, error) {
	var all []*Policy
	if scope != "Local" {
		all = awsManagedPolicies(t.partition())
	}
	if scope != "AWS" {
		local, err := scanAll[Policy](t, kindPolicy)
		if err != nil {
			return nil, err
		}
		for i := range local {
			all = append(all, &local[i])
		}
	}
	for _, p := range all {
		n, err := t.attachmentCount(p.ARN)
		if err != nil {
			return nil, err
		}
		p.AttachmentCount = n
	}
	return all, nil
}

// DeletePolicy deletes a customer managed policy that is attached to
// nothing and has only its default version.
func (s *Service) DeletePolicy(ctx context.Context, scope tenant.Scope, arn string) error {
	return s.update(ctx, scope, func(t *txn) error {
		p, err := t.loadLocalPolicy(arn)
		if err != nil {
			return err
		}
		if p.AttachmentCount > 0 {
			return deleteConflict("Cannot delete a policy attached to entities.")
		}
		if len(p.Versions) > 1 {
			return deleteConflict("This policy has more than one version. Before you delete a policy, " +
				"you must delete the policy's versions. The default version is deleted with the policy.")
		}
		if err := t.remove(kindPolicy, p.Name); err != nil {
			return err
		}
		return t.recordPolicy(p, configitem.StatusResourceDeleted)
	})
}

// CreatePolicyVersion adds a version to a customer managed policy,
// optionally making it the default.
func (s *Service) CreatePolicyVersion(ctx context.Context, scope tenant.Scope, arn, doc string, setAsDefault bool) (*PolicyVersion, error) {
	if err := checkManagedDocument(doc); err != nil {
		return nil, err
	}
	var v PolicyVersion
	err := s.update(ctx, scope, func(t *txn) error {
		p, err := t.loadLocalPolicy(arn)
		if err != nil {
			return err
		}
		if len(p.Versions) >= maxPolicyVersions {
			return Err(CodeLimitExceeded, "A managed policy can have up to %d versions. Before you create a new version, "+
				"you must delete an existing version.", maxPolicyVersions)
		}
		v = PolicyVersion{VersionID: "v" + strconv.Itoa(p.NextVersion), Document: doc, CreateDate: t.now}
		p.NextVersion++
		p.Versions = append(p.Versions, v)
		if setAsDefault {
			p.setDefault(v.VersionID)
			v.IsDefaultVersion = true
		}
		p.UpdateDate = t.now
		return t.savePolicy(p, configitem.StatusOK)
	})
	return &v, err
}

// GetPolicyVersion returns one version of a managed policy.
func (s *Service) GetPolicyVersion(ctx context.Context, scope tenant.Scope, arn, versionID string) (*PolicyVersion, error) {
	var v *PolicyVersion
	err := s.view(ctx, scope, func(t *txn) error {
		p, err := t.loadPolicy(arn)
		if err != nil {
			return err
		}
		v, err = p.version(versionID)
		return err
	})
	return v, err
}

// ListPolicyVersions lists a managed policy's versions, newest first.
func (s *Service) ListPolicyVersions(ctx context.Context, scope tenant.Scope, arn string, page Page) (*Listing[PolicyVersion], error) {
	var out *Listing[PolicyVersion]
	err := s.view(ctx, scope, func(t *txn) error {
		p, err := t.loadPolicy(arn)
		if err != nil {
			return err
		}
		versions := slices.Clone(p.Versions)
		slices.Reverse(versions)
		out, err = paginate(versions, versionKey, "iam-policy-versions", page)
		return err
	})
	return out, err
}

// versionKey orders versions newest first.
func versionKey(v PolicyVersion) string {
	n, _ := strconv.Atoi(strings.TrimPrefix(v.VersionID, "v"))
	return fmt.Sprintf("%010d", math.MaxInt32-n)
}

// DeletePolicyVersion deletes a version that is not the default.
func (s *Service) DeletePolicyVersion(ctx context.Context, scope tenant.Scope, arn, versionID string) error {
	return s.update(ctx, scope, func(t *txn) error {
		p, err := t.loadLocalPolicy(arn)
		if err != nil {
			return err
		}
		if _, err := p.version(versionID); err != nil {
			return err
		}
		if p.DefaultVersionID == versionID {
			return deleteConflict("Cannot delete the default version of a policy.")
		}
		p.Versions = slices.DeleteFunc(p.Versions, func(v PolicyVersion) bool { return v.VersionID == versionID })
		p.UpdateDate = t.now
		return t.savePolicy(p, configitem.StatusOK)
	})
}

// SetDefaultPolicyVersion makes a version the one in force.
func (s *Service) SetDefaultPolicyVersion(ctx context.Context, scope tenant.Scope, arn, versionID string) error {
	return s.update(ctx, scope, func(t *txn) error {
		p, err := t.loadLocalPolicy(arn)
		if err != nil {
			return err
		}
		if _, err := p.version(versionID); err != nil {
			return err
		}
		p.setDefault(versionID)
		p.UpdateDate = t.now
		return t.savePolicy(p, configitem.StatusOK)
	})
}

func (p *Policy) version(id string) (*PolicyVersion, error) {
	for i := range p.Versions {
		if p.Versions[i].VersionID == id {
			return &p.Versions[i], nil
		}
	}
	return nil, noSuchEntity("Policy %s version %s does not exist or is not attachable.", p.ARN, id)
}

func (p *Policy) setDefault(id string) {
	p.DefaultVersionID = id
	for i := range p.Versions {
		p.Versions[i].IsDefaultVersion = p.Versions[i].VersionID == id
	}
}

// savePolicy writes a customer managed policy and records its item.
func (t *txn) savePolicy(p *Policy, status string) error {
	if err := t.put(kindPolicy, p.Name, p); err != nil {
		return err
	}
	return t.recordPolicy(p, status)
}

// loadPolicy reads a managed policy by ARN, built-in or the account's,
// with its attachment count.
func (t *txn) loadPolicy(arn string) (*Policy, error) {
	p, err := t.findPolicy(arn)
	if err != nil {
		return nil, err
	}
	if p.AttachmentCount, err = t.attachmentCount(p.ARN); err != nil {
		return nil, err
	}
	return p, nil
}

// loadLocalPolicy is loadPolicy for calls that change the policy: AWS
// managed policies cannot be changed.
func (t *txn) loadLocalPolicy(arn string) (*Policy, error) {
	p, err := t.loadPolicy(arn)
	if err == nil && p.AWSManaged {
		return nil, invalidInput("Policy %s is an AWS managed policy: it cannot be changed or deleted.", arn)
	}
	return p, err
}

func (t *txn) findPolicy(arn string) (*Policy, error) {
	account, resource, ok := parseIAMARN(arn)
	if !ok || !strings.HasPrefix(resource, "policy/") {
		return nil, invalidInput("ARN %s is not valid.", arn)
	}
	missing := func() error { return noSuchEntity("Policy %s does not exist or is not attachable.", arn) }
	if account == "aws" {
		if p, found := awsManagedPolicy(arn); found {
			return p, nil
		}
		return nil, missing()
	}
	if account != t.scope.AccountID {
		return nil, missing()
	}
	var p Policy
	if err := t.load(kindPolicy, resource[strings.LastIndexByte(resource, '/')+1:], &p, missing); err != nil {
		return nil, err
	}
	if p.ARN != arn {
		return nil, missing()
	}
	return &p, nil
}

// parseIAMARN splits arn:PARTITION:iam::ACCOUNT:RESOURCE.
func parseIAMARN(arn string) (account, resource string, ok bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[1] == "" || parts[2] != "iam" || parts[3] != "" || parts[4] == "" {
		return "", "", false
	}
	return parts[4], parts[5], true
}

// attachmentCount counts the identities a policy is attached to.
func (t *txn) attachmentCount(arn string) (int, error) {
	return t.tx.Count(store.ScanParams{Bucket: t.gs.Bucket(kindAttachment), Prefix: store.Key(arn) + "/"})
}
