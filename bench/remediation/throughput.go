package main

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"

	"github.com/salvehq/salve/bench/benchkit"
)

// throughputResult is the throughput measurement's outcome.
type throughputResult struct {
	Resources    int     `json:"resources"`
	Succeeded    int     `json:"succeeded"`
	Failed       int     `json:"failed"`
	PutSeconds   float64 `json:"put_seconds"`
	Seconds      float64 `json:"seconds"`
	PerSecond    float64 `json:"remediations_per_second"`
	ObservedSecs float64 `json:"observed_seconds"`
}

// measureThroughput reports -throughput resources NON_COMPLIANT in batches
// of 100 under ConcurrentExecutionRatePercentage 100 and times them from
// the first PutEvaluations call to the last SUCCEEDED (LastUpdatedTime).
func measureThroughput(ctx context.Context, o options, s *server) (any, error) {
	const rule = "bench-throughput"
	if err := setupRule(ctx, s, rule, "PT0S", 100); err != nil {
		return nil, err
	}
	ids := make([]string, o.throughput)
	for i := range ids {
		ids[i] = benchkit.ResourceID(i)
	}
	start := time.Now()
	for _, c := range benchkit.Chunks(ids, 100) {
		if err := benchkit.PutNonCompliant(ctx, s.config, rule, c); err != nil {
			return nil, err
		}
	}
	put := time.Since(start)
	done, err := waitAll(ctx, s, rule, ids, 10*time.Minute)
	observed := time.Since(start)
	if err != nil {
		return nil, err
	}
	res := throughputResult{Resources: len(ids), PutSeconds: put.Seconds(), ObservedSecs: observed.Seconds()}
	var last time.Time
	for _, st := range done {
		if st.State == ctypes.RemediationExecutionStateSucceeded {
			res.Succeeded++
		} else {
			res.Failed++
		}
		if t := aws.ToTime(st.LastUpdatedTime); t.After(last) {
			last = t
		}
	}
	res.Seconds = last.Sub(start).Seconds()
	res.PerSecond = float64(res.Succeeded) / res.Seconds
	return res, nil
}
