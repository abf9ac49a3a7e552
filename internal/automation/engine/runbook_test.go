package engine_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/engine"
)

// corpusDir holds real AWS runbooks (shared test data outside the repo).
const corpusDir = "../../../../shared/runbooks"

// runbook sets up an execution of a real AWS runbook.
func runbook(t *testing.T, name string, params map[string][]string) *bundle {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(corpusDir, name+".json"))
	if os.IsNotExist(err) {
		t.Skip("no AWS runbook corpus at " + corpusDir)
	}
	require.NoError(t, err)
	return setup(t, string(raw), "JSON", params, nil)
}

func TestRunbook_DisablePublicAccessForSecurityGroup(t *testing.T) {
	t.Parallel()
	t.Run("DefaultPath", func(t *testing.T) {
		t.Parallel()
		b := runbook(t, "AWS-DisablePublicAccessForSecurityGroup", map[string][]string{"GroupId": {"sg-0123abcd"}})
		// Only the IPv4 SSH rule exists; revoking the others errors, which
		// onFailure: Continue swallows.
		b.caller.on("RevokeSecurityGroupIngress", ok(nil), fails("InvalidPermission.NotFound"), ok(nil),
			fails("InvalidPermission.NotFound"))
		b.advance(t)
		require.Equal(t, []string{
			"CustomIpCheck:Success", "DisableSSHFromIpV4:Success", "DisableSSHFromIpV6:Failed",
			"DisableRDPFromIpV4:Success", "DisableRDPFromIpV6:Failed", "ProcessPrefixLists:Failed",
		}, trace(b.x))
		// ProcessPrefixLists is Python; until scripts run it fails the
		// execution with a clear reason.
		require.Equal(t, engine.StatusFailed, b.x.Status)
		require.Contains(t, b.x.FailureMessage, "Step ProcessPrefixLists (aws:executeScript) failed: ")
		first := b.caller.calls[0]
		require.Equal(t, "ec2", first.Service)
		require.Equal(t, map[string]any{"GroupId": "sg-0123abcd", "IpPermissions": []any{map[string]any{
			"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": []any{map[string]any{"CidrIp": "0.0.0.0/0"}},
		}}}, first.Input)
		require.Contains(t, step(t, b.x, "DisableSSHFromIpV6").FailureMessage,
			"An error occurred (InvalidPermission.NotFound) when calling the RevokeSecurityGroupIngress operation")
	})
	t.Run("CustomIpV4Path", func(t *testing.T) {
		t.Parallel()
		b := runbook(t, "AWS-DisablePublicAccessForSecurityGroup", map[string][]string{
			"GroupId": {"sg-0123abcd"}, "IpAddressToBlock": {"10.0.0.0/8"}})
		b.advance(t)
		require.Equal(t, []string{"CustomIpCheck:Success", "DisableSSHFromCustomIpV4:Success",
			"DisableRDPFromCustomIpV4:Success", "ProcessPrefixLists:Failed"}, trace(b.x))
		cidr := b.caller.calls[1].Input["IpPermissions"].([]any)[0].(map[string]any)["IpRanges"]
		require.Equal(t, []any{map[string]any{"CidrIp": "10.0.0.0/8"}}, cidr)
	})
}

func TestRunbook_EnableEbsEncryptionByDefault(t *testing.T) {
	t.Parallel()
	role := map[string][]string{"AutomationAssumeRole": {"arn:aws:iam::123456789012:role/Remediate"}}
	t.Run("Verified", func(t *testing.T) {
		t.Parallel()
		b := runbook(t, "AWSConfigRemediation-EnableEbsEncryptionByDefault", role)
		b.caller.on("EnableEbsEncryptionByDefault", ok(map[string]any{"EbsEncryptionByDefault": true,
			"ResponseMetadata": map[string]any{"HTTPStatusCode": 200}}))
		b.caller.on("GetEbsEncryptionByDefault", ok(map[string]any{"EbsEncryptionByDefault": true}))
		b.advance(t)
		require.Equal(t, []string{"ModifyAccount:Success", "VerifyEbsEncryptionByDefault:Success"}, trace(b.x))
		require.Equal(t, engine.StatusSuccess, b.x.Status)
		require.Equal(t, []string{"EnableEbsEncryptionByDefault", "GetEbsEncryptionByDefault"}, b.caller.apis())
		require.Equal(t, map[string][]string{"ModifyAccount.EnableEbsEncryptionByDefaultResponse": {
			`{"EbsEncryptionByDefault":true,"ResponseMetadata":{"HTTPStatusCode":200}}`}}, b.x.Outputs)
	})
	t.Run("AssertionFails", func(t *testing.T) {
		t.Parallel()
		b := runbook(t, "AWSConfigRemediation-EnableEbsEncryptionByDefault", role)
		b.caller.on("GetEbsEncryptionByDefault", ok(map[string]any{"EbsEncryptionByDefault": false}))
		b.advance(t)
		require.Equal(t, []string{"ModifyAccount:Success", "VerifyEbsEncryptionByDefault:Failed"}, trace(b.x))
		require.Equal(t, engine.StatusFailed, b.x.Status)
		se := step(t, b.x, "VerifyEbsEncryptionByDefault")
		require.Equal(t, "The property $.EbsEncryptionByDefault is [False], not one of the desired values [True].",
			se.FailureMessage)
		require.Equal(t, engine.TypeVerification, se.FailureDetails.FailureType)
	})
}
