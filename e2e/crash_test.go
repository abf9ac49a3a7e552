package e2e

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	cfgtypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"
)

const (
	// crashWriters is how many goroutines write concurrently.
	crashWriters = 16
	// crashKillAfter is how many acknowledged writes happen before SIGKILL;
	// the writers keep going, so the kill lands mid-stream.
	crashKillAfter = 400
)

// runbookYAML is the content of every document the crash test creates.
const runbookYAML = `schemaVersion: '0.3'
description: crash test runbook
parameters:
  InstanceId:
    type: String
mainSteps:
  - name: Wait
    action: aws:sleep
    inputs:
      Duration: PT1S
`

// ackedWrite is one write the server answered with 2xx.
type ackedWrite struct {
	account string
	rule    string // a rule name, or ""
	doc     string // a document name, or ""
}

// TestCrash_AcknowledgedWritesSurviveKill kills salve with SIGKILL while 16
// clients write, restarts it on the same data dir and checks that every
// write that was acknowledged is there.
func TestCrash_AcknowledgedWritesSurviveKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the salve binary; skipped with -short")
	}
	bin := buildSalve(t)
	dataDir := filepath.Join(t.TempDir(), "data")
	first := startSalve(t, bin, dataDir)

	acked := writeUntilKilled(t, first)
	t.Logf("%d writes acknowledged before SIGKILL", len(acked))

	second := startSalve(t, bin, dataDir)
	requireAllPresent(t, second.URL, acked)
	requireWritable(t, second.URL)
}

// writeUntilKilled runs the writers, kills the process once crashKillAfter
// writes were acknowledged, and returns every acknowledged write.
func writeUntilKilled(t *testing.T, p *proc) []ackedWrite {
	t.Helper()
	httpClient := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: crashWriters}}
	var (
		mu      sync.Mutex
		acked   []ackedWrite
		count   atomic.Int64
		reached = make(chan struct{})
		once    sync.Once
		wg      sync.WaitGroup
		stopCh  = make(chan struct{})
		stop    = sync.OnceFunc(func() { close(stopCh) })
	)
	defer stop() // also on t.Fatal, so no writer outlives the test
	record := func(w ackedWrite) {
		mu.Lock()
		acked = append(acked, w)
		mu.Unlock()
		if count.Add(1) == crashKillAfter {
			once.Do(func() { close(reached) })
		}
	}
	for g := range crashWriters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			account := fmt.Sprintf("1000000000%02d", g)
			writeLoop(writerClients(p.URL, account, httpClient), account, stopCh, record)
		}()
	}
	select {
	case <-reached:
	case <-p.exited:
		t.Fatalf("salve exited while the writers ran (%v)", p.err)
	case <-time.After(startTimeout):
		t.Fatalf("only %d writes acknowledged within %s", count.Load(), startTimeout)
	}
	require.NoError(t, p.cmd.Process.Signal(syscall.SIGKILL))
	<-p.exited
	stop()
	wg.Wait()
	return acked
}

// writeLoop alternates PutConfigRule and CreateDocument with unique names
// until stop is closed and records each success. A failed write is not an
// acknowledgement; it is neither recorded nor checked.
func writeLoop(c clients, account string, stop <-chan struct{}, record func(ackedWrite)) {
	ctx := context.Background()
	for i := 0; ; i++ {
		select {
		case <-stop:
			return
		default:
		}
		name := fmt.Sprintf("crash-%s-%04d", account, i)
		var err error
		w := ackedWrite{account: account}
		if i%2 == 0 {
			w.rule = name
			_, err = c.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: managedRule(name)})
		} else {
			w.doc = name
			_, err = c.SSM.CreateDocument(ctx, &ssm.CreateDocumentInput{
				Name: aws.String(name), Content: aws.String(runbookYAML),
				DocumentType: ssmtypes.DocumentTypeAutomation, DocumentFormat: ssmtypes.DocumentFormatYaml,
			})
		}
		if err == nil {
			record(w)
		}
	}
}

func managedRule(name string) *cfgtypes.ConfigRule {
	return &cfgtypes.ConfigRule{
		ConfigRuleName: aws.String(name),
		Scope:          &cfgtypes.Scope{ComplianceResourceTypes: []string{"AWS::S3::Bucket"}},
		Source: &cfgtypes.Source{Owner: cfgtypes.OwnerAws,
			SourceIdentifier: aws.String("S3_BUCKET_VERSIONING_ENABLED")},
	}
}

// requireAllPresent checks every acknowledged rule (DescribeConfigRules by
// name, 25 at a time) and document (DescribeDocument).
func requireAllPresent(t *testing.T, url string, acked []ackedWrite) {
	t.Helper()
	ctx := context.Background()
	rules := map[string][]string{}
	var docs []ackedWrite
	for _, w := range acked {
		if w.rule != "" {
			rules[w.account] = append(rules[w.account], w.rule)
		} else {
			docs = append(docs, w)
		}
	}
	for account, names := range rules {
		c := checkClients(url, account)
		for start := 0; start < len(names); start += 25 {
			batch := names[start:min(start+25, len(names))]
			out, err := c.Config.DescribeConfigRules(ctx, &configservice.DescribeConfigRulesInput{ConfigRuleNames: batch})
			require.NoError(t, err, "acknowledged rules of account %s lost after SIGKILL: %v", account, batch)
			require.Len(t, out.ConfigRules, len(batch), "account %s", account)
		}
	}
	for _, w := range docs {
		out, err := checkClients(url, w.account).SSM.DescribeDocument(ctx, &ssm.DescribeDocumentInput{Name: aws.String(w.doc)})
		require.NoError(t, err, "acknowledged document %s of account %s lost after SIGKILL", w.doc, w.account)
		require.Equal(t, w.doc, aws.ToString(out.Document.Name))
	}
	t.Logf("all %d rules in %d accounts and %d documents found after restart", len(acked)-len(docs), len(rules), len(docs))
}

// requireWritable checks that the restarted server takes and returns a write.
func requireWritable(t *testing.T, url string) {
	t.Helper()
	ctx := context.Background()
	c := checkClients(url, "100000000099")
	_, err := c.Config.PutConfigRule(ctx, &configservice.PutConfigRuleInput{ConfigRule: managedRule("after-restart")})
	require.NoError(t, err)
	out, err := c.Config.DescribeConfigRules(ctx, &configservice.DescribeConfigRulesInput{ConfigRuleNames: []string{"after-restart"}})
	require.NoError(t, err)
	require.Len(t, out.ConfigRules, 1)
}

// TestShutdown_SIGTERMStopsCleanly sends SIGTERM and expects exit status 0
// within the deadline, the "stopped cleanly" log line, and the data intact.
func TestShutdown_SIGTERMStopsCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and signals the salve binary; skipped with -short")
	}
	bin := buildSalve(t)
	dataDir := filepath.Join(t.TempDir(), "data")
	p := startSalve(t, bin, dataDir)
	_, err := checkClients(p.URL, "100000000001").Config.PutConfigRule(context.Background(),
		&configservice.PutConfigRuleInput{ConfigRule: managedRule("before-sigterm")})
	require.NoError(t, err)

	require.NoError(t, p.cmd.Process.Signal(syscall.SIGTERM))
	select {
	case <-p.exited:
	case <-time.After(startTimeout):
		t.Fatalf("salve did not exit within %s of SIGTERM", startTimeout)
	}
	var exitErr interface{ ExitCode() int }
	if errors.As(p.err, &exitErr) {
		t.Fatalf("salve exited with status %d after SIGTERM, want 0", exitErr.ExitCode())
	}
	require.NoError(t, p.err)
	require.Contains(t, p.log.String(), "stopped cleanly")

	again := startSalve(t, bin, dataDir)
	out, err := checkClients(again.URL, "100000000001").Config.DescribeConfigRules(context.Background(),
		&configservice.DescribeConfigRulesInput{ConfigRuleNames: []string{"before-sigterm"}})
	require.NoError(t, err)
	require.Len(t, out.ConfigRules, 1)
}
