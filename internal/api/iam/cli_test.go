package iam_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest/awscli"
)

// TestCLI proves the aws CLI's request shapes (Tags.member.N.Key, policy
// documents) decode and that botocore reads the answers, including the
// URL-encoded policy documents it decodes itself.
func TestCLI(t *testing.T) {
	awscli.Skip(t)
	t.Parallel()
	e := setup(t)
	cli := awscli.New(t, e.URL, awscli.Options{})
	var created struct {
		Role struct {
			RoleName                 string
			Tags                     []struct{ Key, Value string }
			AssumeRolePolicyDocument map[string]any
		}
	}
	cli.RunJSON(&created, "iam", "create-role", "--role-name", "cli-role",
		"--assume-role-policy-document", trustPolicy, "--tags", "Key=team,Value=blue", "Key=env,Value=dev")
	require.Equal(t, "cli-role", created.Role.RoleName)
	require.Len(t, created.Role.Tags, 2)
	require.Equal(t, "2012-10-17", created.Role.AssumeRolePolicyDocument["Version"], "botocore decodes the URL-encoded document")

	cli.RunJSON(nil, "iam", "attach-role-policy", "--role-name", "cli-role", "--policy-arn", adminARN)
	var attached struct{ AttachedPolicies []struct{ PolicyName string } }
	cli.RunJSON(&attached, "iam", "list-attached-role-policies", "--role-name", "cli-role")
	require.Len(t, attached.AttachedPolicies, 1)
	require.Equal(t, "AdministratorAccess", attached.AttachedPolicies[0].PolicyName)

	var untagged struct{ Tags []struct{ Key string } }
	cli.RunJSON(nil, "iam", "untag-role", "--role-name", "cli-role", "--tag-keys", "team", "env")
	cli.RunJSON(&untagged, "iam", "list-role-tags", "--role-name", "cli-role")
	require.Empty(t, untagged.Tags)
}
