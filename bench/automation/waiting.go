package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

// sleepRunbook waits an hour in its first step.
const sleepRunbook = `schemaVersion: '0.3'
mainSteps:
  - name: Nap
    action: aws:sleep
    inputs: {Duration: PT1H}
  - name: Wake
    action: aws:sleep
    inputs: {Duration: PT0S}
`

// oneStepRunbook finishes at once with no external call.
const oneStepRunbook = `schemaVersion: '0.3'
mainSteps:
  - name: Nap
    action: aws:sleep
    inputs: {Duration: PT0S}
`

// createRunbook stores an Automation document.
func createRunbook(ctx context.Context, c *ssm.Client, name, content string) error {
	_, err := c.CreateDocument(ctx, &ssm.CreateDocumentInput{Name: aws.String(name), Content: aws.String(content),
		DocumentType: types.DocumentTypeAutomation, DocumentFormat: types.DocumentFormatYaml})
	if err != nil {
		return fmt.Errorf("create runbook %s: %w", name, err)
	}
	return nil
}

// measureWaiting starts o.waiting sleeping executions and reads the
// server's memory once every one of them is asleep.
func measureWaiting(ctx context.Context, o options, s *server) (any, error) {
	res := result{Measurement: "waiting", Executions: o.waiting}
	if err := createRunbook(ctx, s.ssm, "bench-sleep", sleepRunbook); err != nil {
		return res, err
	}
	res.BaselineRSSMiB, _, _ = s.memory()
	t0 := time.Now()
	if err := startMany(ctx, s.ssm, "bench-sleep", o.waiting, o.starters); err != nil {
		return res, err
	}
	res.StartSeconds = time.Since(t0).Seconds()
	res.StartsPerSec = float64(o.waiting) / res.StartSeconds
	if err := waitAsleep(ctx, s.ssm, o.waiting); err != nil {
		return res, err
	}
	res.SettleSeconds = time.Since(t0).Seconds()
	return res, readIdle(o, s, &res)
}

// readIdle reads memory, the CPU the server uses over o.idleCPUTime with
// every execution waiting, and the data dir size.
func readIdle(o options, s *server, res *result) error {
	c0, _ := s.cpu()
	time.Sleep(o.idleCPUTime)
	c1, _ := s.cpu()
	var err error
	res.IdleCores = (c1 - c0).Seconds() / o.idleCPUTime.Seconds()
	if res.RSSMiB, res.HWMMiB, err = s.memory(); err != nil {
		return err
	}
	res.KiBPerWaiting = (res.RSSMiB - res.BaselineRSSMiB) * 1024 / float64(o.waiting)
	res.DataDirMiB = s.dataDirMiB()
	return nil
}

// startMany starts n executions of doc from conc concurrent clients.
func startMany(ctx context.Context, c *ssm.Client, doc string, n, conc int) error {
	var next atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	for range conc {
		wg.Go(func() {
			for next.Add(1) <= int64(n) {
				_, err := c.StartAutomationExecution(ctx, &ssm.StartAutomationExecutionInput{DocumentName: aws.String(doc)})
				if err != nil {
					once.Do(func() { firstErr = fmt.Errorf("start %s: %w", doc, err) })
					return
				}
			}
		})
	}
	wg.Wait()
	return firstErr
}

// waitAsleep pages DescribeAutomationExecutions until want executions are
// InProgress in step Nap (asleep: aws:sleep reports InProgress, as in
// AWS), for up to five minutes.
func waitAsleep(ctx context.Context, c *ssm.Client, want int) error {
	deadline := time.Now().Add(5 * time.Minute)
	for {
		n, err := countAsleep(ctx, c)
		if err != nil {
			return err
		}
		if n == want {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("only %d of %d executions asleep after 5 minutes", n, want)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// countAsleep counts the executions InProgress in step Nap.
func countAsleep(ctx context.Context, c *ssm.Client) (int, error) {
	p := ssm.NewDescribeAutomationExecutionsPaginator(c, &ssm.DescribeAutomationExecutionsInput{
		MaxResults: aws.Int32(50),
		Filters: []types.AutomationExecutionFilter{{Key: types.AutomationExecutionFilterKeyExecutionStatus,
			Values: []string{string(types.AutomationExecutionStatusInprogress)}}},
	})
	n := 0
	for p.HasMorePages() {
		page, err := nextPage(ctx, p)
		if err != nil {
			return 0, fmt.Errorf("describe executions: %w", err)
		}
		for _, m := range page.AutomationExecutionMetadataList {
			if aws.ToString(m.CurrentStepName) == "Nap" {
				n++
			}
		}
	}
	return n, nil
}

// nextPage is p.NextPage, tried again (up to three times) when the SDK
// fails to read a 200 answer with net.ErrClosed: aws-sdk-go-v2 sometimes
// closes the connection of a large JSON response before its deserializer
// has read it (aws/aws-sdk-go-v2#2737; its default retryer retries this,
// the benchmark's client has retries off). The same pages read with plain
// net/http never fail.
func nextPage(ctx context.Context, p *ssm.DescribeAutomationExecutionsPaginator) (*ssm.DescribeAutomationExecutionsOutput, error) {
	for try := 1; ; try++ {
		page, err := p.NextPage(ctx)
		if err == nil || try == 3 || !errors.Is(err, net.ErrClosed) {
			return page, err
		}
	}
}
