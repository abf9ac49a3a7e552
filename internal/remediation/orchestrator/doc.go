// Package orchestrator runs AWS Config remediation: it queues automatic
// remediations when a resource becomes NON_COMPLIANT (or a configuration
// becomes automatic), admits queued executions under the rule's
// SsmControls, starts their SSM Automation executions, records how they
// end, retries failed automatic remediations and places an automatic
// remediation exception after MaximumAutomaticAttempts failures within
// RetryAttemptSeconds, and resumes remediation when an exception lapses.
//
// All its work is store records (package remediation's QueueBucket,
// RunningBucket and ExpiryBucket), so nothing is lost across a restart:
// Tick reads them again. An Automation execution is started with the
// remediation execution's id as ClientToken, so a crash between starting
// it and recording IN_PROGRESS re-attaches to the same Automation
// execution instead of running the runbook twice.
//
// Decisions (see docs/REMEDIATION.md):
//
//   - Concurrency: at most floor(ConcurrentExecutionRatePercentage × N /
//     100), at least 1, executions of a rule are IN_PROGRESS, N being the
//     rule's NON_COMPLIANT resources now.
//   - Errors: a rule stops admitting executions when more than
//     floor(ErrorPercentage × N / 100) of its NON_COMPLIANT resources
//     failed for good (no retry pending) since the configuration was last
//     put (40 % of 10: the fifth error stops it).
//   - SsmControls apply to manual and automatic executions alike.
//   - The orchestrator learns that an Automation execution ended by
//     polling its stored status on every Tick.
//   - After SUCCEEDED it calls the OnSucceeded hooks (the re-evaluation
//     seam); executions awaiting approval (SalveRequireApproval) are never
//     admitted, and rejected ones are neither retried nor errors.
package orchestrator
