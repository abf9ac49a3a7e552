package action

import (
	"context"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/automation/engine"
)

// Approve is aws:approve: the execution waits (status Waiting) until
// MinRequiredApprovals (default 1) distinct senders signalled Approve, or
// anyone signalled Reject, or the step times out (default 7 days).
//
// Salve does not check senders against the Approvers list yet: any caller
// allowed to call SendAutomationSignal counts as an approver. Signals
// without a Sender each count as one approval.
//
// Outputs: ApprovalStatus (Approved or Rejected) and ApproverDecisions, a
// MapList of {Approver, Decision, Comment, DecisionTime}. A rejection
// fails the step.
type Approve struct{}

// DefaultApprovalTimeout is the timeout of an aws:approve step that sets no
// timeoutSeconds.
const DefaultApprovalTimeout = 7 * 24 * time.Hour

// Name implements engine.Action.
func (Approve) Name() string { return "aws:approve" }

// DefaultTimeout implements engine.DefaultTimeouter.
func (Approve) DefaultTimeout() time.Duration { return DefaultApprovalTimeout }

// Run implements engine.Action.
func (Approve) Run(_ context.Context, s *engine.StepRun) (engine.Result, error) {
	need, err := requiredApprovals(s.Inputs)
	if err != nil {
		return engine.Result{}, err
	}
	decisions, approvers, rejecter := tally(s.State.Signals)
	switch {
	case rejecter != nil:
		out := approvalOutputs("Rejected", decisions)
		return engine.Result{Outputs: out}, engine.Fail(engine.StageInvocation, engine.TypeVerification,
			"The approval was rejected by %s.%s", sender(rejecter.Sender), comment(rejecter))
	case approvers >= need:
		return engine.Result{Outputs: approvalOutputs("Approved", decisions)}, nil
	}
	return engine.Result{Wait: &engine.Wait{Signals: []string{engine.SignalApprove, engine.SignalReject}}}, nil
}

// requiredApprovals reads MinRequiredApprovals and checks it against the
// Approvers list.
func requiredApprovals(in map[string]any) (int, error) {
	approvers, err := stringsInput(in, "Approvers")
	if err != nil {
		return 0, err
	}
	need, err := intInput(in, "MinRequiredApprovals", 1)
	if err != nil {
		return 0, err
	}
	if need < 1 || (len(approvers) > 0 && need > len(approvers)) {
		return 0, badInput("MinRequiredApprovals is %d; it must be between 1 and the number of Approvers (%d).",
			need, len(approvers))
	}
	return need, nil
}

// tally counts the distinct approvers and finds the first rejection.
func tally(signals []engine.ReceivedSignal) (decisions []any, approvers int, rejecter *engine.ReceivedSignal) {
	seen := map[string]bool{}
	for i := range signals {
		sig := &signals[i]
		decisions = append(decisions, map[string]any{"Approver": sig.Sender, "Decision": sig.Type,
			"Comment": strings.Join(sig.Payload["Comment"], " "), "DecisionTime": sig.Time.UTC().Format(time.RFC3339)})
		if sig.Type == engine.SignalReject && rejecter == nil {
			rejecter = sig
		}
		if sig.Type == engine.SignalApprove && (sig.Sender == "" || !seen[sig.Sender]) {
			seen[sig.Sender] = true
			approvers++
		}
	}
	return decisions, approvers, rejecter
}

// approvalOutputs are the outputs of a decided approval.
func approvalOutputs(status string, decisions []any) map[string]any {
	if decisions == nil {
		decisions = []any{}
	}
	return map[string]any{"ApprovalStatus": status, "ApproverDecisions": decisions}
}

// sender names a signal's sender in a message.
func sender(s string) string {
	if s == "" {
		return "an approver"
	}
	return s
}

// comment renders a signal's Comment for a message.
func comment(sig *engine.ReceivedSignal) string {
	if c := strings.Join(sig.Payload["Comment"], " "); c != "" {
		return " Comment: " + c
	}
	return ""
}
