// Package awsevents builds the events AWS services put on the default
// event bus, with AWS's sources, detail types and detail shapes, from
// plain Go values: the composer maps its hooks (Config compliance and
// configuration item changes, remediation and SSM Automation status
// changes) to these builders and hands the result to events.Service.Emit.
package awsevents

import (
	"github.com/salvehq/salve/internal/configitem/notification"
	"github.com/salvehq/salve/internal/events"
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

// ComplianceChange describes a change of a (rule, resource)'s compliance:
// what Config's ComplianceChangeNotification is built from.
type ComplianceChange = notification.ComplianceChange

// EvaluationResult is one evaluation of a (rule, resource).
type EvaluationResult = notification.Evaluation

// ComplianceChangeEvent is aws.config's "Config Rules Compliance Change":
// its detail is Config's ComplianceChangeNotification (the message the
// delivery channel's topic receives), its time c.At.
func ComplianceChangeEvent(c ComplianceChange) events.Event {
	return events.Event{Source: SourceConfig, DetailType: DetailTypeComplianceChange, Resources: []string{},
		Detail: notification.NewCompliance(&c), Time: c.At}
}
