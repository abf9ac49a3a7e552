package events_test

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/stretchr/testify/require"

	apievents "github.com/salvehq/salve/internal/api/events"
	"github.com/salvehq/salve/internal/events"
)

func TestOperationNames(t *testing.T) {
	t.Parallel()
	got := apievents.OperationNames()
	slices.Sort(got)
	require.Equal(t, []string{"CreateEventBus", "DeleteEventBus", "DeleteRule", "DescribeEventBus", "DescribeRule",
		"DisableRule", "EnableRule", "ListEventBuses", "ListRuleNamesByTarget", "ListRules", "ListTagsForResource",
		"ListTargetsByRule", "PutEvents", "PutRule", "PutTargets", "RemoveTargets", "TagResource", "TestEventPattern",
		"UntagResource"}, got)
}

func TestUnsupportedOperation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	_, err := e.EB.CreateArchive(context.Background(), &eventbridge.CreateArchiveInput{ArchiveName: aws.String("a"),
		EventSourceArn: aws.String("arn:aws:events:us-east-1:123456789012:event-bus/default")})
	requireCode(t, err, "UnknownOperationException")
}

func TestErrorCodesHaveStatuses(t *testing.T) {
	t.Parallel()
	for code, status := range events.Statuses {
		require.NotEmpty(t, code)
		require.Contains(t, []int{400, 500}, status, code)
		require.Equal(t, status, events.Err(code, "x").HTTPStatus(), code)
	}
}

// TestMalformedBody sends what the SDK would refuse to: bodies missing a
// required member or with a member of the wrong type.
func TestMalformedBody(t *testing.T) {
	t.Parallel()
	e := setup(t)
	cases := []struct{ body, code, message string }{
		{`{}`, "ValidationException", "Value null at 'name' failed to satisfy constraint: Member must not be null"},
		{`{"Name": 5}`, "SerializationException", "/Name"},
		{`{"Name": "r", "EventPattern": `, "SerializationException", "not valid JSON"},
	}
	for _, c := range cases {
		req, err := http.NewRequest(http.MethodPost, e.URL, strings.NewReader(c.body))
		require.NoError(t, err)
		req.Header.Set("X-Amz-Target", "AWSEvents.PutRule")
		req.Header.Set("Content-Type", "application/x-amz-json-1.1")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		var out struct {
			Type    string `json:"__type"`
			Message string `json:"message"`
		}
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
		resp.Body.Close()
		require.Equal(t, http.StatusBadRequest, resp.StatusCode, c.body)
		require.Equal(t, c.code, out.Type, c.body)
		require.Contains(t, out.Message, c.message, c.body)
	}
}
