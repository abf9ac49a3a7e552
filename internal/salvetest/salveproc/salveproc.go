// Package salveproc builds the salve binary and runs `salve serve` as a
// child process on a free port, for end-to-end tests and benchmark
// programs that must drive the real binary.
package salveproc

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
)

// Build builds cmd/salve into dir and returns the binary's path. It runs
// `go build` in the working directory, which must be the repository root.
func Build(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "salve")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/salve")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("build salve (run from the repository root): %w", err)
	}
	return bin, nil
}

// Params describe one server.
type Params struct {
	// Bin is the salve binary.
	Bin string
	// DataDir is the server's --data-dir; LogPath receives its output.
	DataDir, LogPath string
	// LogLevel is --log-level ("info" when empty).
	LogLevel string
	// Args are further `salve serve` flags.
	Args []string
}

// Process is a running `salve serve`.
type Process struct {
	Cmd      *exec.Cmd
	Endpoint string
	DataDir  string
	LogPath  string
}

// Start runs `salve serve` on a free port and waits until its health
// check answers.
func Start(ctx context.Context, p Params) (*Process, error) {
	port, err := FreePort()
	if err != nil {
		return nil, err
	}
	if p.LogLevel == "" {
		p.LogLevel = "info"
	}
	logf, err := os.Create(p.LogPath)
	if err != nil {
		return nil, err
	}
	defer logf.Close()
	args := append([]string{"serve", "--listen", "127.0.0.1:" + port, "--data-dir", p.DataDir,
		"--log-level", p.LogLevel}, p.Args...)
	proc := &Process{Cmd: exec.Command(p.Bin, args...), Endpoint: "http://127.0.0.1:" + port,
		DataDir: p.DataDir, LogPath: p.LogPath}
	proc.Cmd.Stdout, proc.Cmd.Stderr = logf, logf
	if err := proc.Cmd.Start(); err != nil {
		return nil, fmt.Errorf("start salve: %w", err)
	}
	if err := proc.waitHealthy(ctx); err != nil {
		proc.Stop()
		return nil, err
	}
	return proc, nil
}

// FreePort asks the kernel for a free TCP port.
func FreePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port), nil
}

// waitHealthy polls the health endpoint for up to 30 s.
func (p *Process) waitHealthy(ctx context.Context) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, p.Endpoint+"/_salve/health", nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("salve did not answer on %s within 30 s; see %s", p.Endpoint, p.LogPath)
}

// Stop sends SIGTERM and waits for the server to exit (SIGKILL after 20 s).
func (p *Process) Stop() {
	_ = p.Cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = p.Cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		_ = p.Cmd.Process.Kill()
		<-done
	}
}
