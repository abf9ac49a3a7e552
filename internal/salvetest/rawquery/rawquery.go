// Package rawquery posts AWS Query-protocol forms to a test server as-is,
// without an SDK: for requests the SDKs refuse to send (missing required
// members, malformed lists), so the server's own answer can be asserted.
package rawquery

import (
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Response is the server's answer.
type Response struct {
	// Status is the HTTP status code.
	Status int
	// Text is the body as sent.
	Text string
	// Code, Type ("Sender" or "Receiver") and Message are read from an
	// error document (<ErrorResponse><Error>); empty for a result.
	Code, Type, Message string
}

// Post posts form to the server at endpoint, unsigned (so it reaches the
// default account in us-east-1), and reads the answer.
func Post(t testing.TB, endpoint string, form url.Values) Response {
	t.Helper()
	resp, err := http.Post(endpoint, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	out := Response{Status: resp.StatusCode, Text: string(body)}
	var doc struct {
		XMLName xml.Name
		Code    string `xml:"Error>Code"`
		Type    string `xml:"Error>Type"`
		Message string `xml:"Error>Message"`
	}
	if xml.Unmarshal(body, &doc) == nil && doc.XMLName.Local == "ErrorResponse" {
		out.Code, out.Type, out.Message = doc.Code, doc.Type, doc.Message
	}
	return out
}
