package ec2_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
)

// createGroup makes a security group in vpc ("" for the default VPC).
func createGroup(t *testing.T, e *env, name, vpc string) string {
	t.Helper()
	in := &ec2.CreateSecurityGroupInput{GroupName: aws.String(name), Description: aws.String(name + " group")}
	if vpc != "" {
		in.VpcId = aws.String(vpc)
	}
	out, err := e.EC2.CreateSecurityGroup(context.Background(), in)
	require.NoError(t, err)
	return aws.ToString(out.GroupId)
}

// describeGroup returns one group.
func describeGroup(t *testing.T, e *env, id string) types.SecurityGroup {
	t.Helper()
	out, err := e.EC2.DescribeSecurityGroups(context.Background(), &ec2.DescribeSecurityGroupsInput{GroupIds: []string{id}})
	require.NoError(t, err)
	require.Len(t, out.SecurityGroups, 1)
	return out.SecurityGroups[0]
}

func tcp(port int32, cidrs ...string) types.IpPermission {
	p := types.IpPermission{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(port), ToPort: aws.Int32(port)}
	for _, c := range cidrs {
		p.IpRanges = append(p.IpRanges, types.IpRange{CidrIp: aws.String(c)})
	}
	return p
}

func TestSecurityGroup_CreateAuthorizeDescribe(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.0.0.0/16")
	peer := createGroup(t, e, "peer", vpc)
	out, err := e.EC2.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String("web"),
		Description: aws.String("web servers"), VpcId: aws.String(vpc), TagSpecifications: []types.TagSpecification{
			{ResourceType: types.ResourceTypeSecurityGroup, Tags: []types.Tag{{Key: aws.String("env"), Value: aws.String("prod")}}}}})
	require.NoError(t, err)
	id := aws.ToString(out.GroupId)
	require.Regexp(t, `^sg-[0-9a-f]{17}$`, id)
	require.Equal(t, "arn:aws:ec2:us-east-1:123456789012:security-group/"+id, aws.ToString(out.SecurityGroupArn))

	lists, err := e.EC2.DescribeManagedPrefixLists(ctx, &ec2.DescribeManagedPrefixListsInput{})
	require.NoError(t, err)
	pl := aws.ToString(lists.PrefixLists[0].PrefixListId)
	ssh := tcp(22, "203.0.113.0/24", "198.51.100.7/32")
	ssh.IpRanges[0].Description = aws.String("office")
	ssh.Ipv6Ranges = []types.Ipv6Range{{CidrIpv6: aws.String("2001:db8::/32")}}
	ssh.PrefixListIds = []types.PrefixListId{{PrefixListId: aws.String(pl)}}
	ssh.UserIdGroupPairs = []types.UserIdGroupPair{{GroupId: aws.String(peer), Description: aws.String("from peer")}}
	auth, err := e.EC2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: aws.String(id),
		IpPermissions: []types.IpPermission{ssh, {IpProtocol: aws.String("6"), FromPort: aws.Int32(443), ToPort: aws.Int32(443),
			IpRanges: []types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}}}})
	require.NoError(t, err)
	require.True(t, aws.ToBool(auth.Return))
	require.Len(t, auth.SecurityGroupRules, 6, "one rule per peer")
	for _, r := range auth.SecurityGroupRules {
		require.Regexp(t, `^sgr-[0-9a-f]{17}$`, aws.ToString(r.SecurityGroupRuleId))
		require.False(t, aws.ToBool(r.IsEgress))
	}

	g := describeGroup(t, e, id)
	require.Equal(t, "web servers", aws.ToString(g.Description))
	require.Len(t, g.IpPermissions, 2, "grouped by protocol and ports")
	p := g.IpPermissions[0]
	require.Equal(t, "tcp", aws.ToString(p.IpProtocol))
	require.Equal(t, int32(22), aws.ToInt32(p.FromPort))
	require.Equal(t, "203.0.113.0/24", aws.ToString(p.IpRanges[0].CidrIp))
	require.Equal(t, "office", aws.ToString(p.IpRanges[0].Description))
	require.Equal(t, "2001:db8::/32", aws.ToString(p.Ipv6Ranges[0].CidrIpv6))
	require.Equal(t, pl, aws.ToString(p.PrefixListIds[0].PrefixListId))
	require.Equal(t, peer, aws.ToString(p.UserIdGroupPairs[0].GroupId))
	require.Equal(t, "123456789012", aws.ToString(p.UserIdGroupPairs[0].UserId))
	require.Equal(t, "from peer", aws.ToString(p.UserIdGroupPairs[0].Description))
	require.Equal(t, "tcp", aws.ToString(g.IpPermissions[1].IpProtocol), "protocol 6 is stored as tcp")
	require.Len(t, g.IpPermissionsEgress, 1, "a new group lets everything out")

	it := e.Items.Last("AWS::EC2::SecurityGroup", id)
	require.Equal(t, configitem.StatusOK, it.Status)
	require.Equal(t, "web", it.ResourceName)
	require.Equal(t, map[string]string{"env": "prod"}, it.Tags)
	perms := it.Configuration["ipPermissions"].([]any)
	require.Len(t, perms, 2)
	first := perms[0].(map[string]any)
	require.Equal(t, 22, first["fromPort"])
	require.Equal(t, []any{"203.0.113.0/24", "198.51.100.7/32"}, first["ipRanges"])
	require.Equal(t, []any{map[string]any{"groupId": peer, "userId": "123456789012"}}, first["userIdGroupPairs"])
	egress := it.Configuration["ipPermissionsEgress"].([]any)[0].(map[string]any)
	require.Equal(t, "-1", egress["ipProtocol"])
	require.NotContains(t, egress, "fromPort")
}

func TestAuthorizeSecurityGroupIngress_Errors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	id := createGroup(t, e, "web", "")
	_, err := e.EC2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: aws.String(id),
		IpPermissions: []types.IpPermission{tcp(22, "10.0.0.0/8")}})
	require.NoError(t, err)
	cases := map[string]struct {
		group string
		perm  types.IpPermission
		code  string
	}{
		"Duplicate":         {id, tcp(22, "10.0.0.0/8"), "InvalidPermission.Duplicate"},
		"DuplicateInCall":   {id, tcp(23, "10.0.0.0/8", "10.0.0.0/8"), "InvalidParameterValue"},
		"BadCIDR":           {id, tcp(22, "10.0.0.0/33"), "InvalidParameterValue"},
		"NoMask":            {id, tcp(22, "10.0.0.1"), "InvalidParameterValue"},
		"Protocol":          {id, types.IpPermission{IpProtocol: aws.String("tcpx"), IpRanges: []types.IpRange{{CidrIp: aws.String("1.2.3.4/32")}}}, "InvalidParameterValue"},
		"ProtocolNumber":    {id, types.IpPermission{IpProtocol: aws.String("256"), IpRanges: []types.IpRange{{CidrIp: aws.String("1.2.3.4/32")}}}, "InvalidParameterValue"},
		"NoPorts":           {id, types.IpPermission{IpProtocol: aws.String("tcp"), IpRanges: []types.IpRange{{CidrIp: aws.String("1.2.3.4/32")}}}, "InvalidParameterValue"},
		"PortRange":         {id, types.IpPermission{IpProtocol: aws.String("udp"), FromPort: aws.Int32(100), ToPort: aws.Int32(99), IpRanges: []types.IpRange{{CidrIp: aws.String("1.2.3.4/32")}}}, "InvalidParameterValue"},
		"PortTooHigh":       {id, types.IpPermission{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(1), ToPort: aws.Int32(65536), IpRanges: []types.IpRange{{CidrIp: aws.String("1.2.3.4/32")}}}, "InvalidParameterValue"},
		"ICMPType":          {id, types.IpPermission{IpProtocol: aws.String("icmp"), FromPort: aws.Int32(300), ToPort: aws.Int32(-1), IpRanges: []types.IpRange{{CidrIp: aws.String("1.2.3.4/32")}}}, "InvalidParameterValue"},
		"NoSource":          {id, types.IpPermission{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(1), ToPort: aws.Int32(2)}, "MissingParameter"},
		"UnknownPeer":       {id, types.IpPermission{IpProtocol: aws.String("-1"), UserIdGroupPairs: []types.UserIdGroupPair{{GroupId: aws.String("sg-0123456789abcdef0")}}}, "InvalidGroup.NotFound"},
		"MalformedPeer":     {id, types.IpPermission{IpProtocol: aws.String("-1"), UserIdGroupPairs: []types.UserIdGroupPair{{GroupId: aws.String("sg-zz")}}}, "InvalidGroupId.Malformed"},
		"UnknownPrefixList": {id, types.IpPermission{IpProtocol: aws.String("-1"), PrefixListIds: []types.PrefixListId{{PrefixListId: aws.String("pl-0123456789abcdef0")}}}, "InvalidPrefixListID.NotFound"},
		"Description":       {id, types.IpPermission{IpProtocol: aws.String("-1"), IpRanges: []types.IpRange{{CidrIp: aws.String("1.2.3.4/32"), Description: aws.String("bad<char>")}}}, "InvalidParameterValue"},
		"UnknownGroup":      {"sg-0123456789abcdef0", tcp(22, "10.0.0.0/8"), "InvalidGroup.NotFound"},
		"MalformedGroup":    {"group-1", tcp(22, "10.0.0.0/8"), "InvalidGroupId.Malformed"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.EC2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{
				GroupId: aws.String(tc.group), IpPermissions: []types.IpPermission{tc.perm}})
			requireCode(t, err, tc.code)
		})
	}
	require.Len(t, describeGroup(t, e, id).IpPermissions, 1, "no failed call added a rule")
}

func TestAuthorizeSecurityGroupIngress_LegacyMembers(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	_ = createGroup(t, e, "web", "")
	_ = createGroup(t, e, "lb", "")
	_, err := e.EC2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupName: aws.String("web"),
		IpProtocol: aws.String("tcp"), FromPort: aws.Int32(80), ToPort: aws.Int32(80), CidrIp: aws.String("0.0.0.0/0")})
	require.NoError(t, err)
	_, err = e.EC2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupName: aws.String("web"),
		SourceSecurityGroupName: aws.String("lb")})
	require.NoError(t, err)
	out, err := e.EC2.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{GroupNames: []string{"web"}})
	require.NoError(t, err)
	require.Len(t, out.SecurityGroups[0].IpPermissions, 2)

	_, err = e.EC2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupName: aws.String("web"),
		CidrIp: aws.String("10.0.0.0/8"), IpPermissions: []types.IpPermission{tcp(22, "10.0.0.0/8")}})
	requireCode(t, err, "InvalidParameterCombination")
	_, err = e.EC2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupName: aws.String("nope"),
		IpPermissions: []types.IpPermission{tcp(22, "10.0.0.0/8")}})
	requireCode(t, err, "InvalidGroup.NotFound")
}

func TestRevokeSecurityGroupIngress(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.0.0.0/16")
	id := createGroup(t, e, "web", vpc)
	auth, err := e.EC2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: aws.String(id),
		IpPermissions: []types.IpPermission{tcp(22, "10.0.0.0/8", "192.168.0.0/16"), tcp(80, "0.0.0.0/0")}})
	require.NoError(t, err)

	// A rule the group does not have fails the whole call outside the default VPC.
	_, err = e.EC2.RevokeSecurityGroupIngress(ctx, &ec2.RevokeSecurityGroupIngressInput{GroupId: aws.String(id),
		IpPermissions: []types.IpPermission{tcp(22, "10.0.0.0/8"), tcp(23, "10.0.0.0/8")}})
	requireCode(t, err, "InvalidPermission.NotFound")
	require.Len(t, describeGroup(t, e, id).IpPermissions[0].IpRanges, 2, "nothing was revoked")

	out, err := e.EC2.RevokeSecurityGroupIngress(ctx, &ec2.RevokeSecurityGroupIngressInput{GroupId: aws.String(id),
		IpPermissions: []types.IpPermission{tcp(22, "10.0.0.0/8")}})
	require.NoError(t, err)
	require.Len(t, out.RevokedSecurityGroupRules, 1)
	require.Equal(t, "10.0.0.0/8", aws.ToString(out.RevokedSecurityGroupRules[0].CidrIpv4))

	// By rule id.
	var httpRule string
	for _, r := range auth.SecurityGroupRules {
		if aws.ToInt32(r.FromPort) == 80 {
			httpRule = aws.ToString(r.SecurityGroupRuleId)
		}
	}
	_, err = e.EC2.RevokeSecurityGroupIngress(ctx, &ec2.RevokeSecurityGroupIngressInput{GroupId: aws.String(id),
		SecurityGroupRuleIds: []string{httpRule}})
	require.NoError(t, err)
	_, err = e.EC2.RevokeSecurityGroupIngress(ctx, &ec2.RevokeSecurityGroupIngressInput{GroupId: aws.String(id),
		SecurityGroupRuleIds: []string{httpRule}})
	requireCode(t, err, "InvalidSecurityGroupRuleId.NotFound")

	g := describeGroup(t, e, id)
	require.Len(t, g.IpPermissions, 1)
	require.Equal(t, "192.168.0.0/16", aws.ToString(g.IpPermissions[0].IpRanges[0].CidrIp))
	it := e.Items.Last("AWS::EC2::SecurityGroup", id)
	require.Len(t, it.Configuration["ipPermissions"].([]any), 1)
}

func TestRevokeSecurityGroupIngress_DefaultVPCAnswersUnknownRules(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	id := createGroup(t, e, "web", "")
	out, err := e.EC2.RevokeSecurityGroupIngress(ctx, &ec2.RevokeSecurityGroupIngressInput{GroupId: aws.String(id),
		IpPermissions: []types.IpPermission{tcp(22, "10.0.0.0/8")}})
	require.NoError(t, err)
	require.Len(t, out.UnknownIpPermissions, 1)
	require.Equal(t, "10.0.0.0/8", aws.ToString(out.UnknownIpPermissions[0].IpRanges[0].CidrIp))
	require.Empty(t, out.RevokedSecurityGroupRules)
}

func TestSecurityGroupEgress(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.0.0.0/16")
	id := createGroup(t, e, "locked", vpc)
	_, err := e.EC2.RevokeSecurityGroupEgress(ctx, &ec2.RevokeSecurityGroupEgressInput{GroupId: aws.String(id),
		IpPermissions: []types.IpPermission{{IpProtocol: aws.String("-1"), IpRanges: []types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}}}})
	require.NoError(t, err)
	require.Empty(t, describeGroup(t, e, id).IpPermissionsEgress)
	_, err = e.EC2.AuthorizeSecurityGroupEgress(ctx, &ec2.AuthorizeSecurityGroupEgressInput{GroupId: aws.String(id),
		IpPermissions: []types.IpPermission{tcp(443, "0.0.0.0/0")}})
	require.NoError(t, err)
	g := describeGroup(t, e, id)
	require.Len(t, g.IpPermissionsEgress, 1)
	require.Empty(t, g.IpPermissions)
	_, err = e.EC2.AuthorizeSecurityGroupEgress(ctx, &ec2.AuthorizeSecurityGroupEgressInput{GroupId: aws.String(id),
		IpPermissions: []types.IpPermission{tcp(443, "0.0.0.0/0")}})
	requireCode(t, err, "InvalidPermission.Duplicate")

	rules, err := e.EC2.DescribeSecurityGroupRules(ctx, &ec2.DescribeSecurityGroupRulesInput{Filters: []types.Filter{
		{Name: aws.String("group-id"), Values: []string{id}}}})
	require.NoError(t, err)
	require.Len(t, rules.SecurityGroupRules, 1)
	require.True(t, aws.ToBool(rules.SecurityGroupRules[0].IsEgress))
	require.Equal(t, int32(443), aws.ToInt32(rules.SecurityGroupRules[0].ToPort))
}

func TestCreateSecurityGroup_Errors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	createGroup(t, e, "web", "")
	cases := map[string]struct {
		name, description, vpc, code string
	}{
		"Duplicate":   {"web", "d", "", "InvalidGroup.Duplicate"},
		"Reserved":    {"default", "d", "", "InvalidGroup.Reserved"},
		"SgPrefix":    {"sg-web", "d", "", "InvalidParameterValue"},
		"BadName":     {"web<1>", "d", "", "InvalidParameterValue"},
		"UnknownVPC":  {"api", "d", "vpc-0123456789abcdef0", "InvalidVpcID.NotFound"},
		"Description": {"api", "ünïcode", "", "InvalidParameterValue"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			in := &ec2.CreateSecurityGroupInput{GroupName: aws.String(tc.name), Description: aws.String(tc.description)}
			if tc.vpc != "" {
				in.VpcId = aws.String(tc.vpc)
			}
			_, err := e.EC2.CreateSecurityGroup(ctx, in)
			requireCode(t, err, tc.code)
		})
	}
}

func TestDeleteSecurityGroup(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	web := createGroup(t, e, "web", "")
	lb := createGroup(t, e, "lb", "")
	_, err := e.EC2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: aws.String(web),
		IpPermissions: []types.IpPermission{{IpProtocol: aws.String("-1"), UserIdGroupPairs: []types.UserIdGroupPair{{GroupId: aws.String(lb)}}}}})
	require.NoError(t, err)
	_, err = e.EC2.DeleteSecurityGroup(ctx, &ec2.DeleteSecurityGroupInput{GroupId: aws.String(lb)})
	requireCode(t, err, "DependencyViolation")
	_, err = e.EC2.DeleteSecurityGroup(ctx, &ec2.DeleteSecurityGroupInput{GroupName: aws.String("default")})
	requireCode(t, err, "CannotDelete")

	out, err := e.EC2.DeleteSecurityGroup(ctx, &ec2.DeleteSecurityGroupInput{GroupName: aws.String("web")})
	require.NoError(t, err)
	require.Equal(t, web, aws.ToString(out.GroupId))
	it := e.Items.Last("AWS::EC2::SecurityGroup", web)
	require.Equal(t, configitem.StatusResourceDeleted, it.Status)
	require.Nil(t, it.Configuration)
	_, err = e.EC2.DeleteSecurityGroup(ctx, &ec2.DeleteSecurityGroupInput{GroupId: aws.String(lb)})
	require.NoError(t, err, "no rule names lb any more")
	_, err = e.EC2.DeleteSecurityGroup(ctx, &ec2.DeleteSecurityGroupInput{GroupId: aws.String(lb)})
	requireCode(t, err, "InvalidGroup.NotFound")
}

func TestDescribeSecurityGroups_Filters(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.0.0.0/16")
	open := createGroup(t, e, "open", vpc)
	closed := createGroup(t, e, "closed", vpc)
	_, err := e.EC2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: aws.String(open),
		IpPermissions: []types.IpPermission{tcp(22, "0.0.0.0/0"), {IpProtocol: aws.String("tcp"), FromPort: aws.Int32(3389),
			ToPort: aws.Int32(3389), Ipv6Ranges: []types.Ipv6Range{{CidrIpv6: aws.String("::/0")}}}}})
	require.NoError(t, err)
	_, err = e.EC2.CreateTags(ctx, &ec2.CreateTagsInput{Resources: []string{closed},
		Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("blue")}}})
	require.NoError(t, err)
	cases := map[string]struct {
		filters []types.Filter
		want    []string
	}{
		"GroupID":   {[]types.Filter{{Name: aws.String("group-id"), Values: []string{closed}}}, []string{closed}},
		"GroupName": {[]types.Filter{{Name: aws.String("group-name"), Values: []string{"op*"}}}, []string{open}},
		"CIDR":      {[]types.Filter{{Name: aws.String("ip-permission.cidr"), Values: []string{"0.0.0.0/0"}}}, []string{open}},
		"IPv6":      {[]types.Filter{{Name: aws.String("ip-permission.ipv6-cidr"), Values: []string{"::/0"}}}, []string{open}},
		"FromPort":  {[]types.Filter{{Name: aws.String("ip-permission.from-port"), Values: []string{"22"}}}, []string{open}},
		"ToPort":    {[]types.Filter{{Name: aws.String("ip-permission.to-port"), Values: []string{"3389", "1"}}}, []string{open}},
		"Tag":       {[]types.Filter{{Name: aws.String("tag:team"), Values: []string{"blue"}}}, []string{closed}},
		"Both": {[]types.Filter{{Name: aws.String("vpc-id"), Values: []string{vpc}},
			{Name: aws.String("group-name"), Values: []string{"closed", "open"}}}, []string{open, closed}},
		"Egress": {[]types.Filter{{Name: aws.String("egress.ip-permission.cidr"), Values: []string{"0.0.0.0/0"}},
			{Name: aws.String("vpc-id"), Values: []string{vpc}}, {Name: aws.String("group-name"), Values: []string{"??????"}}},
			[]string{closed}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			out, err := e.EC2.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{Filters: tc.filters})
			require.NoError(t, err)
			var got []string
			for _, g := range out.SecurityGroups {
				got = append(got, aws.ToString(g.GroupId))
			}
			require.ElementsMatch(t, tc.want, got)
		})
	}
}

func TestManagedPrefixLists(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	out, err := e.EC2.DescribeManagedPrefixLists(ctx, &ec2.DescribeManagedPrefixListsInput{Filters: []types.Filter{
		{Name: aws.String("prefix-list-name"), Values: []string{"com.amazonaws.us-east-1.s3"}}}})
	require.NoError(t, err)
	require.Len(t, out.PrefixLists, 1)
	s3 := out.PrefixLists[0]
	require.Equal(t, "AWS", aws.ToString(s3.OwnerId))
	entries, err := e.EC2.GetManagedPrefixListEntries(ctx, &ec2.GetManagedPrefixListEntriesInput{PrefixListId: s3.PrefixListId})
	require.NoError(t, err)
	require.NotEmpty(t, entries.Entries)

	created, err := e.EC2.CreateManagedPrefixList(ctx, &ec2.CreateManagedPrefixListInput{PrefixListName: aws.String("office"),
		AddressFamily: aws.String("IPv4"), MaxEntries: aws.Int32(5), Entries: []types.AddPrefixListEntry{
			{Cidr: aws.String("203.0.113.9/24"), Description: aws.String("hq")}}})
	require.NoError(t, err)
	id := aws.ToString(created.PrefixList.PrefixListId)
	require.Equal(t, "123456789012", aws.ToString(created.PrefixList.OwnerId))
	entries, err = e.EC2.GetManagedPrefixListEntries(ctx, &ec2.GetManagedPrefixListEntriesInput{PrefixListId: aws.String(id)})
	require.NoError(t, err)
	require.Equal(t, "203.0.113.0/24", aws.ToString(entries.Entries[0].Cidr))

	_, err = e.EC2.CreateManagedPrefixList(ctx, &ec2.CreateManagedPrefixListInput{PrefixListName: aws.String("x"),
		AddressFamily: aws.String("IPv4"), MaxEntries: aws.Int32(1), Entries: []types.AddPrefixListEntry{
			{Cidr: aws.String("10.0.0.0/8")}, {Cidr: aws.String("10.1.0.0/16")}}})
	requireCode(t, err, "InvalidParameterValue")
	_, err = e.EC2.CreateManagedPrefixList(ctx, &ec2.CreateManagedPrefixListInput{PrefixListName: aws.String("x"),
		AddressFamily: aws.String("IPv6"), MaxEntries: aws.Int32(1), Entries: []types.AddPrefixListEntry{{Cidr: aws.String("10.0.0.0/8")}}})
	requireCode(t, err, "InvalidParameterValue")
	_, err = e.EC2.GetManagedPrefixListEntries(ctx, &ec2.GetManagedPrefixListEntriesInput{PrefixListId: aws.String("pl-0123456789abcdef0")})
	requireCode(t, err, "InvalidPrefixListID.NotFound")
}
