package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/salvehq/salve/bench/benchkit"
)

// throughputResult is the throughput measurement's outcome.
type throughputResult struct {
	Resources int `json:"resources"`
	Batches   int `json:"batches"`
	Arrived   int `json:"arrived"`
	// PutSeconds is how long the PutEvaluations calls took, back to back;
	// Seconds runs from the first call to the last arrival.
	PutSeconds float64 `json:"put_seconds"`
	Seconds    float64 `json:"seconds"`
	PerSecond  float64 `json:"events_per_second"`
	// P50MS and P99MS are each event's latency from the start of the call
	// that reported its resource.
	P50MS float64 `json:"p50_ms"`
	P99MS float64 `json:"p99_ms"`
	posts
	CPU cpuUsage `json:"cpu"`
}

// measureThroughput reports -batches × -batch resources NON_COMPLIANT in
// back-to-back PutEvaluations and measures events delivered per second,
// from the first call to the last arrival.
func measureThroughput(ctx context.Context, o options, b *bench) (any, error) {
	const configRule = "bench-throughput"
	if err := setup(ctx, o, b, configRule); err != nil {
		return nil, err
	}
	ids := make([]string, o.batches*o.batch)
	for i := range ids {
		ids[i] = benchkit.ResourceID(i)
	}
	cpu := takeCPU(b.server.Cmd.Process.Pid)
	start := time.Now()
	sent := make([]time.Time, 0, o.batches)
	for _, c := range benchkit.Chunks(ids, o.batch) {
		sent = append(sent, time.Now())
		if err := benchkit.PutNonCompliant(ctx, b.config, configRule, c); err != nil {
			return nil, err
		}
	}
	put := time.Since(start)
	waitErr := b.recv.wait(len(ids), o.wait)
	res := throughputResult{Resources: len(ids), Batches: o.batches, PutSeconds: put.Seconds(),
		CPU: usageSince(cpu, b.server.Cmd.Process.Pid)}
	if err := res.summarise(b.recv, ids, o.batch, start, sent); err != nil {
		return nil, fmt.Errorf("%w: %w", err, waitErr)
	}
	return res, nil
}

// summarise fills the rate and percentiles from the receiver's arrivals;
// sent[i] is when the call of ids[i*batch:(i+1)*batch] started.
func (res *throughputResult) summarise(recv *receiver, ids []string, batch int, start time.Time, sent []time.Time) error {
	var last time.Time
	var lat []float64
	for i, id := range ids {
		at, ok := recv.arrived(id)
		if !ok {
			continue
		}
		lat = append(lat, benchkit.MS(at.Sub(sent[i/batch])))
		if at.After(last) {
			last = at
		}
	}
	if len(lat) == 0 {
		return errors.New("no event arrived")
	}
	res.Arrived = len(lat)
	_, res.Posts, res.Duplicates, res.Unexpected = recv.counts()
	res.Seconds = last.Sub(start).Seconds()
	res.PerSecond = float64(res.Arrived) / res.Seconds
	slices.Sort(lat)
	res.P50MS, res.P99MS = benchkit.Pct(lat, 50), benchkit.Pct(lat, 99)
	return nil
}
