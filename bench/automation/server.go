package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// clockTicks is USER_HZ, the unit of utime and stime in /proc/<pid>/stat
// (100 on Linux for every common architecture).
const clockTicks = 100

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

// server is a running `salve serve`.
type server struct {
	cmd      *exec.Cmd
	endpoint string
	dataDir  string
	logPath  string
	ssm      *ssm.Client
}

// startServer starts salve on a free port and a fresh data dir under tmp
// and waits until it answers its health check.
func startServer(ctx context.Context, o options, tmp, name string) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	s := &server{endpoint: "http://127.0.0.1:" + port, dataDir: filepath.Join(tmp, name+"-data"),
		logPath: filepath.Join(tmp, name+".log")}
	logf, err := os.Create(s.logPath)
	if err != nil {
		return nil, err
	}
	defer logf.Close()
	s.cmd = exec.Command(o.salve, "serve", "--listen", "127.0.0.1:"+port, "--data-dir", s.dataDir,
		"--log-level", o.logLevel)
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start salve: %w", err)
	}
	if err := s.waitHealthy(ctx); err != nil {
		s.stop()
		return nil, err
	}
	s.ssm = newSSM(s.endpoint, 4*max(o.clients, o.starters))
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

// newSSM is an SSM client for endpoint with conns keep-alive connections
// and no retries (a throttled or failed call is an error of the run).
func newSSM(endpoint string, conns int) *ssm.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = conns, conns
	return ssm.New(ssm.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider("123456789012", "secret", ""),
		HTTPClient:   &http.Client{Transport: tr},
		Retryer:      aws.NopRetryer{},
	})
}

// memory is the resident set (VmRSS) and its peak (VmHWM) in MiB.
func (s *server) memory() (rss, hwm float64, err error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ":")
		switch k {
		case "VmRSS":
			rss = kib(v) / 1024
		case "VmHWM":
			hwm = kib(v) / 1024
		}
	}
	return rss, hwm, sc.Err()
}

// kib parses a /proc/<pid>/status size such as "  12345 kB".
func kib(v string) float64 {
	n, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
	return n
}

// cpu is the CPU time (user + system) the server and this program have
// used.
func (s *server) cpu() (server, self time.Duration) {
	server, _ = processCPU(strconv.Itoa(s.cmd.Process.Pid))
	self, _ = processCPU("self")
	return server, self
}

// processCPU is the CPU time a process has used, from /proc/<pid>/stat.
func processCPU(pid string) (time.Duration, error) {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0, err
	}
	// The command name may hold spaces; the fields after it are fixed.
	i := strings.LastIndexByte(string(b), ')')
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, errors.New("short /proc stat line")
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * time.Second / clockTicks, nil
}

// dataDirMiB is the size of the server's data dir.
func (s *server) dataDirMiB() float64 {
	var n int64
	_ = filepath.WalkDir(s.dataDir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return float64(n) / (1 << 20)
}
