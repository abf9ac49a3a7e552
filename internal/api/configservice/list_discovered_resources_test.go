package configservice_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func TestListDiscoveredResources(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	for i := range 5 {
		putWidget(t, env.Config, fmt.Sprint("w-", i), map[string]any{"i": i})
	}
	p := configservice.NewListDiscoveredResourcesPaginator(env.Config, &configservice.ListDiscoveredResourcesInput{
		ResourceType: widgetType, Limit: 2})
	var ids []string
	pages := 0
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		require.NoError(t, err)
		pages++
		for _, r := range out.ResourceIdentifiers {
			require.Equal(t, widgetType, string(r.ResourceType))
			require.Equal(t, "name-"+aws.ToString(r.ResourceId), aws.ToString(r.ResourceName))
			ids = append(ids, aws.ToString(r.ResourceId))
		}
	}
	require.Equal(t, []string{"w-0", "w-1", "w-2", "w-3", "w-4"}, ids)
	require.Equal(t, 3, pages)

	require.Equal(t, []string{"w-1", "w-3"}, listedIDs(t, env.Config, configservice.ListDiscoveredResourcesInput{
		ResourceIds: []string{"w-3", "w-1", "missing"}}))
	require.Equal(t, []string{"w-2"}, listedIDs(t, env.Config, configservice.ListDiscoveredResourcesInput{ResourceName: aws.String("name-w-2")}))
	require.Empty(t, listedIDs(t, env.Config, configservice.ListDiscoveredResourcesInput{ResourceName: aws.String("name-w")}))

	out, err := env.Config.ListDiscoveredResources(context.Background(), &configservice.ListDiscoveredResourcesInput{ResourceType: "AWS::S3::Bucket"})
	require.NoError(t, err)
	require.Empty(t, out.ResourceIdentifiers)
	other, _, _ := env.Clients("210987654321", "secret", "us-east-1")
	require.Empty(t, listedIDs(t, other, configservice.ListDiscoveredResourcesInput{}), "accounts do not see each other's resources")
}

func TestListDiscoveredResources_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ids := make([]string, 21)
	for i := range ids {
		ids[i] = fmt.Sprint("id-", i)
	}
	tests := []struct {
		name, code, fragment string
		in                   configservice.ListDiscoveredResourcesInput
	}{
		{"IDsAndName", "ValidationException", "Both Resource ID and Resource Name",
			configservice.ListDiscoveredResourcesInput{ResourceType: widgetType, ResourceIds: []string{"a"}, ResourceName: aws.String("n")}},
		{"TooManyIDs", "ValidationException", "more than 20", configservice.ListDiscoveredResourcesInput{ResourceType: widgetType, ResourceIds: ids}},
		{"Limit", "InvalidLimitException", "limit", configservice.ListDiscoveredResourcesInput{ResourceType: widgetType, Limit: 101}},
		{"Type", "ValidationException", "resourceType", configservice.ListDiscoveredResourcesInput{ResourceType: "AWS::S3::Buckets"}},
		{"ReservedCustomType", "ValidationException", "resourceType", configservice.ListDiscoveredResourcesInput{ResourceType: "Custom::My::Thing"}},
		{"Token", "InvalidNextTokenException", "", configservice.ListDiscoveredResourcesInput{ResourceType: widgetType, NextToken: aws.String("bad")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := env.Config.ListDiscoveredResources(context.Background(), &tt.in)
			salvetest.RequireAPIError(t, err, tt.code, tt.fragment)
		})
	}
	t.Run("MissingType", func(t *testing.T) {
		t.Parallel()
		code, msg := rawRulesCall(t, env, "ListDiscoveredResources", `{}`)
		require.Equal(t, "ValidationException", code)
		require.Contains(t, msg, "'resourceType' failed to satisfy constraint: Member must not be null")
	})
}
