// Package managed holds the logic of the AWS Config managed rules Salve
// evaluates: the catalogue of rules (identifier, default name, triggers,
// parameters), the validation of a rule's InputParameters, and each rule's
// judgement of a configuration item or of an account.
//
// The package is pure logic. Change-triggered rules judge the
// configuration items recorded by the sandbox services (shapes in
// docs/CONFIGURATION_ITEMS.md); account-level and API-based periodic rules
// reach the account through an Env, the way AWS's own rules call the
// service APIs, so they work against the sandbox and a real endpoint alike.
// The evaluator that runs the rules, stores results and schedules periodic
// runs lives elsewhere.
package managed
