package ssm_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestPutComplianceItems_CompleteReplacesOnlyThatType(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:AV", ciItem("a", "COMPLIANT", "LOW"), ciItem("b", "COMPLIANT", "LOW")))
	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Patch", ciItem("kb1", "NON_COMPLIANT", "HIGH")))

	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:AV", ciItem("c", "NON_COMPLIANT", "CRITICAL")))

	require.Equal(t, []string{"c"}, ciItemIDs(t, env.SSM, ciNodeA, "Custom:AV"), "COMPLETE replaces the type's items")
	require.Equal(t, []string{"kb1"}, ciItemIDs(t, env.SSM, ciNodeA, "Patch"), "other types are untouched")
}

func TestPutComplianceItems_EmptyCompleteRemovesType(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:AV", ciItem("a", "COMPLIANT", "LOW")))

	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:AV"))

	require.Empty(t, ciItemIDs(t, env.SSM, ciNodeA, "Custom:AV"))
	out, err := env.SSM.ListResourceComplianceSummaries(context.Background(), &ssm.ListResourceComplianceSummariesInput{})
	require.NoError(t, err)
	require.Empty(t, out.ResourceComplianceSummaryItems)
}

func TestPutComplianceItems_ContentHashIgnoresRepeat(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	first := ciPutInput(ciNodeA, "Custom:AV", ciItem("a", "COMPLIANT", "LOW"))
	first.ItemContentHash = aws.String("hash-1")
	ciMustPut(t, env.SSM, first)

	same := ciPutInput(ciNodeA, "Custom:AV", ciItem("b", "COMPLIANT", "LOW"))
	same.ItemContentHash = aws.String("hash-1")
	ciMustPut(t, env.SSM, same)
	require.Equal(t, []string{"a"}, ciItemIDs(t, env.SSM, ciNodeA, "Custom:AV"), "same hash: the request is ignored")

	other := ciPutInput(ciNodeA, "Custom:AV", ciItem("b", "COMPLIANT", "LOW"))
	other.ItemContentHash = aws.String("hash-2")
	ciMustPut(t, env.SSM, other)
	require.Equal(t, []string{"b"}, ciItemIDs(t, env.SSM, ciNodeA, "Custom:AV"), "new hash: the items are replaced")

	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:AV", ciItem("c", "COMPLIANT", "LOW")))
	require.Equal(t, []string{"c"}, ciItemIDs(t, env.SSM, ciNodeA, "Custom:AV"), "no hash: always applied")
}

func TestPutComplianceItems_HashIsPerResourceAndType(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	a := ciPutInput(ciNodeA, "Custom:AV", ciItem("a", "COMPLIANT", "LOW"))
	a.ItemContentHash = aws.String("same")
	ciMustPut(t, env.SSM, a)

	b := ciPutInput(ciNodeB, "Custom:AV", ciItem("b", "COMPLIANT", "LOW"))
	b.ItemContentHash = aws.String("same")
	ciMustPut(t, env.SSM, b)

	require.Equal(t, []string{"b"}, ciItemIDs(t, env.SSM, ciNodeB, "Custom:AV"))
}

func TestPutComplianceItems_PartialUpsertsAssociationItems(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Association", ciItem("assoc-1", "COMPLIANT", "LOW"), ciItem("assoc-2", "COMPLIANT", "LOW")))

	partial := ciPutInput(ciNodeA, "Association", ciItem("assoc-2", "NON_COMPLIANT", "HIGH"), ciItem("assoc-3", "COMPLIANT", "LOW"))
	partial.UploadType = types.ComplianceUploadTypePartial
	ciMustPut(t, env.SSM, partial)

	require.Equal(t, []string{"assoc-1", "assoc-2", "assoc-3"}, ciItemIDs(t, env.SSM, ciNodeA, "Association"))
	out, err := env.SSM.ListComplianceItems(context.Background(), &ssm.ListComplianceItemsInput{
		Filters: []types.ComplianceStringFilter{ciEq("Id", "assoc-2")}})
	require.NoError(t, err)
	require.Len(t, out.ComplianceItems, 1)
	require.Equal(t, types.ComplianceStatusNonCompliant, out.ComplianceItems[0].Status)
	require.Equal(t, types.ComplianceSeverityHigh, out.ComplianceItems[0].Severity)
}

func TestPutComplianceItems_PartialRules(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	tests := map[string]*ssm.PutComplianceItemsInput{
		"OtherComplianceType": ciPutInput(ciNodeA, "Patch", ciItem("kb1", "COMPLIANT", "LOW")),
		"ItemWithoutId":       ciPutInput(ciNodeA, "Association", ciItem("", "COMPLIANT", "LOW")),
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			in.UploadType = types.ComplianceUploadTypePartial
			_, err := env.SSM.PutComplianceItems(context.Background(), in)
			msg := requireComplianceErr(t, err, "InvalidItemContentException")
			require.Contains(t, msg, "PARTIAL")
		})
	}
}

func TestPutComplianceItems_CustomTypeLimit(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	for i := range 10 {
		ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:Type"+string(rune('A'+i)), ciItem("x", "COMPLIANT", "LOW")))
	}
	ciMustPut(t, env.SSM, ciPutInput(ciNodeB, "Custom:TypeA", ciItem("x", "COMPLIANT", "LOW")))
	ciMustPut(t, env.SSM, ciPutInput(ciNodeB, "Patch", ciItem("x", "COMPLIANT", "LOW")))

	_, err := env.SSM.PutComplianceItems(context.Background(), ciPutInput(ciNodeB, "Custom:Eleventh", ciItem("x", "COMPLIANT", "LOW")))
	msg := requireComplianceErr(t, err, "ComplianceTypeCountLimitExceededException")
	require.True(t, strings.HasPrefix(msg, "You can specify a maximum of 10 different types."), msg)

	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:TypeJ"))
	ciMustPut(t, env.SSM, ciPutInput(ciNodeB, "Custom:Eleventh", ciItem("x", "COMPLIANT", "LOW")))
}

func TestPutComplianceItems_CustomTypeLimitIsPerAccount(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	for i := range 10 {
		ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:Type"+string(rune('A'+i)), ciItem("x", "COMPLIANT", "LOW")))
	}
	_, other, _ := env.Clients("111122223333", "secret", "us-east-1")
	ciMustPut(t, other, ciPutInput(ciNodeA, "Custom:Eleventh", ciItem("x", "COMPLIANT", "LOW")))
}

func TestPutComplianceItems_ItemCountLimit(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:Big", ciMany("item", 10000)...))
	out, err := env.SSM.ListResourceComplianceSummaries(context.Background(), &ssm.ListResourceComplianceSummariesInput{})
	require.NoError(t, err)
	require.Len(t, out.ResourceComplianceSummaryItems, 1)
	require.EqualValues(t, 10000, out.ResourceComplianceSummaryItems[0].CompliantSummary.CompliantCount)

	_, err = env.SSM.PutComplianceItems(context.Background(), ciPutInput(ciNodeA, "Custom:Big", ciMany("item", 10001)...))
	msg := requireComplianceErr(t, err, "ValidationException")
	require.Contains(t, msg, "'items'")
	require.Contains(t, msg, "less than or equal to 10000")
}

func TestPutComplianceItems_PartialCannotExceedItemCount(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Association", ciMany("old", 10000)...))
	partial := ciPutInput(ciNodeA, "Association", ciMany("new", 1)...)
	partial.UploadType = types.ComplianceUploadTypePartial

	_, err := env.SSM.PutComplianceItems(context.Background(), partial)

	requireComplianceErr(t, err, "TotalSizeLimitExceededException")
}

func TestPutComplianceItems_SizeLimits(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	big := func(id string, valueBytes int) types.ComplianceItemEntry {
		e := ciItem(id, "COMPLIANT", "LOW")
		e.Details = map[string]string{}
		for i := 0; valueBytes > 0; i++ {
			n := min(valueBytes, 4096)
			e.Details["k"+strings.Repeat("x", i)] = strings.Repeat("v", n)
			valueBytes -= n
		}
		return e
	}
	t.Run("ItemTooLarge", func(t *testing.T) {
		_, err := env.SSM.PutComplianceItems(context.Background(), ciPutInput(ciNodeA, "Custom:Size", big("a", 64<<10)))
		msg := requireComplianceErr(t, err, "ItemSizeLimitExceededException")
		require.Contains(t, msg, "Item 1")
	})
	t.Run("ItemJustFits", func(t *testing.T) {
		ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:Size", big("a", 60<<10)))
	})
	t.Run("TotalTooLarge", func(t *testing.T) {
		items := make([]types.ComplianceItemEntry, 70)
		for i := range items {
			items[i] = big(strings.Repeat("i", i+1), 60<<10)
		}
		_, err := env.SSM.PutComplianceItems(context.Background(), ciPutInput(ciNodeB, "Custom:Size", items...))
		requireComplianceErr(t, err, "TotalSizeLimitExceededException")
		require.Empty(t, ciItemIDs(t, env.SSM, ciNodeB, "Custom:Size"), "nothing is stored")
	})
}

func TestPutComplianceItems_DuplicateIds(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	_, err := env.SSM.PutComplianceItems(context.Background(),
		ciPutInput(ciNodeA, "Custom:AV", ciItem("a", "COMPLIANT", "LOW"), ciItem("a", "NON_COMPLIANT", "LOW")))
	msg := requireComplianceErr(t, err, "InvalidItemContentException")
	require.Contains(t, msg, `"a"`)
}

func TestPutComplianceItems_ItemsWithoutId(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:AV",
		ciItem("", "COMPLIANT", "LOW"), ciItem("z", "COMPLIANT", "LOW"), ciItem("", "NON_COMPLIANT", "HIGH")))

	out, err := env.SSM.ListComplianceItems(context.Background(), &ssm.ListComplianceItemsInput{})
	require.NoError(t, err)
	require.Len(t, out.ComplianceItems, 3)
	require.Equal(t, "z", aws.ToString(out.ComplianceItems[0].Id), "items with an Id first")
	require.Nil(t, out.ComplianceItems[1].Id)
	require.Equal(t, types.ComplianceStatusCompliant, out.ComplianceItems[1].Status, "then the others in upload order")
	require.Equal(t, types.ComplianceStatusNonCompliant, out.ComplianceItems[2].Status)
}

func TestPutComplianceItems_ResourceChecks(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	tests := []struct {
		name, resourceType, resourceID, code string
	}{
		{"ShortInstanceID", "ManagedInstance", "i-0123abcd", ""},
		{"LongInstanceID", "ManagedInstance", "i-0123456789abcdef0", ""},
		{"ManagedNodeID", "ManagedInstance", "mi-0123456789abcdef0", ""},
		{"OtherResourceType", "AWS::EC2::Instance", "i-0123456789abcdef0", "InvalidResourceType"},
		{"LowercaseResourceType", "managedinstance", "i-0123456789abcdef0", "InvalidResourceType"},
		{"NineHexDigits", "ManagedInstance", "i-0123abcde", "InvalidResourceId"},
		{"UppercaseHex", "ManagedInstance", "i-0123456789ABCDEF0", "InvalidResourceId"},
		{"ShortManagedNodeID", "ManagedInstance", "mi-0123abcd", "InvalidResourceId"},
		{"NotAnID", "ManagedInstance", "my-server", "InvalidResourceId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ciPutInput(tt.resourceID, "Custom:AV", ciItem("a", "COMPLIANT", "LOW"))
			in.ResourceType = aws.String(tt.resourceType)
			_, err := env.SSM.PutComplianceItems(context.Background(), in)
			if tt.code == "" {
				require.NoError(t, err)
				return
			}
			requireComplianceErr(t, err, tt.code)
		})
	}
}

func TestPutComplianceItems_ResourceErrorsCarryAMessage(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	resp := ciRaw(t, env, "PutComplianceItems", ciRawPutBody(t, map[string]any{"ResourceId": "web-1"}))
	require.Equal(t, "InvalidResourceId", resp.Code)
	require.Contains(t, resp.Message, "web-1")

	resp = ciRaw(t, env, "PutComplianceItems", ciRawPutBody(t, map[string]any{"ResourceType": "Server"}))
	require.Equal(t, "InvalidResourceType", resp.Code)
	require.Contains(t, resp.Message, "ManagedInstance")
}

func TestPutComplianceItems_Validation(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	long := func(n int) string { return strings.Repeat("x", n) }
	tests := []struct {
		name   string
		change func(*ssm.PutComplianceItemsInput)
		want   string
	}{
		{"ResourceIdTooLong", func(in *ssm.PutComplianceItemsInput) { in.ResourceId = aws.String(long(101)) }, "'resourceId'"},
		{"ResourceIdEmpty", func(in *ssm.PutComplianceItemsInput) { in.ResourceId = aws.String("") }, "'resourceId'"},
		{"ResourceTypeTooLong", func(in *ssm.PutComplianceItemsInput) { in.ResourceType = aws.String(long(51)) }, "'resourceType'"},
		{"ComplianceTypeTooLong", func(in *ssm.PutComplianceItemsInput) { in.ComplianceType = aws.String("Custom:" + long(94)) }, "'complianceType'"},
		{"ComplianceTypePattern", func(in *ssm.PutComplianceItemsInput) { in.ComplianceType = aws.String("Custom:") }, "regular expression pattern"},
		{"ComplianceTypeSpace", func(in *ssm.PutComplianceItemsInput) { in.ComplianceType = aws.String("My Type") }, "'complianceType'"},
		{"ExecutionIdTooLong", func(in *ssm.PutComplianceItemsInput) { in.ExecutionSummary.ExecutionId = aws.String(long(101)) }, "'executionSummary.executionId'"},
		{"ExecutionTypeTooLong", func(in *ssm.PutComplianceItemsInput) { in.ExecutionSummary.ExecutionType = aws.String(long(51)) }, "'executionSummary.executionType'"},
		{"TitleTooLong", func(in *ssm.PutComplianceItemsInput) { in.Items[0].Title = aws.String(long(501)) }, "'items.1.member.title'"},
		{"SeverityEnum", func(in *ssm.PutComplianceItemsInput) { in.Items[0].Severity = "SEVERE" }, "'items.1.member.severity'"},
		{"StatusEnum", func(in *ssm.PutComplianceItemsInput) { in.Items[0].Status = "compliant" }, "'items.1.member.status'"},
		{"DetailsKeyTooLong", func(in *ssm.PutComplianceItemsInput) { in.Items[0].Details = map[string]string{long(65): "v"} }, "Map keys"},
		{"DetailsKeyEmpty", func(in *ssm.PutComplianceItemsInput) { in.Items[0].Details = map[string]string{"": "v"} }, "Map keys"},
		{"DetailsValueTooLong", func(in *ssm.PutComplianceItemsInput) { in.Items[0].Details = map[string]string{"k": long(4097)} }, "'items.1.member.details'"},
		{"ItemContentHashTooLong", func(in *ssm.PutComplianceItemsInput) { in.ItemContentHash = aws.String(long(257)) }, "'itemContentHash'"},
		{"UploadTypeEnum", func(in *ssm.PutComplianceItemsInput) { in.UploadType = "FULL" }, "'uploadType'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ciPutInput(ciNodeA, "Custom:AV", ciItem("a", "COMPLIANT", "LOW"))
			tt.change(in)
			_, err := env.SSM.PutComplianceItems(context.Background(), in)
			msg := requireComplianceErr(t, err, "ValidationException")
			require.Contains(t, msg, tt.want)
		})
	}
}

func TestPutComplianceItems_ValidationAtBoundaries(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	in := ciPutInput(ciNodeA, "Custom:"+strings.Repeat("x", 93), ciItem("a", "COMPLIANT", "UNSPECIFIED"))
	in.Items[0].Title = aws.String(strings.Repeat("t", 500))
	in.Items[0].Details = map[string]string{strings.Repeat("k", 64): strings.Repeat("v", 4096), "empty": ""}
	in.ExecutionSummary.ExecutionId = aws.String(strings.Repeat("e", 100))
	in.ExecutionSummary.ExecutionType = aws.String(strings.Repeat("e", 50))
	in.ItemContentHash = aws.String(strings.Repeat("h", 256))
	in.UploadType = types.ComplianceUploadTypeComplete

	ciMustPut(t, env.SSM, in)
}

func TestPutComplianceItems_RequiredMembers(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	item := func(drop string) map[string]any {
		m := map[string]any{"Id": "a", "Severity": "LOW", "Status": "COMPLIANT"}
		delete(m, drop)
		return m
	}
	tests := []struct {
		name   string
		change map[string]any
		want   string
	}{
		{"ResourceId", map[string]any{"ResourceId": nil}, "'resourceId' failed to satisfy constraint: Member must not be null"},
		{"ResourceType", map[string]any{"ResourceType": nil}, "'resourceType'"},
		{"ComplianceType", map[string]any{"ComplianceType": nil}, "'complianceType'"},
		{"ExecutionSummary", map[string]any{"ExecutionSummary": nil}, "'executionSummary'"},
		{"ExecutionTime", map[string]any{"ExecutionSummary": map[string]any{"ExecutionId": "x"}}, "'executionSummary.executionTime'"},
		{"Items", map[string]any{"Items": nil}, "'items'"},
		{"ItemSeverity", map[string]any{"Items": []any{item("Severity")}}, "'items.1.member.severity'"},
		{"ItemStatus", map[string]any{"Items": []any{item("Status")}}, "'items.1.member.status'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := ciRaw(t, env, "PutComplianceItems", ciRawPutBody(t, tt.change))
			require.Equal(t, 400, resp.Status)
			require.Equal(t, "ValidationException", resp.Code)
			require.Contains(t, resp.Message, tt.want)
		})
	}
	t.Run("ValidBodyIsAccepted", func(t *testing.T) {
		resp := ciRaw(t, env, "PutComplianceItems", ciRawPutBody(t, nil))
		require.Equal(t, 200, resp.Status, "%v", resp.Body)
		require.Empty(t, resp.Body)
	})
}

func TestPutComplianceItems_AccountIsolation(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ciMustPut(t, env.SSM, ciPutInput(ciNodeA, "Custom:AV", ciItem("mine", "NON_COMPLIANT", "HIGH")))
	_, otherAccount, _ := env.Clients("111122223333", "secret", "us-east-1")
	_, otherRegion, _ := env.Clients("AKIDSALVETEST", "secret", "eu-west-1")

	for name, c := range map[string]*ssm.Client{"OtherAccount": otherAccount, "OtherRegion": otherRegion} {
		t.Run(name, func(t *testing.T) {
			items, err := c.ListComplianceItems(context.Background(), &ssm.ListComplianceItemsInput{})
			require.NoError(t, err)
			require.Empty(t, items.ComplianceItems)
			sums, err := c.ListComplianceSummaries(context.Background(), &ssm.ListComplianceSummariesInput{})
			require.NoError(t, err)
			require.Empty(t, sums.ComplianceSummaryItems)
			res, err := c.ListResourceComplianceSummaries(context.Background(), &ssm.ListResourceComplianceSummariesInput{})
			require.NoError(t, err)
			require.Empty(t, res.ResourceComplianceSummaryItems)
		})
	}
	require.Equal(t, []string{"mine"}, ciItemIDs(t, env.SSM, ciNodeA, "Custom:AV"))
}
