package expr_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/expr"
)

// now is the fixed time of the test environments.
var now = time.Date(2024, 3, 5, 7, 8, 9, 0, time.FixedZone("CET", 3600))

// testEnv returns an environment holding the values the tests refer to.
func testEnv() *expr.Env {
	return &expr.Env{
		Parameters: map[string]any{
			"InstanceId":             []any{"i-0123", "i-0456"},
			"GroupId":                "sg-0abc",
			"BlockPublicAcls":        true,
			"IgnorePublicAcls":       false,
			"StabilizationPeriod":    "300",
			"MaxAggregationInterval": 600,
			"RequiredTags":           map[string]any{"Owner": "ops"},
			"Approvers":              []string{"alice", "bob"},
			"Filters":                []any{map[string]any{"Key": "AgentType", "Values": []any{"ssm"}}},
			"IpAddressToBlock":       "",
			"ForceReplace":           true,
		},
		Variables: map[string]any{"NextToken": "tok-1"},
		Outputs: map[string]map[string]any{
			"DescribeInstanceProfile": {"AssociationId": "iip-assoc-1"},
			"GetState":                {"Code": 16.0, "Enabled": "True", "Count": "5"},
		},
		Loops:       map[string]expr.Iteration{"EachGroup": {Value: "sg-0def", Index: 2}},
		AccountID:   "111122223333",
		Region:      "cn-north-1",
		ExecutionID: "4c4e6d76-1234-4d2b-9d63-0f0a6b8e7c10",
		Now:         now,
	}
}

// runbook parses a schema 0.3 document made of the given parameters JSON
// object, the given steps and an aws:pause step for each extra name
// (targets of branches).
func runbook(t *testing.T, params string, steps []string, targets ...string) *automation.Document {
	t.Helper()
	for _, name := range targets {
		steps = append(steps, `{"name":"`+name+`","action":"aws:pause","inputs":{}}`)
	}
	if params == "" {
		params = "{}"
	}
	content := `{"schemaVersion":"0.3","assumeRole":"{{ AutomationAssumeRole }}","parameters":` + params +
		`,"mainSteps":[` + strings.Join(steps, ",") + `]}`
	doc, err := automation.Parse([]byte(content), "JSON")
	require.NoError(t, err)
	return doc
}

// branchStep wraps a Choices JSON array (and optional Default) in an
// aws:branch step named Branch.
func branchStep(choices, def string) string {
	in := `{"Choices":` + choices
	if def != "" {
		in += `,"Default":"` + def + `"`
	}
	return `{"name":"Branch","action":"aws:branch","inputs":` + in + `}}`
}

// decode parses JSON test data.
func decode(t *testing.T, s string) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal([]byte(s), &v))
	return v
}
