package sns_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest/rawquery"
)

// TestWire_MissingMembers posts raw Query requests (the SDK would refuse
// to send them) and reads AWS's error document.
func TestWire_MissingMembers(t *testing.T) {
	t.Parallel()
	e := setup(t)
	cases := map[string]struct {
		form       url.Values
		code, text string
	}{
		"Subscribe":   {url.Values{"Action": {"Subscribe"}, "TopicArn": {"arn:aws:sns:us-east-1:123456789012:t"}}, "ValidationError", "Value null at 'protocol' failed to satisfy constraint: Member must not be null"},
		"CreateTopic": {url.Values{"Action": {"CreateTopic"}}, "ValidationError", "Value null at 'name'"},
		"Publish":     {url.Values{"Action": {"Publish"}, "TopicArn": {"arn:aws:sns:us-east-1:123456789012:t"}}, "ValidationError", "'message'"},
		"TagResource": {url.Values{"Action": {"TagResource"}, "ResourceArn": {"arn:aws:sns:us-east-1:123456789012:t"}}, "ValidationError", "'tags'"},
		"TagWithoutValue": {url.Values{"Action": {"TagResource"}, "ResourceArn": {"arn:aws:sns:us-east-1:123456789012:t"},
			"Tags.member.1.Key": {"k"}}, "ValidationError", "2 validation errors detected: Value null at 'tags.1.member.value'"},
		"UntagWithoutKeys": {url.Values{"Action": {"UntagResource"}, "ResourceArn": {"arn:aws:sns:us-east-1:123456789012:t"}},
			"ValidationError", "1 validation error detected: Value null at 'tagKeys'"},
		"AttributeWithoutKey": {url.Values{"Action": {"CreateTopic"}, "Name": {"t"}, "Attributes.entry.1.value": {"v"}},
			"ValidationError", "1 validation error detected: Value null at 'attributes.entry.1.key' failed to satisfy constraint: Member must not be null"},
		"NotABoolean": {url.Values{"Action": {"Subscribe"}, "TopicArn": {"arn:aws:sns:us-east-1:123456789012:t"}, "Protocol": {"sqs"},
			"ReturnSubscriptionArn": {"maybe"}}, "ValidationError", "Value 'maybe' at 'returnSubscriptionArn' failed to satisfy constraint: Member must be a boolean"},
		"BinaryNotBase64": {url.Values{"Action": {"Publish"}, "TopicArn": {"arn:aws:sns:us-east-1:123456789012:t"}, "Message": {"m"},
			"MessageAttributes.entry.1.Name": {"a"}, "MessageAttributes.entry.1.Value.DataType": {"Binary"},
			"MessageAttributes.entry.1.Value.BinaryValue": {"!!"}}, "ValidationError", "'messageAttributes.entry.1.value.binaryValue'"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			tc.form.Set("Version", "2010-03-31")
			res := rawquery.Post(t, e.URL, tc.form)
			require.Equal(t, http.StatusBadRequest, res.Status, res.Text)
			require.Equal(t, tc.code, res.Code)
			require.Equal(t, "Sender", res.Type)
			require.Contains(t, res.Message, tc.text)
		})
	}
}
