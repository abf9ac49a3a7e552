package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/salvehq/salve/bench/benchkit"
)

// latencyResult is the latency measurement's outcome, in milliseconds.
type latencyResult struct {
	Resources int     `json:"resources"`
	PaceMS    float64 `json:"pace_ms"`
	P50MS     float64 `json:"p50_ms"`
	P90MS     float64 `json:"p90_ms"`
	P99MS     float64 `json:"p99_ms"`
	MaxMS     float64 `json:"max_ms"`
	MinMS     float64 `json:"min_ms"`
	Failed    int     `json:"failed"`
}

// measureLatency reports resources NON_COMPLIANT one per PutEvaluations
// and measures call start → first step StartTime.
func measureLatency(ctx context.Context, o options, s *server) (any, error) {
	const rule = "bench-latency"
	if err := setupRule(ctx, s, rule, "PT0S", 100); err != nil {
		return nil, err
	}
	ids := make([]string, o.latency)
	sent := make(map[string]time.Time, o.latency)
	for i := range ids {
		ids[i] = benchkit.ResourceID(i)
		sent[ids[i]] = time.Now()
		if err := benchkit.PutNonCompliant(ctx, s.config, rule, ids[i:i+1]); err != nil {
			return nil, err
		}
		time.Sleep(o.pace)
	}
	done, err := waitAll(ctx, s, rule, ids, 5*time.Minute)
	if err != nil {
		return nil, err
	}
	res := latencyResult{Resources: len(ids), PaceMS: benchkit.MS(o.pace)}
	var lat []float64
	for id, st := range done {
		if len(st.StepDetails) == 0 || st.StepDetails[0].StartTime == nil {
			res.Failed++
			continue
		}
		lat = append(lat, benchkit.MS(aws.ToTime(st.StepDetails[0].StartTime).Sub(sent[id])))
	}
	if len(lat) == 0 {
		return nil, fmt.Errorf("no execution reported a step StartTime")
	}
	slices.Sort(lat)
	res.P50MS, res.P90MS, res.P99MS = benchkit.Pct(lat, 50), benchkit.Pct(lat, 90), benchkit.Pct(lat, 99)
	res.MinMS, res.MaxMS = lat[0], lat[len(lat)-1]
	return res, nil
}
