// Package awsevents builds the events AWS services put on the default
// event bus, with AWS's sources, detail types and detail shapes, from
// plain Go values: the composer maps its hooks (Config compliance and
// configuration item changes, remediation and SSM Automation status
// changes) to these builders and hands the result to events.Service.Emit.
package awsevents

import (
	"time"

	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/tenant"
)

// Sources and detail types of the events built here.
const (
	SourceConfig = "aws.config"
	SourceSSM    = "aws.ssm"
	// SourceSalveRemediation is Salve's own source: AWS Config emits no
	// documented event for remediation executions.
	SourceSalveRemediation = "salve.remediation"

	DetailTypeComplianceChange        = "Config Rules Compliance Change"
	DetailTypeConfigurationItemChange = "Config Configuration Item Change"
	DetailTypeAutomationExecution     = "EC2 Automation Execution Status-change Notification"
	DetailTypeAutomationStep          = "EC2 Automation Step Status-change Notification"
	DetailTypeRemediation             = "Salve Remediation Execution Status Change"
)

// millisFormat is Config's timestamp layout in notifications.
const millisFormat = "2006-01-02T15:04:05.000Z"

func millis(t time.Time) string { return t.UTC().Format(millisFormat) }

// EvaluationResult is one evaluation of a (rule, resource).
type EvaluationResult struct {
	// ComplianceType is COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE or
	// INSUFFICIENT_DATA.
	ComplianceType        string
	OrderingTimestamp     time.Time
	ResultRecordedTime    time.Time
	ConfigRuleInvokedTime time.Time
	Annotation            string
}

// ComplianceChange describes a change of a (rule, resource)'s compliance.
type ComplianceChange struct {
	Scope        tenant.Scope
	RuleName     string
	RuleARN      string
	ResourceType string
	ResourceID   string
	New          EvaluationResult
	// Old is nil when the rule had not evaluated the resource before.
	Old *EvaluationResult
	// At is when the notification was created (the event's time).
	At time.Time
}

type complianceDetail struct {
	ResourceID               string            `json:"resourceId"`
	AWSRegion                string            `json:"awsRegion"`
	AWSAccountID             string            `json:"awsAccountId"`
	ConfigRuleName           string            `json:"configRuleName"`
	RecordVersion            string            `json:"recordVersion"`
	ConfigRuleARN            string            `json:"configRuleARN"`
	MessageType              string            `json:"messageType"`
	NewEvaluationResult      evaluationResult  `json:"newEvaluationResult"`
	OldEvaluationResult      *evaluationResult `json:"oldEvaluationResult,omitempty"`
	NotificationCreationTime string            `json:"notificationCreationTime"`
	ResourceType             string            `json:"resourceType"`
}

type evaluationResult struct {
	Identifier            resultIdentifier `json:"evaluationResultIdentifier"`
	ComplianceType        string           `json:"complianceType"`
	ResultRecordedTime    string           `json:"resultRecordedTime"`
	ConfigRuleInvokedTime string           `json:"configRuleInvokedTime"`
	Annotation            string           `json:"annotation,omitempty"`
}

type resultIdentifier struct {
	Qualifier         resultQualifier `json:"evaluationResultQualifier"`
	OrderingTimestamp string          `json:"orderingTimestamp"`
}

type resultQualifier struct {
	ConfigRuleName string `json:"configRuleName"`
	ResourceType   string `json:"resourceType"`
	ResourceID     string `json:"resourceId"`
}

// ComplianceChangeEvent is aws.config's "Config Rules Compliance Change".
func ComplianceChangeEvent(c ComplianceChange) events.Event {
	d := complianceDetail{ResourceID: c.ResourceID, AWSRegion: c.Scope.Region, AWSAccountID: c.Scope.AccountID,
		ConfigRuleName: c.RuleName, RecordVersion: "1.0", ConfigRuleARN: c.RuleARN,
		MessageType: "ComplianceChangeNotification", NewEvaluationResult: c.result(c.New),
		NotificationCreationTime: millis(c.At), ResourceType: c.ResourceType}
	if c.Old != nil {
		old := c.result(*c.Old)
		d.OldEvaluationResult = &old
	}
	return events.Event{Source: SourceConfig, DetailType: DetailTypeComplianceChange, Resources: []string{},
		Detail: d, Time: c.At}
}

func (c ComplianceChange) result(r EvaluationResult) evaluationResult {
	return evaluationResult{
		Identifier: resultIdentifier{Qualifier: resultQualifier{ConfigRuleName: c.RuleName,
			ResourceType: c.ResourceType, ResourceID: c.ResourceID}, OrderingTimestamp: millis(r.OrderingTimestamp)},
		ComplianceType: r.ComplianceType, ResultRecordedTime: millis(r.ResultRecordedTime),
		ConfigRuleInvokedTime: millis(r.ConfigRuleInvokedTime), Annotation: r.Annotation,
	}
}
