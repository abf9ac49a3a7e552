package main

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

// measureThroughput runs o.clients closed-loop clients, each starting the
// one-step runbook and polling until the execution is Success; it counts
// the executions that finished within the measured o.duration.
func measureThroughput(ctx context.Context, o options, s *server) (any, error) {
	res := result{Measurement: "throughput", Clients: o.clients}
	if err := createRunbook(ctx, s.ssm, "bench-one", oneStepRunbook); err != nil {
		return res, err
	}
	var measuring, stop atomic.Bool
	var polls, bad atomic.Int64
	lat := make([][]time.Duration, o.clients)
	errs := make([]error, o.clients)
	var wg sync.WaitGroup
	for i := range o.clients {
		wg.Go(func() {
			lat[i], errs[i] = loop(ctx, s.ssm, o.poll, &measuring, &stop, &polls, &bad)
		})
	}
	time.Sleep(o.warmup)
	c0, self0 := s.cpu()
	t0 := time.Now()
	measuring.Store(true)
	time.Sleep(o.duration)
	measuring.Store(false)
	elapsed := time.Since(t0)
	c1, self1 := s.cpu()
	stop.Store(true)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return res, err
		}
	}
	all := slices.Concat(lat...)
	slices.Sort(all)
	res.Completed, res.MeasuredSecs = len(all), elapsed.Seconds()
	res.ExecsPerSec = float64(len(all)) / elapsed.Seconds()
	res.P50ms, res.P99ms = quantileMS(all, 0.50), quantileMS(all, 0.99)
	res.ServerCores = (c1 - c0).Seconds() / elapsed.Seconds()
	res.ClientCores = (self1 - self0).Seconds() / elapsed.Seconds()
	res.PollsPerExec = float64(polls.Load()) / float64(max(1, len(all)))
	res.NonSuccessful = int(bad.Load())
	res.ServerRSSMiB, res.ServerHWMMiB, _ = s.memory()
	if res.NonSuccessful > 0 {
		return res, fmt.Errorf("%d executions did not end in Success", res.NonSuccessful)
	}
	return res, nil
}

// loop is one client: start, poll until finished, repeat until stop. It
// returns the start→Success latency of each execution finished while
// measuring, and counts the measured polls.
func loop(ctx context.Context, c *ssm.Client, poll time.Duration, measuring, stop *atomic.Bool,
	polls, bad *atomic.Int64) ([]time.Duration, error) {
	var out []time.Duration
	for !stop.Load() {
		t := time.Now()
		counted := measuring.Load()
		n, status, err := runOne(ctx, c, poll)
		if err != nil {
			return out, err
		}
		if counted && measuring.Load() {
			out = append(out, time.Since(t))
			polls.Add(int64(n))
			if status != types.AutomationExecutionStatusSuccess {
				bad.Add(1)
			}
		}
	}
	return out, nil
}

// runOne starts one execution of bench-one and polls it until it has
// finished; it returns the number of polls and the final status.
func runOne(ctx context.Context, c *ssm.Client, poll time.Duration) (int, types.AutomationExecutionStatus, error) {
	out, err := c.StartAutomationExecution(ctx, &ssm.StartAutomationExecutionInput{DocumentName: aws.String("bench-one")})
	if err != nil {
		return 0, "", fmt.Errorf("start: %w", err)
	}
	for n := 1; ; n++ {
		got, err := c.GetAutomationExecution(ctx, &ssm.GetAutomationExecutionInput{AutomationExecutionId: out.AutomationExecutionId})
		if err != nil {
			return n, "", fmt.Errorf("get: %w", err)
		}
		switch st := got.AutomationExecution.AutomationExecutionStatus; st {
		case types.AutomationExecutionStatusPending, types.AutomationExecutionStatusInprogress:
			time.Sleep(poll)
		default:
			return n, st, nil
		}
	}
}

// quantileMS is the q-quantile of sorted durations in milliseconds.
func quantileMS(d []time.Duration, q float64) float64 {
	if len(d) == 0 {
		return 0
	}
	return float64(d[int(q*float64(len(d)-1))]) / float64(time.Millisecond)
}
