package managed

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

const trailARN = "arn:aws:cloudtrail:us-east-1:123456789012:trail/main"

// trailEnv answers DescribeTrails with the trails, GetTrailStatus with
// logging[name], and GetEventSelectors with selectors[name].
func trailEnv(trails []map[string]any, logging map[string]bool, selectors map[string]map[string]any) *fakeEnv {
	env := newFakeEnv()
	list := make([]any, len(trails))
	for i, tr := range trails {
		list[i] = tr
	}
	env.answer("cloudtrail:DescribeTrails", map[string]any{"trailList": list})
	byARN := func(in map[string]any, key string) string {
		for _, tr := range trails {
			if tr["TrailARN"] == in[key] {
				return tr["Name"].(string)
			}
		}
		return ""
	}
	env.responses["cloudtrail:GetTrailStatus"] = func(in map[string]any) (map[string]any, error) {
		name := byARN(in, "Name")
		if name == "" {
			return nil, errors.New("GetTrailStatus wants the trail ARN")
		}
		return map[string]any{"IsLogging": logging[name]}, nil
	}
	env.responses["cloudtrail:GetEventSelectors"] = func(in map[string]any) (map[string]any, error) {
		name := byARN(in, "TrailName")
		if s, ok := selectors[name]; ok {
			return s, nil
		}
		return map[string]any{"TrailARN": in["TrailName"], "EventSelectors": []any{
			map[string]any{"ReadWriteType": "All", "IncludeManagementEvents": true, "DataResources": []any{}, "ExcludeManagementEventSources": []any{}}}}, nil
	}
	return env
}

func trailOf(name string, fields map[string]any) map[string]any {
	tr := map[string]any{"Name": name, "TrailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/" + name,
		"HomeRegion": "us-east-1", "S3BucketName": "trail-bucket", "IsMultiRegionTrail": false, "LogFileValidationEnabled": false}
	for k, v := range fields {
		tr[k] = v
	}
	return tr
}

// accountCase is one table case of an account-level rule.
type accountCase struct {
	name       string
	params     string
	env        *fakeEnv
	want       string
	annotation string
}

func runAccountCases(t *testing.T, id string, cases []accountCase) {
	t.Helper()
	r := mustRule(t, id)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			evs, err := r.EvaluateAccount(context.Background(), tc.env, mustParams(t, r, tc.params))
			require.NoError(t, err)
			require.Len(t, evs, 1)
			require.Equal(t, AccountResourceType, evs[0].ResourceType)
			require.Equal(t, "123456789012", evs[0].ResourceID)
			require.Equal(t, tc.want, evs[0].ComplianceType, evs[0].Annotation)
			require.Contains(t, evs[0].Annotation, tc.annotation)
		})
	}
}

func TestCloudTrailEnabled(t *testing.T) {
	t.Parallel()
	main := trailOf("main", map[string]any{"SnsTopicARN": "arn:aws:sns:us-east-1:123456789012:t"})
	runAccountCases(t, "CLOUD_TRAIL_ENABLED", []accountCase{
		{name: "NoTrails", env: trailEnv(nil, nil, nil), want: NonCompliant, annotation: "No CloudTrail trail exists"},
		{name: "Logging", env: trailEnv([]map[string]any{main}, map[string]bool{"main": true}, nil), want: Compliant},
		{name: "NotLogging", env: trailEnv([]map[string]any{main}, nil, nil), want: NonCompliant, annotation: "Trail main is not logging"},
		{name: "OneOfTwoLogging", env: trailEnv([]map[string]any{trailOf("off", nil), main}, map[string]bool{"main": true}, nil), want: Compliant},
		{name: "BucketMatches", params: `{"s3BucketName":"trail-bucket"}`, env: trailEnv([]map[string]any{main}, map[string]bool{"main": true}, nil), want: Compliant},
		{name: "BucketDiffers", params: `{"s3BucketName":"audit"}`, env: trailEnv([]map[string]any{main}, map[string]bool{"main": true}, nil), want: NonCompliant, annotation: "does not deliver to the S3 bucket audit"},
		{name: "TopicMatches", params: `{"snsTopicArn":"arn:aws:sns:us-east-1:123456789012:t"}`, env: trailEnv([]map[string]any{main}, map[string]bool{"main": true}, nil), want: Compliant},
		{name: "LogGroupMissing", params: `{"cloudWatchLogsLogGroupArn":"arn:aws:logs:us-east-1:123456789012:log-group:ct:*"}`, env: trailEnv([]map[string]any{main}, map[string]bool{"main": true}, nil), want: NonCompliant, annotation: "CloudWatch Logs log group"},
		{name: "ShadowTrailCounts", env: trailEnv([]map[string]any{trailOf("org", map[string]any{"HomeRegion": "eu-west-1", "IsMultiRegionTrail": true})}, map[string]bool{"org": true}, nil), want: Compliant},
		{name: "StatusErrorIsNotLogging", env: trailEnv([]map[string]any{main}, nil, nil).fail("cloudtrail:GetTrailStatus", "TrailNotFoundException"), want: NonCompliant},
	})
}

func TestMultiRegionCloudTrailEnabled(t *testing.T) {
	t.Parallel()
	multi := trailOf("main", map[string]any{"IsMultiRegionTrail": true})
	single := trailOf("local", nil)
	logging := map[string]bool{"main": true, "local": true}
	selectors := func(sel ...any) map[string]map[string]any {
		return map[string]map[string]any{"main": {"EventSelectors": sel}}
	}
	basic := func(rw string, mgmt bool, exclude ...any) map[string]any {
		return map[string]any{"ReadWriteType": rw, "IncludeManagementEvents": mgmt, "ExcludeManagementEventSources": exclude}
	}
	advanced := func(fields ...any) map[string]map[string]any {
		return map[string]map[string]any{"main": {"AdvancedEventSelectors": []any{map[string]any{"Name": "mgmt", "FieldSelectors": fields}}}}
	}
	field := func(name, op string, values ...any) map[string]any { return map[string]any{"Field": name, op: values} }
	runAccountCases(t, "MULTI_REGION_CLOUD_TRAIL_ENABLED", []accountCase{
		{name: "NoTrails", env: trailEnv(nil, nil, nil), want: NonCompliant, annotation: "No multi-Region CloudTrail trail exists"},
		{name: "SingleRegionOnly", env: trailEnv([]map[string]any{single}, logging, nil), want: NonCompliant, annotation: "No multi-Region"},
		{name: "MultiRegionLogging", env: trailEnv([]map[string]any{single, multi}, logging, nil), want: Compliant},
		{name: "MultiRegionNotLogging", env: trailEnv([]map[string]any{multi}, nil, nil), want: NonCompliant, annotation: "Multi-Region trail main is not logging"},
		{name: "BucketDiffers", params: `{"s3BucketName":"other"}`, env: trailEnv([]map[string]any{multi}, logging, nil), want: NonCompliant, annotation: "main does not deliver to the S3 bucket other"},
		{name: "ExcludesKMSEvents", env: trailEnv([]map[string]any{multi}, logging, selectors(basic("All", true, "kms.amazonaws.com"))), want: NonCompliant, annotation: "excludes management events from kms.amazonaws.com"},
		{name: "ManagementEventsRequiredAndRecorded", params: `{"includeManagementEvents":"true"}`, env: trailEnv([]map[string]any{multi}, logging, nil), want: Compliant},
		{name: "ManagementEventsRequiredButOff", params: `{"includeManagementEvents":"true"}`, env: trailEnv([]map[string]any{multi}, logging, selectors(basic("All", false))), want: NonCompliant, annotation: "does not record management events"},
		{name: "ManagementEventsOffNotRequired", env: trailEnv([]map[string]any{multi}, logging, selectors(basic("All", false))), want: Compliant},
		{name: "ReadWriteTypeMatches", params: `{"readWriteType":"ALL"}`, env: trailEnv([]map[string]any{multi}, logging, nil), want: Compliant},
		{name: "ReadWriteTypeDiffers", params: `{"readWriteType":"ALL"}`, env: trailEnv([]map[string]any{multi}, logging, selectors(basic("WriteOnly", true))), want: NonCompliant, annotation: "does not record ALL management events"},
		{name: "WriteOnlyWanted", params: `{"readWriteType":"WriteOnly"}`, env: trailEnv([]map[string]any{multi}, logging, selectors(basic("ReadOnly", true), basic("WriteOnly", true))), want: Compliant},
		{name: "NoSelectorsMeansAll", params: `{"includeManagementEvents":"true","readWriteType":"ALL"}`, env: trailEnv([]map[string]any{multi}, logging, selectors()), want: Compliant},
		{name: "AdvancedManagement", params: `{"includeManagementEvents":"true","readWriteType":"ALL"}`, env: trailEnv([]map[string]any{multi}, logging, advanced(field("eventCategory", "Equals", "Management"))), want: Compliant},
		{name: "AdvancedReadOnly", params: `{"readWriteType":"ALL"}`, env: trailEnv([]map[string]any{multi}, logging, advanced(field("eventCategory", "Equals", "Management"), field("readOnly", "Equals", "true"))), want: NonCompliant},
		{name: "AdvancedExcludesSource", env: trailEnv([]map[string]any{multi}, logging, advanced(field("eventCategory", "Equals", "Management"), field("eventSource", "NotEquals", "rdsdata.amazonaws.com"))), want: NonCompliant, annotation: "rdsdata.amazonaws.com"},
		{name: "AdvancedDataOnly", params: `{"includeManagementEvents":"true"}`, env: trailEnv([]map[string]any{multi}, logging, advanced(field("eventCategory", "Equals", "Data"))), want: NonCompliant},
	})
}

func TestCloudTrailPerTrailRules(t *testing.T) {
	t.Parallel()
	trails := []map[string]any{
		trailOf("good", map[string]any{"LogFileValidationEnabled": true, "KmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/k"}),
		trailOf("bad", nil),
		trailOf("shadow", map[string]any{"HomeRegion": "eu-west-1", "IsMultiRegionTrail": true}),
	}
	for _, tc := range []struct {
		rule, annotation string
	}{
		{"CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", "Log file validation is not enabled for trail bad."},
		{"CLOUD_TRAIL_ENCRYPTION_ENABLED", "Trail bad does not encrypt its log files with a KMS key (KmsKeyId)."},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			t.Parallel()
			evs, err := mustRule(t, tc.rule).EvaluateAccount(context.Background(), trailEnv(trails, nil, nil), Params{})
			require.NoError(t, err)
			require.Equal(t, []Evaluation{
				{ResourceType: trailType, ResourceID: "arn:aws:cloudtrail:us-east-1:123456789012:trail/good", ComplianceType: Compliant},
				{ResourceType: trailType, ResourceID: "arn:aws:cloudtrail:us-east-1:123456789012:trail/bad", ComplianceType: NonCompliant, Annotation: tc.annotation},
			}, evs, "shadow trails are reported by their home Region")
			evs, err = mustRule(t, tc.rule).EvaluateAccount(context.Background(), trailEnv(nil, nil, nil), Params{})
			require.NoError(t, err)
			require.Empty(t, evs, "no trail, nothing to report")
		})
	}
}

func TestCloudTrailRules_CallerFailure(t *testing.T) {
	t.Parallel()
	for _, id := range []string{"CLOUD_TRAIL_ENABLED", "MULTI_REGION_CLOUD_TRAIL_ENABLED", "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", "CLOUD_TRAIL_ENCRYPTION_ENABLED"} {
		env := newFakeEnv()
		env.responses["cloudtrail:DescribeTrails"] = func(map[string]any) (map[string]any, error) { return nil, errors.New("connection refused") }
		_, err := mustRule(t, id).EvaluateAccount(context.Background(), env, Params{})
		require.ErrorContains(t, err, "DescribeTrails: connection refused", id)
	}
	env := trailEnv([]map[string]any{trailOf("main", map[string]any{"IsMultiRegionTrail": true})}, nil, nil)
	env.responses["cloudtrail:GetTrailStatus"] = func(map[string]any) (map[string]any, error) { return nil, errors.New("timeout") }
	_, err := mustRule(t, "MULTI_REGION_CLOUD_TRAIL_ENABLED").EvaluateAccount(context.Background(), env, Params{})
	require.ErrorContains(t, err, "GetTrailStatus: timeout")
}
