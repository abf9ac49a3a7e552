package configservice_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// awsCLI runs the aws CLI against the test server and decodes its JSON
// output into out (when not nil). The test is skipped without the CLI.
func awsCLI(t *testing.T, env *salvetest.Env, out any, args ...string) {
	t.Helper()
	bin, err := exec.LookPath("aws")
	if err != nil {
		t.Skip("the aws CLI is not installed")
	}
	dir := t.TempDir()
	cmd := exec.Command(bin, append(args, "--endpoint-url", env.URL, "--output", "json")...)
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

// TestRecorderCLI drives the recorder with the aws CLI (botocore
// serialises the same model as the Go SDK; this proves its shorthand and
// its reading of the answers, timestamps and JSON-string members included).
func TestRecorderCLI(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	awsCLI(t, env, nil, "configservice", "put-configuration-recorder",
		"--configuration-recorder", "name=main,roleARN="+testRole,
		"--recording-group", "allSupported=false,resourceTypes=AWS::S3::Bucket,AWS::EC2::SecurityGroup")
	awsCLI(t, env, nil, "configservice", "put-delivery-channel",
		"--delivery-channel", `{"name":"default","s3BucketName":"config-bucket","configSnapshotDeliveryProperties":{"deliveryFrequency":"Six_Hours"}}`)
	awsCLI(t, env, nil, "configservice", "start-configuration-recorder", "--configuration-recorder-name", "main")

	var recs struct {
		ConfigurationRecorders []struct {
			Name           string `json:"name"`
			RecordingGroup struct {
				ResourceTypes []string `json:"resourceTypes"`
			} `json:"recordingGroup"`
		}
	}
	awsCLI(t, env, &recs, "configservice", "describe-configuration-recorders")
	require.Len(t, recs.ConfigurationRecorders, 1)
	require.Equal(t, []string{"AWS::S3::Bucket", "AWS::EC2::SecurityGroup"}, recs.ConfigurationRecorders[0].RecordingGroup.ResourceTypes)
	var status struct {
		ConfigurationRecordersStatus []struct {
			Recording     bool    `json:"recording"`
			LastStatus    string  `json:"lastStatus"`
			LastStartTime float64 `json:"lastStartTime"`
		}
	}
	awsCLI(t, env, &status, "configservice", "describe-configuration-recorder-status")
	require.True(t, status.ConfigurationRecordersStatus[0].Recording)
	require.Equal(t, "SUCCESS", status.ConfigurationRecordersStatus[0].LastStatus)
	require.Equal(t, float64(salvetest.Start.Unix()), status.ConfigurationRecordersStatus[0].LastStartTime,
		"the CLI prints the epoch seconds it read")

	awsCLI(t, env, nil, "configservice", "put-resource-config", "--resource-type", widgetType, "--schema-version-id", "v1",
		"--resource-id", "w-1", "--resource-name", "widget", "--configuration", `{"color":"red"}`, "--tags", "team=blue")
	var hist struct {
		ConfigurationItems []struct {
			Configuration           string            `json:"configuration"`
			ConfigurationItemStatus string            `json:"configurationItemStatus"`
			Tags                    map[string]string `json:"tags"`
		} `json:"configurationItems"`
	}
	awsCLI(t, env, &hist, "configservice", "get-resource-config-history", "--resource-type", widgetType, "--resource-id", "w-1")
	require.Len(t, hist.ConfigurationItems, 1)
	require.JSONEq(t, `{"color":"red"}`, hist.ConfigurationItems[0].Configuration)
	require.Equal(t, "ResourceDiscovered", hist.ConfigurationItems[0].ConfigurationItemStatus)
	require.Equal(t, map[string]string{"team": "blue"}, hist.ConfigurationItems[0].Tags)

	var listed struct {
		ResourceIdentifiers []struct {
			ResourceID string `json:"resourceId"`
		} `json:"resourceIdentifiers"`
	}
	awsCLI(t, env, &listed, "configservice", "list-discovered-resources", "--resource-type", widgetType)
	require.Len(t, listed.ResourceIdentifiers, 1)
	var batch struct {
		BaseConfigurationItems []struct {
			ResourceID string `json:"resourceId"`
		} `json:"baseConfigurationItems"`
	}
	awsCLI(t, env, &batch, "configservice", "batch-get-resource-config", "--resource-keys", "resourceType="+widgetType+",resourceId=w-1")
	require.Len(t, batch.BaseConfigurationItems, 1)
}
