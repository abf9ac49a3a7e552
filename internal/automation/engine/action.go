package engine

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/expr"
)

// Action is a runbook action module, e.g. aws:sleep. Run performs one
// attempt of a step, or continues a waiting one: the engine calls Run
// again when the Wait it returned is over (its time came, or a signal
// arrived). An error fails the attempt; return a *Failure to choose the
// stage, type and message the step reports.
type Action interface {
	// Name is the action name as documents write it, e.g. "aws:sleep".
	Name() string
	// Run performs or continues the attempt described by s.
	Run(ctx context.Context, s *StepRun) (Result, error)
}

// DefaultTimeouter is implemented by actions with a timeout of their own
// when the step sets no timeoutSeconds (aws:approve: 7 days,
// aws:waitForAwsResourceProperty: 3600 s).
type DefaultTimeouter interface {
	DefaultTimeout() time.Duration
}

// StepRun is what an action sees of the attempt it runs.
type StepRun struct {
	// action is the module running the attempt.
	action Action
	// Step is the step as the document declares it.
	Step *automation.Step
	// Inputs are the step's inputs with every reference resolved.
	Inputs map[string]any
	// State is the step execution: the action may read Signals and read
	// and write State (kept across waits of one attempt).
	State *StepExecution
	// Execution is the running execution; actions must not change it.
	Execution *Execution
	// Document is the runbook being run (aws:updateVariable reads the
	// declared variable types); actions must not change it.
	Document *automation.Document
	// Lookup answers references (aws:branch evaluates conditions with it).
	Lookup expr.Lookup
	// Now is the time of this run, from the engine's clock.
	Now time.Time
	// Caller reaches AWS for the aws:*AwsApi* actions.
	Caller AWSCaller
	// Children starts and reads child automations (aws:executeAutomation);
	// nil when the host offers none.
	Children ChildStarter
	// Functions runs Lambda-style handlers (aws:invokeLambdaFunction); nil
	// when the host offers none.
	Functions FunctionInvoker
}

// Call calls an AWS API as the execution: in its account and region, with
// its assumed role. api may be written in any of the runbook spellings.
func (s *StepRun) Call(ctx context.Context, service, api string, input map[string]any) (map[string]any, error) {
	if s.Caller == nil {
		return nil, Fail(StageInvocation, TypeUnknown, "no AWS caller is configured, so %s %s cannot be called", service, api)
	}
	return s.Caller.Call(ctx, CallRequest{
		Service: service, API: NormalizeAPI(api), Input: input,
		Region: s.Execution.Region, AccountID: s.Execution.AccountID, RoleArn: s.Execution.AssumeRole,
		AutomationExecutionID: s.Execution.AutomationExecutionID,
	})
}

// Result is what an attempt produced.
type Result struct {
	// Response is the value the step's declared output selectors read
	// (the boto3-shaped response of aws:executeAwsApi); nil for none.
	Response any
	// Outputs are outputs the action names itself (aws:approve's
	// ApprovalStatus), typed.
	Outputs map[string]any
	// NextStep is the step aws:branch chose; "" follows the normal flow.
	NextStep string
	// Variables are runbook variables to set (aws:updateVariable).
	Variables map[string]any
	// Loop, when set, makes the step an aws:loop: the engine runs the
	// step's nested Steps as the spec says, then ends the step.
	Loop *LoopSpec
	// Wait, when set, means the attempt is not over: the engine calls Run
	// again once Wait.Until has passed or one of Wait.Signals arrived.
	Wait *Wait
}

// Wait is what an unfinished attempt waits for.
type Wait struct {
	// Until is when to run again; zero waits for a signal only.
	Until time.Time
	// Signals are the signal types that wake the attempt (the step is then
	// Waiting rather than InProgress).
	Signals []string
}

// Failure is an attempt failure with the details the step reports.
type Failure struct {
	Stage   string
	Type    string
	Message string
	Details map[string][]string
}

// Error returns the message.
func (f *Failure) Error() string { return f.Message }

// Fail returns a *Failure with a formatted message.
func Fail(stage, typ, format string, args ...any) *Failure {
	return &Failure{Stage: stage, Type: typ, Message: fmt.Sprintf(format, args...)}
}

// Registry maps action names to actions. The zero value is not usable;
// call NewRegistry.
type Registry struct {
	actions map[string]Action
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{actions: map[string]Action{}}
}

// Register adds actions; it panics on a name registered twice, a
// programming error.
func (r *Registry) Register(actions ...Action) {
	for _, a := range actions {
		if _, dup := r.actions[a.Name()]; dup {
			panic(fmt.Sprintf("engine: action %s registered twice", a.Name()))
		}
		r.actions[a.Name()] = a
	}
}

// Lookup returns the action registered under name.
func (r *Registry) Lookup(name string) (Action, bool) {
	a, ok := r.actions[name]
	return a, ok
}

// Names lists the registered action names, sorted.
func (r *Registry) Names() []string {
	return slices.Sorted(maps.Keys(r.actions))
}
