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
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/salvehq/salve/internal/salvetest/salveproc"
)

// account is the account the bench's access key id names.
const account = "123456789012"

// clockTicks is USER_HZ, the unit of utime and stime in /proc/<pid>/stat.
const clockTicks = 100

// server is a running `salve serve` with clients for it.
type server struct {
	*salveproc.Process
	config *configservice.Client
	s3     *s3.Client
}

// startServer starts salve on a free port and a fresh data dir under tmp
// and waits until it answers its health check.
func startServer(ctx context.Context, o options, tmp, name string) (*server, error) {
	proc, err := salveproc.Start(ctx, salveproc.Params{Bin: o.salve, LogLevel: o.logLevel,
		DataDir: filepath.Join(tmp, name+"-data"), LogPath: filepath.Join(tmp, name+".log")})
	if err != nil {
		return nil, err
	}
	s := &server{Process: proc}
	s.config, s.s3 = newClients(proc.Endpoint, 2*max(o.clients, 1))
	return s, nil
}

// newClients are Config and S3 (path-style) clients for endpoint with
// conns keep-alive connections and no retries: a failed call is an error
// of the run.
func newClients(endpoint string, conns int) (*configservice.Client, *s3.Client) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = conns, conns
	hc := &http.Client{Transport: tr}
	creds := credentials.NewStaticCredentialsProvider(account, "secret", "")
	cfg := configservice.New(configservice.Options{Region: "us-east-1", BaseEndpoint: aws.String(endpoint),
		Credentials: creds, HTTPClient: hc, Retryer: aws.NopRetryer{}})
	s3c := s3.New(s3.Options{Region: "us-east-1", BaseEndpoint: aws.String(endpoint), UsePathStyle: true,
		Credentials: creds, HTTPClient: hc, Retryer: aws.NopRetryer{}})
	return cfg, s3c
}

// memory is the server's resident set (VmRSS) and its peak (VmHWM) in MiB.
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
// used so far.
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

// ms is d in milliseconds, rounded to 0.01.
func ms(d time.Duration) float64 {
	return float64(d.Round(10*time.Microsecond).Microseconds()) / 1000
}
