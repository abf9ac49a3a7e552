package discovery

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLocationRegion(t *testing.T) {
	t.Parallel()
	for constraint, want := range map[string]string{
		"": "us-east-1", "EU": "eu-west-1", "eu-west-1": "eu-west-1", "ap-south-2": "ap-south-2",
	} {
		require.Equal(t, want, locationRegion(constraint), constraint)
	}
}

func TestPolicyDocument(t *testing.T) {
	t.Parallel()
	const encoded = "%7B%22Action%22%3A%22s3%3AGet%2A%22%2C%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Aa%20b%22%7D"
	for _, tc := range []struct{ name, in, want string }{
		{"EncodedAsIAMAnswers", encoded, encoded},
		{"PlainJSONAsMotoAnswers", `{"Action":"s3:Get*","Resource":"arn:aws:s3:::a b"}`, encoded},
		{"LeadingSpace", ` {"Action":"s3:Get*","Resource":"arn:aws:s3:::a b"}`, "%20" + encoded},
		{"SpaceAsPlus", "%7B%22Action%22%3A%22s3%3AGet%2A%22%2C%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Aa+b%22%7D", encoded},
		{"NotEncoded", "%zz", "%zz"},
		{"Empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tc.want, policyDocument(tc.in))
		})
	}
}

func TestPermissionItems_Ports(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		perm      map[string]any
		wantPorts bool
	}{
		{"Tcp", map[string]any{"IpProtocol": "tcp", "FromPort": int64(22), "ToPort": int64(22)}, true},
		{"IcmpAnyType", map[string]any{"IpProtocol": "icmp", "FromPort": int64(-1), "ToPort": int64(-1)}, true},
		{"AllTraffic", map[string]any{"IpProtocol": "-1", "FromPort": int64(-1), "ToPort": int64(-1)}, false},
		{"NoPortsAnswered", map[string]any{"IpProtocol": "50"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := permissionItems([]map[string]any{tc.perm})[0].(map[string]any)
			_, has := got["fromPort"]
			require.Equal(t, tc.wantPorts, has)
			require.Equal(t, tc.perm["IpProtocol"], got["ipProtocol"])
		})
	}
}

func TestGrantee(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		in   map[string]any
		want any
	}{
		{"AllUsers", map[string]any{"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"}, "AllUsers"},
		{"AuthenticatedUsers", map[string]any{"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"}, "AuthenticatedUsers"},
		{"LogDelivery", map[string]any{"Type": "Group", "URI": "http://acs.amazonaws.com/groups/s3/LogDelivery"}, "LogDelivery"},
		{"CanonicalUser", map[string]any{"Type": "CanonicalUser", "ID": "abc", "DisplayName": "me"}, map[string]any{"id": "abc", "displayName": nil}},
		{"Email", map[string]any{"Type": "AmazonCustomerByEmail", "EmailAddress": "a@example.com"}, map[string]any{"id": "a@example.com", "displayName": nil}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tc.want, grantee(tc.in))
		})
	}
}
