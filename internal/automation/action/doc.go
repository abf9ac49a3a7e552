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
// aws:executeScript needs a script runner (WithScriptRunner) and
// aws:invokeLambdaFunction a function invoker (engine.Params.Functions);
// without them their steps fail with a reason a person can act on. Actions
// that are not registered at all (aws:runCommand, aws:createStack, …) fail
// their step with "not supported by Salve yet".
package action
