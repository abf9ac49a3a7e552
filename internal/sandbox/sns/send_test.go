package sns

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRetriesAndContentType(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		topic, sub  string
		retries     int
		contentType string
	}{
		"Defaults":      {"", "", 3, "text/plain; charset=UTF-8"},
		"Topic":         {`{"http":{"defaultHealthyRetryPolicy":{"numRetries":7},"defaultRequestPolicy":{"headerContentType":"application/json"}}}`, "", 7, "application/json"},
		"Subscription":  {`{"http":{"defaultHealthyRetryPolicy":{"numRetries":7}}}`, `{"healthyRetryPolicy":{"numRetries":0},"requestPolicy":{"headerContentType":"text/xml"}}`, 0, "text/xml"},
		"Capped":        {`{"http":{"defaultHealthyRetryPolicy":{"numRetries":1000}}}`, "", 100, "text/plain; charset=UTF-8"},
		"Negative":      {"", `{"healthyRetryPolicy":{"numRetries":-4}}`, 0, "text/plain; charset=UTF-8"},
		"NotJSON":       {"{", "[", 3, "text/plain; charset=UTF-8"},
		"HeaderNewline": {"", `{"requestPolicy":{"headerContentType":"a\r\nb: c"}}`, 3, "text/plain; charset=UTF-8"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			top := &Topic{Attributes: map[string]string{AttrDeliveryPolicy: tc.topic}}
			sub := &Subscription{Attributes: map[string]string{"DeliveryPolicy": tc.sub}}
			require.Equal(t, tc.retries, retries(top, sub))
			require.Equal(t, tc.contentType, contentType(top, sub))
		})
	}
}

func TestMessageFor(t *testing.T) {
	t.Parallel()
	structured := &Delivery{MessageStructure: "json", Message: `{"default":"d","https":"s","email":"e"}`}
	require.Equal(t, "s", messageFor(structured, "https"))
	require.Equal(t, "e", messageFor(structured, "email"))
	require.Equal(t, "d", messageFor(structured, "http"))
	require.Equal(t, `{"a":1}`, messageFor(&Delivery{Message: `{"a":1}`}, "http"), "a plain message is sent as is")
}
