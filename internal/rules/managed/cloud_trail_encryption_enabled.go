package managed

import "context"

// CLOUD_TRAIL_ENCRYPTION_ENABLED: each trail (AWS::CloudTrail::Trail, the
// ones homed in the Region) must encrypt its logs with a KMS key
// (KmsKeyId set).
var _ = register(&Rule{
	Identifier:    "CLOUD_TRAIL_ENCRYPTION_ENABLED",
	Name:          "cloud-trail-encryption-enabled",
	ResourceTypes: []string{trailType},
	Periodic:      true,
	EvaluateAccount: func(ctx context.Context, env Env, _ Params) ([]Evaluation, error) {
		return evaluateTrails(ctx, env, func(t trail) Evaluation {
			if t.field("KmsKeyId") != "" {
				return compliant()
			}
			return nonCompliant("Trail %s does not encrypt its log files with a KMS key (KmsKeyId).", t.name())
		})
	},
})
