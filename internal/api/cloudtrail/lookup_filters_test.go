package cloudtrail_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// seedChanges makes a security group (created, opened, closed) and a role
// (created, given a policy) and returns the group's id.
func (a *auditEnv) seedChanges(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	sg, err := a.ec2.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: aws.String("web"),
		Description: aws.String("web servers")})
	require.NoError(t, err)
	perm := []ec2types.IpPermission{{IpProtocol: aws.String("tcp"), FromPort: aws.Int32(22), ToPort: aws.Int32(22),
		IpRanges: []ec2types.IpRange{{CidrIp: aws.String("0.0.0.0/0")}}}}
	_, err = a.ec2.AuthorizeSecurityGroupIngress(ctx, &ec2.AuthorizeSecurityGroupIngressInput{GroupId: sg.GroupId, IpPermissions: perm})
	require.NoError(t, err)
	_, err = a.ec2.RevokeSecurityGroupIngress(ctx, &ec2.RevokeSecurityGroupIngressInput{GroupId: sg.GroupId, IpPermissions: perm})
	require.NoError(t, err)
	_, err = a.ec2.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{GroupIds: []string{*sg.GroupId}})
	require.NoError(t, err)
	_, err = a.iam.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String("Fix"),
		AssumeRolePolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}`)})
	require.NoError(t, err)
	_, err = a.iam.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("Fix"),
		PolicyArn: aws.String("arn:aws:iam::aws:policy/ReadOnlyAccess")})
	require.NoError(t, err)
	return *sg.GroupId
}

func TestLookupEvents_QueryCallsAndResources(t *testing.T) {
	t.Parallel()
	a := auditSetup(t)
	sg := a.seedChanges(t)

	events := a.lookup(t, a.trail, cttypes.LookupAttributeKeyResourceName, sg)
	require.Equal(t, []string{"RevokeSecurityGroupIngress", "AuthorizeSecurityGroupIngress", "CreateSecurityGroup"}, names(events))
	created := record(t, events[2])
	require.Equal(t, "web", dig(t, created, "requestParameters", "groupName"))
	require.Equal(t, "ResourceDiscovered", dig(t, created, "additionalEventData", "configurationAfter", "configurationItemStatus"))
	require.Equal(t, sg, dig(t, created, "additionalEventData", "configurationAfter", "resourceId"), "the group found by its name")

	opened := record(t, events[1])
	require.Equal(t, "ec2.amazonaws.com", opened["eventSource"])
	require.Equal(t, sg, dig(t, opened, "requestParameters", "groupId"))
	perms := dig(t, opened, "requestParameters", "ipPermissions").([]any)
	require.Equal(t, "0.0.0.0/0", dig(t, perms[0], "ipRanges").([]any)[0].(map[string]any)["cidrIp"])
	require.Equal(t, "22", dig(t, perms[0], "fromPort"))
	require.Empty(t, dig(t, opened, "additionalEventData", "configurationBefore", "configuration", "ipPermissions"))
	require.NotEmpty(t, dig(t, opened, "additionalEventData", "configurationAfter", "configuration", "ipPermissions"))
	require.Equal(t, "arn:aws:ec2:us-east-1:"+account+":security-group/"+sg, opened["resources"].([]any)[0].(map[string]any)["ARN"])

	roles := a.lookup(t, a.trail, cttypes.LookupAttributeKeyResourceType, "AWS::IAM::Role")
	require.Equal(t, []string{"AttachRolePolicy", "CreateRole"}, names(roles))
	attach := record(t, roles[0])
	require.Equal(t, "Fix", dig(t, attach, "requestParameters", "roleName"))
	attached := dig(t, attach, "additionalEventData", "configurationAfter", "configuration", "attachedManagedPolicies").([]any)
	require.Equal(t, "ReadOnlyAccess", dig(t, attached[0], "policyName"))
	require.Empty(t, dig(t, attach, "additionalEventData", "configurationBefore", "configuration", "attachedManagedPolicies"))
	require.Equal(t, []cttypes.Resource{{ResourceType: aws.String("AWS::IAM::Role"), ResourceName: aws.String("Fix")}}, roles[0].Resources,
		"AWS's managed policy is not the account's resource")
}

func TestLookupEvents_Filters(t *testing.T) {
	t.Parallel()
	a := auditSetup(t)
	a.seedChanges(t)
	all := a.lookup(t, a.trail, "", "")
	require.Len(t, all, 5, "reads are not recorded")

	for _, tc := range []struct {
		name  string
		key   cttypes.LookupAttributeKey
		value string
		want  int
	}{
		{"EventName", cttypes.LookupAttributeKeyEventName, "CreateRole", 1},
		{"EventSource", cttypes.LookupAttributeKeyEventSource, "iam.amazonaws.com", 2},
		{"Username", cttypes.LookupAttributeKeyUsername, "root", 5},
		{"AccessKeyId", cttypes.LookupAttributeKeyAccessKeyId, account, 5},
		{"OtherAccessKey", cttypes.LookupAttributeKeyAccessKeyId, "AKIDOTHER", 0},
		{"ResourceType", cttypes.LookupAttributeKeyResourceType, "AWS::EC2::SecurityGroup", 3},
		{"ReadOnlyFalse", cttypes.LookupAttributeKeyReadOnly, "false", 5},
		{"ReadOnlyTrue", cttypes.LookupAttributeKeyReadOnly, "true", 0},
		{"EventId", cttypes.LookupAttributeKeyEventId, aws.ToString(all[3].EventId), 1},
		{"EventNameIsExact", cttypes.LookupAttributeKeyEventName, "createrole", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Len(t, a.lookup(t, a.trail, tc.key, tc.value), tc.want)
		})
	}
}

func TestLookupEvents_PagingTimeRangeAndScope(t *testing.T) {
	t.Parallel()
	a := auditSetup(t)
	ctx := context.Background()
	a.seedChanges(t)
	a.env.Clock.Advance(time.Hour)
	_, err := a.iam.DeleteRole(ctx, &iam.DeleteRoleInput{RoleName: aws.String("Fix")})
	require.Error(t, err, "a role with a policy attached cannot be deleted; the failure is recorded")

	var seen []string
	var pages int
	p := sdk.NewLookupEventsPaginator(a.trail, &sdk.LookupEventsInput{MaxResults: aws.Int32(2)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		require.NoError(t, err)
		require.LessOrEqual(t, len(page.Events), 2)
		seen, pages = append(seen, names(page.Events)...), pages+1
	}
	require.Equal(t, []string{"DeleteRole", "AttachRolePolicy", "CreateRole", "RevokeSecurityGroupIngress",
		"AuthorizeSecurityGroupIngress", "CreateSecurityGroup"}, seen)
	require.Equal(t, 3, pages)

	later := salvetest.Start.Add(time.Hour)
	for name, tc := range map[string]struct {
		start, end time.Time
		want       int
	}{
		"SinceTheHour":   {start: later, want: 1},
		"UntilTheStart":  {end: salvetest.Start, want: 5},
		"WholeSeconds":   {start: salvetest.Start.Add(500 * time.Millisecond), end: later.Add(-time.Second), want: 0},
		"SecondIncluded": {start: salvetest.Start.Add(-time.Second), end: salvetest.Start.Add(999 * time.Millisecond), want: 5},
		"Both":           {start: salvetest.Start, end: later, want: 6},
	} {
		in := &sdk.LookupEventsInput{}
		if !tc.start.IsZero() {
			in.StartTime = aws.Time(tc.start)
		}
		if !tc.end.IsZero() {
			in.EndTime = aws.Time(tc.end)
		}
		out, err := a.trail.LookupEvents(ctx, in)
		require.NoError(t, err, name)
		require.Len(t, out.Events, tc.want, name)
	}

	otherAccount := sdk.NewFromConfig(a.env.AWSConfig(other, "secret", "us-east-1"))
	require.Empty(t, a.lookup(t, otherAccount, "", ""), "another account sees none of it")
	otherRegion := sdk.NewFromConfig(a.env.AWSConfig(account, "secret", "eu-west-1"))
	require.Len(t, a.lookup(t, otherRegion, "", ""), 0, "events are kept in the region of the call")
}

func TestLookupEvents_Errors(t *testing.T) {
	t.Parallel()
	a := auditSetup(t)
	ctx := context.Background()
	a.seedChanges(t)
	first, err := a.trail.LookupEvents(ctx, &sdk.LookupEventsInput{MaxResults: aws.Int32(1)})
	require.NoError(t, err)
	require.NotNil(t, first.NextToken)

	attr := func(k cttypes.LookupAttributeKey, v string) cttypes.LookupAttribute {
		return cttypes.LookupAttribute{AttributeKey: k, AttributeValue: aws.String(v)}
	}
	start := salvetest.Start
	for name, tc := range map[string]struct {
		in   sdk.LookupEventsInput
		code string
	}{
		"TwoAttributes": {sdk.LookupEventsInput{LookupAttributes: []cttypes.LookupAttribute{
			attr(cttypes.LookupAttributeKeyEventName, "CreateRole"), attr(cttypes.LookupAttributeKeyUsername, "root")}},
			"InvalidLookupAttributesException"},
		"UnknownKey": {sdk.LookupEventsInput{LookupAttributes: []cttypes.LookupAttribute{attr("Color", "blue")}},
			"InvalidLookupAttributesException"},
		"EmptyValue": {sdk.LookupEventsInput{LookupAttributes: []cttypes.LookupAttribute{attr(cttypes.LookupAttributeKeyEventName, "")}},
			"InvalidLookupAttributesException"},
		"ValueTooLong": {sdk.LookupEventsInput{LookupAttributes: []cttypes.LookupAttribute{
			attr(cttypes.LookupAttributeKeyResourceName, strings.Repeat("a_", 667))}}, "InvalidLookupAttributesException"},
		"MaxResultsZero":  {sdk.LookupEventsInput{MaxResults: aws.Int32(0)}, "InvalidMaxResultsException"},
		"MaxResults51":    {sdk.LookupEventsInput{MaxResults: aws.Int32(51)}, "InvalidMaxResultsException"},
		"StartAfterEnd":   {sdk.LookupEventsInput{StartTime: aws.Time(start.Add(time.Second)), EndTime: aws.Time(start)}, "InvalidTimeRangeException"},
		"GarbageToken":    {sdk.LookupEventsInput{NextToken: aws.String("not-a-token")}, "InvalidNextTokenException"},
		"TokenOfAnother":  {sdk.LookupEventsInput{NextToken: first.NextToken, StartTime: aws.Time(start)}, "InvalidNextTokenException"},
		"UnknownCategory": {sdk.LookupEventsInput{EventCategory: "data"}, "InvalidEventCategoryException"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := a.trail.LookupEvents(ctx, &tc.in)
			salvetest.RequireAPIError(t, err, tc.code)
		})
	}

	long := strings.Repeat("a_", 666) // 1998 characters as AWS counts them
	_, err = a.trail.LookupEvents(ctx, &sdk.LookupEventsInput{LookupAttributes: []cttypes.LookupAttribute{
		attr(cttypes.LookupAttributeKeyResourceName, long)}})
	require.NoError(t, err)
	insight, err := a.trail.LookupEvents(ctx, &sdk.LookupEventsInput{EventCategory: cttypes.EventCategoryInsight})
	require.NoError(t, err)
	require.Empty(t, insight.Events, "Salve has no Insights events")
	next, err := a.trail.LookupEvents(ctx, &sdk.LookupEventsInput{MaxResults: aws.Int32(1), NextToken: first.NextToken})
	require.NoError(t, err)
	require.NotEqual(t, aws.ToString(first.Events[0].EventId), aws.ToString(next.Events[0].EventId))
}
