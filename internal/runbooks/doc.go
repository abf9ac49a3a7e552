// Package runbooks hosts SSM Automation executions: it starts them
// (StartAutomationExecution), saves them step by step, runs them on a
// bounded pool of background workers, wakes them when a wait ends or a
// signal arrives, stops them, and recovers them after a restart.
//
// The interpreter is package automation/engine; this package gives it a
// home. One execution is one store record (the engine.Execution plus what
// the API reports beside it: mode, caller, client token, parent), written
// in one store.Update every time the engine persists. Beside it are an
// index for listing executions newest first, the client tokens of
// idempotent starts, and a global "active" index of every unfinished
// execution with the time it waits for; Tick scans that index for waits
// that are due, and Run recovers every entry of it at start-up, so no
// execution stays InProgress forever.
//
// Decisions where AWS is silent or Salve is partial:
//
//   - An execution is advanced by one worker at a time; Signal and Stop
//     take the same per-execution lock, so a signal sent while a step is
//     calling AWS is applied when the call returns.
//   - The runbook content is copied into the execution record when it
//     starts, so updating or deleting the document does not disturb a
//     running execution.
//   - Mode Interactive and rate control (Targets, TargetMaps,
//     TargetLocations) are refused with
//     InvalidAutomationExecutionParametersException saying Salve does not
//     support them yet.
//   - StopAutomationExecution Type Complete behaves as Cancel.
//   - A finished child execution wakes its parent at once.
package runbooks
