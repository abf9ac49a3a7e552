package rules

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"math/big"
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/rules/managed"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
	"github.com/salvehq/salve/internal/validate"
)

// lambdaARNPattern is what a CUSTOM_LAMBDA rule's SourceIdentifier must look like.
const lambdaARNPattern = `arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,140}(:[A-Za-z0-9_$-]+)?`

// PutRuleParams are the members of a PutConfigRule call that has passed the
// model's checks.
type PutRuleParams struct {
	// Rule is the rule as sent. Name identifies it; ARN or ID may identify
	// an existing rule instead. State may be "" or ACTIVE; CreatedBy,
	// Tags and the timestamps are ignored.
	Rule Rule
	// Tags are applied when the rule is created and ignored on update.
	Tags []Tag
}

// PutRule creates a rule or replaces the definition of an existing one,
// keeping its name, ID, ARN and tags.
func (s *Service) PutRule(ctx context.Context, scope tenant.Scope, p PutRuleParams) error {
	if err := checkRule(&p.Rule); err != nil {
		return err
	}
	return s.ruleEventCommitted(s.store.Update(ctx, func(tx store.Tx) error {
		old, err := findRuleToPut(tx, scope, &p.Rule)
		if err != nil {
			return err
		}
		if old == nil {
			return s.createRule(tx, scope, p)
		}
		if old.State != StateActive {
			return awserr.New(awserr.ResourceInUseException,
				"The rule %s is currently being deleted or evaluated (state %s). Please retry after the current operation completes.", old.Name, old.State)
		}
		r := s.updatedRule(old, p.Rule)
		if err := putRule(tx, scope, r); err != nil {
			return err
		}
		return s.ruleEvent(tx, scope, r, RulePut)
	}))
}

// findRuleToPut returns the existing rule r names, or nil for a new rule.
func findRuleToPut(tx store.Tx, scope tenant.Scope, r *Rule) (*Rule, error) {
	if r.ARN == "" && r.ID == "" {
		if r.Name == "" {
			return nil, awserr.New(awserr.InvalidParameterValueException,
				"ConfigRuleName is required to create a new ConfigRule. Add ConfigRuleName and try again.")
		}
		old, err := GetRule(tx, scope, r.Name)
		if awserr.Is(err, awserr.NoSuchConfigRuleException) {
			return nil, nil
		}
		return old, err
	}
	old, err := ruleByIdentity(tx, scope, r.ARN, r.ID)
	if err != nil {
		return nil, err
	}
	if r.Name != "" && r.Name != old.Name {
		return nil, awserr.New(awserr.InvalidParameterValueException,
			"The ConfigRule '%s' identified by ConfigRuleArn or ConfigRuleId cannot be renamed to '%s'.", old.Name, r.Name)
	}
	return old, nil
}

// ruleByIdentity finds a rule by ARN and/or ID; both must name the same rule.
func ruleByIdentity(tx store.Tx, scope tenant.Scope, arn, id string) (*Rule, error) {
	if id == "" {
		id = arn[strings.LastIndexByte(arn, '/')+1:]
	}
	name, err := ruleNameByID(tx, scope, id)
	if err != nil {
		return nil, err
	}
	var old *Rule
	if name != "" {
		if old, err = GetRule(tx, scope, name); err != nil {
			return nil, err
		}
	}
	if old == nil || old.ID != id || (arn != "" && old.ARN != arn) {
		return nil, awserr.New(awserr.InvalidParameterValueException,
			"ConfigRule Arn and Id can not be specified when creating a new ConfigRule. No existing ConfigRule has ConfigRuleArn %q / ConfigRuleId %q.", arn, id)
	}
	return old, nil
}

func (s *Service) createRule(tx store.Tx, scope tenant.Scope, p PutRuleParams) error {
	if err := s.checkRuleCount(tx, scope, p.Rule.Name); err != nil {
		return err
	}
	id, err := newRuleID(tx, scope)
	if err != nil {
		return err
	}
	now := s.clock.Now()
	r := p.Rule
	r.ID, r.ARN, r.State, r.CreatedBy = id, scope.ARN("config", "config-rule/"+id), StateActive, ""
	r.Tags, r.CreatedAt, r.UpdatedAt = p.Tags, now, now
	defaultModes(&r)
	if err := putRule(tx, scope, &r); err != nil {
		return err
	}
	return s.ruleEvent(tx, scope, &r, RulePut)
}

func (s *Service) updatedRule(old *Rule, in Rule) *Rule {
	r := in
	r.Name, r.ID, r.ARN, r.State, r.CreatedBy = old.Name, old.ID, old.ARN, old.State, old.CreatedBy
	r.Tags, r.CreatedAt, r.UpdatedAt = old.Tags, old.CreatedAt, s.clock.Now()
	defaultModes(&r)
	return &r
}

func defaultModes(r *Rule) {
	if len(r.EvaluationModes) == 0 {
		r.EvaluationModes = []string{ModeDetective}
	}
}

// checkRuleCount refuses a new rule when the account is at its rule limit.
func (s *Service) checkRuleCount(tx store.Tx, scope tenant.Scope, name string) error {
	n, err := tx.Count(store.ScanParams{Bucket: scope.Bucket(kindRuleID), Limit: s.maxRules})
	if err != nil {
		return err
	}
	if n >= s.maxRules {
		return awserr.New(awserr.MaxNumberOfConfigRulesExceededException,
			"Failed to put config rule '%s' because the maximum number of config rules: %d is reached.", name, s.maxRules)
	}
	return nil
}

// newRuleID returns an unused ConfigRuleId: config-rule- and 6 lowercase
// letters or digits.
func newRuleID(tx store.Tx, scope tenant.Scope) (string, error) {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	for {
		b := []byte("config-rule-")
		for range 6 {
			n, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
			if err != nil {
				return "", err
			}
			b = append(b, alphabet[n.Int64()])
		}
		name, err := ruleNameByID(tx, scope, string(b))
		if err != nil || name == "" {
			return string(b), err
		}
	}
}

// checkRule applies the semantic rules of PutConfigRule that the model's
// constraints cannot express.
func checkRule(r *Rule) error {
	if r.State != "" && r.State != StateActive {
		return invalidParam("The ConfigRuleState %s cannot be set by PutConfigRule; only ACTIVE can be given.", r.State)
	}
	if r.InputParameters != "" {
		var obj map[string]any
		if err := json.Unmarshal([]byte(r.InputParameters), &obj); err != nil || obj == nil {
			return invalidParam("Invalid json passed in the InputParameters field: it must be a JSON object such as {\"tag1Key\":\"CostCenter\"}.")
		}
	}
	if err := checkSource(r); err != nil {
		return err
	}
	return checkSourceDetails(r.Source.SourceDetails)
}

func checkSource(r *Rule) error {
	src := &r.Source
	switch src.Owner {
	case OwnerAWS:
		return checkManagedRule(r)
	case OwnerCustomLambda:
		return checkLambdaSource(src)
	case OwnerCustomPolicy:
		return checkPolicySource(src)
	default:
		return invalidParam("The Owner %q is not one of AWS, CUSTOM_LAMBDA or CUSTOM_POLICY.", src.Owner)
	}
}

// checkManagedRule checks an AWS-owned rule against the managed-rule
// catalogue: a known SourceIdentifier, valid InputParameters, and a
// MaximumExecutionFrequency only for rules that run periodically.
func checkManagedRule(r *Rule) error {
	src := &r.Source
	def, ok := managed.Lookup(src.SourceIdentifier)
	if !ok {
		return invalidParam("The sourceIdentifier %s is invalid. Please refer to the documentation for a list of valid sourceIdentifiers that can be used when AWS is the Owner.", src.SourceIdentifier)
	}
	if len(src.SourceDetails) > 0 {
		return invalidParam("SourceDetails should be null/empty if the owner is AWS. SourceDetails should be provided if the owner is CUSTOM_LAMBDA.")
	}
	if err := noPolicyDetails(src); err != nil {
		return err
	}
	if _, err := managed.ParseParams(def, r.InputParameters); err != nil {
		return err
	}
	if r.MaximumExecutionFrequency != "" && !def.Periodic {
		return invalidParam("A maximum execution frequency for this rule is not allowed because only a change in resources triggers this managed rule.")
	}
	return nil
}

func checkLambdaSource(src *Source) error {
	if !validate.Matches(lambdaARNPattern, src.SourceIdentifier) {
		return invalidParam("The sourceIdentifier '%s' is invalid: a CUSTOM_LAMBDA rule needs the ARN of its Lambda function (arn:aws:lambda:<region>:<account>:function:<name>).", src.SourceIdentifier)
	}
	if len(src.SourceDetails) == 0 {
		return invalidParam("SourceDetails should be null/empty if the owner is AWS. SourceDetails should be provided if the owner is CUSTOM_LAMBDA.")
	}
	return noPolicyDetails(src)
}

func checkPolicySource(src *Source) error {
	if src.CustomPolicyDetails == nil {
		return invalidParam("CustomPolicyDetails is required when the owner is CUSTOM_POLICY.")
	}
	// AWS ignores SourceIdentifier for CUSTOM_POLICY rules.
	src.SourceIdentifier = ""
	allowed := []string{MessageConfigurationItemChange, MessageOversizedConfigurationItemChange}
	for _, d := range src.SourceDetails {
		if !slices.Contains(allowed, d.MessageType) {
			return invalidParam("The MessageType %s is not supported for CUSTOM_POLICY rules; use %s or %s.",
				d.MessageType, allowed[0], allowed[1])
		}
	}
	return nil
}

func noPolicyDetails(src *Source) error {
	if src.CustomPolicyDetails != nil {
		return invalidParam("CustomPolicyDetails can only be given when the owner is CUSTOM_POLICY, not %s.", src.Owner)
	}
	return nil
}

func checkSourceDetails(details []SourceDetail) error {
	for _, d := range details {
		if d.MessageType == "" {
			return invalidParam("Every SourceDetail needs a MessageType.")
		}
		if d.MaximumExecutionFrequency != "" && d.MessageType != MessageScheduled {
			return invalidParam("A SourceDetail with MaximumExecutionFrequency must have the MessageType %s, not %s.",
				MessageScheduled, d.MessageType)
		}
	}
	return nil
}

func invalidParam(format string, args ...any) error {
	return awserr.New(awserr.InvalidParameterValueException, format, args...)
}
