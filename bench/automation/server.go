package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/salvehq/salve/internal/salvetest/salveproc"
)

// clockTicks is USER_HZ, the unit of utime and stime in /proc/<pid>/stat
// (100 on Linux for every common architecture).
const clockTicks = 100

// server is a running `salve serve` with an SSM client for it.
type server struct {
	*salveproc.Process
	ssm *ssm.Client
}

// startServer starts salve on a free port and a fresh data dir under tmp
// and waits until it answers its health check.
func startServer(ctx context.Context, o options, tmp, name string) (*server, error) {
	proc, err := salveproc.Start(ctx, salveproc.Params{Bin: o.salve, LogLevel: o.logLevel,
		DataDir: filepath.Join(tmp, name+"-data"), LogPath: filepath.Join(tmp, name+".log")})
	if err != nil {
		return nil, err
	}
	return &server{Process: proc, ssm: newSSM(proc.Endpoint, 4*max(o.clients, o.starters))}, nil
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
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.Cmd.Process.Pid))
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
	server, _ = processCPU(strconv.Itoa(s.Cmd.Process.Pid))
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
	_ = filepath.WalkDir(s.DataDir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return float64(n) / (1 << 20)
}
