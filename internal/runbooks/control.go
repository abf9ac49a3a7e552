package runbooks

import (
	"context"
	"errors"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/tenant"
)

// Stop types of StopAutomationExecution.
const (
	StopCancel   = "Cancel"
	StopComplete = "Complete"
)

// Stop cancels an execution (engine.Cancel): the running step ends
// Cancelled and the execution is Cancelled, or Cancelling while its
// onCancel workflow runs. Type Complete behaves as Cancel. A finished
// execution is InvalidAutomationStatusUpdateException. Stopping a
// rate-controlled parent starts no further child and stops the running
// ones.
func (s *Service) Stop(ctx context.Context, scope tenant.Scope, id, typ string) error {
	var children []string
	err := s.change(ctx, scope, id, func(e *engine.Engine, x *Execution, doc *automation.Document) error {
		if x.Rate != nil {
			var err error
			children, err = s.stopParent(x)
			return err
		}
		err := e.Cancel(x.Execution, doc)
		if errors.Is(err, engine.ErrFinished) {
			return errAlreadyEnded(x)
		}
		return err
	})
	if err != nil {
		return err
	}
	s.enqueue(scope, id)
	for _, child := range children {
		// A child that ended meanwhile is fine; anything else is logged,
		// as the parent is already stopped.
		var ae *awserr.Error
		if err := s.Stop(ctx, scope, child, typ); err != nil && !errors.As(err, &ae) {
			s.p.Logger.Error("stop child automation execution", "execution_id", child, "err", err)
		}
	}
	return nil
}

// errAlreadyEnded is InvalidAutomationStatusUpdateException for a
// finished execution.
func errAlreadyEnded(x *Execution) error {
	return awserr.New(awserr.InvalidAutomationStatusUpdate,
		"Automation execution %s has already ended with status %s; it cannot be stopped.",
		x.AutomationExecutionID, x.Status)
}

// SignalParams are the inputs of Signal.
type SignalParams struct {
	Scope   tenant.Scope
	ID      string
	Type    string
	Payload map[string][]string
	// Sender is the caller's ARN.
	Sender string
}

// Signal delivers a SendAutomationSignal (engine.Signal) and queues the
// execution (StartStep and Resume drive Interactive executions, see
// engine.Signal). A StepName or StepExecutionId in the payload that the
// execution does not have is AutomationStepNotFoundException; a signal
// the execution does not accept now is InvalidAutomationSignalException.
func (s *Service) Signal(ctx context.Context, p SignalParams) error {
	err := s.change(ctx, p.Scope, p.ID, func(e *engine.Engine, x *Execution, doc *automation.Document) error {
		if x.Rate != nil {
			return badSignal("Automation execution %s runs one child execution per target and has no steps "+
				"of its own; send the signal to a child execution.", x.AutomationExecutionID)
		}
		if err := checkSignalStep(x, p.Payload); err != nil {
			return err
		}
		err := e.Signal(x.Execution, doc, engine.ReceivedSignal{Type: p.Type, Payload: p.Payload, Sender: p.Sender})
		switch {
		case errors.Is(err, engine.ErrStepNotFound):
			return awserr.New(awserr.AutomationStepNotFound, "%s", upperFirst(err.Error()))
		case errors.Is(err, engine.ErrFinished) || errors.Is(err, engine.ErrInvalidSignal):
			return awserr.New(awserr.InvalidAutomationSignal, "%s", upperFirst(err.Error()))
		}
		return err
	})
	if err != nil {
		return err
	}
	s.enqueue(p.Scope, p.ID)
	return nil
}

// checkSignalStep checks the steps a signal's payload names.
func checkSignalStep(x *Execution, payload map[string][]string) error {
	for _, name := range payload["StepName"] {
		if !slices.ContainsFunc(x.Steps, func(st Step) bool { return st.Name == name }) {
			return awserr.New(awserr.AutomationStepNotFound, "Step %s is not a step of runbook %s.", name, x.DocumentName)
		}
	}
	for _, sid := range payload["StepExecutionId"] {
		if !slices.ContainsFunc(x.StepExecutions, func(se *engine.StepExecution) bool { return se.StepExecutionID == sid }) {
			return awserr.New(awserr.AutomationStepNotFound, "Step execution %s is not part of automation execution %s.",
				sid, x.AutomationExecutionID)
		}
	}
	return nil
}

// change applies fn to an execution under its lock and saves it.
func (s *Service) change(ctx context.Context, scope tenant.Scope, id string,
	fn func(*engine.Engine, *Execution, *automation.Document) error) error {
	defer s.lock(id)()
	x, doc, err := s.loadRunbook(ctx, scope, id)
	if err != nil {
		return err
	}
	if err := fn(s.engine(ctx, x), x, doc); err != nil {
		return err
	}
	return s.save(ctx, x)
}

// badSignal is InvalidAutomationSignalException.
func badSignal(format string, args ...any) error {
	return awserr.New(awserr.InvalidAutomationSignal, format, args...)
}

// upperFirst capitalises an engine error for an AWS message.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
