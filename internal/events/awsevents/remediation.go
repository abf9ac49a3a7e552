package awsevents

import (
	"time"

	"github.com/salvehq/salve/internal/configitem/notification"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/tenant"
)

// Remediation execution states (Config's RemediationExecutionState).
const (
	RemediationQueued     = "QUEUED"
	RemediationInProgress = "IN_PROGRESS"
	RemediationSucceeded  = "SUCCEEDED"
	RemediationFailed     = "FAILED"
)

// Remediation describes a state change of a Config remediation execution.
// AWS Config documents no EventBridge event for remediation, so Salve
// emits its own: source salve.remediation, detail type "Salve Remediation
// Execution Status Change", with Config's member names (lowerCamel, as in
// its compliance notifications).
type Remediation struct {
	Scope        tenant.Scope
	RuleName     string
	RuleARN      string
	ResourceType string
	ResourceID   string
	// State is QUEUED, IN_PROGRESS, SUCCEEDED or FAILED.
	State string
	// Automatic is true for automatic remediation, false for
	// StartRemediationExecution.
	Automatic bool
	// TargetID and TargetVersion are the runbook.
	TargetID      string
	TargetVersion string
	// AutomationExecutionID is the SSM Automation execution ("" before it
	// started).
	AutomationExecutionID string
	InvocationTime        time.Time
	LastUpdatedTime       time.Time
	// ErrorMessage says why a FAILED execution failed.
	ErrorMessage string
}

type remediationDetail struct {
	ResourceID            string `json:"resourceId"`
	ResourceType          string `json:"resourceType"`
	AWSRegion             string `json:"awsRegion"`
	AWSAccountID          string `json:"awsAccountId"`
	ConfigRuleName        string `json:"configRuleName"`
	ConfigRuleARN         string `json:"configRuleARN,omitempty"`
	State                 string `json:"state"`
	Automatic             bool   `json:"automatic"`
	TargetID              string `json:"targetId"`
	TargetVersion         string `json:"targetVersion,omitempty"`
	AutomationExecutionID string `json:"automationExecutionId,omitempty"`
	InvocationTime        string `json:"invocationTime"`
	LastUpdatedTime       string `json:"lastUpdatedTime"`
	ErrorMessage          string `json:"errorMessage,omitempty"`
}

// RemediationEvent is Salve's "Salve Remediation Execution Status Change".
// Its resources are the rule's ARN and, once started, the automation
// execution's ARN.
func RemediationEvent(r Remediation) events.Event {
	d := remediationDetail{ResourceID: r.ResourceID, ResourceType: r.ResourceType, AWSRegion: r.Scope.Region,
		AWSAccountID: r.Scope.AccountID, ConfigRuleName: r.RuleName, ConfigRuleARN: r.RuleARN, State: r.State,
		Automatic: r.Automatic, TargetID: r.TargetID, TargetVersion: r.TargetVersion,
		AutomationExecutionID: r.AutomationExecutionID, InvocationTime: notification.FormatTime(r.InvocationTime),
		LastUpdatedTime: notification.FormatTime(r.LastUpdatedTime), ErrorMessage: r.ErrorMessage}
	resources := []string{}
	if r.RuleARN != "" {
		resources = append(resources, r.RuleARN)
	}
	if r.AutomationExecutionID != "" {
		resources = append(resources, r.Scope.ARN("ssm", "automation-execution/"+r.AutomationExecutionID))
	}
	return events.Event{Source: SourceSalveRemediation, DetailType: DetailTypeRemediation, Resources: resources,
		Detail: d, Time: r.LastUpdatedTime}
}
