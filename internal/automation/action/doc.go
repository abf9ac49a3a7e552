// Package action holds the aws: runbook actions the engine runs, one file
// per action. Register adds them all to an engine.Registry:
//
//	reg := engine.NewRegistry()
//	action.Register(reg)
//
// Actions receive their inputs with references already resolved (package
// engine), so each one only checks the shape of its inputs and does its
// work. AWS calls go through the engine.AWSCaller seam.
//
// Actions Salve cannot run yet are still registered so that a step using
// them fails with a reason a person can act on: aws:executeScript (no
// Python sandbox yet), aws:invokeLambdaFunction (no Lambda-style handlers
// yet), aws:loop and aws:executeAutomation. Actions that are not registered
// at all (aws:runCommand, aws:changeInstanceState, …) fail their step with
// "not supported by Salve yet".
package action
