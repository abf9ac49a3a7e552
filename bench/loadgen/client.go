package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// client sends SigV4-signed AWS JSON 1.1 requests over a pool of exactly
// as many keep-alive connections as there are workers.
type client struct {
	endpoint string
	region   string
	creds    aws.Credentials
	signer   *v4.Signer
	http     *http.Client
}

func newClient(endpoint, region, accessKey string, conns int) *client {
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        conns,
		MaxIdleConnsPerHost: conns,
		MaxConnsPerHost:     conns,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
	}
	return &client{
		endpoint: strings.TrimRight(endpoint, "/") + "/",
		region:   region,
		creds:    aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: "bench-secret"},
		signer:   v4.NewSigner(),
		http:     &http.Client{Transport: tr, Timeout: 30 * time.Second},
	}
}

// service is one JSON 1.1 service: its target prefix and signing name.
type service struct {
	targetPrefix string
	signingName  string
}

var (
	configService = service{"StarlingDoveService", "config"}
	ssmService    = service{"AmazonSSM", "ssm"}
)

// apiError is a non-2xx answer.
type apiError struct {
	Status int
	Code   string
	Msg    string
}

func (e *apiError) Error() string { return fmt.Sprintf("HTTP %d %s: %s", e.Status, e.Code, e.Msg) }

// call signs and sends one request and reads the whole answer (so the
// connection is reused). The response body is returned on 2xx.
func (c *client) call(ctx context.Context, svc service, op string, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", svc.targetPrefix+"."+op)
	sum := sha256.Sum256(body)
	if err := c.signer.SignHTTP(ctx, c.creds, req, hex.EncodeToString(sum[:]), svc.signingName, c.region, time.Now()); err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		return nil, decodeError(resp, out)
	}
	return out, nil
}

// decodeError reads the AWS JSON error shape ({"__type", "message"}).
func decodeError(resp *http.Response, body []byte) error {
	var e struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
		Msg2    string `json:"Message"`
	}
	_ = json.Unmarshal(body, &e)
	code := resp.Header.Get("X-Amzn-ErrorType")
	if code == "" {
		code = e.Type
	}
	if i := strings.LastIndex(code, "#"); i >= 0 {
		code = code[i+1:]
	}
	if i := strings.Index(code, ":"); i >= 0 {
		code = code[:i]
	}
	if code == "" {
		code = "HTTP" + fmt.Sprint(resp.StatusCode)
	}
	return &apiError{Status: resp.StatusCode, Code: code, Msg: e.Message + e.Msg2}
}
