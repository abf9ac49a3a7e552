package securityhub

import "github.com/salvehq/salve/internal/rules"

// complianceOf maps a Config compliance type to the finding's
// Compliance.Status and RecordState, as AWS Config's integration reports
// them; Salve archives the finding of a resource the rule no longer
// applies to (NOT_APPLICABLE: deleted or out of scope), as Security Hub
// archives control findings of deleted resources.
func complianceOf(configType string) (status, recordState string) {
	switch configType {
	case rules.Compliant:
		return CompliancePassed, RecordActive
	case rules.NonCompliant:
		return ComplianceFailed, RecordActive
	case rules.NotApplicable:
		return ComplianceNotAvailable, RecordArchived
	}
	return ComplianceNotAvailable, RecordActive
}

// Transition is one change of a finding's compliance and record state.
type Transition struct {
	// Workflow is the workflow status before the change ("" for a new
	// finding).
	Workflow string
	// OldCompliance and NewCompliance are Compliance.Status before ("" for
	// a new finding) and after.
	OldCompliance, NewCompliance string
	// OldRecord and NewRecord are RecordState before ("" for a new
	// finding) and after.
	OldRecord, NewRecord string
}

// NextWorkflow returns the workflow status after t, by Security Hub's
// documented rules:
//   - a new finding is NEW, or RESOLVED when it passes;
//   - PASSED resolves the finding, unless a person suppressed it;
//   - NOTIFIED and RESOLVED go back to NEW when the record state changes
//     from ARCHIVED to ACTIVE, or the compliance status from PASSED to
//     FAILED, WARNING or NOT_AVAILABLE (while the finding is active);
//   - otherwise the status a person set stays (a NOTIFIED finding that
//     fails again stays NOTIFIED).
func NextWorkflow(t Transition) string {
	cur := t.Workflow
	if cur == "" {
		cur = WorkflowNew
	}
	if t.NewCompliance == CompliancePassed {
		if cur == WorkflowSuppressed {
			return cur
		}
		return WorkflowResolved
	}
	t.Workflow = cur
	return reopened(t)
}

// reopened applies the rule every finding follows, imported ones too:
// NOTIFIED and RESOLVED go back to NEW when the record state changes from
// ARCHIVED to ACTIVE, or the compliance status changes from PASSED to
// anything else while the finding is active.
func reopened(t Transition) string {
	cur := t.Workflow
	if cur == "" {
		return WorkflowNew
	}
	if cur != WorkflowNotified && cur != WorkflowResolved {
		return cur
	}
	reactivated := t.OldRecord == RecordArchived && t.NewRecord == RecordActive
	failedAgain := t.OldCompliance == CompliancePassed && t.NewCompliance != CompliancePassed && t.NewRecord == RecordActive
	if reactivated || failedAgain {
		return WorkflowNew
	}
	return cur
}
