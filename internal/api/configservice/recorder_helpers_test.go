package configservice_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"
)

// widgetType is the custom resource type the recorder tests put.
const widgetType = "Acme::Widget::Thing"

// putWidget records a custom resource with the given configuration.
func putWidget(t *testing.T, c *configservice.Client, id string, conf map[string]any) {
	t.Helper()
	b, err := json.Marshal(conf)
	require.NoError(t, err)
	_, err = c.PutResourceConfig(context.Background(), &configservice.PutResourceConfigInput{
		ResourceType: aws.String(widgetType), SchemaVersionId: aws.String("v1"), ResourceId: aws.String(id),
		ResourceName: aws.String("name-" + id), Configuration: aws.String(string(b)),
	})
	require.NoError(t, err)
}

// history returns every configuration item of a widget, newest first.
func history(t *testing.T, c *configservice.Client, id string) []types.ConfigurationItem {
	t.Helper()
	out, err := c.GetResourceConfigHistory(context.Background(), &configservice.GetResourceConfigHistoryInput{
		ResourceType: widgetType, ResourceId: aws.String(id), Limit: 100})
	require.NoError(t, err)
	return out.ConfigurationItems
}

// configurationOf decodes an item's configuration JSON string.
func configurationOf(t *testing.T, conf *string) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(aws.ToString(conf)), &m))
	return m
}

// listedIDs lists the widgets' ids.
func listedIDs(t *testing.T, c *configservice.Client, in configservice.ListDiscoveredResourcesInput) []string {
	t.Helper()
	in.ResourceType = widgetType
	out, err := c.ListDiscoveredResources(context.Background(), &in)
	require.NoError(t, err)
	var ids []string
	for _, r := range out.ResourceIdentifiers {
		ids = append(ids, aws.ToString(r.ResourceId))
	}
	return ids
}

// stopDefaultRecorder stops the implicit recorder.
func stopDefaultRecorder(t *testing.T, c *configservice.Client) {
	t.Helper()
	_, err := c.StopConfigurationRecorder(context.Background(), &configservice.StopConfigurationRecorderInput{
		ConfigurationRecorderName: aws.String("default")})
	require.NoError(t, err)
}
