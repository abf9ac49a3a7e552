package managed

import "context"

// CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED: each trail (AWS::CloudTrail::Trail,
// the ones homed in the Region) must have log file validation enabled.
var _ = register(&Rule{
	Identifier:    "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED",
	Name:          "cloud-trail-log-file-validation-enabled",
	ResourceTypes: []string{trailType},
	Periodic:      true,
	EvaluateAccount: func(ctx context.Context, env Env, _ Params) ([]Evaluation, error) {
		return evaluateTrails(ctx, env, func(t trail) Evaluation {
			if boolean(t.raw["LogFileValidationEnabled"]) {
				return compliant()
			}
			return nonCompliant("Log file validation is not enabled for trail %s.", t.name())
		})
	},
})
