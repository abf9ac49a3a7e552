package main

import (
	"context"
	"fmt"
	"time"

	ctypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"

	"github.com/salvehq/salve/bench/benchkit"
)

// concurrencyResult is the concurrency measurement's outcome.
type concurrencyResult struct {
	Resources      int     `json:"resources"`
	RatePercent    int     `json:"rate_percent"`
	Bound          int     `json:"bound"`
	MaxInProgress  int     `json:"max_in_progress"`
	Samples        int     `json:"samples"`
	Succeeded      int     `json:"succeeded"`
	HoldSeconds    float64 `json:"hold_seconds"`
	ElapsedSeconds float64 `json:"elapsed_seconds"`
}

// measureConcurrency reports -concurrency resources NON_COMPLIANT under
// ConcurrentExecutionRatePercentage 10 with a runbook that sleeps -hold,
// and samples how many are IN_PROGRESS until all have finished.
func measureConcurrency(ctx context.Context, o options, s *server) (any, error) {
	const rule, rate = "bench-concurrency", 10
	if err := setupRule(ctx, s, rule, fmt.Sprintf("PT%dS", int(o.hold.Seconds())), rate); err != nil {
		return nil, err
	}
	ids := make([]string, o.concurrency)
	for i := range ids {
		ids[i] = benchkit.ResourceID(i)
	}
	start := time.Now()
	for _, c := range benchkit.Chunks(ids, 100) {
		if err := benchkit.PutNonCompliant(ctx, s.config, rule, c); err != nil {
			return nil, err
		}
	}
	res := concurrencyResult{Resources: len(ids), RatePercent: rate, Bound: max(1, rate*len(ids)/100),
		HoldSeconds: o.hold.Seconds()}
	deadline := start.Add(10 * time.Minute)
	for res.Succeeded < len(ids) {
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%d of %d remediations finished after 10 minutes", res.Succeeded, len(ids))
		}
		running, finished, err := sample(ctx, s, rule, ids)
		if err != nil {
			return nil, err
		}
		res.Samples++
		res.MaxInProgress = max(res.MaxInProgress, running)
		res.Succeeded = finished
		time.Sleep(10 * time.Millisecond)
	}
	res.ElapsedSeconds = time.Since(start).Seconds()
	return res, nil
}

// sample counts ids' executions IN_PROGRESS and finished (SUCCEEDED or
// FAILED).
func sample(ctx context.Context, s *server, rule string, ids []string) (running, finished int, err error) {
	for _, c := range benchkit.Chunks(ids, 100) {
		st, err := statuses(ctx, s, rule, c)
		if err != nil {
			return 0, 0, err
		}
		for _, x := range st {
			switch x.State {
			case ctypes.RemediationExecutionStateInProgress:
				running++
			case ctypes.RemediationExecutionStateSucceeded, ctypes.RemediationExecutionStateFailed:
				finished++
			}
		}
	}
	return running, finished, nil
}
