package managed

import (
	"context"
	"fmt"
)

// Helpers shared by the CloudTrail rules, which read the trails through
// the CloudTrail API as AWS's own rules do.

const trailType = "AWS::CloudTrail::Trail"

// trail is one entry of DescribeTrails' trailList.
type trail struct {
	raw map[string]any
}

func (t trail) name() string          { return str(t.raw["Name"]) }
func (t trail) arn() string           { return str(t.raw["TrailARN"]) }
func (t trail) homeRegion() string    { return str(t.raw["HomeRegion"]) }
func (t trail) multiRegion() bool     { return boolean(t.raw["IsMultiRegionTrail"]) }
func (t trail) field(k string) string { return str(t.raw[k]) }

// id names the trail for GetTrailStatus and GetEventSelectors: its ARN,
// which also reaches shadow trails of other Regions.
func (t trail) id() string {
	if a := t.arn(); a != "" {
		return a
	}
	return t.name()
}

// describeTrails lists the trails visible in the Region, shadow copies of
// other Regions' multi-Region trails included.
func describeTrails(ctx context.Context, env Env) ([]trail, error) {
	resp, err := env.Call(ctx, "cloudtrail", "DescribeTrails", map[string]any{})
	if err != nil {
		return nil, fmt.Errorf("cloudtrail DescribeTrails: %w", err)
	}
	var out []trail
	for _, t := range list(resp["trailList"]) {
		out = append(out, trail{raw: obj(t)})
	}
	return out, nil
}

// isLogging asks GetTrailStatus; an AWS error (a trail deleted meanwhile)
// counts as not logging.
func isLogging(ctx context.Context, env Env, t trail) (bool, error) {
	resp, err := env.Call(ctx, "cloudtrail", "GetTrailStatus", map[string]any{"Name": t.id()})
	if err != nil {
		if isAWSError(err) {
			return false, nil
		}
		return false, fmt.Errorf("cloudtrail GetTrailStatus: %w", err)
	}
	return boolean(resp["IsLogging"]), nil
}

// trailDestinationsMatch checks the optional s3BucketName, snsTopicArn and
// cloudWatchLogsLogGroupArn parameters and returns the first mismatch.
func trailDestinationsMatch(t trail, params Params) (string, bool) {
	for _, c := range []struct{ param, field, what string }{
		{"s3BucketName", "S3BucketName", "S3 bucket"},
		{"snsTopicArn", "SnsTopicARN", "SNS topic"},
		{"cloudWatchLogsLogGroupArn", "CloudWatchLogsLogGroupArn", "CloudWatch Logs log group"},
	} {
		if want := params.String(c.param); want != "" && t.field(c.field) != want {
			return fmt.Sprintf("trail %s does not deliver to the %s %s", t.name(), c.what, want), false
		}
	}
	return "", true
}

// homeTrails returns the trails whose home Region is env's: the ones a
// per-trail rule reports in this Region.
func homeTrails(trails []trail, env Env) []trail {
	var out []trail
	for _, t := range trails {
		if t.homeRegion() == "" || t.homeRegion() == env.Region() {
			out = append(out, t)
		}
	}
	return out
}

// evaluateTrails judges every trail homed in env's Region with check.
func evaluateTrails(ctx context.Context, env Env, check func(trail) Evaluation) ([]Evaluation, error) {
	trails, err := describeTrails(ctx, env)
	if err != nil {
		return nil, err
	}
	var out []Evaluation
	for _, t := range homeTrails(trails, env) {
		ev := check(t)
		ev.ResourceType, ev.ResourceID = trailType, t.arn()
		out = append(out, ev)
	}
	return out, nil
}
