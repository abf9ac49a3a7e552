package main

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// latencyResult is the latency measurement's outcome, in milliseconds.
type latencyResult struct {
	Resources int     `json:"resources"`
	Arrived   int     `json:"arrived"`
	PaceMS    float64 `json:"pace_ms"`
	P50MS     float64 `json:"p50_ms"`
	P90MS     float64 `json:"p90_ms"`
	P99MS     float64 `json:"p99_ms"`
	MaxMS     float64 `json:"max_ms"`
	MinMS     float64 `json:"min_ms"`
	// PutP50MS and PutP99MS are the PutEvaluations calls' own durations
	// (Salve emits the event inside the call, after its commit).
	PutP50MS float64 `json:"put_p50_ms"`
	PutP99MS float64 `json:"put_p99_ms"`
	// BeforeReturn counts events that arrived before their PutEvaluations
	// call returned.
	BeforeReturn int `json:"before_return"`
	posts
	CPU cpuUsage `json:"cpu"`
}

// posts are the receiver's counts beyond the first arrival per resource.
type posts struct {
	Posts      int `json:"posts"`
	Duplicates int `json:"duplicates"`
	Unexpected int `json:"unexpected"`
}

// measureLatency reports resources NON_COMPLIANT one per PutEvaluations
// and measures call start → the receiver got the resource's event.
func measureLatency(ctx context.Context, o options, b *bench) (any, error) {
	const configRule = "bench-latency"
	if err := setup(ctx, o, b, configRule); err != nil {
		return nil, err
	}
	ids := make([]string, o.latency)
	sent := make([]time.Time, o.latency)
	returned := make([]time.Time, o.latency)
	cpu := takeCPU(b.server.Cmd.Process.Pid)
	for i := range ids {
		ids[i] = resourceID(i)
		sent[i] = time.Now()
		if err := putNonCompliant(ctx, b, configRule, ids[i:i+1]); err != nil {
			return nil, err
		}
		returned[i] = time.Now()
		time.Sleep(o.pace)
	}
	waitErr := b.recv.wait(len(ids), o.wait)
	res := latencyResult{Resources: len(ids), PaceMS: ms(o.pace), CPU: usageSince(cpu, b.server.Cmd.Process.Pid)}
	var lat, put []float64
	for i, id := range ids {
		put = append(put, ms(returned[i].Sub(sent[i])))
		at, ok := b.recv.arrived(id)
		if !ok {
			continue
		}
		lat = append(lat, ms(at.Sub(sent[i])))
		if at.Before(returned[i]) {
			res.BeforeReturn++
		}
	}
	if len(lat) == 0 {
		return nil, fmt.Errorf("no event arrived: %w", waitErr)
	}
	res.Arrived = len(lat)
	_, res.Posts, res.Duplicates, res.Unexpected = b.recv.counts()
	slices.Sort(lat)
	slices.Sort(put)
	res.P50MS, res.P90MS, res.P99MS = pct(lat, 50), pct(lat, 90), pct(lat, 99)
	res.MinMS, res.MaxMS = lat[0], lat[len(lat)-1]
	res.PutP50MS, res.PutP99MS = pct(put, 50), pct(put, 99)
	return res, nil
}

// ms is d in milliseconds.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// pct is the p-th percentile of the sorted xs (nearest rank).
func pct(xs []float64, p int) float64 {
	i := (len(xs)*p + 99) / 100
	return xs[max(i-1, 0)]
}
