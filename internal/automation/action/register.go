package action

import "github.com/salvehq/salve/internal/automation/engine"

// Register adds every action of this package to reg.
func Register(reg *engine.Registry) {
	reg.Register(
		Branch{},
		Sleep{},
		Pause{},
		Approve{},
		UpdateVariable{},
		ExecuteAwsAPI{},
		AssertAwsResourceProperty{},
		WaitForAwsResourceProperty{},
		unavailable{name: "aws:executeScript", reason: "Salve cannot run aws:executeScript scripts yet " +
			"(the Python sandbox is not available); rewrite the step with aws:executeAwsApi, or wait for script support"},
		unavailable{name: "aws:invokeLambdaFunction", reason: "Lambda-style handlers are not available yet"},
		unavailable{name: "aws:loop", reason: "aws:loop is not available in Salve yet"},
		unavailable{name: "aws:executeAutomation", reason: "aws:executeAutomation (child automations) is not available in Salve yet"},
	)
}
