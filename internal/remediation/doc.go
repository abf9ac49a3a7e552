// Package remediation holds AWS Config remediation: the remediation
// configuration attached to a rule (which SSM Automation runbook fixes its
// NON_COMPLIANT resources, with which parameters, how fast and how often),
// the remediation exceptions that exempt a resource, and the remediation
// execution records that StartRemediationExecution queues and the
// orchestrator runs.
//
// Records live in per-account-per-region buckets (see tenant.Scope):
//
//	remediation-configuration  ruleName                           → Configuration
//	remediation-exception      (ruleName, resourceType, id)        → Exception
//	remediation-execution      (ruleName, resourceType, id)        → Execution (latest per resource)
//
// plus one global bucket, QueueBucket, indexing every QUEUED execution of
// every account so the orchestrator finds work without scanning tenants.
// Every API call reads and writes inside one store transaction.
package remediation
