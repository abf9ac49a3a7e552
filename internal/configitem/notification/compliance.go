package notification

import (
	"time"

	"github.com/salvehq/salve/internal/tenant"
)

// ComplianceChange describes a change of a (rule, resource)'s compliance.
type ComplianceChange struct {
	Scope        tenant.Scope
	RuleName     string
	RuleARN      string
	ResourceType string
	ResourceID   string
	New          Evaluation
	// Old is nil when the rule had not evaluated the resource before.
	Old *Evaluation
	// At is when the notification was created; it also stands for the
	// results' times that are not known (zero).
	At time.Time
}

// Evaluation is one evaluation of a (rule, resource).
type Evaluation struct {
	// ComplianceType is COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE or
	// INSUFFICIENT_DATA.
	ComplianceType        string
	OrderingTimestamp     time.Time
	ResultRecordedTime    time.Time
	ConfigRuleInvokedTime time.Time
	Annotation            string
}

// Compliance is AWS Config's ComplianceChangeNotification: the message of
// the delivery channel's topic and the detail of EventBridge's "Config
// Rules Compliance Change" event.
type Compliance struct {
	AWSAccountID             string            `json:"awsAccountId"`
	ConfigRuleName           string            `json:"configRuleName"`
	ConfigRuleARN            string            `json:"configRuleARN"`
	ResourceType             string            `json:"resourceType"`
	ResourceID               string            `json:"resourceId"`
	AWSRegion                string            `json:"awsRegion"`
	NewEvaluationResult      *EvaluationResult `json:"newEvaluationResult"`
	OldEvaluationResult      *EvaluationResult `json:"oldEvaluationResult"`
	NotificationCreationTime string            `json:"notificationCreationTime"`
	MessageType              string            `json:"messageType"`
	RecordVersion            string            `json:"recordVersion"`
}

// EvaluationResult is an evaluation result as notifications carry it.
type EvaluationResult struct {
	EvaluationResultIdentifier EvaluationResultIdentifier `json:"evaluationResultIdentifier"`
	ComplianceType             string                     `json:"complianceType"`
	ResultRecordedTime         string                     `json:"resultRecordedTime"`
	ConfigRuleInvokedTime      string                     `json:"configRuleInvokedTime"`
	Annotation                 *string                    `json:"annotation"`
	ResultToken                *string                    `json:"resultToken"`
}

// EvaluationResultIdentifier names an evaluation result.
type EvaluationResultIdentifier struct {
	EvaluationResultQualifier EvaluationResultQualifier `json:"evaluationResultQualifier"`
	OrderingTimestamp         string                    `json:"orderingTimestamp"`
}

// EvaluationResultQualifier names the rule and resource of a result.
type EvaluationResultQualifier struct {
	ConfigRuleName string `json:"configRuleName"`
	ResourceType   string `json:"resourceType"`
	ResourceID     string `json:"resourceId"`
	EvaluationMode string `json:"evaluationMode"`
}

// NewCompliance builds the notification of a compliance change.
// oldEvaluationResult is null for a first evaluation.
func NewCompliance(c *ComplianceChange) *Compliance {
	n := &Compliance{AWSAccountID: c.Scope.AccountID, ConfigRuleName: c.RuleName, ConfigRuleARN: c.RuleARN,
		ResourceType: c.ResourceType, ResourceID: c.ResourceID, AWSRegion: c.Scope.Region,
		NewEvaluationResult: c.result(&c.New), NotificationCreationTime: FormatTime(c.At),
		MessageType: MessageComplianceChange, RecordVersion: ComplianceRecordVersion}
	if c.Old != nil {
		n.OldEvaluationResult = c.result(c.Old)
	}
	return n
}

func (c *ComplianceChange) result(e *Evaluation) *EvaluationResult {
	return &EvaluationResult{
		EvaluationResultIdentifier: EvaluationResultIdentifier{
			EvaluationResultQualifier: EvaluationResultQualifier{ConfigRuleName: c.RuleName,
				ResourceType: c.ResourceType, ResourceID: c.ResourceID, EvaluationMode: "DETECTIVE"},
			OrderingTimestamp: c.time(e.OrderingTimestamp)},
		ComplianceType: e.ComplianceType, ResultRecordedTime: c.time(e.ResultRecordedTime),
		ConfigRuleInvokedTime: c.time(e.ConfigRuleInvokedTime), Annotation: optional(e.Annotation)}
}

// time writes t, or the notification's time when t is unknown.
func (c *ComplianceChange) time(t time.Time) string {
	if t.IsZero() {
		t = c.At
	}
	return FormatTime(t)
}
