package ssm_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// ciSummaryFixture stores, per (resource, compliance type):
//
//	Association ciNodeA: COMPLIANT LOW, COMPLIANT HIGH        → compliant, HIGH
//	Association ciNodeB: NON_COMPLIANT CRITICAL, COMPLIANT LOW → non-compliant, CRITICAL
//	Association ciNodeC: COMPLIANT MEDIUM                      → compliant, MEDIUM
//	Custom:AV   ciNodeB: COMPLIANT UNSPECIFIED                 → compliant, UNSPECIFIED
//	Patch       ciNodeA: NON_COMPLIANT LOW, NON_COMPLIANT MEDIUM → non-compliant, MEDIUM
func ciSummaryFixture(t *testing.T, c *ssm.Client) {
	t.Helper()
	ciMustPut(t, c, ciPutInput(ciNodeA, "Association", ciItem("a1", "COMPLIANT", "LOW"), ciItem("a2", "COMPLIANT", "HIGH")))
	ciMustPut(t, c, ciPutInput(ciNodeB, "Association", ciItem("b1", "NON_COMPLIANT", "CRITICAL"), ciItem("b2", "COMPLIANT", "LOW")))
	ciMustPut(t, c, ciPutInput(ciNodeC, "Association", ciItem("c1", "COMPLIANT", "MEDIUM")))
	ciMustPut(t, c, ciPutInput(ciNodeB, "Custom:AV", ciItem("v1", "COMPLIANT", "UNSPECIFIED")))
	ciMustPut(t, c, ciPutInput(ciNodeA, "Patch", ciItem("p1", "NON_COMPLIANT", "LOW"), ciItem("p2", "NON_COMPLIANT", "MEDIUM")))
}

func TestListComplianceSummaries_CountsResources(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciSummaryFixture(t, env.SSM)

	out, err := env.SSM.ListComplianceSummaries(context.Background(), &ssm.ListComplianceSummariesInput{})

	require.NoError(t, err)
	require.Nil(t, out.NextToken)
	require.Equal(t, []types.ComplianceSummaryItem{
		{ComplianceType: aws.String("Association"),
			CompliantSummary:    &types.CompliantSummary{CompliantCount: 2, SeveritySummary: &types.SeveritySummary{HighCount: 1, MediumCount: 1}},
			NonCompliantSummary: &types.NonCompliantSummary{NonCompliantCount: 1, SeveritySummary: &types.SeveritySummary{CriticalCount: 1}}},
		{ComplianceType: aws.String("Custom:AV"),
			CompliantSummary:    &types.CompliantSummary{CompliantCount: 1, SeveritySummary: &types.SeveritySummary{UnspecifiedCount: 1}},
			NonCompliantSummary: &types.NonCompliantSummary{SeveritySummary: &types.SeveritySummary{}}},
		{ComplianceType: aws.String("Patch"),
			CompliantSummary:    &types.CompliantSummary{SeveritySummary: &types.SeveritySummary{}},
			NonCompliantSummary: &types.NonCompliantSummary{NonCompliantCount: 1, SeveritySummary: &types.SeveritySummary{MediumCount: 1}}},
	}, out.ComplianceSummaryItems)
}

func TestListComplianceSummaries_WireShape(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Patch", ciItem("p1", "COMPLIANT", "LOW")))

	resp := ciRaw(t, env, "ListComplianceSummaries", `{}`)

	require.Equal(t, 200, resp.Status)
	got := resp.Body["ComplianceSummaryItems"].([]any)[0].(map[string]any)
	require.Equal(t, map[string]any{
		"NonCompliantCount": float64(0),
		"SeveritySummary": map[string]any{"CriticalCount": float64(0), "HighCount": float64(0), "MediumCount": float64(0),
			"LowCount": float64(0), "InformationalCount": float64(0), "UnspecifiedCount": float64(0)},
	}, got["NonCompliantSummary"], "zero counts are sent, as AWS does")
}

func TestListComplianceSummaries_Filters(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciSummaryFixture(t, env.SSM)
	tests := []struct {
		name    string
		filters []types.ComplianceStringFilter
		want    map[string][2]int32 // type → {compliant, non-compliant}
	}{
		{"ComplianceTypeEqual", []types.ComplianceStringFilter{ciEq("ComplianceType", "Patch")}, map[string][2]int32{"Patch": {0, 1}}},
		{"ComplianceTypeBeginWith", []types.ComplianceStringFilter{ciFilter("ComplianceType", "BEGIN_WITH", "Custom:")}, map[string][2]int32{"Custom:AV": {1, 0}}},
		{"ResourceId", []types.ComplianceStringFilter{ciEq("ResourceId", ciNodeA)}, map[string][2]int32{"Association": {1, 0}, "Patch": {0, 1}}},
		{"ResourceIdNotEqual", []types.ComplianceStringFilter{ciFilter("ResourceId", "NOT_EQUAL", ciNodeA, ciNodeC)},
			map[string][2]int32{"Association": {0, 1}, "Custom:AV": {1, 0}}},
		{"ResourceType", []types.ComplianceStringFilter{ciEq("ResourceType", "ManagedInstance")},
			map[string][2]int32{"Association": {2, 1}, "Custom:AV": {1, 0}, "Patch": {0, 1}}},
		{"NoMatch", []types.ComplianceStringFilter{ciEq("ResourceId", "i-ffffffff")}, map[string][2]int32{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out, err := env.SSM.ListComplianceSummaries(context.Background(), &ssm.ListComplianceSummariesInput{Filters: tt.filters})
			require.NoError(t, err)
			got := map[string][2]int32{}
			for _, s := range out.ComplianceSummaryItems {
				got[aws.ToString(s.ComplianceType)] = [2]int32{s.CompliantSummary.CompliantCount, s.NonCompliantSummary.NonCompliantCount}
			}
			require.Equal(t, tt.want, got)
		})
	}
}

func TestListComplianceSummaries_Paging(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciSummaryFixture(t, env.SSM)
	p := ssm.NewListComplianceSummariesPaginator(env.SSM, &ssm.ListComplianceSummariesInput{},
		func(o *ssm.ListComplianceSummariesPaginatorOptions) { o.Limit = 1; o.StopOnDuplicateToken = true })
	var got []string
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		require.NoError(t, err)
		require.Len(t, page.ComplianceSummaryItems, 1)
		got = append(got, aws.ToString(page.ComplianceSummaryItems[0].ComplianceType))
	}
	require.Equal(t, []string{"Association", "Custom:AV", "Patch"}, got)
}

func TestListComplianceSummaries_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	tests := []struct {
		name string
		in   ssm.ListComplianceSummariesInput
		code string
		want string
	}{
		{"UnknownFilterKey", ssm.ListComplianceSummariesInput{Filters: []types.ComplianceStringFilter{ciEq("Status", "COMPLIANT")}}, "InvalidFilter", "ComplianceType, ResourceId, ResourceType"},
		{"TimeTypeOnText", ssm.ListComplianceSummariesInput{Filters: []types.ComplianceStringFilter{ciFilter("ComplianceType", "GREATER_THAN", "A")}}, "InvalidFilter", "GREATER_THAN"},
		{"FilterTypeEnum", ssm.ListComplianceSummariesInput{Filters: []types.ComplianceStringFilter{ciFilter("ComplianceType", "CONTAINS", "A")}}, "ValidationException", "'filters.1.member.type'"},
		{"TooManyValues", ssm.ListComplianceSummariesInput{Filters: []types.ComplianceStringFilter{ciEq("ComplianceType", make([]string, 21)...)}}, "ValidationException", "'filters.1.member.values'"},
		{"MaxResultsTooLarge", ssm.ListComplianceSummariesInput{MaxResults: aws.Int32(51)}, "ValidationException", "'maxResults'"},
		{"BadNextToken", ssm.ListComplianceSummariesInput{NextToken: aws.String("eyJsIjoieCIsImEiOiJ5In0")}, "InvalidNextToken", "NextToken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := env.SSM.ListComplianceSummaries(context.Background(), &tt.in)
			msg := requireComplianceErr(t, err, tt.code)
			require.Contains(t, msg, tt.want)
		})
	}
}
