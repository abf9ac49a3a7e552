package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// account is the account the bench's access key id names.
const account = "123456789012"

// buildSalve builds cmd/salve into dir.
func buildSalve(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "salve")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/salve")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("build salve (run from the repository root): %w", err)
	}
	return bin, nil
}

// server is a running `salve serve` with clients for it.
type server struct {
	cmd      *exec.Cmd
	endpoint string
	logPath  string
	config   *configservice.Client
	ssm      *ssm.Client
}

// startServer starts salve on a free port and a fresh data dir under tmp
// and waits until it answers its health check.
func startServer(ctx context.Context, o options, tmp, name string) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	s := &server{endpoint: "http://127.0.0.1:" + port, logPath: filepath.Join(tmp, name+".log")}
	logf, err := os.Create(s.logPath)
	if err != nil {
		return nil, err
	}
	defer logf.Close()
	s.cmd = exec.Command(o.salve, "serve", "--listen", "127.0.0.1:"+port,
		"--data-dir", filepath.Join(tmp, name+"-data"), "--log-level", o.logLevel)
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start salve: %w", err)
	}
	if err := s.waitHealthy(ctx); err != nil {
		s.stop()
		return nil, err
	}
	s.config, s.ssm = newClients(s.endpoint)
	return s, nil
}

// freePort asks the kernel for a free TCP port.
func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port), nil
}

// waitHealthy polls the health endpoint for up to 30 s.
func (s *server) waitHealthy(ctx context.Context) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.endpoint+"/_salve/health", nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("salve did not answer on %s within 30 s; see %s", s.endpoint, s.logPath)
}

// stop sends SIGTERM and waits for the server to exit.
func (s *server) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
}

// newClients are Config and SSM clients for endpoint without retries.
func newClients(endpoint string) (*configservice.Client, *ssm.Client) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = 64, 64
	hc := &http.Client{Transport: tr}
	creds := credentials.NewStaticCredentialsProvider(account, "secret", "")
	cfg := configservice.New(configservice.Options{Region: "us-east-1", BaseEndpoint: aws.String(endpoint),
		Credentials: creds, HTTPClient: hc, Retryer: aws.NopRetryer{}})
	sm := ssm.New(ssm.Options{Region: "us-east-1", BaseEndpoint: aws.String(endpoint),
		Credentials: creds, HTTPClient: hc, Retryer: aws.NopRetryer{}})
	return cfg, sm
}
