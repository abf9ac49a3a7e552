package securityhub

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Values of AWS Config's findings.
const (
	configProductName = "Config"
	configCompanyName = "AWS"
	configFindingType = "Software and Configuration Checks"
	configDescription = "This finding is created for a resource compliance change for config rule: "
)

// scopedFinding is a finding and the scope it belongs to.
type scopedFinding struct {
	scope   tenant.Scope
	finding Finding
}

// OnEvaluationChange is the rules.EvaluationTxHook that keeps one
// finding per (rule, resource) in step with Config's results, in the
// transaction that records them; the findings hooks run once it has
// committed.
func (s *Service) OnEvaluationChange(tx store.Tx, changes []rules.EvaluationChange) (func(context.Context), error) {
	var changed []scopedFinding
	memo := ruleMemo{}
	for _, c := range changes {
		f, err := s.applyEvaluation(tx, c, memo)
		if err != nil {
			return nil, fmt.Errorf("update the Config finding of %s %s: %w", c.ResourceType, c.ResourceID, err)
		}
		if f != nil && len(s.hooks) > 0 {
			changed = append(changed, scopedFinding{c.Scope, *f})
		}
	}
	if len(changed) == 0 {
		return nil, nil
	}
	return func(ctx context.Context) { s.notifyScoped(ctx, changed) }, nil
}

// notifyScoped runs the findings hooks once per scope.
func (s *Service) notifyScoped(ctx context.Context, changed []scopedFinding) {
	byScope := map[tenant.Scope][]Finding{}
	var order []tenant.Scope
	for _, c := range changed {
		if _, ok := byScope[c.scope]; !ok {
			order = append(order, c.scope)
		}
		byScope[c.scope] = append(byScope[c.scope], c.finding)
	}
	for _, scope := range order {
		s.notify(ctx, scope, byScope[scope])
	}
}

// applyEvaluation creates or updates the finding of one result; it
// returns the finding written, or nil when there is none to write (hub
// disabled, rule gone, a first result that does not apply).
func (s *Service) applyEvaluation(tx store.Tx, c rules.EvaluationChange, memo ruleMemo) (*Finding, error) {
	rule, ok, err := memo.get(s, tx, c.Scope, c.RuleName)
	if err != nil || !ok {
		return nil, err
	}
	id := ConfigFindingID(c.Scope, rule.ARN, c.ResourceType, c.ResourceID)
	var rec *record
	if c.Old != "" {
		// A first result of the rule for the resource has no finding
		// yet: findings of a rule are made from its results only, and the
		// rule's ARN (in the identifier) is unique to it.
		var err error
		if rec, err = getFinding(tx, c.Scope, id); err != nil {
			return nil, err
		}
	}
	switch {
	case rec == nil && c.New == rules.NotApplicable:
		return nil, nil
	case rec != nil && !c.Changed():
		// A re-evaluation that confirms the compliance leaves the finding
		// as it is (and costs no write).
		return nil, nil
	case rec == nil:
		rec = &record{Finding: newConfigFinding(c.Scope, id, s.at(c.At))}
	}
	res, err := s.configResource(tx, c, rec)
	if err != nil {
		return nil, err
	}
	observeConfig(&rec.Finding, rule, c.New, res, s.at(c.At))
	return &rec.Finding, putFinding(tx, c.Scope, rec)
}

// at returns t, or the clock's now for a zero t.
func (s *Service) at(t time.Time) time.Time {
	if t.IsZero() {
		return s.clock.Now()
	}
	return t
}

// ConfigFindingID returns the identifier of the finding of (rule,
// resource): RULE_ARN/finding/SHA1 under Config's product, stable across
// evaluations.
func ConfigFindingID(scope tenant.Scope, ruleARN, resourceType, resourceID string) Identifier {
	sum := sha1.Sum([]byte(resourceType + "/" + resourceID))
	return Identifier{ID: ruleARN + "/finding/" + hex.EncodeToString(sum[:]), ProductArn: ConfigProductArn(scope.Region)}
}

// newConfigFinding returns the members of a Config finding that are set
// once, when it is created.
func newConfigFinding(scope tenant.Scope, id Identifier, at time.Time) Finding {
	medium := NormalizedOf(SeverityMedium)
	return Finding{
		SchemaVersion: SchemaVersion, ID: id.ID, ProductArn: id.ProductArn,
		ProductName: configProductName, CompanyName: configCompanyName, Region: scope.Region,
		AwsAccountID: scope.AccountID, Types: []string{configFindingType},
		CreatedAt: FormatTime(at), FirstObservedAt: FormatTime(at),
		Severity:      &Severity{Label: SeverityMedium, Normalized: &medium},
		WorkflowState: "NEW",
		FindingProviderFields: &FindingProviderFields{Severity: &ProviderSeverity{Label: SeverityMedium},
			Types: []string{configFindingType}},
	}
}

// observeConfig applies one Config result to a finding: the provider's
// members are rewritten, the workflow moves as Security Hub moves it, and
// what a customer set (severity, note, …) stays.
func observeConfig(f *Finding, rule *rules.Rule, configType string, res Resource, at time.Time) {
	status, recordState := complianceOf(configType)
	next := NextWorkflow(Transition{Workflow: f.WorkflowStatus(), OldCompliance: f.ComplianceStatus(),
		NewCompliance: status, OldRecord: f.RecordState, NewRecord: recordState})
	f.GeneratorID, f.Title = rule.ARN, rule.Name
	f.Description = configDescription + rule.Name
	f.ProductFields = configProductFields(f, rule, configType)
	f.Resources = []Resource{res}
	if f.Compliance == nil {
		f.Compliance = &Compliance{}
	}
	f.Compliance.Status, f.RecordState = status, recordState
	f.Workflow = &Workflow{Status: next}
	f.UpdatedAt, f.LastObservedAt = FormatTime(at), FormatTime(at)
}

// configProductFields returns the ProductFields AWS Config's findings carry.
func configProductFields(f *Finding, rule *rules.Rule, configType string) map[string]string {
	return map[string]string{
		"aws/securityhub/ProductName":     configProductName,
		"aws/securityhub/CompanyName":     configCompanyName,
		"aws/securityhub/FindingId":       f.ProductArn + "/" + f.ID,
		"aws/config/ConfigRuleArn":        rule.ARN,
		"aws/config/ConfigRuleName":       rule.Name,
		"aws/config/ConfigComplianceType": configType,
	}
}

// configResource returns the finding's resource: its ASFF type and its
// ARN (the recorded one when the recorder knows the resource).
func (s *Service) configResource(tx store.Tx, c rules.EvaluationChange, rec *record) (Resource, error) {
	if len(rec.Finding.Resources) > 0 {
		// A resource's identity does not change: keep what the finding
		// already names instead of reading the configuration item again.
		return rec.Finding.Resources[0], nil
	}
	arn := c.ResourceARN
	if arn == "" && s.items != nil {
		item, err := s.items.CurrentItem(tx, c.Scope, c.ResourceType, c.ResourceID)
		if err != nil {
			return Resource{}, err
		}
		if item != nil {
			arn = item.ARN
		}
	}
	return Resource{Type: ASFFType(c.ResourceType), ID: ResourceID(c.Scope, c.ResourceType, c.ResourceID, arn),
		Partition: tenant.Partition(c.Scope.Region), Region: c.Scope.Region}, nil
}

// ruleMemo keeps, for one hook call, each rule's lookup and whether its
// scope's hub is in use.
type ruleMemo map[ruleKey]ruleLookup

type ruleKey struct {
	scope tenant.Scope
	name  string
}

type ruleLookup struct {
	rule *rules.Rule
	ok   bool
}

// get returns the rule, and false when the hub is off or the rule is gone.
func (m ruleMemo) get(s *Service, tx store.Tx, scope tenant.Scope, name string) (*rules.Rule, bool, error) {
	k := ruleKey{scope, name}
	if l, ok := m[k]; ok {
		return l.rule, l.ok, nil
	}
	use, err := s.useHub(tx, scope)
	if err != nil {
		return nil, false, err
	}
	var l ruleLookup
	if use {
		r, err := rules.GetRule(tx, scope, name)
		if err != nil && !awserr.Is(err, awserr.NoSuchConfigRuleException) {
			return nil, false, err
		}
		l = ruleLookup{rule: r, ok: err == nil}
	}
	m[k] = l
	return l.rule, l.ok, nil
}
