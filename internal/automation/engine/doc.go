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
// calling Params.Persist where a crash must find the state (see
// Persistence). Signal, Cancel and Recover only change the execution; the
// host saves it and calls Advance again. Time comes only from the
// injected clock.
//
// # Persistence
//
// The host saves an execution when it accepts it (Pending); after that
// Advance persists only:
//
//   - before each attempt of an action that is not Replayable (it calls
//     AWS, starts a child, runs a function), so a crash during it finds
//     the attempt started and Recover retries it only if maxAttempts
//     allow, and again after the attempt, so what it did is not lost;
//   - when the execution waits (a time, a signal, an Interactive step),
//     so the wait and its deadline survive a crash;
//   - when the execution ends.
//
// The attempts of replayable actions (aws:branch, aws:updateVariable,
// aws:sleep, aws:pause, aws:approve, aws:loop, or any action implementing
// Replayer) are not saved on their own: after a crash Advance runs them
// again from the last save, which does what the lost run did (times and
// step execution ids aside, which nobody saw). A runbook of such steps
// is therefore one save at its end, and a waiting one one save per wait.
//
// # Interactive mode
//
// An execution with Interactive set waits (Status Waiting, Outcome
// WaitSignal, CurrentStepName the step the flow would run) before each
// main step until a signal releases it: StartStep {StepName} runs the
// named main step next (a step may run again or be skipped) and the flow
// goes on from it; Resume runs the step the flow chose. Until the step
// starts, a later StartStep may still redirect it. Steps inside aws:loop
// and a cancellation workflow run without stopping.
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
//
// # Loops
//
// aws:loop is an action like any other until its inputs are checked: it
// returns Result.Loop, and the engine pushes a LoopFrame on
// Execution.Loops (a stack, so loops nest) and runs the nested Steps. The
// loop step's run stays InProgress while its passes run; every nested run
// is appended to StepExecutions like any step, with ParentStepDetails
// naming the loop run, its Iteration and IteratorValue. The frame is part
// of the Execution, so a saved execution resumes mid-loop: Recover treats
// an interrupted nested step like any other, and the for-each items keep
// their types across the JSON round trip. The choices made:
//
//   - CurrentIteration counts passes from 1; during a pass
//     {{ Loop.CurrentIteration }} and {{ Loop.CurrentIteratorValue }}
//     read the frame. When the loop ends they become the loop step's
//     outputs (the last pass's values; CurrentIteration 0 and no
//     CurrentIteratorValue for an empty Iterators list).
//   - Inside a pass, control flow follows the nested Steps: nextStep,
//     branch targets and onFailure step:X name siblings. The end of that
//     flow (after the last nested step, or a step with isEnd) ends the
//     pass, not the execution.
//   - After a pass, a for-each loop goes on while items remain, a
//     do-while loop while its LoopCondition holds (evaluated then, with
//     the latest outputs of the nested steps); neither passes
//     MaxIterations (default and maximum 100).
//   - The loop inherits its steps' onFailure: a nested step that fails
//     with Abort aborts the execution (the loop step ends with the same
//     status and message); Continue and step:X go on inside the pass. The
//     loop step's own onFailure applies to its own failures only (bad
//     Iterators, a LoopCondition that cannot be evaluated). The loop
//     step's timeoutSeconds and maxAttempts do not span its passes.
//   - Cancelling ends the running nested step and every running loop as
//     Cancelled. A nested step's onCancel step:X runs X outside the loop:
//     the execution ends after X's flow leaves the loop's Steps.
//   - MaxStepRuns (5000) leaves room for loops; a runbook that reaches it
//     still fails rather than running forever.
//
// # Host seams of the control actions
//
// aws:executeAutomation starts its child through Params.Children and
// polls ChildStatus every few seconds (a WaitUntil), so the host needs no
// extra wiring to wake the parent; a child started just before a crash
// that was not yet saved may be started again when the attempt is retried.
// aws:invokeLambdaFunction runs through Params.Functions (a
// FunctionInvoker, plugged in by the Lambda-style handler seam); without
// one its steps fail with a clear reason. aws:changeInstanceState calls
// EC2 through Params.Caller like aws:executeAwsApi. StepRun.Document gives
// actions the runbook (aws:updateVariable converts values to the declared
// variable type).
package engine
