package ssm

import (
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/automation/expr"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/runbooks"
)

// automationIDPattern is the 36-character execution id of the API.
const automationIDLen = 36

// automationFilter is AutomationExecutionFilter and StepExecutionFilter.
type automationFilter struct {
	Key    *string  `json:"Key,omitempty"`
	Values []string `json:"Values,omitempty"`
}

// automationExecution is the AutomationExecution shape.
type automationExecution struct {
	AutomationExecutionID       string                `json:"AutomationExecutionId"`
	DocumentName                string                `json:"DocumentName"`
	DocumentVersion             string                `json:"DocumentVersion,omitempty"`
	ExecutionStartTime          *awsproto.Timestamp   `json:"ExecutionStartTime,omitempty"`
	ExecutionEndTime            *awsproto.Timestamp   `json:"ExecutionEndTime,omitempty"`
	AutomationExecutionStatus   string                `json:"AutomationExecutionStatus"`
	StepExecutions              []stepExecution       `json:"StepExecutions"`
	StepExecutionsTruncated     bool                  `json:"StepExecutionsTruncated"`
	Parameters                  map[string][]string   `json:"Parameters,omitempty"`
	Outputs                     map[string][]string   `json:"Outputs,omitempty"`
	Variables                   map[string][]string   `json:"Variables,omitempty"`
	FailureMessage              string                `json:"FailureMessage,omitempty"`
	Mode                        string                `json:"Mode"`
	ParentAutomationExecutionID string                `json:"ParentAutomationExecutionId,omitempty"`
	ExecutedBy                  string                `json:"ExecutedBy,omitempty"`
	CurrentStepName             string                `json:"CurrentStepName,omitempty"`
	CurrentAction               string                `json:"CurrentAction,omitempty"`
	ProgressCounters            progressCounters      `json:"ProgressCounters"`
	TargetParameterName         string                `json:"TargetParameterName,omitempty"`
	Targets                     []automationTarget    `json:"Targets,omitempty"`
	TargetMaps                  []map[string][]string `json:"TargetMaps,omitempty"`
	ResolvedTargets             *resolvedTargets      `json:"ResolvedTargets,omitempty"`
	MaxConcurrency              string                `json:"MaxConcurrency,omitempty"`
	MaxErrors                   string                `json:"MaxErrors,omitempty"`
	Target                      string                `json:"Target,omitempty"`
}

// automationExecutionMetadata is the AutomationExecutionMetadata shape.
type automationExecutionMetadata struct {
	AutomationExecutionID       string                `json:"AutomationExecutionId"`
	DocumentName                string                `json:"DocumentName"`
	DocumentVersion             string                `json:"DocumentVersion,omitempty"`
	AutomationExecutionStatus   string                `json:"AutomationExecutionStatus"`
	ExecutionStartTime          *awsproto.Timestamp   `json:"ExecutionStartTime,omitempty"`
	ExecutionEndTime            *awsproto.Timestamp   `json:"ExecutionEndTime,omitempty"`
	ExecutedBy                  string                `json:"ExecutedBy,omitempty"`
	Outputs                     map[string][]string   `json:"Outputs,omitempty"`
	Mode                        string                `json:"Mode"`
	ParentAutomationExecutionID string                `json:"ParentAutomationExecutionId,omitempty"`
	CurrentStepName             string                `json:"CurrentStepName,omitempty"`
	CurrentAction               string                `json:"CurrentAction,omitempty"`
	FailureMessage              string                `json:"FailureMessage,omitempty"`
	AutomationType              string                `json:"AutomationType"`
	TargetParameterName         string                `json:"TargetParameterName,omitempty"`
	Targets                     []automationTarget    `json:"Targets,omitempty"`
	TargetMaps                  []map[string][]string `json:"TargetMaps,omitempty"`
	ResolvedTargets             *resolvedTargets      `json:"ResolvedTargets,omitempty"`
	MaxConcurrency              string                `json:"MaxConcurrency,omitempty"`
	MaxErrors                   string                `json:"MaxErrors,omitempty"`
	Target                      string                `json:"Target,omitempty"`
}

// resolvedTargets is the ResolvedTargets shape.
type resolvedTargets struct {
	ParameterValues []string `json:"ParameterValues"`
	Truncated       bool     `json:"Truncated"`
}

// rateFields are the rate-control members shared by AutomationExecution
// and AutomationExecutionMetadata.
type rateFields struct {
	targetParameterName string
	targets             []automationTarget
	targetMaps          []map[string][]string
	resolved            *resolvedTargets
	maxConcurrency      string
	maxErrors           string
}

// rateOf renders x's rate control (zero for an execution without one).
func rateOf(x *runbooks.Execution) rateFields {
	r := x.Rate
	if r == nil {
		return rateFields{}
	}
	out := rateFields{targetParameterName: r.TargetParameterName, targetMaps: r.TargetMaps,
		maxConcurrency: r.MaxConcurrency, maxErrors: r.MaxErrors}
	for _, t := range r.Targets {
		out.targets = append(out.targets, automationTarget{Key: ptr(t.Key), Values: t.Values})
	}
	if len(r.Targets) > 0 {
		out.resolved = &resolvedTargets{ParameterValues: x.ResolvedTargets()}
	}
	return out
}

// stepExecution is the StepExecution shape.
type stepExecution struct {
	StepName           string              `json:"StepName"`
	Action             string              `json:"Action"`
	TimeoutSeconds     *int64              `json:"TimeoutSeconds,omitempty"`
	OnFailure          string              `json:"OnFailure,omitempty"`
	MaxAttempts        *int32              `json:"MaxAttempts,omitempty"`
	ExecutionStartTime *awsproto.Timestamp `json:"ExecutionStartTime,omitempty"`
	ExecutionEndTime   *awsproto.Timestamp `json:"ExecutionEndTime,omitempty"`
	StepStatus         string              `json:"StepStatus"`
	Inputs             map[string]string   `json:"Inputs,omitempty"`
	Outputs            map[string][]string `json:"Outputs,omitempty"`
	Response           string              `json:"Response,omitempty"`
	FailureMessage     string              `json:"FailureMessage,omitempty"`
	FailureDetails     *failureDetails     `json:"FailureDetails,omitempty"`
	StepExecutionID    string              `json:"StepExecutionId,omitempty"`
	IsEnd              *bool               `json:"IsEnd,omitempty"`
	NextStep           string              `json:"NextStep,omitempty"`
	IsCritical         *bool               `json:"IsCritical,omitempty"`
	ValidNextSteps     []string            `json:"ValidNextSteps,omitempty"`
	ParentStepDetails  *parentStepDetails  `json:"ParentStepDetails,omitempty"`
}

// failureDetails is the FailureDetails shape.
type failureDetails struct {
	FailureStage string              `json:"FailureStage,omitempty"`
	FailureType  string              `json:"FailureType,omitempty"`
	Details      map[string][]string `json:"Details,omitempty"`
}

// parentStepDetails is the ParentStepDetails shape.
type parentStepDetails struct {
	StepExecutionID string `json:"StepExecutionId"`
	StepName        string `json:"StepName"`
	Action          string `json:"Action"`
	Iteration       int32  `json:"Iteration"`
	IteratorValue   string `json:"IteratorValue,omitempty"`
}

// progressCounters is the ProgressCounters shape.
type progressCounters struct {
	TotalSteps     int32 `json:"TotalSteps"`
	SuccessSteps   int32 `json:"SuccessSteps"`
	FailedSteps    int32 `json:"FailedSteps"`
	CancelledSteps int32 `json:"CancelledSteps"`
	TimedOutSteps  int32 `json:"TimedOutSteps"`
}

// toAutomationExecution renders an execution for GetAutomationExecution.
func toAutomationExecution(x *runbooks.Execution) automationExecution {
	steps := x.StepsWithPending()
	out := automationExecution{
		AutomationExecutionID: x.AutomationExecutionID, DocumentName: x.DocumentName,
		DocumentVersion:           x.DocumentVersion,
		ExecutionStartTime:        awsproto.NewTimestamp(x.ExecutionStartTime),
		ExecutionEndTime:          awsproto.NewTimestamp(x.ExecutionEndTime),
		AutomationExecutionStatus: x.Status, StepExecutions: make([]stepExecution, len(steps)),
		Parameters: apiValues(x.Parameters), Outputs: x.Outputs, Variables: apiValues(x.Variables),
		FailureMessage: x.FailureMessage, Mode: x.Mode, ParentAutomationExecutionID: x.ParentID,
		ExecutedBy: x.ExecutedBy, CurrentStepName: x.CurrentStepName, CurrentAction: x.CurrentAction,
		ProgressCounters: toProgress(x.Progress()), Target: x.Target,
	}
	r := rateOf(x)
	out.TargetParameterName, out.Targets, out.TargetMaps = r.targetParameterName, r.targets, r.targetMaps
	out.ResolvedTargets, out.MaxConcurrency, out.MaxErrors = r.resolved, r.maxConcurrency, r.maxErrors
	for i, se := range steps {
		out.StepExecutions[i] = toStepExecution(se)
	}
	return out
}

// toMetadata renders an execution for DescribeAutomationExecutions.
func toMetadata(x *runbooks.Execution) automationExecutionMetadata {
	r := rateOf(x)
	return automationExecutionMetadata{
		TargetParameterName: r.targetParameterName, Targets: r.targets, TargetMaps: r.targetMaps,
		ResolvedTargets: r.resolved, MaxConcurrency: r.maxConcurrency, MaxErrors: r.maxErrors, Target: x.Target,
		AutomationExecutionID: x.AutomationExecutionID, DocumentName: x.DocumentName,
		DocumentVersion: x.DocumentVersion, AutomationExecutionStatus: x.Status,
		ExecutionStartTime: awsproto.NewTimestamp(x.ExecutionStartTime),
		ExecutionEndTime:   awsproto.NewTimestamp(x.ExecutionEndTime),
		ExecutedBy:         x.ExecutedBy, Outputs: x.Outputs, Mode: x.Mode, ParentAutomationExecutionID: x.ParentID,
		CurrentStepName: x.CurrentStepName, CurrentAction: x.CurrentAction, FailureMessage: x.FailureMessage,
		AutomationType: "Local",
	}
}

// toStepExecution renders one step run (or a Pending step that never ran).
func toStepExecution(se *engine.StepExecution) stepExecution {
	out := stepExecution{
		StepName: se.StepName, Action: se.Action, OnFailure: se.OnFailure,
		ExecutionStartTime: awsproto.NewTimestamp(se.ExecutionStartTime),
		ExecutionEndTime:   awsproto.NewTimestamp(se.ExecutionEndTime),
		StepStatus:         se.Status, Outputs: se.Outputs, FailureMessage: se.FailureMessage,
		StepExecutionID: se.StepExecutionID, NextStep: se.NextStep, ValidNextSteps: se.ValidNextSteps,
	}
	if se.StepExecutionID == "" {
		return out
	}
	out.TimeoutSeconds, out.MaxAttempts = ptr(int64(se.TimeoutSeconds)), ptr(int32(se.MaxAttempts))
	out.IsEnd, out.IsCritical = ptr(se.IsEnd), ptr(se.IsCritical)
	out.Inputs = stringInputs(se.Inputs)
	if se.Response != nil {
		out.Response = expr.Stringify(se.Response)
	}
	if f := se.FailureDetails; f != nil {
		out.FailureDetails = &failureDetails{FailureStage: f.FailureStage, FailureType: f.FailureType, Details: f.Details}
	}
	if d := se.ParentStepDetails; d != nil {
		out.ParentStepDetails = &parentStepDetails{StepExecutionID: d.StepExecutionID, StepName: d.StepName,
			Action: d.Action, Iteration: int32(d.Iteration), IteratorValue: d.IteratorValue}
	}
	return out
}

// toProgress renders step counts.
func toProgress(p runbooks.Progress) progressCounters {
	return progressCounters{TotalSteps: int32(p.Total), SuccessSteps: int32(p.Success), FailedSteps: int32(p.Failed),
		CancelledSteps: int32(p.Cancelled), TimedOutSteps: int32(p.TimedOut)}
}

// stringInputs renders resolved inputs as the API's map of strings
// (non-string values as JSON).
func stringInputs(in engine.Values) map[string]string {
	if len(in) == 0 {
		return nil
	}
	out := make(map[string]string, len(in))
	for k, v := range in {
		out[k] = expr.Stringify(v)
	}
	return out
}

// apiValues renders typed values as lists of strings (a StringList is its
// items, anything else one string).
func apiValues(vs engine.Values) map[string][]string {
	if len(vs) == 0 {
		return nil
	}
	out := make(map[string][]string, len(vs))
	for k, v := range vs {
		out[k] = apiList(v)
	}
	return out
}

// apiList renders one value as a list of strings.
func apiList(v any) []string {
	list, ok := v.([]any)
	if !ok {
		return []string{expr.Stringify(v)}
	}
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = expr.Stringify(e)
	}
	return out
}

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }
