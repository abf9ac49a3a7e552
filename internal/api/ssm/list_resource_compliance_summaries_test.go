package ssm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestListResourceComplianceSummaries_CountsItems(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciSummaryFixture(t, env.SSM)

	out, err := env.SSM.ListResourceComplianceSummaries(context.Background(), &ssm.ListResourceComplianceSummariesInput{})

	require.NoError(t, err)
	require.Nil(t, out.NextToken)
	require.Equal(t, []string{"Association/" + ciNodeA, "Association/" + ciNodeB, "Association/" + ciNodeC,
		"Custom:AV/" + ciNodeB, "Patch/" + ciNodeA}, ciResourceKeys(out.ResourceComplianceSummaryItems))
	b := out.ResourceComplianceSummaryItems[1]
	require.Equal(t, "ManagedInstance", aws.ToString(b.ResourceType))
	require.Equal(t, types.ComplianceStatusNonCompliant, b.Status)
	require.Equal(t, types.ComplianceSeverityCritical, b.OverallSeverity)
	require.Equal(t, &types.CompliantSummary{CompliantCount: 1, SeveritySummary: &types.SeveritySummary{LowCount: 1}}, b.CompliantSummary)
	require.Equal(t, &types.NonCompliantSummary{NonCompliantCount: 1, SeveritySummary: &types.SeveritySummary{CriticalCount: 1}}, b.NonCompliantSummary)
	require.Equal(t, ciExecTime, aws.ToTime(b.ExecutionSummary.ExecutionTime).UTC())
	require.Equal(t, "exec-1", aws.ToString(b.ExecutionSummary.ExecutionId))
	require.Equal(t, "Command", aws.ToString(b.ExecutionSummary.ExecutionType))

	a := out.ResourceComplianceSummaryItems[0]
	require.Equal(t, types.ComplianceStatusCompliant, a.Status)
	require.Equal(t, types.ComplianceSeverityHigh, a.OverallSeverity, "compliant: the highest severity of its items")
	require.EqualValues(t, 2, a.CompliantSummary.CompliantCount)
	patch := out.ResourceComplianceSummaryItems[4]
	require.Equal(t, types.ComplianceSeverityMedium, patch.OverallSeverity)
	require.EqualValues(t, 2, patch.NonCompliantSummary.NonCompliantCount)
}

func TestListResourceComplianceSummaries_PartialKeepsLatestExecution(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Association", ciItem("a1", "COMPLIANT", "LOW")))
	partial := ciPutInput(ciNodeA, "Association", ciItem("a2", "NON_COMPLIANT", "MEDIUM"))
	partial.UploadType = types.ComplianceUploadTypePartial
	partial.ExecutionSummary.ExecutionId = aws.String("exec-2")
	ciMustPut(t, env.SSM, partial)

	out, err := env.SSM.ListResourceComplianceSummaries(context.Background(), &ssm.ListResourceComplianceSummariesInput{})

	require.NoError(t, err)
	require.Len(t, out.ResourceComplianceSummaryItems, 1)
	s := out.ResourceComplianceSummaryItems[0]
	require.Equal(t, types.ComplianceStatusNonCompliant, s.Status)
	require.EqualValues(t, 1, s.CompliantSummary.CompliantCount)
	require.EqualValues(t, 1, s.NonCompliantSummary.NonCompliantCount)
	require.Equal(t, "exec-2", aws.ToString(s.ExecutionSummary.ExecutionId))
}

func TestListResourceComplianceSummaries_Filters(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciSummaryFixture(t, env.SSM)
	later := ciPutInput(ciNodeC, "Custom:Late", ciItem("l1", "COMPLIANT", "INFORMATIONAL"))
	later.ExecutionSummary = &types.ComplianceExecutionSummary{ExecutionTime: aws.Time(ciExecTime.Add(time.Hour)),
		ExecutionId: aws.String("exec-9"), ExecutionType: aws.String("Automation")}
	ciMustPut(t, env.SSM, later)
	tests := []struct {
		name    string
		filters []types.ComplianceStringFilter
		want    []string
	}{
		{"Status", []types.ComplianceStringFilter{ciEq("Status", "NON_COMPLIANT")}, []string{"Association/" + ciNodeB, "Patch/" + ciNodeA}},
		{"OverallSeverity", []types.ComplianceStringFilter{ciEq("OverallSeverity", "HIGH", "MEDIUM")},
			[]string{"Association/" + ciNodeA, "Association/" + ciNodeC, "Patch/" + ciNodeA}},
		{"ComplianceTypeNotEqual", []types.ComplianceStringFilter{ciFilter("ComplianceType", "NOT_EQUAL", "Association")},
			[]string{"Custom:AV/" + ciNodeB, "Custom:Late/" + ciNodeC, "Patch/" + ciNodeA}},
		{"ResourceIdBeginWith", []types.ComplianceStringFilter{ciFilter("ResourceId", "BEGIN_WITH", "mi-")},
			[]string{"Association/" + ciNodeC, "Custom:Late/" + ciNodeC}},
		{"ResourceType", []types.ComplianceStringFilter{ciEq("ResourceType", "Other")}, nil},
		{"ExecutionId", []types.ComplianceStringFilter{ciEq("ExecutionId", "exec-9")}, []string{"Custom:Late/" + ciNodeC}},
		{"ExecutionType", []types.ComplianceStringFilter{ciEq("ExecutionType", "Automation")}, []string{"Custom:Late/" + ciNodeC}},
		{"ExecutionTimeGreaterThan", []types.ComplianceStringFilter{ciFilter("ExecutionTime", "GREATER_THAN", "2026-10-01T08:30:00Z")},
			[]string{"Custom:Late/" + ciNodeC}},
		{"ExecutionTimeLessThanEpoch", []types.ComplianceStringFilter{
			ciFilter("ExecutionTime", "LESS_THAN", fmt.Sprint(ciExecTime.Add(time.Minute).Unix())), ciEq("ResourceId", ciNodeC)},
			[]string{"Association/" + ciNodeC}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out, err := env.SSM.ListResourceComplianceSummaries(context.Background(),
				&ssm.ListResourceComplianceSummariesInput{Filters: tt.filters})
			require.NoError(t, err)
			require.Equal(t, tt.want, ciResourceKeys(out.ResourceComplianceSummaryItems))
		})
	}
}

func TestListResourceComplianceSummaries_Paging(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciSummaryFixture(t, env.SSM)
	p := ssm.NewListResourceComplianceSummariesPaginator(env.SSM, &ssm.ListResourceComplianceSummariesInput{},
		func(o *ssm.ListResourceComplianceSummariesPaginatorOptions) {
			o.Limit = 2
			o.StopOnDuplicateToken = true
		})
	var got []string
	pages := 0
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		require.NoError(t, err)
		pages++
		got = append(got, ciResourceKeys(page.ResourceComplianceSummaryItems)...)
	}
	require.Equal(t, 3, pages)
	require.Len(t, got, 5)
	require.Equal(t, "Patch/"+ciNodeA, got[4])
}

func TestListResourceComplianceSummaries_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	tests := []struct {
		name string
		in   ssm.ListResourceComplianceSummariesInput
		code string
		want string
	}{
		{"UnknownFilterKey", ssm.ListResourceComplianceSummariesInput{Filters: []types.ComplianceStringFilter{ciEq("Id", "x")}}, "InvalidFilter", "OverallSeverity"},
		{"FilterWithoutValues", ssm.ListResourceComplianceSummariesInput{Filters: []types.ComplianceStringFilter{{Key: aws.String("Status")}}}, "InvalidFilter", "no values"},
		{"FilterKeyEmpty", ssm.ListResourceComplianceSummariesInput{Filters: []types.ComplianceStringFilter{ciEq("", "x")}}, "ValidationException", "'filters.1.member.key'"},
		{"FilterKeyTooLong", ssm.ListResourceComplianceSummariesInput{Filters: []types.ComplianceStringFilter{ciEq(strings.Repeat("k", 201), "x")}}, "ValidationException", "'filters.1.member.key'"},
		{"MaxResultsTooLarge", ssm.ListResourceComplianceSummariesInput{MaxResults: aws.Int32(100)}, "ValidationException", "'maxResults'"},
		{"BadNextToken", ssm.ListResourceComplianceSummariesInput{NextToken: aws.String("!!")}, "InvalidNextToken", "NextToken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := env.SSM.ListResourceComplianceSummaries(context.Background(), &tt.in)
			msg := requireComplianceErr(t, err, tt.code)
			require.Contains(t, msg, tt.want)
		})
	}
}

func TestListResourceComplianceSummaries_EmptyFilterValues(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	resp := ciRaw(t, env, "ListResourceComplianceSummaries", `{"Filters":[{"Key":"Status","Values":[]}]}`)
	require.Equal(t, "ValidationException", resp.Code)
	require.Contains(t, resp.Message, "'filters.1.member.values'")
}

// ciResourceKeys lists "ComplianceType/ResourceId" of each summary.
func ciResourceKeys(items []types.ResourceComplianceSummaryItem) []string {
	var out []string
	for _, s := range items {
		out = append(out, aws.ToString(s.ComplianceType)+"/"+aws.ToString(s.ResourceId))
	}
	return out
}
