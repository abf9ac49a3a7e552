package iam_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// awsCLI runs the aws CLI against the test server and decodes its JSON
// output into out (when not nil). The test is skipped without the CLI.
func awsCLI(t *testing.T, e *env, out any, args ...string) {
	t.Helper()
	bin, err := exec.LookPath("aws")
	if err != nil {
		t.Skip("the aws CLI is not installed")
	}
	dir := t.TempDir()
	cmd := exec.Command(bin, append(args, "--endpoint-url", e.URL, "--output", "json")...)
	cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID=AKIDSALVETEST", "AWS_SECRET_ACCESS_KEY=secret",
		"AWS_DEFAULT_REGION=us-east-1", "AWS_PAGER=", "AWS_CONFIG_FILE="+filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE="+filepath.Join(dir, "credentials"), "AWS_MAX_ATTEMPTS=1")
	stdout, err := cmd.Output()
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
		t.Fatalf("aws %v: %v\n%s", args, err, exit.Stderr)
	}
	require.NoError(t, err)
	if out != nil {
		require.NoError(t, json.Unmarshal(stdout, out), string(stdout))
	}
}

// TestCLI proves the aws CLI's request shapes (Tags.member.N.Key, policy
// documents) decode and that botocore reads the answers, including the
// URL-encoded policy documents it decodes itself.
func TestCLI(t *testing.T) {
	t.Parallel()
	e := setup(t)
	var created struct {
		Role struct {
			RoleName                 string
			Tags                     []struct{ Key, Value string }
			AssumeRolePolicyDocument map[string]any
		}
	}
	awsCLI(t, e, &created, "iam", "create-role", "--role-name", "cli-role",
		"--assume-role-policy-document", trustPolicy, "--tags", "Key=team,Value=blue", "Key=env,Value=dev")
	require.Equal(t, "cli-role", created.Role.RoleName)
	require.Len(t, created.Role.Tags, 2)
	require.Equal(t, "2012-10-17", created.Role.AssumeRolePolicyDocument["Version"], "botocore decodes the URL-encoded document")

	awsCLI(t, e, nil, "iam", "attach-role-policy", "--role-name", "cli-role", "--policy-arn", adminARN)
	var attached struct{ AttachedPolicies []struct{ PolicyName string } }
	awsCLI(t, e, &attached, "iam", "list-attached-role-policies", "--role-name", "cli-role")
	require.Len(t, attached.AttachedPolicies, 1)
	require.Equal(t, "AdministratorAccess", attached.AttachedPolicies[0].PolicyName)

	var untagged struct{ Tags []struct{ Key string } }
	awsCLI(t, e, nil, "iam", "untag-role", "--role-name", "cli-role", "--tag-keys", "team", "env")
	awsCLI(t, e, &untagged, "iam", "list-role-tags", "--role-name", "cli-role")
	require.Empty(t, untagged.Tags)
}
