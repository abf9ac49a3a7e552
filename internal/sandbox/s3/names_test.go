package s3

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestValidBucketName(t *testing.T) {
	t.Parallel()
	cases := map[string]bool{
		"abc": true, "my-bucket.logs-2026": true, "0digits9": true, strings.Repeat("a", 63): true,
		"ab": false, strings.Repeat("a", 64): false, "My-bucket": false, "my_bucket": false,
		"-bucket": false, "bucket-": false, ".bucket": false, "bucket.": false, "my..bucket": false,
		"192.168.5.4": false, "192.168.5.400": false, "1.2.3": true, "1.2.3.4.5": true, "xn--bucket": false, "sthree-bucket": false,
		"amzn-s3-demo-bucket": false, "bucket-s3alias": false, "bucket--ol-s3": false,
		"bucket.mrap": false, "bucket--x-s3": false, "bucket--table-s3": false, "buck et": false,
	}
	for name, want := range cases {
		require.Equal(t, want, ValidBucketName(name), name)
	}
}

func TestBucketRegion(t *testing.T) {
	t.Parallel()
	s := func(v string) *string { return &v }
	cases := []struct {
		name       string
		constraint *string
		endpoint   string
		want, code string
	}{
		{"UsEast1None", nil, "us-east-1", "us-east-1", ""},
		{"UsEast1Empty", s(""), "us-east-1", "us-east-1", ""},
		{"GlobalToEU", s("eu-west-1"), "us-east-1", "eu-west-1", ""},
		{"LegacyEU", s("EU"), "eu-west-1", "eu-west-1", ""},
		{"Regional", s("ap-south-1"), "ap-south-1", "ap-south-1", ""},
		{"RegionalNone", nil, "ap-south-1", "", CodeIllegalLocationConstraint},
		{"RegionalOther", s("eu-west-2"), "ap-south-1", "", CodeIllegalLocationConstraint},
		{"ExplicitUsEast1", s("us-east-1"), "us-east-1", "", CodeInvalidLocationConstraint},
		{"Unknown", s("moon-1"), "us-east-1", "", CodeInvalidLocationConstraint},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := bucketRegion(tc.constraint, tc.endpoint)
			if tc.code != "" {
				requireCode(t, err, tc.code)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestWildcardMatch(t *testing.T) {
	t.Parallel()
	cases := []struct {
		pattern, s string
		want       bool
	}{
		{"bucket", "bucket", true}, {"bucket", "bucket2", false}, {"buck*", "bucket", true},
		{"*", "anything", true}, {"*", "", true}, {"b?cket", "bucket", true}, {"b?cket", "bcket", false},
		{"*-logs", "app-logs", true}, {"*-logs", "app-log", false}, {"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxbyy", false}, {strings.Repeat("*a", 30) + "b", strings.Repeat("a", 60), false},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, wildcardMatch(tc.pattern, tc.s), "%q ~ %q", tc.pattern, tc.s)
	}
}

func TestValidateTag(t *testing.T) {
	t.Parallel()
	ok := []Tag{{"Name", "web server"}, {"cost-center", "a+b=c.d_e:f/g@h"}, {"ünïcode", "値"}, {"k", ""}}
	for _, tag := range ok {
		require.NoError(t, validateTag(tag), tag.Key)
	}
	bad := []Tag{{"", "v"}, {"aws:x", "v"}, {"AWS:x", "v"}, {"k*", "v"}, {"k", "v!"},
		{strings.Repeat("k", 129), ""}, {"k", strings.Repeat("v", 257)}}
	for _, tag := range bad {
		requireCode(t, validateTag(tag), CodeInvalidTag)
	}
}

func TestNeedsMFA(t *testing.T) {
	t.Parallel()
	require.False(t, needsMFA(Versioning{}, ""))
	require.False(t, needsMFA(Versioning{}, MFADeleteDisabled))
	require.True(t, needsMFA(Versioning{}, MFADeleteEnabled))
	require.True(t, needsMFA(Versioning{MFADelete: MFADeleteEnabled}, ""))
	require.True(t, needsMFA(Versioning{MFADelete: MFADeleteEnabled}, MFADeleteDisabled))
	require.False(t, needsMFA(Versioning{MFADelete: MFADeleteDisabled}, MFADeleteDisabled))
}
