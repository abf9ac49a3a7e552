// Package runbooks hosts SSM Automation executions: it starts them
// (StartAutomationExecution), saves them step by step, runs them on a
// bounded pool of background workers, wakes them when a wait ends or a
// signal arrives, stops them, and recovers them after a restart.
//
// The interpreter is package automation/engine; this package gives it a
// home. One execution is one store record (the engine.Execution plus what
// the API reports beside it: mode, caller, client token, parent), written
// in one store.Update (encoded before it, so the store's single writer
// only does the puts) every time the engine persists: where a crash must
// find the state, not after every step (see the engine's package doc).
// Beside it are an index for listing executions newest first, the client
// tokens of idempotent starts, the runbook snapshots (one per account,
// region, document, version and content hash; the record names its
// snapshot by hash), and a global wake-up index of every unfinished
// execution keyed by the time it waits for (wake.go): Tick reads it only
// up to the first entry not yet due, and Run recovers every entry of it
// at start-up, so no execution stays InProgress forever. Parsed runbooks
// are cached by content hash (DefaultRunbookCache of them, least recently
// used out), so an advance parses nothing.
//
// Decisions where AWS is silent or Salve is partial:
//
//   - An execution is advanced by one worker at a time; Signal and Stop
//     take the same per-execution lock, so a signal sent while a step is
//     calling AWS is applied when the call returns.
//   - The runbook content is snapshotted when an execution starts, so
//     updating or deleting the document does not disturb a running
//     execution. Snapshots are never deleted; there is one per document
//     version (and content) ever run, however many executions ran it.
//   - Rate control: a start with Targets (Key ParameterValues only; any
//     other key is InvalidTarget) or TargetMaps stores a parent that runs
//     no steps. Advancing the parent (one store transaction) re-reads its
//     children, starts new ones in target order while fewer than
//     MaxConcurrency (default 10; a percentage of the targets rounded
//     down, at least 1) run and no more than MaxErrors (default 0; a
//     percentage rounded down) did not succeed, and ends it: Success
//     when every child succeeded, Failed when MaxErrors stopped new
//     starts (children already running finish first), CompletedWithFailure
//     when every target ran but some child did not succeed. Children
//     wake their parent when they end; after a restart the parent is
//     re-evaluated from its children's stored states. There is no
//     ramp-up (AWS starts one child, then two, ...). TargetLocations are
//     refused.
//   - Mode Interactive: before each main step the execution is Waiting
//     (CurrentStepName names the step the flow chose). StartStep
//     {StepName} runs any main step next (skipping or repeating steps),
//     and the flow goes on from it; Resume runs the step the flow chose.
//     Steps inside aws:loop run without stopping. The engine runs this
//     mode itself (engine.Execution.Interactive, engine.Signal).
//   - StopAutomationExecution Type Complete behaves as Cancel.
//   - A finished child execution wakes its parent at once.
package runbooks
