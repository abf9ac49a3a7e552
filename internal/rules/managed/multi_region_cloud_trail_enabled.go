package managed

import (
	"context"
	"fmt"
	"strings"
)

// MULTI_REGION_CLOUD_TRAIL_ENABLED (multi-region-cloudtrail-enabled): the
// account is COMPLIANT when a multi-Region trail is logging, matches the
// destination parameters, excludes no management event sources and, when
// asked, records management events of the given readWriteType.
var _ = register(&Rule{
	Identifier: "MULTI_REGION_CLOUD_TRAIL_ENABLED",
	Name:       "multi-region-cloudtrail-enabled",
	Periodic:   true,
	Params: []Param{
		{Name: "s3BucketName", Type: TypeString},
		{Name: "snsTopicArn", Type: TypeString},
		{Name: "cloudWatchLogsLogGroupArn", Type: TypeString},
		{Name: "includeManagementEvents", Type: TypeBoolean},
		{Name: "readWriteType", Type: TypeString},
	},
	EvaluateAccount: evaluateMultiRegionTrail,
})

func evaluateMultiRegionTrail(ctx context.Context, env Env, params Params) ([]Evaluation, error) {
	trails, err := describeTrails(ctx, env)
	if err != nil {
		return nil, err
	}
	reason := "No multi-Region CloudTrail trail exists."
	for _, t := range trails {
		if !t.multiRegion() {
			continue
		}
		why, err := multiRegionTrailGap(ctx, env, t, params)
		if err != nil {
			return nil, err
		}
		if why == "" {
			return []Evaluation{accountEvaluation(env, compliant())}, nil
		}
		reason = "Multi-Region trail " + t.name() + " " + why + "."
	}
	return []Evaluation{accountEvaluation(env, nonCompliant("%s", reason))}, nil
}

// multiRegionTrailGap returns why the trail does not satisfy the rule, ""
// if it does.
func multiRegionTrailGap(ctx context.Context, env Env, t trail, params Params) (string, error) {
	if why, ok := trailDestinationsMatch(t, params); !ok {
		return strings.TrimPrefix(why, "trail "+t.name()+" "), nil
	}
	logging, err := isLogging(ctx, env, t)
	if err != nil || !logging {
		return "is not logging", err
	}
	selectors, err := eventSelectors(ctx, env, t)
	if err != nil {
		return "", err
	}
	return selectorGap(selectors, params), nil
}

// eventSelector is what the rule needs from a basic or advanced selector.
type eventSelector struct {
	management     bool
	readWriteType  string // ReadOnly, WriteOnly or All
	excludeSources []string
}

// eventSelectors reads GetEventSelectors; a trail without selectors logs
// all management events.
func eventSelectors(ctx context.Context, env Env, t trail) ([]eventSelector, error) {
	resp, err := env.Call(ctx, "cloudtrail", "GetEventSelectors", map[string]any{"TrailName": t.id()})
	if err != nil {
		return nil, fmt.Errorf("cloudtrail GetEventSelectors: %w", err)
	}
	var out []eventSelector
	for _, s := range list(resp["EventSelectors"]) {
		m := obj(s)
		sel := eventSelector{management: true, readWriteType: "All", excludeSources: stringsOf(m["ExcludeManagementEventSources"])}
		if v, ok := m["IncludeManagementEvents"]; ok {
			sel.management = boolean(v)
		}
		if rw := str(m["ReadWriteType"]); rw != "" {
			sel.readWriteType = rw
		}
		out = append(out, sel)
	}
	for _, s := range list(resp["AdvancedEventSelectors"]) {
		out = append(out, advancedSelector(obj(s)))
	}
	if len(out) == 0 {
		out = []eventSelector{{management: true, readWriteType: "All"}}
	}
	return out, nil
}

// advancedSelector maps an advanced selector's field selectors:
// eventCategory Management, readOnly true/false, eventSource NotEquals.
func advancedSelector(m map[string]any) eventSelector {
	sel := eventSelector{readWriteType: "All"}
	for _, f := range list(m["FieldSelectors"]) {
		fm := obj(f)
		equals := stringsOf(fm["Equals"])
		switch str(fm["Field"]) {
		case "eventCategory":
			sel.management = containsFold(equals, "Management")
		case "readOnly":
			if len(equals) == 1 {
				sel.readWriteType = map[bool]string{true: "ReadOnly", false: "WriteOnly"}[equals[0] == "true"]
			}
		case "eventSource":
			sel.excludeSources = append(sel.excludeSources, stringsOf(fm["NotEquals"])...)
		}
	}
	return sel
}

// selectorGap checks the selectors against includeManagementEvents and
// readWriteType, and that no management event source is excluded.
func selectorGap(selectors []eventSelector, params Params) string {
	for _, s := range selectors {
		if s.management && len(s.excludeSources) > 0 {
			return "excludes management events from " + joinList(s.excludeSources)
		}
	}
	wantRW := params.String("readWriteType")
	if !params.Bool("includeManagementEvents") && wantRW == "" {
		return ""
	}
	for _, s := range selectors {
		if s.management && (wantRW == "" || strings.EqualFold(s.readWriteType, wantRW)) {
			return ""
		}
	}
	if wantRW != "" {
		return "does not record " + wantRW + " management events"
	}
	return "does not record management events"
}
