package ec2_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	ec2api "github.com/salvehq/salve/internal/api/ec2"
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awscall"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// TestRunbookCalls drives the service the way runbook steps reach it: the
// AWS caller's Sandbox backend (the SDK client, in process, as the
// runbook's account), with inputs and outputs as aws:executeAwsApi sees
// them.
func TestRunbookCalls(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: filepath.Join(t.TempDir(), "salve.db")})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, st.Close()) })
	svc := sandbox.New(sandbox.Params{Store: st, Clock: clock.NewFake(start), Sink: &configitem.Collect{}})
	srv := awsproto.NewServer(awsproto.ServerParams{
		Auth:  &awsproto.Authenticator{Mode: awsproto.AuthSigV4, Clock: clock.Real{}},
		Query: []*awsproto.QueryService{ec2api.Service(ec2api.Deps{EC2: svc})},
	})
	caller, err := awscall.NewSandbox(srv, []string{"ec2"})
	require.NoError(t, err)
	call := func(api string, input map[string]any) map[string]any {
		out, err := caller.Call(ctx, engine.CallRequest{Service: "ec2", API: api, Input: input,
			AccountID: "444455556666", Region: "eu-west-1"})
		require.NoError(t, err, api)
		return out
	}
	created := call("CreateSecurityGroup", map[string]any{"GroupName": "web", "Description": "web"})
	id := created["GroupId"].(string)
	call("AuthorizeSecurityGroupIngress", map[string]any{"GroupId": id, "IpPermissions": []any{map[string]any{
		"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": []any{map[string]any{"CidrIp": "0.0.0.0/0"}}}}})
	described := call("DescribeSecurityGroups", map[string]any{"GroupIds": []any{id}})
	group := described["SecurityGroups"].([]any)[0].(map[string]any)
	require.Equal(t, "444455556666", group["OwnerId"], "the runbook's account")
	perm := group["IpPermissions"].([]any)[0].(map[string]any)
	require.Equal(t, "0.0.0.0/0", perm["IpRanges"].([]any)[0].(map[string]any)["CidrIp"])

	rules := call("DescribeSecurityGroupRules", map[string]any{"Filters": []any{
		map[string]any{"Name": "group-id", "Values": []any{id}}}})
	var ingress string
	for _, r := range rules["SecurityGroupRules"].([]any) {
		if r.(map[string]any)["IsEgress"] == false {
			ingress = r.(map[string]any)["SecurityGroupRuleId"].(string)
		}
	}
	call("RevokeSecurityGroupIngress", map[string]any{"GroupId": id, "SecurityGroupRuleIds": []any{ingress}})
	described = call("DescribeSecurityGroups", map[string]any{"GroupIds": []any{id}})
	require.Empty(t, described["SecurityGroups"].([]any)[0].(map[string]any)["IpPermissions"])

	_, err = caller.Call(ctx, engine.CallRequest{Service: "ec2", API: "DeleteSecurityGroup",
		Input: map[string]any{"GroupId": "sg-0123456789abcdef0"}, AccountID: "444455556666", Region: "eu-west-1"})
	require.True(t, awserr.Is(err, "InvalidGroup.NotFound"), "%v", err)
}
