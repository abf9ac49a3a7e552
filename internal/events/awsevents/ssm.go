package awsevents

import (
	"strconv"
	"time"

	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/tenant"
)

// ssmTimeFormat is how SSM's automation events write times
// ("Nov 29, 2016 7:43:25 PM").
const ssmTimeFormat = "Jan 2, 2006 3:04:05 PM"

// AutomationExecution describes a status change of an SSM Automation
// execution (or, with StepName set, of one of its steps).
type AutomationExecution struct {
	Scope       tenant.Scope
	ExecutionID string
	// Definition and DefinitionVersion are the runbook and its version.
	Definition        string
	DefinitionVersion string
	// Status is the AutomationExecutionStatus (Success, Failed, TimedOut,
	// Cancelled, PendingApproval, Approved, Rejected, …).
	Status    string
	StartTime time.Time
	// EndTime is zero while the execution runs.
	EndTime time.Time
	// ExecutedBy is the ARN of who started the execution.
	ExecutedBy string
	// StepName and Action are a step's name and action (aws:runCommand).
	StepName string
	Action   string
	// At is the event's time; zero means EndTime, else StartTime.
	At time.Time
}

type automationDetail struct {
	ExecutionID       string  `json:"ExecutionId"`
	Definition        string  `json:"Definition"`
	DefinitionVersion float64 `json:"DefinitionVersion"`
	Status            string  `json:"Status"`
	StartTime         string  `json:"StartTime"`
	EndTime           string  `json:"EndTime,omitempty"`
	Time              float64 `json:"Time"`
	ExecutedBy        string  `json:"ExecutedBy,omitempty"`
	StepName          string  `json:"StepName,omitempty"`
	Action            string  `json:"Action,omitempty"`
}

// AutomationExecutionEvent is aws.ssm's "EC2 Automation Execution
// Status-change Notification".
func AutomationExecutionEvent(a AutomationExecution) events.Event {
	a.StepName, a.Action = "", ""
	return a.event(DetailTypeAutomationExecution)
}

// AutomationStepEvent is aws.ssm's "EC2 Automation Step Status-change
// Notification" (the step's times and status; no ExecutedBy).
func AutomationStepEvent(a AutomationExecution) events.Event {
	a.ExecutedBy = ""
	return a.event(DetailTypeAutomationStep)
}

func (a AutomationExecution) event(detailType string) events.Event {
	version, _ := strconv.ParseFloat(a.DefinitionVersion, 64)
	d := automationDetail{ExecutionID: a.ExecutionID, Definition: a.Definition, DefinitionVersion: version,
		Status: a.Status, StartTime: a.StartTime.UTC().Format(ssmTimeFormat), ExecutedBy: a.ExecutedBy,
		StepName: a.StepName, Action: a.Action}
	if !a.EndTime.IsZero() {
		d.EndTime = a.EndTime.UTC().Format(ssmTimeFormat)
		d.Time = float64(a.EndTime.Sub(a.StartTime).Milliseconds())
	}
	return events.Event{Source: SourceSSM, DetailType: detailType, Resources: a.resources(), Detail: d, Time: a.at()}
}

// resources are the execution's and the runbook version's ARNs.
func (a AutomationExecution) resources() []string {
	return []string{
		a.Scope.ARN("ssm", "automation-execution/"+a.ExecutionID),
		a.Scope.ARN("ssm", "automation-definition/"+a.Definition+":"+a.DefinitionVersion),
	}
}

func (a AutomationExecution) at() time.Time {
	switch {
	case !a.At.IsZero():
		return a.At
	case !a.EndTime.IsZero():
		return a.EndTime
	}
	return a.StartTime
}
