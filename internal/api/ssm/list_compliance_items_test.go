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

// ciItemsFixture stores items on two nodes: ciNodeA has Custom:AV items a
// (COMPLIANT LOW) and b (NON_COMPLIANT HIGH) from exec-1 at ciExecTime, and
// Patch item kb1 (NON_COMPLIANT CRITICAL) from exec-2 a day later;
// ciNodeB has Custom:AV item c (COMPLIANT MEDIUM).
func ciItemsFixture(t *testing.T, c *ssm.Client) {
	t.Helper()
	ciMustPut(t, c, ciPutInput(ciNodeA, "Custom:AV", ciItem("a", "COMPLIANT", "LOW"), ciItem("b", "NON_COMPLIANT", "HIGH")))
	patch := ciPutInput(ciNodeA, "Patch", ciItem("kb1", "NON_COMPLIANT", "CRITICAL"))
	patch.ExecutionSummary = &types.ComplianceExecutionSummary{ExecutionTime: aws.Time(ciExecTime.Add(24 * time.Hour)),
		ExecutionId: aws.String("exec-2"), ExecutionType: aws.String("Automation")}
	ciMustPut(t, c, patch)
	ciMustPut(t, c, ciPutInput(ciNodeB, "Custom:AV", ciItem("c", "COMPLIANT", "MEDIUM")))
}

func TestListComplianceItems_Output(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	in := ciPutInput(ciNodeA, "Custom:AV", ciItem("a", "NON_COMPLIANT", "HIGH"))
	in.Items[0].Details = map[string]string{"DocumentName": "AWS-RunPatchBaseline", "Empty": ""}
	in.ExecutionSummary.ExecutionTime = aws.Time(ciExecTime.Add(250 * time.Millisecond))
	ciMustPut(t, env.SSM, in)

	out, err := env.SSM.ListComplianceItems(context.Background(), &ssm.ListComplianceItemsInput{
		ResourceIds: []string{ciNodeA}, ResourceTypes: []string{"ManagedInstance"}})

	require.NoError(t, err)
	require.Len(t, out.ComplianceItems, 1)
	it := out.ComplianceItems[0]
	require.Equal(t, "Custom:AV", aws.ToString(it.ComplianceType))
	require.Equal(t, "ManagedInstance", aws.ToString(it.ResourceType))
	require.Equal(t, ciNodeA, aws.ToString(it.ResourceId))
	require.Equal(t, "a", aws.ToString(it.Id))
	require.Equal(t, "title of a", aws.ToString(it.Title))
	require.Equal(t, types.ComplianceStatusNonCompliant, it.Status)
	require.Equal(t, types.ComplianceSeverityHigh, it.Severity)
	require.Equal(t, map[string]string{"DocumentName": "AWS-RunPatchBaseline", "Empty": ""}, it.Details)
	require.Equal(t, ciExecTime.Add(250*time.Millisecond), aws.ToTime(it.ExecutionSummary.ExecutionTime).UTC())
	require.Equal(t, "exec-1", aws.ToString(it.ExecutionSummary.ExecutionId))
	require.Equal(t, "Command", aws.ToString(it.ExecutionSummary.ExecutionType))
	require.Nil(t, out.NextToken)
}

func TestListComplianceItems_WireShape(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:AV", ciItem("a", "COMPLIANT", "LOW")))

	resp := ciRaw(t, env, "ListComplianceItems", `{}`)

	require.Equal(t, 200, resp.Status)
	items := resp.Body["ComplianceItems"].([]any)
	require.Len(t, items, 1)
	summary := items[0].(map[string]any)["ExecutionSummary"].(map[string]any)
	require.Equal(t, float64(ciExecTime.Unix()), summary["ExecutionTime"], "timestamps are epoch-second numbers")
	require.NotContains(t, resp.Body, "NextToken")
}

func TestListComplianceItems_Filters(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciItemsFixture(t, env.SSM)
	tests := []struct {
		name        string
		resourceIDs []string
		filters     []types.ComplianceStringFilter
		want        []string
	}{
		{"All", nil, nil, []string{"a", "b", "kb1", "c"}},
		{"OneResource", []string{ciNodeB}, nil, []string{"c"}},
		{"ComplianceTypeEqual", nil, []types.ComplianceStringFilter{ciEq("ComplianceType", "Patch")}, []string{"kb1"}},
		{"ComplianceTypeBeginWith", nil, []types.ComplianceStringFilter{ciFilter("ComplianceType", "BEGIN_WITH", "Custom:")}, []string{"a", "b", "c"}},
		{"IdEqualAnyValue", nil, []types.ComplianceStringFilter{ciEq("Id", "a", "c")}, []string{"a", "c"}},
		{"StatusNotEqual", nil, []types.ComplianceStringFilter{ciFilter("Status", "NOT_EQUAL", "COMPLIANT")}, []string{"b", "kb1"}},
		{"SeverityNotEqualSeveral", nil, []types.ComplianceStringFilter{ciFilter("Severity", "NOT_EQUAL", "LOW", "HIGH")}, []string{"kb1", "c"}},
		{"TitleBeginWith", nil, []types.ComplianceStringFilter{ciFilter("Title", "BEGIN_WITH", "title of k")}, []string{"kb1"}},
		{"ExecutionIdEqual", nil, []types.ComplianceStringFilter{ciEq("ExecutionId", "exec-2")}, []string{"kb1"}},
		{"ExecutionTypeNotEqual", nil, []types.ComplianceStringFilter{ciFilter("ExecutionType", "NOT_EQUAL", "Automation")}, []string{"a", "b", "c"}},
		{"ExecutionTimeGreaterThanISO", nil, []types.ComplianceStringFilter{ciFilter("ExecutionTime", "GREATER_THAN", "2026-10-01T12:00:00Z")}, []string{"kb1"}},
		{"ExecutionTimeLessThanEpoch", nil, []types.ComplianceStringFilter{ciFilter("ExecutionTime", "LESS_THAN", fmt.Sprint(ciExecTime.Unix()+1))}, []string{"a", "b", "c"}},
		{"ExecutionTimeEqual", nil, []types.ComplianceStringFilter{ciEq("ExecutionTime", "2026-10-02T08:00:00Z")}, []string{"kb1"}},
		{"FiltersCombine", []string{ciNodeA}, []types.ComplianceStringFilter{ciEq("ComplianceType", "Custom:AV"), ciEq("Status", "NON_COMPLIANT")}, []string{"b"}},
		{"NoMatch", nil, []types.ComplianceStringFilter{ciEq("Severity", "INFORMATIONAL")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out, err := env.SSM.ListComplianceItems(context.Background(), &ssm.ListComplianceItemsInput{
				ResourceIds: tt.resourceIDs, Filters: tt.filters, MaxResults: aws.Int32(50)})
			require.NoError(t, err)
			var ids []string
			for _, it := range out.ComplianceItems {
				ids = append(ids, aws.ToString(it.Id))
			}
			require.Equal(t, tt.want, ids)
		})
	}
}

func TestListComplianceItems_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	tests := []struct {
		name string
		in   ssm.ListComplianceItemsInput
		code string
		want string
	}{
		{"TwoResourceIds", ssm.ListComplianceItemsInput{ResourceIds: []string{ciNodeA, ciNodeB}}, "InvalidFilter", "only specify one resource ID per call"},
		{"BadResourceId", ssm.ListComplianceItemsInput{ResourceIds: []string{"server-1"}}, "InvalidResourceId", ""},
		{"BadResourceType", ssm.ListComplianceItemsInput{ResourceTypes: []string{"AWS::EC2::Instance"}}, "InvalidResourceType", ""},
		{"UnknownFilterKey", ssm.ListComplianceItemsInput{Filters: []types.ComplianceStringFilter{ciEq("Colour", "red")}}, "InvalidFilter", "Colour"},
		{"FilterWithoutValues", ssm.ListComplianceItemsInput{Filters: []types.ComplianceStringFilter{{Key: aws.String("Id")}}}, "InvalidFilter", "no values"},
		{"LessThanOnText", ssm.ListComplianceItemsInput{Filters: []types.ComplianceStringFilter{ciFilter("Id", "LESS_THAN", "x")}}, "InvalidFilter", "LESS_THAN"},
		{"BeginWithOnTime", ssm.ListComplianceItemsInput{Filters: []types.ComplianceStringFilter{ciFilter("ExecutionTime", "BEGIN_WITH", "2026")}}, "InvalidFilter", "BEGIN_WITH"},
		{"NotATime", ssm.ListComplianceItemsInput{Filters: []types.ComplianceStringFilter{ciFilter("ExecutionTime", "GREATER_THAN", "last week")}}, "InvalidFilter", "last week"},
		{"FilterTypeEnum", ssm.ListComplianceItemsInput{Filters: []types.ComplianceStringFilter{ciFilter("Id", "LIKE", "x")}}, "ValidationException", "'filters.1.member.type'"},
		{"FilterKeyTooLong", ssm.ListComplianceItemsInput{Filters: []types.ComplianceStringFilter{ciEq(strings.Repeat("k", 201), "x")}}, "ValidationException", "'filters.1.member.key'"},
		{"TooManyFilterValues", ssm.ListComplianceItemsInput{Filters: []types.ComplianceStringFilter{ciEq("Id", make([]string, 21)...)}}, "ValidationException", "'filters.1.member.values'"},
		{"ResourceIdTooLong", ssm.ListComplianceItemsInput{ResourceIds: []string{strings.Repeat("i", 101)}}, "ValidationException", "'resourceIds.1.member'"},
		{"ResourceTypeTooLong", ssm.ListComplianceItemsInput{ResourceTypes: []string{strings.Repeat("t", 51)}}, "ValidationException", "'resourceTypes.1.member'"},
		{"MaxResultsTooLarge", ssm.ListComplianceItemsInput{MaxResults: aws.Int32(51)}, "ValidationException", "'maxResults'"},
		{"MaxResultsZero", ssm.ListComplianceItemsInput{MaxResults: aws.Int32(0)}, "ValidationException", "greater than or equal to 1"},
		{"GarbageNextToken", ssm.ListComplianceItemsInput{NextToken: aws.String("garbage")}, "InvalidNextToken", "NextToken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := env.SSM.ListComplianceItems(context.Background(), &tt.in)
			msg := requireComplianceErr(t, err, tt.code)
			require.Contains(t, msg, tt.want)
		})
	}
}

func TestListComplianceItems_EmptyResourceLists(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	resp := ciRaw(t, env, "ListComplianceItems", `{"ResourceIds":[]}`)
	require.Equal(t, "ValidationException", resp.Code)
	require.Contains(t, resp.Message, "'resourceIds'")
	resp = ciRaw(t, env, "ListComplianceItems", `{"ResourceTypes":[]}`)
	require.Equal(t, "ValidationException", resp.Code)
	require.Contains(t, resp.Message, "'resourceTypes'")
}

func TestListComplianceItems_Paging(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:AA", ciMany("a", 12)...))
	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:BB", ciMany("b", 5)...))
	ciMustPut(t, env.SSM, ciPutInput(ciNodeB, "Custom:AA", ciMany("c", 8)...))
	ctx := context.Background()

	t.Run("Paginator", func(t *testing.T) {
		t.Parallel()
		p := ssm.NewListComplianceItemsPaginator(env.SSM, &ssm.ListComplianceItemsInput{},
			func(o *ssm.ListComplianceItemsPaginatorOptions) { o.Limit = 7; o.StopOnDuplicateToken = true })
		var ids []string
		pages := 0
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			require.NoError(t, err)
			pages++
			require.LessOrEqual(t, len(page.ComplianceItems), 7)
			for _, it := range page.ComplianceItems {
				ids = append(ids, aws.ToString(it.Id))
			}
		}
		require.Equal(t, 4, pages, "25 items in pages of 7")
		require.Len(t, ids, 25)
		require.Equal(t, "a-00000", ids[0])
		require.Equal(t, "c-00007", ids[24])
	})
	t.Run("DefaultPageSizeIsTen", func(t *testing.T) {
		t.Parallel()
		out, err := env.SSM.ListComplianceItems(ctx, &ssm.ListComplianceItemsInput{})
		require.NoError(t, err)
		require.Len(t, out.ComplianceItems, 10)
		require.NotNil(t, out.NextToken)
	})
	t.Run("ExactLastPageHasNoToken", func(t *testing.T) {
		t.Parallel()
		out, err := env.SSM.ListComplianceItems(ctx, &ssm.ListComplianceItemsInput{ResourceIds: []string{ciNodeB}, MaxResults: aws.Int32(8)})
		require.NoError(t, err)
		require.Len(t, out.ComplianceItems, 8)
		require.Nil(t, out.NextToken)
	})
	t.Run("FilteredPaging", func(t *testing.T) {
		t.Parallel()
		in := &ssm.ListComplianceItemsInput{Filters: []types.ComplianceStringFilter{ciEq("ComplianceType", "Custom:AA")}}
		p := ssm.NewListComplianceItemsPaginator(env.SSM, in, func(o *ssm.ListComplianceItemsPaginatorOptions) { o.Limit = 6 })
		n := 0
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			require.NoError(t, err)
			n += len(page.ComplianceItems)
		}
		require.Equal(t, 20, n)
	})
	t.Run("TokenOfOtherQueryIsRejected", func(t *testing.T) {
		t.Parallel()
		first, err := env.SSM.ListComplianceItems(ctx, &ssm.ListComplianceItemsInput{MaxResults: aws.Int32(2)})
		require.NoError(t, err)
		_, err = env.SSM.ListComplianceItems(ctx, &ssm.ListComplianceItemsInput{NextToken: first.NextToken,
			Filters: []types.ComplianceStringFilter{ciEq("Id", "a-00001")}})
		requireComplianceErr(t, err, "InvalidNextToken")
		_, err = env.SSM.ListResourceComplianceSummaries(ctx, &ssm.ListResourceComplianceSummariesInput{NextToken: first.NextToken})
		requireComplianceErr(t, err, "InvalidNextToken")
	})
}
