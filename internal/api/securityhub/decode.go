package securityhub

import (
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/awsproto"
)

// decode reads a request's JSON body into v (an empty body is an empty
// object); malformed JSON is a SerializationException naming the member.
func decode(q *request, v any) error {
	return awsproto.DecodeJSON(q.body, v)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// errMessage returns the message of an AWS error, or the error's text.
func errMessage(err error) string {
	if ae, ok := awserr.As(err); ok {
		return ae.Message
	}
	return err.Error()
}
