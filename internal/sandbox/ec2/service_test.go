package ec2_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/sandbox/ec2"
	"github.com/salvehq/salve/internal/store/memstore"
	"github.com/salvehq/salve/internal/tenant"
)

var scope = tenant.Scope{AccountID: "123456789012", Region: "eu-west-1"}

func newService(t *testing.T) (*ec2.Service, *configitem.Collect) {
	t.Helper()
	items := &configitem.Collect{}
	svc := ec2.New(ec2.Params{Store: memstore.New(), Clock: clock.NewFake(time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)), Sink: items})
	return svc, items
}

func TestCodes_AreClientErrors(t *testing.T) {
	t.Parallel()
	for _, code := range ec2.Codes() {
		require.NotEmpty(t, code)
		err := ec2.Error(code, "x")
		ae, ok := awserr.As(err)
		require.True(t, ok)
		require.Equal(t, 400, ae.HTTPStatus(), code)
	}
	ae, _ := awserr.As(ec2.DryRun())
	require.Equal(t, 412, ae.HTTPStatus())
}

func TestService_DefaultsOncePerScope(t *testing.T) {
	t.Parallel()
	svc, items := newService(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, err := svc.DescribeVPCs(ctx, scope, ec2.DescribeParams{})
			require.NoError(t, err)
		}()
	}
	wg.Wait()
	vpcs, _, err := svc.DescribeVPCs(ctx, scope, ec2.DescribeParams{})
	require.NoError(t, err)
	require.Len(t, vpcs, 1, "concurrent first calls make one default VPC")
	require.Len(t, items.Items(), 5, "the VPC, its group and three subnets")
	require.Equal(t, 1, items.ChangedCalls())
}

func TestService_OneChangedPerMutation(t *testing.T) {
	t.Parallel()
	svc, items := newService(t)
	ctx := context.Background()
	_, _, err := svc.DescribeVPCs(ctx, scope, ec2.DescribeParams{})
	require.NoError(t, err)
	before := items.ChangedCalls()
	res, err := svc.RunInstances(ctx, scope, ec2.RunParams{ImageID: "ami-12345678", MinCount: 3, MaxCount: 3})
	require.NoError(t, err)
	require.Len(t, res.Instances, 3)
	require.Equal(t, before+1, items.ChangedCalls(), "three instances and their volumes, one wake-up")

	_, err = svc.StopInstances(ctx, scope, []string{res.Instances[0].ID, "i-0123456789abcdef0"})
	require.True(t, awserr.Is(err, "InvalidInstanceID.NotFound"))
	require.Equal(t, before+1, items.ChangedCalls(), "a failed call wakes nobody")
	vpcs, _, err := svc.DescribeVPCs(ctx, scope, ec2.DescribeParams{})
	require.NoError(t, err)
	require.Len(t, vpcs, 1)
	require.Equal(t, before+1, items.ChangedCalls(), "reads record nothing")
}

func TestNormalizeProtocol(t *testing.T) {
	t.Parallel()
	cases := map[string]string{"tcp": "tcp", "TCP": "tcp", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6",
		"-1": "-1", "47": "47", "icmpv6": "icmpv6"}
	for in, want := range cases {
		got, err := ec2.NormalizeProtocol(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "all", "256", "-2", "tcp6"} {
		_, err := ec2.NormalizeProtocol(bad)
		require.True(t, awserr.Is(err, ec2.CodeInvalidParameterValue), bad)
	}
}

func TestGroupRules(t *testing.T) {
	t.Parallel()
	p22 := int32(22)
	rules := []ec2.Rule{
		{Protocol: "tcp", FromPort: &p22, ToPort: &p22, CIDRIPv4: "10.0.0.0/8"},
		{Protocol: "-1", CIDRIPv6: "::/0"},
		{Protocol: "tcp", FromPort: &p22, ToPort: &p22, Group: &ec2.GroupPair{GroupID: "sg-1"}, Description: "peer"},
	}
	perms := ec2.GroupRules(rules)
	require.Len(t, perms, 2)
	require.Equal(t, "tcp", perms[0].Protocol)
	require.Equal(t, []ec2.Range{{CIDR: "10.0.0.0/8"}}, perms[0].IPv4Ranges)
	require.Equal(t, []ec2.GroupPair{{GroupID: "sg-1", Description: "peer"}}, perms[0].Groups)
	require.Equal(t, []ec2.Range{{CIDR: "::/0"}}, perms[1].IPv6Ranges)
}

func TestWellFormed(t *testing.T) {
	t.Parallel()
	require.True(t, ec2.WellFormed("vpc", "vpc-12345678"))
	require.True(t, ec2.WellFormed("vpc", ec2.NewID("vpc")))
	for _, bad := range []string{"vpc-1234567", "vpc-123456789", "vpc-ABCDEF12", "sg-12345678", "vpc12345678", ""} {
		require.False(t, ec2.WellFormed("vpc", bad), bad)
	}
}
