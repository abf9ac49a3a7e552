package configservice_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func resourceCompliances(t *testing.T, c *configservice.Client, in *configservice.DescribeComplianceByResourceInput) map[string]*types.Compliance {
	t.Helper()
	out, err := c.DescribeComplianceByResource(context.Background(), in)
	require.NoError(t, err)
	got := map[string]*types.Compliance{}
	for _, it := range out.ComplianceByResources {
		got[aws.ToString(it.ResourceType)+" "+aws.ToString(it.ResourceId)] = it.Compliance
	}
	return got
}

func TestDescribeComplianceByResource(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	complianceScenario(t, env.Config)
	putTestEvaluations(t, env.Config, "no-results", types.Evaluation{
		ComplianceResourceType: aws.String("AWS::EC2::Instance"), ComplianceResourceId: aws.String("i-1"),
		ComplianceType: types.ComplianceTypeNonCompliant, OrderingTimestamp: aws.Time(salvetest.Start),
	})

	got := resourceCompliances(t, env.Config, &configservice.DescribeComplianceByResourceInput{})
	require.Equal(t, map[string]*types.Compliance{
		"AWS::S3::Bucket b1": {ComplianceType: types.ComplianceTypeCompliant},
		"AWS::S3::Bucket b2": {ComplianceType: types.ComplianceTypeNonCompliant,
			ComplianceContributorCount: &types.ComplianceContributorCount{CappedCount: 1}},
		"AWS::S3::Bucket b3": {ComplianceType: types.ComplianceTypeInsufficientData},
		"AWS::EC2::Instance i-1": {ComplianceType: types.ComplianceTypeNonCompliant,
			ComplianceContributorCount: &types.ComplianceContributorCount{CappedCount: 1}},
	}, got)

	got = resourceCompliances(t, env.Config, &configservice.DescribeComplianceByResourceInput{ResourceType: aws.String("AWS::EC2::Instance")})
	require.Equal(t, []string{"AWS::EC2::Instance i-1"}, ruleMapKeys(got))

	got = resourceCompliances(t, env.Config, &configservice.DescribeComplianceByResourceInput{
		ResourceType: aws.String("AWS::S3::Bucket"), ComplianceTypes: []types.ComplianceType{types.ComplianceTypeNonCompliant},
	})
	require.Equal(t, []string{"AWS::S3::Bucket b2"}, ruleMapKeys(got))

	got = resourceCompliances(t, env.Config, &configservice.DescribeComplianceByResourceInput{
		ResourceType: aws.String("AWS::S3::Bucket"), ResourceId: aws.String("b2"),
	})
	require.Equal(t, []string{"AWS::S3::Bucket b2"}, ruleMapKeys(got))

	got = resourceCompliances(t, env.Config, &configservice.DescribeComplianceByResourceInput{
		ResourceType: aws.String("AWS::S3::Bucket"), ResourceId: aws.String("never-seen"),
	})
	require.Equal(t, map[string]*types.Compliance{"AWS::S3::Bucket never-seen": {ComplianceType: types.ComplianceTypeInsufficientData}}, got)
}

func TestDescribeComplianceByResource_RuleCap(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	for i := range 26 {
		name := fmt.Sprintf("r%02d", i)
		putTestRule(t, env.Config, name)
		putTestEvaluations(t, env.Config, name, testEval("bad", types.ComplianceTypeNonCompliant, salvetest.Start))
	}
	got := resourceCompliances(t, env.Config, &configservice.DescribeComplianceByResourceInput{})
	require.Equal(t, &types.ComplianceContributorCount{CappedCount: 25, CapExceeded: true}, got["AWS::S3::Bucket bad"].ComplianceContributorCount)
}

func TestDescribeComplianceByResource_Paging(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	putTestRule(t, env.Config, "a")
	putTestRule(t, env.Config, "b")
	var evals []types.Evaluation
	for i := range 15 {
		evals = append(evals, testEval(fmt.Sprintf("bucket-%02d", i), types.ComplianceTypeCompliant, salvetest.Start))
	}
	putTestEvaluations(t, env.Config, "a", evals...)
	putTestEvaluations(t, env.Config, "b", evals...)

	first, err := env.Config.DescribeComplianceByResource(context.Background(), &configservice.DescribeComplianceByResourceInput{})
	require.NoError(t, err)
	require.Len(t, first.ComplianceByResources, 10, "Limit defaults to 10")
	require.NotNil(t, first.NextToken)

	p := configservice.NewDescribeComplianceByResourcePaginator(env.Config, &configservice.DescribeComplianceByResourceInput{Limit: 4},
		func(o *configservice.DescribeComplianceByResourcePaginatorOptions) { o.StopOnDuplicateToken = true })
	var sizes []int
	var ids []string
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		require.NoError(t, err)
		sizes = append(sizes, len(out.ComplianceByResources))
		for _, it := range out.ComplianceByResources {
			ids = append(ids, aws.ToString(it.ResourceId))
		}
	}
	require.Equal(t, []int{4, 4, 4, 3}, sizes)
	require.Len(t, ids, 15)
	for i, id := range ids {
		require.Equal(t, fmt.Sprintf("bucket-%02d", i), id, "each resource once, in order")
	}
}

func TestDescribeComplianceByResource_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	tests := []struct {
		name, code, fragment string
		in                   configservice.DescribeComplianceByResourceInput
	}{
		{"IDWithoutType", "InvalidParameterValueException", "ResourceType is required", configservice.DescribeComplianceByResourceInput{ResourceId: aws.String("b1")}},
		{"BadToken", "InvalidNextTokenException", "nextToken", configservice.DescribeComplianceByResourceInput{NextToken: aws.String("x")}},
		{"LimitTooHigh", "ValidationException", "'limit' failed to satisfy constraint: Member must have value less than or equal to 100",
			configservice.DescribeComplianceByResourceInput{Limit: 101}},
		{"TypeTooLong", "ValidationException", "'resourceType'", configservice.DescribeComplianceByResourceInput{ResourceType: aws.String(strings.Repeat("t", 257))}},
		{"BadComplianceType", "ValidationException", "complianceTypes.1.member", configservice.DescribeComplianceByResourceInput{ComplianceTypes: []types.ComplianceType{"RED"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := env.Config.DescribeComplianceByResource(context.Background(), &tt.in)
			requireRulesError(t, err, tt.code, tt.fragment)
		})
	}
	code, msg := rawRulesCall(t, env, "DescribeComplianceByResource", `{"Limit":-1}`)
	require.Equal(t, "ValidationException", code)
	require.Contains(t, msg, "greater than or equal to 0")
}

func TestDescribeComplianceByResource_CrossAccount(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	other, _, _ := env.Clients("111122223333", "secret", "us-east-1")
	complianceScenario(t, env.Config)
	require.Empty(t, resourceCompliances(t, other, &configservice.DescribeComplianceByResourceInput{}))
	details, err := other.GetComplianceDetailsByResource(context.Background(), &configservice.GetComplianceDetailsByResourceInput{
		ResourceType: aws.String("AWS::S3::Bucket"), ResourceId: aws.String("b1"),
	})
	require.NoError(t, err)
	require.Empty(t, details.EvaluationResults)
}
