package salvetest

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"
)

// RawResponse is the answer to a request sent without an SDK.
type RawResponse struct {
	Status int
	// Body is the decoded JSON body (empty when it is not an object).
	Body map[string]any
	// Text is the body as sent.
	Text string
	// Code and Message are `__type` and `message` of an error body.
	Code, Message string
}

// Raw posts body to an AWS JSON 1.1 operation (target "AmazonSSM.GetDocument")
// as-is, without an SDK — for requests the SDKs refuse to send (missing
// required members), so the server's own answer can be asserted. It is
// unsigned, so it reaches the default account in us-east-1.
func (e *Env) Raw(t testing.TB, target, body string) RawResponse {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.URL+"/", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("X-Amz-Target", target)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	out := RawResponse{Status: resp.StatusCode, Text: string(b), Body: map[string]any{}}
	_ = json.Unmarshal(b, &out.Body)
	out.Code, _ = out.Body["__type"].(string)
	out.Message, _ = out.Body["message"].(string)
	return out
}

// RequireAPIError asserts that err is the AWS error code and that its
// message holds every fragment; it returns the message.
func RequireAPIError(t testing.TB, err error, code string, fragments ...string) string {
	t.Helper()
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae), "want %s, got %v", code, err)
	require.Equal(t, code, ae.ErrorCode(), "message: %s", ae.ErrorMessage())
	for _, f := range fragments {
		require.Contains(t, ae.ErrorMessage(), f)
	}
	return ae.ErrorMessage()
}
