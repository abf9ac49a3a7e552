package configservice_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
	"github.com/salvehq/salve/internal/salvetest/awscli"
)

// TestRecorderCLI drives the recorder with the aws CLI (botocore
// serialises the same model as the Go SDK; this proves its shorthand and
// its reading of the answers, timestamps and JSON-string members included).
func TestRecorderCLI(t *testing.T) {
	awscli.Skip(t)
	t.Parallel()
	env := salvetest.Setup(t)
	cli := awscli.New(t, env.URL, awscli.Options{})
	cli.RunJSON(nil, "configservice", "put-configuration-recorder",
		"--configuration-recorder", "name=main,roleARN="+testRole,
		"--recording-group", "allSupported=false,resourceTypes=AWS::S3::Bucket,AWS::EC2::SecurityGroup")
	cli.RunJSON(nil, "configservice", "put-delivery-channel",
		"--delivery-channel", `{"name":"default","s3BucketName":"config-bucket","configSnapshotDeliveryProperties":{"deliveryFrequency":"Six_Hours"}}`)
	cli.RunJSON(nil, "configservice", "start-configuration-recorder", "--configuration-recorder-name", "main")

	var recs struct {
		ConfigurationRecorders []struct {
			Name           string `json:"name"`
			RecordingGroup struct {
				ResourceTypes []string `json:"resourceTypes"`
			} `json:"recordingGroup"`
		}
	}
	cli.RunJSON(&recs, "configservice", "describe-configuration-recorders")
	require.Len(t, recs.ConfigurationRecorders, 1)
	require.Equal(t, []string{"AWS::S3::Bucket", "AWS::EC2::SecurityGroup"}, recs.ConfigurationRecorders[0].RecordingGroup.ResourceTypes)
	var status struct {
		ConfigurationRecordersStatus []struct {
			Recording     bool    `json:"recording"`
			LastStatus    string  `json:"lastStatus"`
			LastStartTime float64 `json:"lastStartTime"`
		}
	}
	cli.RunJSON(&status, "configservice", "describe-configuration-recorder-status")
	require.True(t, status.ConfigurationRecordersStatus[0].Recording)
	require.Equal(t, "SUCCESS", status.ConfigurationRecordersStatus[0].LastStatus)
	require.Equal(t, float64(salvetest.Start.Unix()), status.ConfigurationRecordersStatus[0].LastStartTime,
		"the CLI prints the epoch seconds it read")

	cli.RunJSON(nil, "configservice", "put-resource-config", "--resource-type", widgetType, "--schema-version-id", "v1",
		"--resource-id", "w-1", "--resource-name", "widget", "--configuration", `{"color":"red"}`, "--tags", "team=blue")
	var hist struct {
		ConfigurationItems []struct {
			Configuration           string            `json:"configuration"`
			ConfigurationItemStatus string            `json:"configurationItemStatus"`
			Tags                    map[string]string `json:"tags"`
		} `json:"configurationItems"`
	}
	cli.RunJSON(&hist, "configservice", "get-resource-config-history", "--resource-type", widgetType, "--resource-id", "w-1")
	require.Len(t, hist.ConfigurationItems, 1)
	require.JSONEq(t, `{"color":"red"}`, hist.ConfigurationItems[0].Configuration)
	require.Equal(t, "ResourceDiscovered", hist.ConfigurationItems[0].ConfigurationItemStatus)
	require.Equal(t, map[string]string{"team": "blue"}, hist.ConfigurationItems[0].Tags)

	var listed struct {
		ResourceIdentifiers []struct {
			ResourceID string `json:"resourceId"`
		} `json:"resourceIdentifiers"`
	}
	cli.RunJSON(&listed, "configservice", "list-discovered-resources", "--resource-type", widgetType)
	require.Len(t, listed.ResourceIdentifiers, 1)
	var batch struct {
		BaseConfigurationItems []struct {
			ResourceID string `json:"resourceId"`
		} `json:"baseConfigurationItems"`
	}
	cli.RunJSON(&batch, "configservice", "batch-get-resource-config", "--resource-keys", "resourceType="+widgetType+",resourceId=w-1")
	require.Len(t, batch.BaseConfigurationItems, 1)
}
