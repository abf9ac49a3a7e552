package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/salvehq/salve/bench/benchkit"
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
	// AfterReturnP50MS and AfterReturnP99MS are the arrivals measured from
	// the return of their PutEvaluations call (negative: before it), the
	// part of the latency the call's own duration does not cover;
	// BeforeReturn counts the events that arrived before their call
	// returned.
	AfterReturnP50MS float64 `json:"after_return_p50_ms"`
	AfterReturnP99MS float64 `json:"after_return_p99_ms"`
	BeforeReturn     int     `json:"before_return"`
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
	for i := range ids {
		ids[i] = benchkit.ResourceID(i)
	}
	cpu := takeCPU(b.server.Cmd.Process.Pid)
	sent, returned, err := putOneByOne(ctx, o, b, configRule, ids)
	if err != nil {
		return nil, err
	}
	waitErr := b.recv.wait(len(ids), o.wait)
	res := latencyResult{Resources: len(ids), PaceMS: benchkit.MS(o.pace), CPU: usageSince(cpu, b.server.Cmd.Process.Pid)}
	if err := res.summarise(b.recv, ids, sent, returned); err != nil {
		return nil, fmt.Errorf("%w: %w", err, waitErr)
	}
	return res, nil
}

// putOneByOne reports each id NON_COMPLIANT in its own PutEvaluations,
// -pace apart, and returns when each call started and returned.
func putOneByOne(ctx context.Context, o options, b *bench, configRule string, ids []string) (sent, returned []time.Time, err error) {
	sent, returned = make([]time.Time, len(ids)), make([]time.Time, len(ids))
	for i := range ids {
		sent[i] = time.Now()
		if err := benchkit.PutNonCompliant(ctx, b.config, configRule, ids[i:i+1]); err != nil {
			return nil, nil, err
		}
		returned[i] = time.Now()
		time.Sleep(o.pace)
	}
	return sent, returned, nil
}

// summarise fills the percentiles from the receiver's arrivals.
func (res *latencyResult) summarise(recv *receiver, ids []string, sent, returned []time.Time) error {
	var lat, put, after []float64
	for i, id := range ids {
		put = append(put, benchkit.MS(returned[i].Sub(sent[i])))
		at, ok := recv.arrived(id)
		if !ok {
			continue
		}
		lat = append(lat, benchkit.MS(at.Sub(sent[i])))
		after = append(after, benchkit.MS(at.Sub(returned[i])))
		if at.Before(returned[i]) {
			res.BeforeReturn++
		}
	}
	if len(lat) == 0 {
		return errors.New("no event arrived")
	}
	res.Arrived = len(lat)
	_, res.Posts, res.Duplicates, res.Unexpected = recv.counts()
	for _, xs := range [][]float64{lat, put, after} {
		slices.Sort(xs)
	}
	res.P50MS, res.P90MS, res.P99MS = benchkit.Pct(lat, 50), benchkit.Pct(lat, 90), benchkit.Pct(lat, 99)
	res.MinMS, res.MaxMS = lat[0], lat[len(lat)-1]
	res.PutP50MS, res.PutP99MS = benchkit.Pct(put, 50), benchkit.Pct(put, 99)
	res.AfterReturnP50MS, res.AfterReturnP99MS = benchkit.Pct(after, 50), benchkit.Pct(after, 99)
	return nil
}
