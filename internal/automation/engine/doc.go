// Package engine interprets SSM Automation runbooks (schema 0.3 documents
// parsed by package automation).
//
// An Execution is a plain JSON-serialisable value holding everything needed
// to resume an automation: bound parameters, variables, status, the step
// executions with their resolved inputs, outputs and failures, and what the
// execution waits for (a time, a signal). The parsed Document is passed
// alongside it and never serialised.
//
// (*Engine).Advance runs steps until the execution finishes or must wait,
// calling Params.Persist after every change that must survive a crash (a
// step started, an attempt retried, a step finished, the execution ended),
// so a host can save the execution step by step. Signal, Cancel and Recover
// only change the execution; the host saves it and calls Advance again.
// Time comes only from the injected clock.
//
// Control flow follows the runbook reference (runbooks.md §1.3): after a
// success, isEnd stops, else nextStep, else the next step in array order;
// aws:branch picks its own next step and falls through to array order when
// nothing matches and there is no Default. After a failure (all
// maxAttempts used, or timed out) onFailure step:X jumps to X (even when
// isEnd is set), Continue goes on as after a success, Abort stops the
// execution as Failed (TimedOut when the step timed out). At the end the
// execution is Failed when any critical step failed, else Success.
//
// Actions are modules registered by name in a Registry (package action
// registers the aws: actions). An action resolves nothing itself: the
// engine hands it the step's inputs with every {{ reference }} substituted,
// and turns its Result (a response for the step's output selectors, named
// outputs, a chosen next step, a wait) into step state. An action error is
// a failed attempt; a panicking action is a failed attempt too, never a
// crashed process.
//
// Choices the AWS documentation leaves open are written down where they are
// made; the main ones:
//
//   - Only steps that started appear in StepExecutions (the API layer may
//     list the others as Pending).
//   - Retries run at once, without back-off.
//   - A step times out per attempt: an attempt that is still waiting, or
//     that returns, after TimeoutSeconds (or the action's default timeout)
//     has TimedOut; the step is TimedOut once its last attempt timed out.
//   - A step whose inputs do not resolve fails at once (FailureStage
//     InputValidation) without using its remaining attempts: the inputs
//     would not resolve any better on a retry.
//   - The cancellation workflow started by onCancel step:X follows the
//     normal flow from X; it is not cut off after two minutes.
package engine
