package managed

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/salvehq/salve/internal/configitem"
)

// EC2_STOPPED_INSTANCE: an instance may not stay stopped longer than
// AllowedDays (default 30). When it stopped is read from the instance's
// configuration history (the oldest item of its current stopped run),
// else from the stateTransitionReason EC2 records; if neither tells, the
// instance is NON_COMPLIANT, as AWS's rule is when the time cannot be
// determined.
var _ = register(&Rule{
	Identifier:      "EC2_STOPPED_INSTANCE",
	Name:            "ec2-stopped-instance",
	ResourceTypes:   []string{instanceType},
	Periodic:        true,
	Params:          []Param{{Name: "AllowedDays", Type: TypeInt, Default: "30"}},
	EvaluateAccount: evaluateStoppedInstances,
})

func evaluateStoppedInstances(ctx context.Context, env Env, params Params) ([]Evaluation, error) {
	items, err := env.Items(ctx, instanceType)
	if err != nil {
		return nil, fmt.Errorf("list instances: %w", err)
	}
	days, _ := params.Int("AllowedDays")
	var out []Evaluation
	for i := range items {
		ev, err := stoppedInstanceVerdict(ctx, env, &items[i], days)
		if err != nil {
			return nil, err
		}
		ev.ResourceType, ev.ResourceID = instanceType, items[i].ResourceID
		out = append(out, ev)
	}
	return out, nil
}

func stoppedInstanceVerdict(ctx context.Context, env Env, item *configitem.Item, days int) (Evaluation, error) {
	switch instanceState(item) {
	case "stopped":
	case "terminated":
		return notApplicable("The instance is terminated."), nil
	default:
		return compliant(), nil
	}
	since, ok, err := stoppedSince(ctx, env, item)
	if err != nil || !ok {
		return nonCompliant("The instance is stopped and when it stopped cannot be determined."), err
	}
	stopped := env.Now().Sub(since)
	if stopped > time.Duration(days)*24*time.Hour {
		return nonCompliant("The instance has been stopped since %s, longer than the %d days allowed.", since.UTC().Format(time.RFC3339), days), nil
	}
	return compliant(), nil
}

func instanceState(item *configitem.Item) string {
	return str(path(configuration(item), "state", "name"))
}

// stoppedSince finds when the current stopped run began: the capture time
// of the oldest consecutive stopped item, provided an earlier item shows
// another state; otherwise the time in stateTransitionReason.
func stoppedSince(ctx context.Context, env Env, item *configitem.Item) (time.Time, bool, error) {
	history, err := env.History(ctx, item.ResourceType, item.ResourceID)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("instance history: %w", err)
	}
	for i := range history {
		h := &history[i]
		if !h.Deleted() && instanceState(h) == "stopped" {
			continue
		}
		if i > 0 {
			return history[i-1].CaptureTime, true, nil
		}
		break
	}
	t, ok := transitionTime(str(configuration(item)["stateTransitionReason"]))
	return t, ok, nil
}

// transitionReasonTime matches EC2's "User initiated (2024-01-02 15:04:05 GMT)".
var transitionReasonTime = regexp.MustCompile(`\((\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) GMT\)`)

func transitionTime(reason string) (time.Time, bool) {
	m := transitionReasonTime.FindStringSubmatch(reason)
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateTime, m[1])
	return t, err == nil
}
