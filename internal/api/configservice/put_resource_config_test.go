package configservice_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestPutResourceConfig_RecordsItems(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	_, err := env.Config.PutResourceConfig(ctx, &configservice.PutResourceConfigInput{
		ResourceType: aws.String(widgetType), SchemaVersionId: aws.String("00000001"), ResourceId: aws.String("w-1"),
		ResourceName: aws.String("first widget"), Configuration: aws.String(`{"color":"red","size":3,"parts":["a"]}`),
		Tags: map[string]string{"team": "blue"},
	})
	require.NoError(t, err)
	env.Clock.Advance(time.Minute)
	putWidget(t, env.Config, "w-1", map[string]any{"color": "green"})

	items := history(t, env.Config, "w-1")
	require.Len(t, items, 2)
	newest, first := items[0], items[1]
	require.Equal(t, types.ConfigurationItemStatusOk, newest.ConfigurationItemStatus)
	require.Equal(t, "2", aws.ToString(newest.ConfigurationStateId))
	require.Equal(t, map[string]any{"color": "green"}, configurationOf(t, newest.Configuration))
	require.True(t, salvetest.Start.Add(time.Minute).Equal(aws.ToTime(newest.ConfigurationItemCaptureTime)))

	require.Equal(t, types.ConfigurationItemStatusResourceDiscovered, first.ConfigurationItemStatus)
	require.Equal(t, "1", aws.ToString(first.ConfigurationStateId))
	require.Equal(t, map[string]any{"color": "red", "size": float64(3), "parts": []any{"a"}}, configurationOf(t, first.Configuration))
	require.Equal(t, "1.3", aws.ToString(first.Version))
	require.Equal(t, "123456789012", aws.ToString(first.AccountId))
	require.Equal(t, "us-east-1", aws.ToString(first.AwsRegion))
	require.Equal(t, widgetType, string(first.ResourceType))
	require.Equal(t, "w-1", aws.ToString(first.ResourceId))
	require.Equal(t, "first widget", aws.ToString(first.ResourceName))
	require.Equal(t, map[string]string{"team": "blue"}, first.Tags)
	require.Len(t, aws.ToString(first.ConfigurationItemMD5Hash), 32)
	require.NotEqual(t, aws.ToString(first.ConfigurationItemMD5Hash), aws.ToString(newest.ConfigurationItemMD5Hash))
	require.True(t, salvetest.Start.Equal(aws.ToTime(first.ConfigurationItemCaptureTime)))

	putWidget(t, env.Config, "w-1", map[string]any{"color": "green"})
	require.Len(t, history(t, env.Config, "w-1"), 2, "an unchanged configuration records no item")
}

func TestPutResourceConfig_DeleteResourceConfig(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	putWidget(t, env.Config, "w-1", map[string]any{"v": 1})
	putWidget(t, env.Config, "w-2", map[string]any{"v": 2})
	env.Clock.Advance(time.Hour)
	_, err := env.Config.DeleteResourceConfig(ctx, &configservice.DeleteResourceConfigInput{
		ResourceType: aws.String(widgetType), ResourceId: aws.String("w-1")})
	require.NoError(t, err)
	_, err = env.Config.DeleteResourceConfig(ctx, &configservice.DeleteResourceConfigInput{
		ResourceType: aws.String(widgetType), ResourceId: aws.String("never-put")})
	require.NoError(t, err, "deleting an unknown resource records nothing")

	items := history(t, env.Config, "w-1")
	require.Len(t, items, 2)
	require.Equal(t, types.ConfigurationItemStatusResourceDeleted, items[0].ConfigurationItemStatus)
	require.Nil(t, items[0].Configuration)
	require.Equal(t, "name-w-1", aws.ToString(items[0].ResourceName))

	require.Equal(t, []string{"w-2"}, listedIDs(t, env.Config, configservice.ListDiscoveredResourcesInput{}))
	out, err := env.Config.ListDiscoveredResources(ctx, &configservice.ListDiscoveredResourcesInput{
		ResourceType: widgetType, IncludeDeletedResources: true})
	require.NoError(t, err)
	require.Len(t, out.ResourceIdentifiers, 2)
	require.True(t, salvetest.Start.Add(time.Hour).Equal(aws.ToTime(out.ResourceIdentifiers[0].ResourceDeletionTime)))
	require.Nil(t, out.ResourceIdentifiers[1].ResourceDeletionTime)

	got, err := env.Config.BatchGetResourceConfig(ctx, &configservice.BatchGetResourceConfigInput{ResourceKeys: []types.ResourceKey{
		{ResourceType: widgetType, ResourceId: aws.String("w-1")}, {ResourceType: widgetType, ResourceId: aws.String("w-2")}}})
	require.NoError(t, err)
	require.Len(t, got.BaseConfigurationItems, 1, "deleted resources are left out")
	require.Equal(t, "w-2", aws.ToString(got.BaseConfigurationItems[0].ResourceId))
}

func TestPutResourceConfig_NeedsARunningRecorder(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	putWidget(t, env.Config, "w-1", map[string]any{"v": 1})
	stopDefaultRecorder(t, env.Config)

	_, err := env.Config.PutResourceConfig(ctx, &configservice.PutResourceConfigInput{
		ResourceType: aws.String(widgetType), SchemaVersionId: aws.String("v1"), ResourceId: aws.String("w-2"),
		Configuration: aws.String(`{}`)})
	salvetest.RequireAPIError(t, err, "NoRunningConfigurationRecorderException")
	_, err = env.Config.DeleteResourceConfig(ctx, &configservice.DeleteResourceConfigInput{
		ResourceType: aws.String(widgetType), ResourceId: aws.String("w-1")})
	salvetest.RequireAPIError(t, err, "NoRunningConfigurationRecorderException")
	require.Len(t, history(t, env.Config, "w-1"), 1)
}

func TestPutResourceConfig_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	valid := func(mod func(*configservice.PutResourceConfigInput)) configservice.PutResourceConfigInput {
		in := configservice.PutResourceConfigInput{ResourceType: aws.String(widgetType), SchemaVersionId: aws.String("v1"),
			ResourceId: aws.String("w"), Configuration: aws.String(`{"a":1}`)}
		mod(&in)
		return in
	}
	tests := []struct {
		name, fragment string
		in             configservice.PutResourceConfigInput
	}{
		{"AWSType", "custom resource type", valid(func(in *configservice.PutResourceConfigInput) { in.ResourceType = aws.String("AWS::S3::Bucket") })},
		{"AmazonType", "custom resource type", valid(func(in *configservice.PutResourceConfigInput) { in.ResourceType = aws.String("amazon::X::Y") })},
		{"AlexaType", "custom resource type", valid(func(in *configservice.PutResourceConfigInput) { in.ResourceType = aws.String("Alexa::Skill::Thing") })},
		{"TwoPartType", "custom resource type", valid(func(in *configservice.PutResourceConfigInput) { in.ResourceType = aws.String("Acme::Widget") })},
		{"LongType", "length less than or equal to 196", valid(func(in *configservice.PutResourceConfigInput) {
			in.ResourceType = aws.String("Acme::Widget::" + strings.Repeat("x", 190))
		})},
		{"BadSchemaVersion", "schemaVersionId", valid(func(in *configservice.PutResourceConfigInput) { in.SchemaVersionId = aws.String("v 1") })},
		{"LongID", "resourceId", valid(func(in *configservice.PutResourceConfigInput) { in.ResourceId = aws.String(strings.Repeat("i", 769)) })},
		{"NotJSON", "valid JSON", valid(func(in *configservice.PutResourceConfigInput) { in.Configuration = aws.String(`{"a":`) })},
		{"NotAnObject", "JSON object", valid(func(in *configservice.PutResourceConfigInput) { in.Configuration = aws.String(`[1,2]`) })},
		{"TooLarge", "64 KB", valid(func(in *configservice.PutResourceConfigInput) {
			in.Configuration = aws.String(`{"a":"` + strings.Repeat("x", 64*1024) + `"}`)
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := env.Config.PutResourceConfig(context.Background(), &tt.in)
			salvetest.RequireAPIError(t, err, "ValidationException", tt.fragment)
		})
	}
	t.Run("MissingMembers", func(t *testing.T) {
		t.Parallel()
		code, msg := rawRulesCall(t, env, "PutResourceConfig", `{"ResourceType":"Acme::Widget::Thing"}`)
		require.Equal(t, "ValidationException", code)
		require.Contains(t, msg, "3 validation errors")
		code, _ = rawRulesCall(t, env, "DeleteResourceConfig", `{"ResourceType":"AWS::S3::Bucket","ResourceId":"b"}`)
		require.Equal(t, "ValidationException", code)
	})
}
