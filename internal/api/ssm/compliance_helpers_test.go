package ssm_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// Managed node IDs used by the compliance tests.
const (
	ciNodeA = "i-0123456789abcdef0"
	ciNodeB = "i-0aaaaaaaaaaaaaaaa"
	ciNodeC = "mi-0123456789abcdef0"
)

// ciExecTime is the ExecutionTime the compliance tests upload.
var ciExecTime = time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC)

// ciItem returns a compliance item entry.
func ciItem(id, status, severity string) types.ComplianceItemEntry {
	e := types.ComplianceItemEntry{Status: types.ComplianceStatus(status), Severity: types.ComplianceSeverity(severity)}
	if id != "" {
		e.Id = aws.String(id)
		e.Title = aws.String("title of " + id)
	}
	return e
}

// ciPutInput returns a COMPLETE PutComplianceItems request.
func ciPutInput(resourceID, complianceType string, items ...types.ComplianceItemEntry) *ssm.PutComplianceItemsInput {
	if items == nil {
		items = []types.ComplianceItemEntry{}
	}
	return &ssm.PutComplianceItemsInput{
		ResourceId: aws.String(resourceID), ResourceType: aws.String("ManagedInstance"),
		ComplianceType: aws.String(complianceType),
		ExecutionSummary: &types.ComplianceExecutionSummary{
			ExecutionTime: aws.Time(ciExecTime), ExecutionId: aws.String("exec-1"), ExecutionType: aws.String("Command"),
		},
		Items: items,
	}
}

// ciMustPut uploads items and fails the test on error.
func ciMustPut(t *testing.T, c *ssm.Client, in *ssm.PutComplianceItemsInput) {
	t.Helper()
	_, err := c.PutComplianceItems(context.Background(), in)
	require.NoError(t, err)
}

// requireComplianceErr asserts err is the AWS error code and returns its
// message. InvalidResourceId and InvalidResourceType have no message member
// in the model, so the SDK drops their message (ciRaw sees it).
func requireComplianceErr(t *testing.T, err error, code string) string {
	t.Helper()
	msg := salvetest.RequireAPIError(t, err, code)
	if code != "InvalidResourceId" && code != "InvalidResourceType" {
		require.NotEmpty(t, msg)
	}
	return msg
}

// ciItemIDs lists the Ids of the items of one resource and compliance type.
func ciItemIDs(t *testing.T, c *ssm.Client, resourceID, complianceType string) []string {
	t.Helper()
	in := &ssm.ListComplianceItemsInput{ResourceIds: []string{resourceID}, MaxResults: aws.Int32(50),
		Filters: []types.ComplianceStringFilter{{Key: aws.String("ComplianceType"), Values: []string{complianceType},
			Type: types.ComplianceQueryOperatorTypeEqual}}}
	var ids []string
	p := ssm.NewListComplianceItemsPaginator(c, in)
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		require.NoError(t, err)
		for _, it := range page.ComplianceItems {
			ids = append(ids, aws.ToString(it.Id))
		}
	}
	return ids
}

// ciRaw sends body to an SSM operation as-is, bypassing the SDK's checks.
func ciRaw(t *testing.T, env *salvetest.Env, op, body string) salvetest.RawResponse {
	t.Helper()
	return env.Raw(t, "AmazonSSM."+op, body)
}

// ciRawPutBody is a valid PutComplianceItems body with members replaced or
// removed (a nil value removes the member).
func ciRawPutBody(t *testing.T, change map[string]any) string {
	t.Helper()
	body := map[string]any{
		"ResourceId": ciNodeA, "ResourceType": "ManagedInstance", "ComplianceType": "Custom:Raw",
		"ExecutionSummary": map[string]any{"ExecutionTime": 1790000000},
		"Items":            []any{map[string]any{"Id": "a", "Severity": "LOW", "Status": "COMPLIANT"}},
	}
	for k, v := range change {
		if v == nil {
			delete(body, k)
			continue
		}
		body[k] = v
	}
	b, err := json.Marshal(body)
	require.NoError(t, err)
	return string(b)
}

// ciEq returns an EQUAL filter.
func ciEq(key string, values ...string) types.ComplianceStringFilter {
	return ciFilter(key, types.ComplianceQueryOperatorTypeEqual, values...)
}

// ciFilter returns a filter of any type.
func ciFilter(key string, typ types.ComplianceQueryOperatorType, values ...string) types.ComplianceStringFilter {
	return types.ComplianceStringFilter{Key: aws.String(key), Type: typ, Values: values}
}

// ciMany returns n COMPLIANT LOW items with Ids prefix-00000 onwards.
func ciMany(prefix string, n int) []types.ComplianceItemEntry {
	out := make([]types.ComplianceItemEntry, n)
	for i := range out {
		out[i] = types.ComplianceItemEntry{Id: aws.String(fmt.Sprintf("%s-%05d", prefix, i)),
			Status: types.ComplianceStatusCompliant, Severity: types.ComplianceSeverityLow}
	}
	return out
}
