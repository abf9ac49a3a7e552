package motoserver

import (
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/salvehq/salve/internal/awscall"
)

// Start runs moto_server on a free port until the test ends and
// returns its URL; the test is skipped when moto_server is not on PATH.
func Start(t testing.TB) string {
	t.Helper()
	bin, err := exec.LookPath("moto_server")
	if err != nil {
		t.Skip("moto_server is not on PATH (pip install 'moto[server]')")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("find a free port for moto_server: %v", err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	cmd := exec.Command(bin, "-H", "127.0.0.1", "-p", port)
	if err := cmd.Start(); err != nil {
		t.Fatalf("start moto_server: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	url := "http://127.0.0.1:" + port
	waitForHTTP(t, url+"/moto-api/")
	return url
}

// Remote is the runbook caller's configuration for a moto_server at
// url: any key, one attempt, a fresh connection per call (moto's
// development server drops reused connections now and then).
func Remote(url string) *awscall.RemoteConfig {
	return &awscall.RemoteConfig{Endpoint: url, Region: "us-east-1",
		AccessKeyID: "testing", SecretAccessKey: "testing", MaxAttempts: 1,
		HTTPClient: &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}}
}

// waitForHTTP polls url until it answers or 60 seconds pass.
func waitForHTTP(t testing.TB, url string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get(url); err == nil {
			res.Body.Close()
			return
		}
		time.Sleep(100 * time.Millisecond) // polling an external process: there is no clock to advance
	}
	t.Fatalf("moto_server did not answer at %s within 60s", url)
}
