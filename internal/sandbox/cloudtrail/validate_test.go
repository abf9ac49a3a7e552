package cloudtrail

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/tenant"
)

func TestValidateTrailName(t *testing.T) {
	t.Parallel()
	cases := map[string]bool{
		"abc": true, "My.Trail_2-x": true, strings.Repeat("a", 128): true, "1.2.3": true, "a.b.c.d": true,
		"ab": false, strings.Repeat("a", 129): false, "my trail": false, "-abc": false, "abc_": false,
		"my-_namespace": false, "my--namespace": false, "a..b": false, "192.168.5.4": false, "tráil": false,
		"a/b": false, "arn:aws:x": false,
	}
	for name, ok := range cases {
		err := ValidateTrailName(name)
		if ok {
			require.NoError(t, err, name)
			continue
		}
		require.True(t, awserr.Is(err, CodeInvalidTrailName), "%q: %v", name, err)
	}
}

func TestParseARN(t *testing.T) {
	t.Parallel()
	a, err := ParseARN("arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail")
	require.NoError(t, err)
	require.Equal(t, ResourceARN{Partition: "aws", Region: "us-east-2", AccountID: "123456789012", Type: "trail", Name: "MyTrail"}, a)
	a, err = ParseARN("arn:aws-cn:cloudtrail:cn-north-1:123456789012:eventdatastore/x-y")
	require.NoError(t, err)
	require.Equal(t, "eventdatastore", a.Type)
	for _, bad := range []string{"", "MyTrail", "arn:aws:cloudtrail:us-east-2:1234:trail/x",
		"arn:aws:s3:us-east-2:123456789012:trail/x", "arn:aws:cloudtrail:us-east-2:123456789012:trail",
		"arn:aws-cn:cloudtrail:us-east-2:123456789012:trail/x", "arn:aws:cloudtrail:Region:123456789012:trail/x"} {
		_, err := ParseARN(bad)
		require.True(t, awserr.Is(err, CodeARNInvalid), "%q: %v", bad, err)
	}
}

func TestSettingsNormalisation(t *testing.T) {
	t.Parallel()
	home := tenant.Scope{AccountID: "123456789012", Region: "eu-west-1"}
	topics := map[string]string{
		"alerts": "arn:aws:sns:eu-west-1:123456789012:alerts",
		"arn:aws:sns:us-east-1:210987654321:elsewhere": "arn:aws:sns:us-east-1:210987654321:elsewhere",
	}
	for in, want := range topics {
		got, err := topicARNFor(home, in)
		require.NoError(t, err)
		require.Equal(t, want, got)
	}
	for _, bad := range []string{"two words", strings.Repeat("t", 257), "arn:aws:sqs:us-east-1:210987654321:q"} {
		_, err := topicARNFor(home, bad)
		require.True(t, awserr.Is(err, CodeInvalidSnsTopicName), bad)
	}
	keys := map[string]string{
		"12345678-1234-1234-1234-123456789012":                 "arn:aws:kms:eu-west-1:123456789012:key/12345678-1234-1234-1234-123456789012",
		"alias/trail":                                          "arn:aws:kms:eu-west-1:123456789012:alias/trail",
		"mrk-0123456789abcdef0123456789abcdef":                 "arn:aws:kms:eu-west-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef",
		"arn:aws:kms:us-east-2:123456789012:alias/MyAliasName": "arn:aws:kms:us-east-2:123456789012:alias/MyAliasName",
	}
	for in, want := range keys {
		got, err := kmsKeyARN(home, in)
		require.NoError(t, err)
		require.Equal(t, want, got)
	}
	for _, bad := range []string{"key", "alias/", "arn:aws:kms:us-east-2:123456789012:secret/x"} {
		_, err := kmsKeyARN(home, bad)
		require.True(t, awserr.Is(err, CodeInvalidKmsKeyID), bad)
	}
}

func TestArnOfService(t *testing.T) {
	t.Parallel()
	require.True(t, arnOfService("arn:aws:s3", "s3"))
	require.True(t, arnOfService("arn:aws:s3:::bucket/", "s3"))
	require.True(t, arnOfService("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f", "lambda"))
	require.False(t, arnOfService("arn:aws:s3x", "s3"))
	require.False(t, arnOfService("s3:::bucket", "s3"))
	require.False(t, arnOfService("arn:aws:dynamodb", "s3"))
}

func TestCodes_AreClientErrors(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, code := range Codes() {
		require.True(t, strings.HasSuffix(code, "Exception"), code)
		require.False(t, seen[code], "listed twice: %s", code)
		seen[code] = true
		require.Equal(t, 400, newError(code, "m").HTTPStatus())
	}
}
