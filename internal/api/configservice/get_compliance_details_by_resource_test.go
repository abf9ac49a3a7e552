package configservice_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func bucketDetails(t *testing.T, c *configservice.Client, id string, filter ...types.ComplianceType) []types.EvaluationResult {
	t.Helper()
	p := configservice.NewGetComplianceDetailsByResourcePaginator(c, &configservice.GetComplianceDetailsByResourceInput{
		ResourceType: aws.String("AWS::S3::Bucket"), ResourceId: aws.String(id), ComplianceTypes: filter,
	}, func(o *configservice.GetComplianceDetailsByResourcePaginatorOptions) { o.StopOnDuplicateToken = true })
	var out []types.EvaluationResult
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		require.NoError(t, err)
		out = append(out, page.EvaluationResults...)
	}
	return out
}

func TestGetComplianceDetailsByResource(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	complianceScenario(t, env.Config)

	got := bucketDetails(t, env.Config, "b1")
	var rulesSeen []string
	for _, r := range got {
		q := r.EvaluationResultIdentifier.EvaluationResultQualifier
		require.Equal(t, "b1", aws.ToString(q.ResourceId))
		rulesSeen = append(rulesSeen, aws.ToString(q.ConfigRuleName))
	}
	require.Equal(t, []string{"all-compliant", "not-applicable", "one-failing"}, rulesSeen, "one result per rule, in rule-name order")

	na := bucketDetails(t, env.Config, "b1", types.ComplianceTypeNotApplicable)
	require.Len(t, na, 1)
	require.Equal(t, "not-applicable", aws.ToString(na[0].EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName))
	require.Empty(t, bucketDetails(t, env.Config, "never-seen"))
}

func TestGetComplianceDetailsByResource_Paging(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	for i := range 30 {
		name := fmt.Sprintf("r%02d", i)
		putTestRule(t, env.Config, name)
		putTestEvaluations(t, env.Config, name, testEval("b", types.ComplianceTypeCompliant, salvetest.Start))
	}
	first, err := env.Config.GetComplianceDetailsByResource(context.Background(), &configservice.GetComplianceDetailsByResourceInput{
		ResourceType: aws.String("AWS::S3::Bucket"), ResourceId: aws.String("b"),
	})
	require.NoError(t, err)
	require.Len(t, first.EvaluationResults, 25)
	require.NotNil(t, first.NextToken)

	all := bucketDetails(t, env.Config, "b")
	require.Len(t, all, 30)
	require.Equal(t, "r29", aws.ToString(all[29].EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName))
}

func TestGetComplianceDetailsByResource_ResourceEvaluationID(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	out, err := env.Config.GetComplianceDetailsByResource(context.Background(), &configservice.GetComplianceDetailsByResourceInput{
		ResourceEvaluationId: aws.String("proactive-1"),
	})
	require.NoError(t, err)
	require.Empty(t, out.EvaluationResults, "Salve runs no proactive evaluations")
}

func TestGetComplianceDetailsByResource_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	tests := []struct {
		name, code, fragment string
		in                   configservice.GetComplianceDetailsByResourceInput
	}{
		{"Nothing", "InvalidParameterValueException", "ResourceType and ResourceId are both required", configservice.GetComplianceDetailsByResourceInput{}},
		{"TypeOnly", "InvalidParameterValueException", "ResourceType and ResourceId", configservice.GetComplianceDetailsByResourceInput{ResourceType: aws.String("AWS::S3::Bucket")}},
		{"IDOnly", "InvalidParameterValueException", "ResourceType and ResourceId", configservice.GetComplianceDetailsByResourceInput{ResourceId: aws.String("b")}},
		{"Both", "InvalidParameterValueException", "not both", configservice.GetComplianceDetailsByResourceInput{
			ResourceType: aws.String("AWS::S3::Bucket"), ResourceId: aws.String("b"), ResourceEvaluationId: aws.String("e")}},
		{"InsufficientDataFilter", "InvalidParameterValueException", "INSUFFICIENT_DATA cannot be used", configservice.GetComplianceDetailsByResourceInput{
			ResourceType: aws.String("AWS::S3::Bucket"), ResourceId: aws.String("b"), ComplianceTypes: []types.ComplianceType{types.ComplianceTypeInsufficientData}}},
		{"BadType", "ValidationException", "complianceTypes.1.member", configservice.GetComplianceDetailsByResourceInput{
			ResourceType: aws.String("AWS::S3::Bucket"), ResourceId: aws.String("b"), ComplianceTypes: []types.ComplianceType{"NOPE"}}},
		{"EmptyID", "ValidationException", "'resourceId'", configservice.GetComplianceDetailsByResourceInput{
			ResourceType: aws.String("AWS::S3::Bucket"), ResourceId: aws.String("")}},
		{"BadToken", "InvalidNextTokenException", "nextToken", configservice.GetComplianceDetailsByResourceInput{
			ResourceType: aws.String("AWS::S3::Bucket"), ResourceId: aws.String("b"), NextToken: aws.String("bad")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := env.Config.GetComplianceDetailsByResource(context.Background(), &tt.in)
			requireRulesError(t, err, tt.code, tt.fragment)
		})
	}
}
