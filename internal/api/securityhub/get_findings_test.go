package securityhub_test

import (
	"context"
	"sort"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/securityhub/types"
	"github.com/stretchr/testify/require"
)

// filterSet imports three findings that differ in the members filters read.
func filterSet(t *testing.T, e *env) {
	t.Helper()
	a := custom("alpha")
	a.Title = aws.String("S3 bucket allows public read")
	a.Severity = &types.Severity{Label: types.SeverityLabelCritical}
	a.Compliance = &types.Compliance{Status: types.ComplianceStatusFailed}
	a.UserDefinedFields = map[string]string{"team": "web"}
	a.Network = &types.Network{SourceIpV4: aws.String("10.0.1.5")}
	a.Sample = aws.Bool(true)
	a.UpdatedAt = aws.String("2026-10-30T00:00:00Z")

	b := custom("beta")
	b.Title = aws.String("Security group allows SSH from anywhere")
	b.Severity = &types.Severity{Label: types.SeverityLabelLow}
	b.Compliance = &types.Compliance{Status: types.ComplianceStatusPassed}
	b.Resources = []types.Resource{{Type: aws.String("AwsEc2SecurityGroup"), Id: aws.String("sg-1"), Tags: map[string]string{"env": "prod"}}}
	b.Network = &types.Network{SourceIpV4: aws.String("192.168.0.9")}
	b.UpdatedAt = aws.String("2026-11-01T11:30:00Z")

	c := custom("gamma")
	c.Title = aws.String("IAM role trusts another account")
	c.Severity = &types.Severity{Normalized: aws.Int32(50)}
	c.Resources = []types.Resource{{Type: aws.String("AwsIamRole"), Id: aws.String("arn:aws:iam::123456789012:role/x"),
		Tags: map[string]string{"env": "dev"}}}
	c.RecordState = types.RecordStateArchived
	c.UpdatedAt = aws.String("2026-11-01T08:00:00Z")
	e.importAll(t, a, b, c)
}

func ids(fs []types.AwsSecurityFinding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = aws.ToString(f.Id)
	}
	sort.Strings(out)
	return out
}

func sf(c types.StringFilterComparison, v string) types.StringFilter {
	return types.StringFilter{Comparison: c, Value: aws.String(v)}
}

func TestGetFindings_Filters(t *testing.T) {
	t.Parallel()
	e := setup(t)
	filterSet(t, e)
	const (
		EQ, PFX, NEQ, PNEQ = types.StringFilterComparisonEquals, types.StringFilterComparisonPrefix,
			types.StringFilterComparisonNotEquals, types.StringFilterComparisonPrefixNotEquals
		CT, NCT = types.StringFilterComparisonContains, types.StringFilterComparisonNotContains
	)
	for name, tc := range map[string]struct {
		f    types.AwsSecurityFindingFilters
		want []string
	}{
		"None":                   {types.AwsSecurityFindingFilters{}, []string{"alpha", "beta", "gamma"}},
		"Equals":                 {types.AwsSecurityFindingFilters{Id: eq("beta")}, []string{"beta"}},
		"EqualsIsCaseSensitive":  {types.AwsSecurityFindingFilters{Id: eq("BETA")}, []string{}},
		"EqualsJoinedByOr":       {types.AwsSecurityFindingFilters{Id: []types.StringFilter{sf(EQ, "alpha"), sf(EQ, "gamma")}}, []string{"alpha", "gamma"}},
		"Prefix":                 {types.AwsSecurityFindingFilters{ResourceType: []types.StringFilter{sf(PFX, "AwsEc2"), sf(PFX, "AwsIam")}}, []string{"beta", "gamma"}},
		"PrefixThenNotEquals":    {types.AwsSecurityFindingFilters{ResourceType: []types.StringFilter{sf(PFX, "Aws"), sf(NEQ, "AwsIamRole")}}, []string{"alpha", "beta"}},
		"NotEqualsJoinedByAnd":   {types.AwsSecurityFindingFilters{Id: []types.StringFilter{sf(NEQ, "alpha"), sf(NEQ, "beta")}}, []string{"gamma"}},
		"PrefixNotEquals":        {types.AwsSecurityFindingFilters{Title: []types.StringFilter{sf(PNEQ, "S3"), sf(PNEQ, "IAM")}}, []string{"beta"}},
		"Contains":               {types.AwsSecurityFindingFilters{Title: []types.StringFilter{sf(CT, "allows"), sf(CT, "trusts")}}, []string{"alpha", "beta", "gamma"}},
		"NotContains":            {types.AwsSecurityFindingFilters{Title: []types.StringFilter{sf(NCT, "SSH"), sf(NCT, "IAM")}}, []string{"alpha"}},
		"MissingValueNotEquals":  {types.AwsSecurityFindingFilters{ComplianceStatus: []types.StringFilter{sf(NEQ, "FAILED")}}, []string{"beta", "gamma"}},
		"SeverityLabelDerived":   {types.AwsSecurityFindingFilters{SeverityLabel: eq("MEDIUM")}, []string{"gamma"}},
		"RecordState":            {types.AwsSecurityFindingFilters{RecordState: eq("ACTIVE")}, []string{"alpha", "beta"}},
		"WorkflowStatus":         {types.AwsSecurityFindingFilters{WorkflowStatus: eq("NEW")}, []string{"alpha", "beta", "gamma"}},
		"ProductName":            {types.AwsSecurityFindingFilters{ProductName: eq("Default"), CompanyName: eq("Personal")}, []string{"alpha", "beta", "gamma"}},
		"AndAcrossFields":        {types.AwsSecurityFindingFilters{RecordState: eq("ACTIVE"), ResourceType: eq("AwsS3Bucket")}, []string{"alpha"}},
		"ResourceId":             {types.AwsSecurityFindingFilters{ResourceId: eq("sg-1")}, []string{"beta"}},
		"Region":                 {types.AwsSecurityFindingFilters{Region: eq("us-east-1"), AwsAccountId: eq(account)}, []string{"alpha", "beta", "gamma"}},
		"GeneratorIdAndType":     {types.AwsSecurityFindingFilters{GeneratorId: eq("my-scanner"), Type: []types.StringFilter{sf(PFX, "Software and Configuration Checks/")}}, []string{"alpha", "beta", "gamma"}},
		"SeverityNormalizedGte":  {types.AwsSecurityFindingFilters{SeverityNormalized: []types.NumberFilter{{Gte: aws.Float64(50)}}}, []string{"alpha", "gamma"}},
		"SeverityNormalizedOr":   {types.AwsSecurityFindingFilters{SeverityNormalized: []types.NumberFilter{{Eq: aws.Float64(1)}, {Gt: aws.Float64(89)}}}, []string{"alpha", "beta"}},
		"SeverityNormalizedBand": {types.AwsSecurityFindingFilters{SeverityNormalized: []types.NumberFilter{{Gt: aws.Float64(1), Lt: aws.Float64(90)}}}, []string{"gamma"}},
		"UpdatedAtStartEnd": {types.AwsSecurityFindingFilters{UpdatedAt: []types.DateFilter{{Start: aws.String("2026-11-01T00:00:00Z"),
			End: aws.String("2026-11-01T09:00:00+00:00")}}}, []string{"gamma"}},
		"UpdatedAtDateRange": {types.AwsSecurityFindingFilters{UpdatedAt: []types.DateFilter{{DateRange: &types.DateRange{
			Value: aws.Int32(1), Unit: types.DateRangeUnitDays}}}}, []string{"beta", "gamma"}},
		"CreatedAtOpenEnded":   {types.AwsSecurityFindingFilters{CreatedAt: []types.DateFilter{{Start: aws.String("2026-11-02T00:00:00Z")}}}, []string{}},
		"UserDefinedFields":    {types.AwsSecurityFindingFilters{UserDefinedFields: []types.MapFilter{{Key: aws.String("team"), Value: aws.String("web"), Comparison: types.MapFilterComparisonEquals}}}, []string{"alpha"}},
		"ResourceTagsNotEqual": {types.AwsSecurityFindingFilters{ResourceTags: []types.MapFilter{{Key: aws.String("env"), Value: aws.String("prod"), Comparison: types.MapFilterComparisonNotEquals}}}, []string{"alpha", "gamma"}},
		"ProductFields": {types.AwsSecurityFindingFilters{ProductFields: []types.MapFilter{{Key: aws.String("aws/securityhub/ProductName"),
			Value: aws.String("Default"), Comparison: types.MapFilterComparisonEquals}}}, []string{"alpha", "beta", "gamma"}},
		"Sample":      {types.AwsSecurityFindingFilters{Sample: []types.BooleanFilter{{Value: aws.Bool(true)}}}, []string{"alpha"}},
		"SourceIpV4":  {types.AwsSecurityFindingFilters{NetworkSourceIpV4: []types.IpFilter{{Cidr: aws.String("10.0.0.0/16")}}}, []string{"alpha"}},
		"SourceIpOne": {types.AwsSecurityFindingFilters{NetworkSourceIpV4: []types.IpFilter{{Cidr: aws.String("192.168.0.9")}}}, []string{"beta"}},
	} {
		t.Run(name, func(t *testing.T) {
			f := tc.f
			got := ids(e.findings(t, &f))
			require.Equal(t, tc.want, got)
		})
	}
}

func TestGetFindings_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	const (
		EQ, NEQ, CT, NCT = types.StringFilterComparisonEquals, types.StringFilterComparisonNotEquals,
			types.StringFilterComparisonContains, types.StringFilterComparisonNotContains
	)
	for name, in := range map[string]*sdk.GetFindingsInput{
		"ContainsWithNotContains": {Filters: &types.AwsSecurityFindingFilters{Title: []types.StringFilter{sf(CT, "a"), sf(NCT, "b")}}},
		"ContainsWithEquals":      {Filters: &types.AwsSecurityFindingFilters{Title: []types.StringFilter{sf(CT, "a"), sf(EQ, "b")}}},
		"EqualsWithNotEquals":     {Filters: &types.AwsSecurityFindingFilters{Id: []types.StringFilter{sf(EQ, "a"), sf(NEQ, "b")}}},
		"ContainsWord":            {Filters: &types.AwsSecurityFindingFilters{Title: []types.StringFilter{sf(types.StringFilterComparisonContainsWord, "a")}}},
		"BadComparison":           {Filters: &types.AwsSecurityFindingFilters{Title: []types.StringFilter{sf("LIKE", "a")}}},
		"NoComparison":            {Filters: &types.AwsSecurityFindingFilters{Title: []types.StringFilter{{Value: aws.String("a")}}}},
		"NoValue":                 {Filters: &types.AwsSecurityFindingFilters{Title: []types.StringFilter{{Comparison: EQ}}}},
		"DateBoth": {Filters: &types.AwsSecurityFindingFilters{UpdatedAt: []types.DateFilter{{Start: aws.String("2026-11-01T00:00:00Z"),
			DateRange: &types.DateRange{Value: aws.Int32(1), Unit: types.DateRangeUnitDays}}}}},
		"DateEmpty":       {Filters: &types.AwsSecurityFindingFilters{UpdatedAt: []types.DateFilter{{}}}},
		"DateMalformed":   {Filters: &types.AwsSecurityFindingFilters{UpdatedAt: []types.DateFilter{{Start: aws.String("2026-11-01")}}}},
		"DateRangeUnit":   {Filters: &types.AwsSecurityFindingFilters{UpdatedAt: []types.DateFilter{{DateRange: &types.DateRange{Value: aws.Int32(1), Unit: "WEEKS"}}}}},
		"NumberEmpty":     {Filters: &types.AwsSecurityFindingFilters{Confidence: []types.NumberFilter{{}}}},
		"MapNoKey":        {Filters: &types.AwsSecurityFindingFilters{ResourceTags: []types.MapFilter{{Value: aws.String("x"), Comparison: types.MapFilterComparisonEquals}}}},
		"MapBadCompare":   {Filters: &types.AwsSecurityFindingFilters{ResourceTags: []types.MapFilter{{Key: aws.String("k"), Value: aws.String("x"), Comparison: "PREFIX"}}}},
		"BadCidr":         {Filters: &types.AwsSecurityFindingFilters{NetworkSourceIpV4: []types.IpFilter{{Cidr: aws.String("10.0.0.0/33")}}}},
		"Keyword":         {Filters: &types.AwsSecurityFindingFilters{Keyword: []types.KeywordFilter{{Value: aws.String("x")}}}},
		"MaxResultsZero":  {MaxResults: aws.Int32(0)},
		"MaxResults101":   {MaxResults: aws.Int32(101)},
		"BadSortField":    {SortCriteria: []types.SortCriterion{{Field: aws.String("Color")}}},
		"MapSortField":    {SortCriteria: []types.SortCriterion{{Field: aws.String("ResourceTags")}}},
		"BadSortOrder":    {SortCriteria: []types.SortCriterion{{Field: aws.String("Title"), SortOrder: "up"}}},
		"ForeignToken":    {NextToken: aws.String("bm90IGEgdG9rZW4")},
		"DifferentFilter": {NextToken: aws.String(pageToken(t, e)), Filters: &types.AwsSecurityFindingFilters{Id: eq("x")}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := e.sh.GetFindings(context.Background(), in)
			requireCode(t, err, "InvalidInputException")
		})
	}
}

// pageToken returns the NextToken of a first page of one finding.
func pageToken(t *testing.T, e *env) string {
	t.Helper()
	e.importAll(t, custom("t1"), custom("t2"))
	out, err := e.sh.GetFindings(context.Background(), &sdk.GetFindingsInput{MaxResults: aws.Int32(1)})
	require.NoError(t, err)
	require.NotEmpty(t, aws.ToString(out.NextToken))
	return aws.ToString(out.NextToken)
}

func TestGetFindings_SortAndPage(t *testing.T) {
	t.Parallel()
	e := setup(t)
	filterSet(t, e)
	e.importAll(t, custom("delta"), custom("epsilon"))

	p := sdk.NewGetFindingsPaginator(e.sh, &sdk.GetFindingsInput{MaxResults: aws.Int32(2),
		SortCriteria: []types.SortCriterion{{Field: aws.String("SeverityNormalized"), SortOrder: types.SortOrderDescending},
			{Field: aws.String("Id"), SortOrder: types.SortOrderAscending}}})
	var got []string
	pages := 0
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		require.NoError(t, err)
		require.LessOrEqual(t, len(out.Findings), 2)
		for _, f := range out.Findings {
			got = append(got, aws.ToString(f.Id))
		}
		pages++
	}
	require.Equal(t, 3, pages)
	require.Equal(t, []string{"alpha", "delta", "epsilon", "gamma", "beta"}, got, "CRITICAL 90, HIGH 70 ×2 by Id, MEDIUM 50, LOW 1")

	out, err := e.sh.GetFindings(context.Background(), &sdk.GetFindingsInput{})
	require.NoError(t, err)
	require.Equal(t, "beta", aws.ToString(out.Findings[0].Id), "newest UpdatedAt first by default")
	require.Nil(t, out.NextToken)
}
