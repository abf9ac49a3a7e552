package configservice_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestBatchGetResourceConfig(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	putWidget(t, env.Config, "a", map[string]any{"n": 1})
	putWidget(t, env.Config, "b", map[string]any{"n": 2})
	putWidget(t, env.Config, "b", map[string]any{"n": 3})
	key := func(id string) types.ResourceKey {
		return types.ResourceKey{ResourceType: widgetType, ResourceId: aws.String(id)}
	}
	out, err := env.Config.BatchGetResourceConfig(context.Background(), &configservice.BatchGetResourceConfigInput{
		ResourceKeys: []types.ResourceKey{key("b"), key("unknown"), key("a"), key("b"),
			{ResourceType: types.ResourceTypeBucket, ResourceId: aws.String("a")}},
	})
	require.NoError(t, err)
	require.Empty(t, out.UnprocessedResourceKeys)
	require.Len(t, out.BaseConfigurationItems, 2, "unknown keys are left out, duplicates answered once")
	b := out.BaseConfigurationItems[0]
	require.Equal(t, "b", aws.ToString(b.ResourceId))
	require.Equal(t, "2", aws.ToString(b.ConfigurationStateId))
	require.Equal(t, types.ConfigurationItemStatusOk, b.ConfigurationItemStatus)
	require.Equal(t, map[string]any{"n": float64(3)}, configurationOf(t, b.Configuration))
	require.Equal(t, "123456789012", aws.ToString(b.AccountId))
	require.Equal(t, "1.3", aws.ToString(b.Version))
	require.Equal(t, "a", aws.ToString(out.BaseConfigurationItems[1].ResourceId))
}

func TestBatchGetResourceConfig_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	many := make([]types.ResourceKey, 101)
	for i := range many {
		many[i] = types.ResourceKey{ResourceType: widgetType, ResourceId: aws.String("x")}
	}
	tests := []struct {
		name, fragment string
		keys           []types.ResourceKey
	}{
		{"TooMany", "length less than or equal to 100", many},
		{"BadType", "resourceKeys.1.member.resourceType", []types.ResourceKey{{ResourceType: "AWS::Not::AType", ResourceId: aws.String("x")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := env.Config.BatchGetResourceConfig(context.Background(), &configservice.BatchGetResourceConfigInput{ResourceKeys: tt.keys})
			salvetest.RequireAPIError(t, err, "ValidationException", tt.fragment)
		})
	}
	t.Run("NoKeys", func(t *testing.T) {
		t.Parallel()
		code, msg := rawRulesCall(t, env, "BatchGetResourceConfig", `{"resourceKeys":[]}`)
		require.Equal(t, "ValidationException", code)
		require.Contains(t, msg, "length greater than or equal to 1")
	})
}
