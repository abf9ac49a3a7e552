// Package securityhub is Salve's Security Hub: the hub of an account and
// region, and its findings in the AWS Security Finding Format (ASFF),
// kept in the store per account and region. It holds no HTTP;
// internal/api/securityhub speaks the REST-JSON wire.
//
// # Findings that follow Config
//
// OnEvaluationChange is a rules.EvaluationChangeHook: every evaluation
// result Config records becomes (or updates) one finding per rule and
// resource, shaped as AWS Config's integration shapes it: ProductArn
// arn:aws:securityhub:REGION::product/aws/config, ProductName "Config",
// GeneratorId the rule's ARN, Id RULE_ARN/finding/HASH, Title the rule's
// name, severity MEDIUM (40). NON_COMPLIANT is Compliance.Status FAILED,
// COMPLIANT is PASSED, INSUFFICIENT_DATA is NOT_AVAILABLE; NOT_APPLICABLE
// (a deleted or out-of-scope resource) is NOT_AVAILABLE and archives the
// finding. The workflow follows Security Hub's documented rules: PASSED
// resolves the finding (unless a person suppressed it); a finding that
// turns from PASSED to FAILED or NOT_AVAILABLE, or from ARCHIVED to ACTIVE,
// goes back from NOTIFIED or RESOLVED to NEW; otherwise the workflow a
// person set stays. Deleting the rule archives its findings (RuleHook,
// inside the deleting transaction, or OnRuleDeleted).
//
// The hook runs after the evaluation committed and writes its findings in
// one transaction of its own: a crash between the two loses that finding
// update until the rule evaluates the resource again (Reconcile re-derives
// every finding of a scope from the stored results).
//
// # The hub
//
// A hub is enabled by default (RequireEnable turns that off): findings
// flow as soon as rules evaluate, and EnableSecurityHub succeeds once, as
// on a fresh account, then answers ResourceConflictException.
// DisableSecurityHub stops the flow and hides the findings (they are kept,
// and seen again after EnableSecurityHub).
//
// # Customers and providers
//
// BatchUpdateFindings is the customer's update (workflow, note, severity,
// verification state, user-defined fields, …); BatchImportFindings is a
// provider's create-or-update, validated as ASFF requires. A provider's
// later import never overwrites what a customer set, as on AWS.
// GetFindings filters with AwsSecurityFindingFilters (string, date,
// number, map, boolean and IP filters), sorts and pages.
package securityhub
