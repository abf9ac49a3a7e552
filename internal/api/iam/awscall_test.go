package iam_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awscall"
	"github.com/salvehq/salve/internal/awserr"
)

// TestAWSCaller drives the service the way runbooks and periodic rules
// reach it: through the AWS caller's in-process sandbox, JSON in and out.
func TestAWSCaller(t *testing.T) {
	t.Parallel()
	e := setup(t)
	sb, err := awscall.NewSandbox(e.Handler, []string{"iam"})
	require.NoError(t, err)
	ctx := context.Background()
	call := func(api string, in map[string]any) (map[string]any, error) {
		return sb.Call(ctx, engine.CallRequest{Service: "iam", API: api, Input: in, AccountID: "123456789012", Region: "eu-west-1"})
	}
	_, err = call("CreateRole", map[string]any{"RoleName": "Fixer", "AssumeRolePolicyDocument": trustPolicy})
	require.NoError(t, err)
	_, err = call("AttachRolePolicy", map[string]any{"RoleName": "Fixer", "PolicyArn": adminARN})
	require.NoError(t, err)
	out, err := call("ListAttachedRolePolicies", map[string]any{"RoleName": "Fixer"})
	require.NoError(t, err)
	require.Len(t, out["AttachedPolicies"], 1)

	_, err = call("GetAccountPasswordPolicy", map[string]any{})
	require.True(t, awserr.Is(err, "NoSuchEntity"), "%v", err)
	_, err = call("UpdateAccountPasswordPolicy", map[string]any{"MinimumPasswordLength": 14, "RequireSymbols": true})
	require.NoError(t, err)
	out, err = call("GetAccountPasswordPolicy", map[string]any{})
	require.NoError(t, err)
	require.EqualValues(t, 14, out["PasswordPolicy"].(map[string]any)["MinimumPasswordLength"])
}
