package managed

import "context"

// CLOUD_TRAIL_ENABLED (cloudtrail-enabled): the account is COMPLIANT when
// a trail visible in the Region is logging and, where the parameters name
// them, delivers to the given S3 bucket, SNS topic and log group.
var _ = register(&Rule{
	Identifier: "CLOUD_TRAIL_ENABLED",
	Name:       "cloudtrail-enabled",
	Periodic:   true,
	Params: []Param{
		{Name: "s3BucketName", Type: TypeString},
		{Name: "snsTopicArn", Type: TypeString},
		{Name: "cloudWatchLogsLogGroupArn", Type: TypeString},
	},
	EvaluateAccount: evaluateCloudTrailEnabled,
})

func evaluateCloudTrailEnabled(ctx context.Context, env Env, params Params) ([]Evaluation, error) {
	trails, err := describeTrails(ctx, env)
	if err != nil {
		return nil, err
	}
	reason := "No CloudTrail trail exists in this Region."
	for _, t := range trails {
		logging, err := isLogging(ctx, env, t)
		if err != nil {
			return nil, err
		}
		why, ok := trailDestinationsMatch(t, params)
		switch {
		case ok && logging:
			return []Evaluation{accountEvaluation(env, compliant())}, nil
		case !ok:
			reason = "No logging trail matches the rule's parameters: " + why + "."
		default:
			reason = "Trail " + t.name() + " is not logging; start logging (StartLogging)."
		}
	}
	return []Evaluation{accountEvaluation(env, nonCompliant("%s", reason))}, nil
}
