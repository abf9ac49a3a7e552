package cloudtrail_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	ctapi "github.com/salvehq/salve/internal/api/cloudtrail"
)

// TestRaw_RequiredMembersAndShapes sends what the SDKs refuse to send and
// checks the error shape.
func TestRaw_RequiredMembersAndShapes(t *testing.T) {
	t.Parallel()
	e := setup(t)
	created := e.raw(t, ctapi.TargetPrefix, "CreateTrail", `{"Name":"raw-trail","S3BucketName":"trail-bucket"}`)
	require.Equal(t, http.StatusOK, created.status, created.body)
	require.Equal(t, "arn:aws:cloudtrail:us-east-1:123456789012:trail/raw-trail", created.body["TrailARN"])

	cases := map[string]struct{ op, body, code string }{
		"CreateWithoutName":     {"CreateTrail", `{"S3BucketName":"trail-bucket"}`, "InvalidTrailNameException"},
		"CreateWithoutBucket":   {"CreateTrail", `{"Name":"abc"}`, "InvalidS3BucketNameException"},
		"GetWithoutName":        {"GetTrail", `{}`, "InvalidTrailNameException"},
		"DeleteEmptyName":       {"DeleteTrail", `{"Name":""}`, "InvalidTrailNameException"},
		"StatusWithoutName":     {"GetTrailStatus", ``, "InvalidTrailNameException"},
		"SelectorsWithoutTrail": {"GetEventSelectors", `{}`, "InvalidTrailNameException"},
		"NoFieldSelectors": {"PutEventSelectors",
			`{"TrailName":"raw-trail","AdvancedEventSelectors":[{"FieldSelectors":[]}]}`, "InvalidEventSelectorsException"},
		"EmptyBasicSelectors": {"PutEventSelectors", `{"TrailName":"raw-trail","EventSelectors":[]}`, "InvalidEventSelectorsException"},
		"AddTagsWithoutTags":  {"AddTags", `{"ResourceId":"arn:aws:cloudtrail:us-east-1:123456789012:trail/raw-trail"}`, "InvalidParameterException"},
		"AddTagsWithoutARN":   {"AddTags", `{"TagsList":[{"Key":"k"}]}`, "CloudTrailARNInvalidException"},
		"TagWithoutKey": {"AddTags",
			`{"ResourceId":"arn:aws:cloudtrail:us-east-1:123456789012:trail/raw-trail","TagsList":[{"Value":"v"}]}`, "InvalidTagParameterException"},
		"ListTagsWithoutIDs": {"ListTags", `{}`, "InvalidParameterException"},
		"WrongType":          {"GetTrail", `{"Name":5}`, "SerializationException"},
		"NotJSON":            {"GetTrail", `{`, "SerializationException"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got := e.raw(t, ctapi.SDKTargetPrefix, tc.op, tc.body)
			require.Equal(t, http.StatusBadRequest, got.status)
			require.Equal(t, tc.code, got.code)
			require.Equal(t, tc.code, got.body["__type"])
			require.NotEmpty(t, got.body["message"])
		})
	}
}

// TestRaw_DescribeTrailsMembersAreLowerCamel pins DescribeTrails' modelled
// member names (trailNameList, includeShadowTrails, trailList).
func TestRaw_DescribeTrailsMembersAreLowerCamel(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.raw(t, ctapi.TargetPrefix, "CreateTrail", `{"Name":"abc","S3BucketName":"trail-bucket"}`)
	got := e.raw(t, ctapi.TargetPrefix, "DescribeTrails", `{"trailNameList":["abc"],"includeShadowTrails":false}`)
	require.Equal(t, http.StatusOK, got.status)
	list := got.body["trailList"].([]any)
	require.Len(t, list, 1)
	trail := list[0].(map[string]any)
	require.Equal(t, "abc", trail["Name"])
	require.Equal(t, "us-east-1", trail["HomeRegion"])
	require.Equal(t, false, trail["HasCustomEventSelectors"])
}
