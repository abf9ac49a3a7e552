package ec2_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/stretchr/testify/require"
)

// post sends a form as a client would (signed for ec2 in us-east-1; the
// server does not check signatures) and returns the status and body.
func (e *env) post(t *testing.T, form url.Values) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.URL, strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=123456789012/20261101/us-east-1/ec2/aws4_request, "+
		"SignedHeaders=host, Signature=0")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(body)
}

// TestWire_AuthorizeIngressAsTheCLISendsIt posts the form botocore builds
// for `aws ec2 authorize-security-group-ingress --ip-permissions …` (nested
// lists of structures, the UserIdGroupPairs member serialized as Groups).
func TestWire_AuthorizeIngressAsTheCLISendsIt(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	web := createGroup(t, e, "web", "")
	peer := createGroup(t, e, "peer", "")
	status, body := e.post(t, url.Values{
		"Action": {"AuthorizeSecurityGroupIngress"}, "Version": {"2016-11-15"}, "GroupId": {web},
		"IpPermissions.1.IpProtocol":             {"tcp"},
		"IpPermissions.1.FromPort":               {"22"},
		"IpPermissions.1.ToPort":                 {"22"},
		"IpPermissions.1.IpRanges.1.CidrIp":      {"203.0.113.0/24"},
		"IpPermissions.1.IpRanges.1.Description": {"SSH from office"},
		"IpPermissions.1.Ipv6Ranges.1.CidrIpv6":  {"2001:db8::/64"},
		"IpPermissions.1.Groups.1.GroupId":       {peer},
		"IpPermissions.2.IpProtocol":             {"icmp"},
		"IpPermissions.2.FromPort":               {"-1"},
		"IpPermissions.2.ToPort":                 {"-1"},
		"IpPermissions.2.IpRanges.1.CidrIp":      {"10.0.0.0/8"},
		"IpPermissions.2.IpRanges.2.CidrIp":      {"10.1.0.0/16"},
		"TagSpecification.1.ResourceType":        {"security-group-rule"},
		"TagSpecification.1.Tag.1.Key":           {"k"},
		"TagSpecification.1.Tag.1.Value":         {"v"},
	})
	require.Equal(t, http.StatusOK, status, body)
	require.Regexp(t, `^<\?xml version="1.0" encoding="UTF-8"\?>\n<AuthorizeSecurityGroupIngressResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>[0-9a-f-]{36}</requestId><return>true</return><securityGroupRuleSet><item><securityGroupRuleId>sgr-`, body)

	g := describeGroup(t, e, web)
	require.Len(t, g.IpPermissions, 2)
	ssh, icmp := g.IpPermissions[0], g.IpPermissions[1]
	require.Equal(t, "SSH from office", aws.ToString(ssh.IpRanges[0].Description))
	require.Equal(t, "2001:db8::/64", aws.ToString(ssh.Ipv6Ranges[0].CidrIpv6))
	require.Equal(t, peer, aws.ToString(ssh.UserIdGroupPairs[0].GroupId))
	require.Equal(t, int32(-1), aws.ToInt32(icmp.FromPort))
	require.Len(t, icmp.IpRanges, 2)

	rules, err := e.EC2.DescribeSecurityGroupRules(ctx, &ec2.DescribeSecurityGroupRulesInput{})
	require.NoError(t, err)
	tagged := 0
	for _, r := range rules.SecurityGroupRules {
		if len(r.Tags) == 1 && aws.ToString(r.Tags[0].Key) == "k" {
			tagged++
		}
	}
	require.Equal(t, 5, tagged, "every new rule got the rule tags")
}

func TestWire_Errors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	web := createGroup(t, e, "web", "")
	cases := map[string]struct {
		form url.Values
		code string
	}{
		"UnknownParameter": {url.Values{"Action": {"DescribeVpcs"}, "Colour": {"blue"}}, "UnknownParameter"},
		"UnknownMember": {url.Values{"Action": {"AuthorizeSecurityGroupIngress"}, "GroupId": {web},
			"IpPermissions.1.IpProtocol": {"-1"}, "IpPermissions.1.IpRanges.1.Cidr": {"10.0.0.0/8"}}, "UnknownParameter"},
		"BadIndex":      {url.Values{"Action": {"DescribeVpcs"}, "VpcId.first": {"vpc-1"}}, "UnknownParameter"},
		"NotAnInteger":  {url.Values{"Action": {"DescribeVpcs"}, "MaxResults": {"ten"}}, "InvalidParameterValue"},
		"NotABoolean":   {url.Values{"Action": {"DescribeVpcs"}, "DryRun": {"maybe"}}, "InvalidParameterValue"},
		"ListAsScalar":  {url.Values{"Action": {"DescribeVpcs"}, "VpcId": {"vpc-1"}}, "InvalidParameterValue"},
		"Missing":       {url.Values{"Action": {"DeleteVpc"}}, "MissingParameter"},
		"MissingMember": {url.Values{"Action": {"CreateManagedPrefixList"}, "PrefixListName": {"x"}, "MaxEntries": {"2"}, "AddressFamily": {"IPv4"}, "Entry.1.Description": {"d"}}, "MissingParameter"},
		"UnknownAction": {url.Values{"Action": {"DescribeUnicorns"}}, "InvalidAction"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			status, body := e.post(t, tc.form)
			require.Equal(t, http.StatusBadRequest, status, body)
			require.Contains(t, body, "<Response><Errors><Error><Code>"+tc.code+"</Code>")
		})
	}
	status, body := e.post(t, url.Values{"Action": {"DescribeVpcs"}, "DryRun": {"true"}})
	require.Equal(t, http.StatusPreconditionFailed, status)
	require.Contains(t, body, "<Code>DryRunOperation</Code>")
}
