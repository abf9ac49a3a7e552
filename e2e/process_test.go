package e2e

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/stretchr/testify/require"
)

// startTimeout bounds how long the binary may take to build, start or stop.
const startTimeout = 60 * time.Second

// buildSalve compiles cmd/salve into a temporary directory once per test.
func buildSalve(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "salve")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/salvehq/salve/cmd/salve").CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	return bin
}

// proc is one running salve process.
type proc struct {
	cmd    *exec.Cmd
	URL    string
	log    *syncBuffer
	exited chan struct{} // closed when the process has exited
	err    error         // Wait's result, valid once exited is closed
}

// listenLine finds the address the server bound ("--listen 127.0.0.1:0").
var listenLine = regexp.MustCompile(`msg="salve listening" addr=(\S+)`)

// startSalve runs `salve serve` on a free port over dataDir and waits until
// /_salve/health answers 200. The process is killed when the test ends.
func startSalve(t *testing.T, bin, dataDir string) *proc {
	t.Helper()
	p := &proc{log: &syncBuffer{}, exited: make(chan struct{})}
	p.cmd = exec.Command(bin, "serve", "--listen", "127.0.0.1:0", "--data-dir", dataDir)
	stderr, err := p.cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, p.cmd.Start())
	addr := make(chan string, 1)
	go p.readLog(stderr, addr)
	t.Cleanup(func() {
		_ = p.cmd.Process.Kill()
		<-p.exited
		if t.Failed() {
			t.Logf("salve log (%s):\n%s", dataDir, p.log.String())
		}
	})
	select {
	case a := <-addr:
		p.URL = "http://" + a
	case <-p.exited:
		t.Fatalf("salve exited during start-up (%v):\n%s", p.err, p.log.String())
	case <-time.After(startTimeout):
		t.Fatalf("salve did not log its address within %s:\n%s", startTimeout, p.log.String())
	}
	waitHealthy(t, p.URL)
	return p
}

// readLog copies the process's log into p.log, reports the listen address
// once, and records the exit status when the log ends.
func (p *proc) readLog(r io.Reader, addr chan<- string) {
	sc := bufio.NewScanner(r)
	sent := false
	for sc.Scan() {
		line := sc.Text()
		p.log.WriteLine(line)
		if m := listenLine.FindStringSubmatch(line); m != nil && !sent {
			addr <- m[1]
			sent = true
		}
	}
	_, _ = io.Copy(io.Discard, r)
	p.err = p.cmd.Wait()
	close(p.exited)
}

// waitHealthy polls /_salve/health until it answers 200 or the deadline passes.
func waitHealthy(t *testing.T, url string) {
	t.Helper()
	client := &http.Client{Timeout: 2 * time.Second}
	require.Eventually(t, func() bool {
		resp, err := client.Get(url + "/_salve/health")
		if err != nil {
			return false
		}
		_ = resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}, startTimeout, 20*time.Millisecond, "GET %s/_salve/health never answered 200", url)
}

// clients are SDK clients for one account of one server.
type clients struct {
	Config *configservice.Client
	SSM    *ssm.Client
}

// writerClients returns clients signed by accessKeyID (a 12-digit key is the
// account) with retries off, so that a success is exactly one answered
// request: the acknowledgement the crash test relies on.
func writerClients(url, accessKeyID string, httpClient *http.Client) clients {
	cfg := sdkConfig(url, accessKeyID)
	cfg.Retryer = func() aws.Retryer { return aws.NopRetryer{} }
	cfg.HTTPClient = httpClient
	return clients{Config: configservice.NewFromConfig(cfg), SSM: ssm.NewFromConfig(cfg)}
}

// checkClients returns clients with the SDK's standard retries, for reads
// that verify state. The retries matter: aws-sdk-go-v2 can close a
// connection under a response it is still reading when the server answers
// faster than the transport finishes writing the request ("use of closed
// network connection", aws/aws-sdk-go-v2#2737); the standard retryer
// retries that error.
func checkClients(url, accessKeyID string) clients {
	cfg := sdkConfig(url, accessKeyID)
	return clients{Config: configservice.NewFromConfig(cfg), SSM: ssm.NewFromConfig(cfg)}
}

func sdkConfig(url, accessKeyID string) aws.Config {
	return aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider(accessKeyID, "secret", ""),
		BaseEndpoint: aws.String(url),
	}
}

// syncBuffer is a log buffer safe for one writer and many readers.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

// WriteLine appends one log line.
func (s *syncBuffer) WriteLine(line string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Fprintln(&s.b, line)
}

// String returns everything logged so far.
func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
