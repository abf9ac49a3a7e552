package awscall_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/api/sts"
	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awscall"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
)

// TestSandbox_CallsTheHandlerInProcessAsTheRunbooksAccount serves STS in
// sigv4 mode with no credentials configured: only a trusted in-process
// caller can get an answer, and it is the runbook's account and role.
func TestSandbox_CallsTheHandlerInProcessAsTheRunbooksAccount(t *testing.T) {
	t.Parallel()
	h := awsproto.NewServer(awsproto.ServerParams{
		Auth:  &awsproto.Authenticator{Mode: awsproto.AuthSigV4, Clock: clock.Real{}},
		Query: []*awsproto.QueryService{sts.Service()},
	})
	sb, err := awscall.NewSandbox(h, []string{"sts"})
	require.NoError(t, err)
	require.Equal(t, []string{"sts"}, sb.Services())

	out, err := sb.Call(context.Background(), engine.CallRequest{Service: "sts", API: "GetCallerIdentity",
		AccountID: "111122223333", Region: "eu-west-1", RoleArn: "arn:aws:iam::111122223333:role/Fixer"})
	require.NoError(t, err)
	require.Equal(t, "111122223333", out["Account"])
	require.Equal(t, "arn:aws:sts::111122223333:assumed-role/Fixer/Automation", out["Arn"])

	_, err = sb.Call(context.Background(), engine.CallRequest{Service: "sts", API: "AssumeRole",
		AccountID: "111122223333", Input: map[string]any{"RoleArn": "arn:aws:iam::111122223333:role/x", "RoleSessionName": "s"}})
	ae, ok := awserr.As(err)
	require.True(t, ok, "%v", err)
	require.Equal(t, awserr.InvalidAction, ae.Code, "the handler's own AWS error comes back")
}
