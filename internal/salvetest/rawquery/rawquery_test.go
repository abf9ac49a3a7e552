package rawquery_test

import (
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest/rawquery"
)

func TestPost(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		require.NoError(t, r.ParseForm())
		if r.PostForm.Get("Action") == "Fail" {
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `<?xml version="1.0"?><ErrorResponse><Error><Type>Sender</Type>`+
				`<Code>ValidationError</Code><Message>`+html.EscapeString(r.PostForm.Get("Tags.member.1.Key"))+`</Message></Error></ErrorResponse>`)
			return
		}
		_, _ = io.WriteString(w, `<OkResponse><OkResult><Error><Code>not an error</Code></Error></OkResult></OkResponse>`)
	}))
	t.Cleanup(srv.Close)

	res := rawquery.Post(t, srv.URL, url.Values{"Action": {"Fail"}, "Tags.member.1.Key": {"a b&c"}})
	require.Equal(t, rawquery.Response{Status: http.StatusBadRequest, Text: res.Text,
		Code: "ValidationError", Type: "Sender", Message: "a b&c"}, res, "the form is encoded as sent")

	ok := rawquery.Post(t, srv.URL, url.Values{"Action": {"Ok"}})
	require.Equal(t, http.StatusOK, ok.Status)
	require.Empty(t, ok.Code, "only an ErrorResponse is an error")
	require.Contains(t, ok.Text, "<OkResult>")
}
