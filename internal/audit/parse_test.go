package audit

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/tenant"
)

func TestReadOnly(t *testing.T) {
	t.Parallel()
	for op, want := range map[string]bool{
		"DescribeSecurityGroups": true, "GetBucketEncryption": true, "ListRoles": true, "HeadBucket": true,
		"LookupEvents": true, "SelectResourceConfig": true, "BatchGetResourceConfig": true, "TestEventPattern": true,
		"GetCallerIdentity": true, "AssumeRole": true, "SimulatePrincipalPolicy": true,
		"PutBucketEncryption": false, "CreateRole": false, "AuthorizeSecurityGroupIngress": false,
		"StartAutomationExecution": false, "PutEvaluations": false, "DeleteBucket": false, "StopLogging": false,
		"BatchUpdateFindings": false, "Invoke": false,
	} {
		require.Equal(t, want, ReadOnly(op), op)
	}
}

func TestParseS3(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		method, path, query string
		want                s3Request
	}{
		{"PUT", "/b", "encryption", s3Request{Operation: "PutBucketEncryption", Bucket: "b", Subresource: "encryption"}},
		{"DELETE", "/b", "encryption=", s3Request{Operation: "DeleteBucketEncryption", Bucket: "b", Subresource: "encryption"}},
		{"PUT", "/b", "", s3Request{Operation: "CreateBucket", Bucket: "b"}},
		{"DELETE", "/b", "", s3Request{Operation: "DeleteBucket", Bucket: "b"}},
		{"GET", "/b", "list-type=2&prefix=x", s3Request{Operation: "ListObjectsV2", Bucket: "b"}},
		{"GET", "/", "", s3Request{Operation: "ListBuckets"}},
		{"PUT", "/b", "publicAccessBlock", s3Request{Operation: "PutPublicAccessBlock", Bucket: "b", Subresource: "publicAccessBlock"}},
		{"PUT", "/b", "lifecycle", s3Request{Operation: "PutBucketLifecycleConfiguration", Bucket: "b", Subresource: "lifecycle"}},
		{"DELETE", "/b", "lifecycle", s3Request{Operation: "DeleteBucketLifecycle", Bucket: "b", Subresource: "lifecycle"}},
		{"PUT", "/b", "object-lock", s3Request{Operation: "PutObjectLockConfiguration", Bucket: "b", Subresource: "object-lock"}},
		{"POST", "/b", "delete", s3Request{Operation: "DeleteObjects", Bucket: "b", Subresource: "delete"}},
		{"PUT", "/b/k/e/y", "tagging", s3Request{Bucket: "b", Key: "k/e/y", Subresource: "tagging"}},
		{"PATCH", "/b", "encryption", s3Request{Bucket: "b", Subresource: "encryption"}},
		{"POST", "/", "", s3Request{}},
	} {
		q, err := url.ParseQuery(tc.query)
		require.NoError(t, err)
		require.Equal(t, tc.want, parseS3(tc.method, tc.path, q), "%s %s?%s", tc.method, tc.path, tc.query)
	}
}

func TestFormParams(t *testing.T) {
	t.Parallel()
	form := url.Values{"Action": {"AuthorizeSecurityGroupIngress"}, "Version": {"2016-11-15"}, "GroupId": {"sg-1"},
		"IpPermissions.1.IpProtocol": {"tcp"}, "IpPermissions.1.IpRanges.1.CidrIp": {"10.0.0.0/8"},
		"IpPermissions.1.IpRanges.2.CidrIp": {"0.0.0.0/0"}, "IpPermissions.2.IpProtocol": {"-1"},
		"Tags.member.1.Key": {"team"}, "Tags.member.1.Value": {"sec"},
		"Attributes.entry.1.key": {"DisplayName"}, "Attributes.entry.1.value": {"Alerts"},
		"X-Amz-Signature": {"abc"}, "Odd.3": {"not a list"},
	}
	require.Equal(t, map[string]any{
		"groupId": "sg-1",
		"ipPermissions": []any{
			map[string]any{"ipProtocol": "tcp", "ipRanges": []any{map[string]any{"cidrIp": "10.0.0.0/8"}, map[string]any{"cidrIp": "0.0.0.0/0"}}},
			map[string]any{"ipProtocol": "-1"},
		},
		"tags":       []any{map[string]any{"key": "team", "value": "sec"}},
		"attributes": map[string]any{"DisplayName": "Alerts"},
		"odd":        map[string]any{"3": "not a list"},
	}, formParams(form))
}

func TestXMLParams(t *testing.T) {
	t.Parallel()
	doc := `<?xml version="1.0"?><Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet>` +
		`<Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>b</Key><Value> 2 </Value></Tag></TagSet></Tagging>`
	require.Equal(t, map[string]any{"Tagging": map[string]any{
		"xmlns": "http://s3.amazonaws.com/doc/2006-03-01/",
		"TagSet": map[string]any{"Tag": []any{
			map[string]any{"Key": "a", "Value": "1"}, map[string]any{"Key": "b", "Value": "2"}}},
	}}, xmlParams([]byte(doc)))
	require.Equal(t, map[string]any{"Status": "Enabled"}, xmlParams([]byte("<Status>Enabled</Status>")))
	for name, bad := range map[string]string{
		"Empty": "", "NotXML": "{}", "Unclosed": "<a><b>x</b>", "TooDeep": strings.Repeat("<a>", 40) + strings.Repeat("</a>", 40),
	} {
		require.Nil(t, xmlParams([]byte(bad)), name)
	}
}

func TestJSONParamsAndTrimLong(t *testing.T) {
	t.Parallel()
	p := jsonParams([]byte(`{"Limit": 10000000000000001, "Code": "` + strings.Repeat("x", maxParamString+1) + `"}`))
	require.Equal(t, "10000000000000001", p["Limit"].(interface{ String() string }).String(), "numbers stay exact")
	trimLong(p)
	require.Equal(t, "(16385 characters, not recorded)", p["Code"])
	require.Nil(t, jsonParams([]byte("  ")))
	require.Nil(t, jsonParams([]byte("[1]")))
}

func TestIdentity(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	root, user := identity(&awsproto.Caller{AccountID: "111122223333", AccessKeyID: "AKID", Principal: "arn:aws:iam::111122223333:root",
		UserID: "AKID"}, at)
	require.Equal(t, UserIdentity{Type: IdentityRoot, PrincipalID: "AKID", ARN: "arn:aws:iam::111122223333:root",
		AccountID: "111122223333", AccessKeyID: "AKID"}, root)
	require.Equal(t, "root", user)

	role, session := identity(&awsproto.Caller{AccountID: "111122223333", UserID: "Fix:Automation",
		Principal: "arn:aws:sts::111122223333:assumed-role/Fix/Automation"}, at)
	require.Equal(t, "Automation", session)
	require.Equal(t, IdentityAssumedRole, role.Type)
	require.Equal(t, SessionIssuer{Type: "Role", PrincipalID: "Fix", ARN: "arn:aws:iam::111122223333:role/Fix",
		AccountID: "111122223333", UserName: "Fix"}, role.SessionContext.SessionIssuer)
	require.Equal(t, "2026-11-01T12:00:00Z", role.SessionContext.Attributes["creationDate"])

	iamUser, name := identity(&awsproto.Caller{AccountID: "111122223333", Principal: "arn:aws-cn:iam::111122223333:user/ops/alice"}, at)
	require.Equal(t, IdentityIAMUser, iamUser.Type)
	require.Equal(t, "alice", iamUser.UserName)
	require.Equal(t, "alice", name)

	bare, _ := identity(&awsproto.Caller{AccountID: "111122223333"}, at)
	require.Equal(t, "arn:aws:iam::111122223333:root", bare.ARN)
	require.Equal(t, "111122223333", bare.PrincipalID)
}

func TestRefs(t *testing.T) {
	t.Parallel()
	sc := tenant.Scope{AccountID: "111122223333", Region: "eu-west-1"}
	require.Equal(t, []ref{
		{Type: "AWS::EC2::Instance", ID: "i-1", Name: "i-1", Scope: sc},
		{Type: "AWS::EC2::Instance", ID: "i-2", Name: "i-2", Scope: sc},
		{Type: "AWS::EC2::SecurityGroup", ID: "sg-9", Name: "sg-9", Scope: sc},
	}, ec2Refs(url.Values{"InstanceId.1": {"i-1"}, "InstanceId.2": {"i-2"}, "ResourceId.1": {"sg-9"}, "ResourceId.2": {"ami-1"},
		"IpPermissions.1.Groups.1.GroupId": {"sg-2"}}, sc), "nested ids only refer; AMIs are not recorded")
	require.Equal(t, []ref{{Type: "AWS::EC2::SecurityGroup", byName: "web", Name: "web", Scope: sc}},
		ec2Refs(url.Values{"GroupName": {"web"}}, sc))

	require.Equal(t, []ref{
		{Type: "AWS::IAM::Role", byName: "Fix", Name: "Fix", Scope: sc},
		{Type: "AWS::IAM::Policy", byName: "Mine", Name: "Mine", Scope: sc},
	}, iamRefs("AttachRolePolicy", url.Values{"RoleName": {"Fix"}, "PolicyArn": {"arn:aws:iam::111122223333:policy/team/Mine"}}, sc))
	require.Len(t, iamRefs("AttachRolePolicy", url.Values{"RoleName": {"Fix"}, "PolicyArn": {"arn:aws:iam::aws:policy/ReadOnlyAccess"}}, sc), 1)
	require.Len(t, iamRefs("PutRolePolicy", url.Values{"RoleName": {"Fix"}, "PolicyName": {"inline"}}, sc), 1, "an inline policy is the role's")

	topic := "arn:aws:sns:us-west-2:111122223333:alerts"
	require.Equal(t, []ref{{Type: "AWS::SNS::Topic", ID: topic, Name: topic,
		Scope: tenant.Scope{AccountID: "111122223333", Region: "us-west-2"}}}, snsRefs("SetTopicAttributes", url.Values{"TopicArn": {topic}}, sc))
	require.Equal(t, "arn:aws:sns:eu-west-1:111122223333:new", snsRefs("CreateTopic", url.Values{"Name": {"new"}}, sc)[0].ID)

	trail := trailRefs(map[string]any{"TrailName": "main"}, sc)
	require.Equal(t, "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main", trail[0].ID)
	require.Equal(t, "AWS::Config::ConfigRule", configRefs(map[string]any{"ConfigRule": map[string]any{"ConfigRuleName": "r"}}, sc)[0].Type)
	require.Empty(t, configRefs(map[string]any{}, sc))
	rules := configRefs(map[string]any{"ConfigRuleNames": []any{"a", "b"},
		"RemediationConfigurations": []any{map[string]any{"ConfigRuleName": "b"}, map[string]any{"ConfigRuleName": "c"}}}, sc)
	require.Len(t, rules, 3, "a, b and c, each once")
}

func TestBounds(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	require.Equal(t, at.UnixNano(), startBound(at))
	require.Equal(t, at.Add(time.Second).UnixNano(), startBound(at.Add(time.Millisecond)), "rounded up to a whole second")
	require.Equal(t, at.Add(time.Second).UnixNano(), endBound(at.Add(999*time.Millisecond)), "the whole second is included")
	require.Equal(t, int64(0), startBound(time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)))
	require.Equal(t, int64(0), endBound(time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)))
	require.Greater(t, endBound(time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)), at.UnixNano())
	require.Equal(t, at.UnixNano(), eventNanos(sortKey(at, 7)))
	require.Less(t, sortKey(at, 8), sortKey(at, 7), "later events of one instant sort first")
	require.Less(t, sortKey(at.Add(time.Nanosecond), 1), sortKey(at, 2), "later times sort first")
}

func TestCodes(t *testing.T) {
	t.Parallel()
	for _, code := range Codes() {
		e := Error(code, "x")
		require.Equal(t, code, e.Code)
		require.Equal(t, 400, e.HTTPStatus())
	}
}

func FuzzParams(f *testing.F) {
	f.Add([]byte("GroupId=sg-1&IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0%2F0"))
	f.Add([]byte(`<a xmlns="n"><b>1</b><b>2</b></a>`))
	f.Add([]byte(`{"a": [1, {"b": null}]}`))
	f.Add([]byte("1=x&member.1=y&entry.1.key=k"))
	f.Fuzz(func(t *testing.T, body []byte) {
		_ = formParams(queryForm(body, string(body)))
		_ = xmlParams(body)
		_ = trimLong(jsonParams(body))
	})
}
