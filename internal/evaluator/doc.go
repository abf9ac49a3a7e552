// Package evaluator runs Salve's managed Config rules: it evaluates the
// rules in scope of every recorded configuration change (change-triggered
// rules), evaluates whole rules when they are put, when
// StartConfigRulesEvaluation asks, and on their MaximumExecutionFrequency
// (periodic rules), and re-evaluates a resource after its remediation
// succeeded. Results are recorded through rules.Service.PutEvaluations, so
// they reach the compliance APIs and the remediation orchestrator like a
// custom rule's.
//
// Work is durable: changes come from the recorder's global change queue
// and are removed only after their results are recorded; rule jobs and
// the periodic schedule are store records written in the transaction
// that asked for them. A crash re-runs what was not finished
// (evaluations are idempotent).
package evaluator
