package configservice_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func ruleResults(t *testing.T, c *configservice.Client, rule string) []types.EvaluationResult {
	t.Helper()
	out, err := c.GetComplianceDetailsByConfigRule(context.Background(), &configservice.GetComplianceDetailsByConfigRuleInput{
		ConfigRuleName: aws.String(rule), Limit: 100,
	})
	require.NoError(t, err)
	return out.EvaluationResults
}

func TestPutEvaluations(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	putTestRule(t, env.Config, "versioning")
	ordering := salvetest.Start.Add(-time.Hour)
	env.Clock.Advance(time.Minute)
	e := testEval("my-bucket", types.ComplianceTypeNonCompliant, ordering)
	e.Annotation = aws.String("versioning is off")
	putTestEvaluations(t, env.Config, "versioning", e)

	got := ruleResults(t, env.Config, "versioning")
	require.Len(t, got, 1)
	r := got[0]
	q := r.EvaluationResultIdentifier.EvaluationResultQualifier
	require.Equal(t, "versioning", aws.ToString(q.ConfigRuleName))
	require.Equal(t, "AWS::S3::Bucket", aws.ToString(q.ResourceType))
	require.Equal(t, "my-bucket", aws.ToString(q.ResourceId))
	require.Equal(t, types.EvaluationModeDetective, q.EvaluationMode)
	require.True(t, ordering.Equal(aws.ToTime(r.EvaluationResultIdentifier.OrderingTimestamp)))
	require.Equal(t, types.ComplianceTypeNonCompliant, r.ComplianceType)
	require.Equal(t, "versioning is off", aws.ToString(r.Annotation))
	require.True(t, env.Clock.Now().Equal(aws.ToTime(r.ResultRecordedTime)), "recorded at the clock's now")
	require.True(t, env.Clock.Now().Equal(aws.ToTime(r.ConfigRuleInvokedTime)))
	require.Equal(t, "versioning", aws.ToString(r.ResultToken))
}

func TestPutEvaluations_TokenIsRuleARN(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	putTestRule(t, env.Config, "by-arn")
	arn := aws.ToString(describeTestRule(t, env.Config, "by-arn").ConfigRuleArn)
	putTestEvaluations(t, env.Config, arn, testEval("b", types.ComplianceTypeCompliant, salvetest.Start))
	require.Len(t, ruleResults(t, env.Config, "by-arn"), 1)
}

func TestPutEvaluations_TestModeStoresNothing(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	putTestRule(t, env.Config, "tm")
	for _, token := range []string{"tm", "not-a-rule"} {
		out, err := env.Config.PutEvaluations(ctx, &configservice.PutEvaluationsInput{
			ResultToken: aws.String(token), TestMode: true,
			Evaluations: []types.Evaluation{testEval("b", types.ComplianceTypeNonCompliant, salvetest.Start)},
		})
		require.NoError(t, err, "token %q", token)
		require.Empty(t, out.FailedEvaluations)
	}
	require.Empty(t, ruleResults(t, env.Config, "tm"))

	_, err := env.Config.PutEvaluations(ctx, &configservice.PutEvaluationsInput{
		ResultToken: aws.String("tm"), TestMode: true,
		Evaluations: []types.Evaluation{testEval("b", types.ComplianceTypeInsufficientData, salvetest.Start)},
	})
	requireRulesError(t, err, "InvalidParameterValueException", "INSUFFICIENT_DATA")
}

func TestPutEvaluations_OrderingTimestamp(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	putTestRule(t, env.Config, "ord")
	t0 := salvetest.Start
	putTestEvaluations(t, env.Config, "ord", testEval("b", types.ComplianceTypeNonCompliant, t0))

	putTestEvaluations(t, env.Config, "ord", testEval("b", types.ComplianceTypeCompliant, t0.Add(-time.Minute)))
	got := ruleResults(t, env.Config, "ord")
	require.Equal(t, types.ComplianceTypeNonCompliant, got[0].ComplianceType, "an older ordering timestamp is ignored")

	putTestEvaluations(t, env.Config, "ord", testEval("b", types.ComplianceTypeCompliant, t0.Add(time.Minute)))
	got = ruleResults(t, env.Config, "ord")
	require.Equal(t, types.ComplianceTypeCompliant, got[0].ComplianceType, "a newer ordering timestamp wins")
	require.True(t, t0.Add(time.Minute).Equal(aws.ToTime(got[0].EvaluationResultIdentifier.OrderingTimestamp)))
}

func TestPutEvaluations_ResultToken(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	other, _, _ := env.Clients("111122223333", "secret", "us-east-1")
	putTestRule(t, env.Config, "mine")
	evals := []types.Evaluation{testEval("b", types.ComplianceTypeCompliant, salvetest.Start)}

	for _, tc := range []struct {
		name   string
		client *configservice.Client
		token  string
	}{
		{"Unknown", env.Config, "no-such-rule"},
		{"Empty", env.Config, ""},
		{"OtherAccountsRule", other, "mine"},
		{"ForgedARN", env.Config, "arn:aws:config:us-east-1:123456789012:config-rule/config-rule-zzzzzz"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.client.PutEvaluations(context.Background(), &configservice.PutEvaluationsInput{ResultToken: aws.String(tc.token), Evaluations: evals})
			requireRulesError(t, err, "InvalidResultTokenException", "resultToken")
		})
	}
	require.Empty(t, ruleResults(t, env.Config, "mine"))
}

func TestPutEvaluations_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	putTestRule(t, env.Config, "r")
	ok := func() types.Evaluation { return testEval("b", types.ComplianceTypeCompliant, salvetest.Start) }
	tests := []struct {
		name, code, fragment string
		evals                func() []types.Evaluation
	}{
		{"InsufficientData", "InvalidParameterValueException", "INSUFFICIENT_DATA", func() []types.Evaluation {
			return []types.Evaluation{testEval("b", types.ComplianceTypeInsufficientData, salvetest.Start)}
		}},
		{"NoEvaluations", "InvalidParameterValueException", "Evaluations", func() []types.Evaluation { return nil }},
		{"TooMany", "ValidationException", "'evaluations' failed to satisfy constraint: Member must have length less than or equal to 100", func() []types.Evaluation {
			out := make([]types.Evaluation, 101)
			for i := range out {
				out[i] = ok()
			}
			return out
		}},
		{"BadComplianceType", "ValidationException", "evaluations.1.member.complianceType", func() []types.Evaluation {
			e := ok()
			e.ComplianceType = "FINE"
			return []types.Evaluation{e}
		}},
		{"TypeTooLong", "ValidationException", "evaluations.1.member.complianceResourceType", func() []types.Evaluation {
			e := ok()
			e.ComplianceResourceType = aws.String(strings.Repeat("t", 257))
			return []types.Evaluation{e}
		}},
		{"IDTooLong", "ValidationException", "evaluations.2.member.complianceResourceId", func() []types.Evaluation {
			e := ok()
			e.ComplianceResourceId = aws.String(strings.Repeat("i", 769))
			return []types.Evaluation{ok(), e}
		}},
		{"IDEmpty", "ValidationException", "evaluations.1.member.complianceResourceId", func() []types.Evaluation {
			e := ok()
			e.ComplianceResourceId = aws.String("")
			return []types.Evaluation{e}
		}},
		{"AnnotationTooLong", "ValidationException", "evaluations.1.member.annotation", func() []types.Evaluation {
			e := ok()
			e.Annotation = aws.String(strings.Repeat("a", 257))
			return []types.Evaluation{e}
		}},
		{"AnnotationEmpty", "ValidationException", "evaluations.1.member.annotation", func() []types.Evaluation {
			e := ok()
			e.Annotation = aws.String("")
			return []types.Evaluation{e}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := env.Config.PutEvaluations(context.Background(), &configservice.PutEvaluationsInput{ResultToken: aws.String("r"), Evaluations: tt.evals()})
			requireRulesError(t, err, tt.code, tt.fragment)
		})
	}
	require.Empty(t, ruleResults(t, env.Config, "r"), "a failed call stores nothing")
}

func TestPutEvaluations_ValidationRaw(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	putTestRule(t, env.Config, "r")
	tests := []struct{ name, body, fragment string }{
		{"NoResultToken", `{"Evaluations":[{"ComplianceResourceType":"t","ComplianceResourceId":"i","ComplianceType":"COMPLIANT","OrderingTimestamp":1}]}`,
			"'resultToken' failed to satisfy constraint: Member must not be null"},
		{"NoOrderingTimestamp", `{"ResultToken":"r","Evaluations":[{"ComplianceResourceType":"t","ComplianceResourceId":"i","ComplianceType":"COMPLIANT"}]}`,
			"'evaluations.1.member.orderingTimestamp' failed to satisfy constraint: Member must not be null"},
		{"NoComplianceType", `{"ResultToken":"r","Evaluations":[{"ComplianceResourceType":"t","ComplianceResourceId":"i","OrderingTimestamp":1}]}`,
			"evaluations.1.member.complianceType"},
		{"NoResourceType", `{"ResultToken":"r","Evaluations":[{"ComplianceResourceId":"i","ComplianceType":"COMPLIANT","OrderingTimestamp":1}]}`,
			"evaluations.1.member.complianceResourceType"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, msg := rawRulesCall(t, env, "PutEvaluations", tt.body)
			require.Equal(t, "ValidationException", code)
			require.Contains(t, msg, tt.fragment)
		})
	}
}
