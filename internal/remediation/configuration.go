package remediation

import (
	"fmt"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// TargetTypeSSMDocument is the only RemediationTargetType.
const TargetTypeSSMDocument = "SSM_DOCUMENT"

// ResourceIDValue is the only ResourceValue: the id of the resource being
// remediated, filled in when an execution is queued.
const ResourceIDValue = "RESOURCE_ID"

// AssumeRoleParameter is the runbook parameter automatic remediation
// must set: the role SSM Automation assumes.
const AssumeRoleParameter = "AutomationAssumeRole"

// Defaults applied when a configuration leaves a member out (AWS documents
// the same values).
const (
	DefaultMaximumAutomaticAttempts          = 5
	DefaultRetryAttemptSeconds               = 60
	DefaultConcurrentExecutionRatePercentage = 10
	DefaultErrorPercentage                   = 50
)

// Configuration is the remediation configuration of one rule. Salve keeps
// one per rule; ResourceType is stored and returned but is not part of the
// key (AWS also keys by ResourceType for some service-linked rules).
type Configuration struct {
	ConfigRuleName string `json:"configRuleName"`
	TargetType     string `json:"targetType"`
	// TargetID is the SSM document name.
	TargetID string `json:"targetId"`
	// TargetVersion is the document version as given ("" = default).
	TargetVersion string                    `json:"targetVersion,omitempty"`
	Parameters    map[string]ParameterValue `json:"parameters,omitempty"`
	ResourceType  string                    `json:"resourceType,omitempty"`
	Automatic     bool                      `json:"automatic"`
	// ConcurrentExecutionRatePercentage and ErrorPercentage are the
	// SsmControls; 0 in a Put means "default".
	ConcurrentExecutionRatePercentage int32 `json:"concurrentExecutionRatePercentage"`
	ErrorPercentage                   int32 `json:"errorPercentage"`
	// MaximumAutomaticAttempts failures within RetryAttemptSeconds put an
	// automatic exception on the resource; 0 in a Put means "default".
	MaximumAutomaticAttempts int32     `json:"maximumAutomaticAttempts"`
	RetryAttemptSeconds      int64     `json:"retryAttemptSeconds"`
	Arn                      string    `json:"arn"`
	CreatedByService         string    `json:"createdByService,omitempty"`
	CreatedAt                time.Time `json:"createdAt"`
	UpdatedAt                time.Time `json:"updatedAt"`
}

// ParameterValue is one runbook parameter: exactly one of a resource value
// (RESOURCE_ID) or a static list of strings.
type ParameterValue struct {
	// ResourceValue is ResourceIDValue for a dynamic value, else "".
	ResourceValue string `json:"resourceValue,omitempty"`
	// StaticValues holds a static value (possibly an empty list).
	StaticValues []string `json:"staticValues,omitempty"`
}

// IsResource reports whether the value is the remediated resource's id.
func (p ParameterValue) IsResource() bool { return p.ResourceValue != "" }

// withDefaults fills every member a Put left out.
func (c Configuration) withDefaults() Configuration {
	if c.MaximumAutomaticAttempts == 0 {
		c.MaximumAutomaticAttempts = DefaultMaximumAutomaticAttempts
	}
	if c.RetryAttemptSeconds == 0 {
		c.RetryAttemptSeconds = DefaultRetryAttemptSeconds
	}
	if c.ConcurrentExecutionRatePercentage == 0 {
		c.ConcurrentExecutionRatePercentage = DefaultConcurrentExecutionRatePercentage
	}
	if c.ErrorPercentage == 0 {
		c.ErrorPercentage = DefaultErrorPercentage
	}
	return c
}

// ResolveParameters returns the runbook parameters of an execution for
// one resource: static lists as given, RESOURCE_ID as the resource id.
func (c *Configuration) ResolveParameters(resourceID string) map[string][]string {
	out := make(map[string][]string, len(c.Parameters))
	for name, v := range c.Parameters {
		if name == ApprovalParameter {
			continue
		}
		if v.IsResource() {
			out[name] = []string{resourceID}
			continue
		}
		out[name] = append([]string{}, v.StaticValues...)
	}
	return out
}

// GetConfiguration loads the configuration of a rule; a missing one is an
// awserr NoSuchRemediationConfigurationException.
func GetConfiguration(tx store.Tx, scope tenant.Scope, ruleName string) (*Configuration, error) {
	c, err := findConfiguration(tx, scope, ruleName)
	if err == nil && c == nil {
		err = noSuchConfiguration(ruleName)
	}
	return c, err
}

// findConfiguration loads the configuration of a rule, nil if none.
func findConfiguration(tx store.Tx, scope tenant.Scope, ruleName string) (*Configuration, error) {
	var c Configuration
	ok, err := found(getJSON(tx, scope.Bucket(kindConfiguration), ruleName, &c))
	if err != nil {
		return nil, fmt.Errorf("load remediation configuration of %q: %w", ruleName, err)
	}
	if !ok {
		return nil, nil
	}
	return &c, nil
}

func putConfiguration(tx store.Tx, scope tenant.Scope, c *Configuration) error {
	return putJSON(tx, scope.Bucket(kindConfiguration), c.ConfigRuleName, c)
}

func noSuchConfiguration(ruleName string) error {
	return awserr.New(awserr.NoSuchRemediationConfigurationException,
		"No remediation configuration exists for the rule %s. Create one with PutRemediationConfigurations.", ruleName)
}
