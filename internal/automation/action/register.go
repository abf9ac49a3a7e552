package action

import "github.com/salvehq/salve/internal/automation/engine"

// Register adds every action of this package to reg; opts give the
// actions their host dependencies (WithScriptRunner).
func Register(reg *engine.Registry, opts ...Option) {
	reg.Register(
		Branch{},
		Sleep{},
		Pause{},
		Approve{},
		UpdateVariable{},
		ExecuteAwsAPI{},
		AssertAwsResourceProperty{},
		WaitForAwsResourceProperty{},
		newExecuteScript(opts),
		InvokeLambdaFunction{},
		Loop{},
		ExecuteAutomation{},
		ChangeInstanceState{},
	)
}
