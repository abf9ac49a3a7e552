package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// result is one measured run, as written to the JSON-lines results file.
type result struct {
	Server      string              `json:"server"`
	Mix         string              `json:"mix"`
	Connections int                 `json:"connections"`
	Seconds     float64             `json:"seconds"`
	Requests    int                 `json:"requests"`
	Errors      int                 `json:"errors"`
	RPS         float64             `json:"rps"`
	P50ms       float64             `json:"p50_ms"`
	P99ms       float64             `json:"p99_ms"`
	MaxMs       float64             `json:"max_ms"`
	CPU         cpuUsage            `json:"cpu"`
	Ops         map[string]opResult `json:"ops"`
	ErrorCodes  map[string]int      `json:"error_codes,omitempty"`
}

// opResult is the share of one operation in a run.
type opResult struct {
	Requests int     `json:"requests"`
	Errors   int     `json:"errors"`
	P50ms    float64 `json:"p50_ms"`
	P99ms    float64 `json:"p99_ms"`
}

// sample is one answered request.
type sample struct {
	op  string
	dur time.Duration
	err error
}

// load runs o.connections workers for o.warmup+o.duration and measures
// the requests that started after the warm-up.
func load(ctx context.Context, c *client, o options) (*result, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		measuring atomic.Bool
		stop      atomic.Bool
		putSeq    atomic.Uint64
		wg        sync.WaitGroup
		perWorker = make([][]sample, o.connections)
		runID     = fmt.Sprintf("%x", time.Now().UnixNano()%0xffffffff)
	)
	for i := range o.connections {
		w := &worker{id: i, c: c, rng: rand.New(rand.NewPCG(uint64(i), uint64(time.Now().UnixNano()))),
			mix: mixes[o.mix], runID: runID, putSeq: &putSeq}
		wg.Add(1)
		go func() {
			defer wg.Done()
			perWorker[i] = w.loop(ctx, &measuring, &stop)
		}()
	}
	time.Sleep(o.warmup)
	measuring.Store(true)
	before := takeCPUSnapshot(o.serverPID)
	time.Sleep(o.duration)
	stop.Store(true)
	after := takeCPUSnapshot(o.serverPID)
	wg.Wait()
	res := summarize(o, perWorker, after.at.Sub(before.at))
	res.CPU = usageBetween(before, after)
	return res, nil
}

// loop sends requests until stop, keeping those started while measuring.
func (w *worker) loop(ctx context.Context, measuring, stop *atomic.Bool) []sample {
	out := make([]sample, 0, 1<<14)
	for !stop.Load() {
		keep := measuring.Load()
		t0 := time.Now()
		op, err := w.next(ctx)
		if keep && !stop.Load() {
			out = append(out, sample{op: op, dur: time.Since(t0), err: err})
		}
	}
	return out
}

func summarize(o options, perWorker [][]sample, elapsed time.Duration) *result {
	res := &result{Server: o.server, Mix: o.mix, Connections: o.connections, Seconds: elapsed.Seconds(),
		Ops: map[string]opResult{}, ErrorCodes: map[string]int{}}
	var all []time.Duration
	byOp := map[string][]time.Duration{}
	opErrs := map[string]int{}
	for _, samples := range perWorker {
		for _, s := range samples {
			res.Requests++
			if s.err != nil {
				res.Errors++
				opErrs[s.op]++
				res.ErrorCodes[s.op+": "+errorCode(s.err)]++
				continue
			}
			all = append(all, s.dur)
			byOp[s.op] = append(byOp[s.op], s.dur)
		}
	}
	res.RPS = float64(len(all)) / elapsed.Seconds()
	res.P50ms, res.P99ms, res.MaxMs = quantile(all, 0.50), quantile(all, 0.99), quantile(all, 1)
	for op, d := range byOp {
		res.Ops[op] = opResult{Requests: len(d) + opErrs[op], Errors: opErrs[op], P50ms: quantile(d, 0.5), P99ms: quantile(d, 0.99)}
	}
	for op, n := range opErrs {
		if _, ok := byOp[op]; !ok {
			res.Ops[op] = opResult{Requests: n, Errors: n}
		}
	}
	return res
}

// quantile returns the q-quantile of d in milliseconds (sorts d).
func quantile(d []time.Duration, q float64) float64 {
	if len(d) == 0 {
		return 0
	}
	if !sort.SliceIsSorted(d, func(i, j int) bool { return d[i] < d[j] }) {
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	}
	i := int(q*float64(len(d))+0.5) - 1
	i = max(0, min(i, len(d)-1))
	return float64(d[i].Microseconds()) / 1000
}

func errorCode(err error) string {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae.Code
	}
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		s = s[i+2:]
	}
	return s
}

// line is the one-line summary printed on stderr.
func (r *result) line() string {
	return fmt.Sprintf("%-6s %-6s c=%-3d %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  errors %d/%d  cores: server %.2f loadgen %.2f other %.2f %v",
		r.Server, r.Mix, r.Connections, r.RPS, r.P50ms, r.P99ms, r.MaxMs, r.Errors, r.Requests,
		r.CPU.ServerCores, r.CPU.LoadgenCore, r.CPU.OtherCores, r.ErrorCodes)
}
