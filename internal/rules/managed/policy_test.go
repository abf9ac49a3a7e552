package managed

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParsePolicy_Shapes(t *testing.T) {
	t.Parallel()
	single := `{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Principal":"*"}}`
	listed := `{"Version":"2012-10-17","Statement":[
		{"Sid":"A","Effect":"Deny","Action":["s3:PutObject","s3:Delete*"],"NotResource":"arn:aws:s3:::b/public/*",
		 "Principal":{"AWS":["arn:aws:iam::111122223333:root","*"],"Service":"cloudtrail.amazonaws.com"},
		 "Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"s3:TlsVersion":1.2},"StringEquals":{"aws:SourceVpc":["vpc-1","vpc-2"]}}}]}`

	doc, err := parsePolicy(single)
	require.NoError(t, err)
	require.Len(t, doc.Statements, 1)
	s := doc.Statements[0]
	require.Equal(t, []string{"s3:GetObject"}, s.Actions)
	require.Equal(t, []string{"arn:aws:s3:::b/*"}, s.Resources)
	require.True(t, s.Principal.Any)
	require.True(t, s.allows())

	doc, err = parsePolicy(listed)
	require.NoError(t, err)
	s = doc.Statements[0]
	require.Equal(t, "A", s.Sid)
	require.True(t, s.denies())
	require.Equal(t, []string{"s3:PutObject", "s3:Delete*"}, s.Actions)
	require.Equal(t, []string{"arn:aws:s3:::b/public/*"}, s.NotResources)
	require.True(t, s.Principal.Any, "an AWS principal list containing * is anyone")
	require.Equal(t, []string{"cloudtrail.amazonaws.com"}, s.Principal.Service)
	v, ok := s.conditionValues("bool", "AWS:SecureTransport")
	require.True(t, ok, "operators and keys compare case-insensitively")
	require.Equal(t, []string{"false"}, v)
	v, _ = s.conditionValues("NumericLessThan", "s3:TlsVersion")
	require.Equal(t, []string{"1.2"}, v)
	v, _ = s.conditionValues("StringEquals", "aws:SourceVpc")
	require.Equal(t, []string{"vpc-1", "vpc-2"}, v)
	_, ok = s.conditionValues("StringLike", "aws:SourceVpc")
	require.False(t, ok)
}

func TestParsePolicy_URLEncoded(t *testing.T) {
	t.Parallel()
	raw := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`
	doc, err := parsePolicy(url.PathEscape(raw))
	require.NoError(t, err)
	require.Equal(t, []string{"*"}, doc.Statements[0].Actions)
	// IAM encodes spaces as %20 and leaves + alone.
	doc, err = parsePolicy("%7B%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22a+b%22%7D%7D")
	require.NoError(t, err)
	require.Equal(t, []string{"a+b"}, doc.Statements[0].Actions)
}

func TestParsePolicy_Errors(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "not json", "%ZZ", `["x"]`} {
		_, err := parsePolicy(in)
		require.Error(t, err, in)
	}
}

func TestStatement_Covers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		s         statement
		action    string
		resource  string
		action1   bool
		resource1 bool
	}{
		{"Exact", statement{Actions: []string{"s3:GetObject"}, Resources: []string{"arn:aws:s3:::b/k"}}, "s3:GetObject", "arn:aws:s3:::b/k", true, true},
		{"ActionCaseInsensitive", statement{Actions: []string{"S3:getobject"}}, "s3:GetObject", "x", true, false},
		{"ResourceCaseSensitive", statement{Resources: []string{"arn:aws:s3:::B/*"}}, "x", "arn:aws:s3:::b/k", false, false},
		{"StarAction", statement{Actions: []string{"*"}, Resources: []string{"*"}}, "s3:PutObject", "arn:aws:s3:::b/k", true, true},
		{"PrefixWildcard", statement{Actions: []string{"s3:Get*"}, Resources: []string{"arn:aws:s3:::b/*"}}, "s3:GetObjectAcl", "arn:aws:s3:::b/a/b", true, true},
		{"QuestionMark", statement{Actions: []string{"s3:?etObject"}}, "s3:GetObject", "", true, false},
		{"WildcardDoesNotMatchOther", statement{Actions: []string{"s3:Get*"}}, "s3:PutObject", "", false, false},
		{"NotAction", statement{NotActions: []string{"s3:Delete*"}}, "s3:PutObject", "", true, false},
		{"NotActionExcludes", statement{NotActions: []string{"s3:*"}}, "s3:PutObject", "", false, false},
		{"NotResource", statement{NotResources: []string{"arn:aws:s3:::b/private/*"}}, "", "arn:aws:s3:::b/k", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.action1, tt.s.coversAction(tt.action))
			require.Equal(t, tt.resource1, tt.s.coversResource(tt.resource))
		})
	}
}

func TestStatement_CoversObjects(t *testing.T) {
	t.Parallel()
	const arn = "arn:aws:s3:::b"
	for pattern, want := range map[string]bool{
		"arn:aws:s3:::b/*":         true,
		"arn:aws:s3:::b*":          true,
		"*":                        true,
		"arn:aws:s3:::*/*":         true,
		"arn:aws:s3:::b":           false,
		"arn:aws:s3:::b/private/*": false,
		"arn:aws:s3:::b/a*":        false,
		"arn:aws:s3:::other/*":     false,
	} {
		s := statement{Resources: []string{pattern}}
		require.Equal(t, want, s.coversObjects(arn), pattern)
	}
}

func TestWildcardMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"", "", true},
		{"*", "", true},
		{"a*c", "abbbc", true},
		{"a*c", "abbbd", false},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxbyy", false},
		{"**", "x", true},
		{"a?", "ab", true},
		{"a?", "a", false},
		{"abc", "abcd", false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, wildcardMatch(tt.pattern, tt.s, false), "%q ~ %q", tt.pattern, tt.s)
	}
}
