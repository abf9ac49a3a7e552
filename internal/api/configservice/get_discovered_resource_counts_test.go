package configservice_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

func putCustom(t *testing.T, c *configservice.Client, typ, id string) {
	t.Helper()
	b, _ := json.Marshal(map[string]string{"id": id})
	_, err := c.PutResourceConfig(context.Background(), &configservice.PutResourceConfigInput{ResourceType: aws.String(typ),
		SchemaVersionId: aws.String("v1"), ResourceId: aws.String(id), Configuration: aws.String(string(b))})
	require.NoError(t, err)
}

func counts(out *configservice.GetDiscoveredResourceCountsOutput) map[string]int64 {
	m := map[string]int64{}
	for _, c := range out.ResourceCounts {
		m[string(c.ResourceType)] = c.Count
	}
	return m
}

func TestGetDiscoveredResourceCounts(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	for i := range 3 {
		putCustom(t, env.Config, "Acme::Widget::Gear", fmt.Sprint("g", i))
	}
	putCustom(t, env.Config, "Acme::Widget::Cog", "c0")
	putCustom(t, env.Config, "Acme::Widget::Bolt", "b0")
	_, err := env.Config.DeleteResourceConfig(ctx, &configservice.DeleteResourceConfigInput{
		ResourceType: aws.String("Acme::Widget::Bolt"), ResourceId: aws.String("b0")})
	require.NoError(t, err)

	out, err := env.Config.GetDiscoveredResourceCounts(ctx, &configservice.GetDiscoveredResourceCountsInput{})
	require.NoError(t, err)
	require.Equal(t, int64(4), out.TotalDiscoveredResources, "deleted resources are not counted")
	require.Equal(t, "Acme::Widget::Gear", string(out.ResourceCounts[0].ResourceType), "largest first")
	require.Equal(t, map[string]int64{"Acme::Widget::Gear": 3, "Acme::Widget::Cog": 1}, counts(out))

	out, err = env.Config.GetDiscoveredResourceCounts(ctx, &configservice.GetDiscoveredResourceCountsInput{ResourceTypes: []string{"Acme::Widget::Cog"}})
	require.NoError(t, err)
	require.Equal(t, map[string]int64{"Acme::Widget::Cog": 1}, counts(out))
	require.Equal(t, int64(1), out.TotalDiscoveredResources)

	first, err := env.Config.GetDiscoveredResourceCounts(ctx, &configservice.GetDiscoveredResourceCountsInput{Limit: 1})
	require.NoError(t, err)
	require.Len(t, first.ResourceCounts, 1)
	require.NotNil(t, first.NextToken)
	second, err := env.Config.GetDiscoveredResourceCounts(ctx, &configservice.GetDiscoveredResourceCountsInput{Limit: 1, NextToken: first.NextToken})
	require.NoError(t, err)
	require.Equal(t, map[string]int64{"Acme::Widget::Cog": 1}, counts(second))
	require.Nil(t, second.NextToken)

	stopDefaultRecorder(t, env.Config)
	out, err = env.Config.GetDiscoveredResourceCounts(ctx, &configservice.GetDiscoveredResourceCountsInput{})
	require.NoError(t, err)
	require.Empty(t, out.ResourceCounts, "a stopped recorder counts nothing, as in AWS")
}

func TestGetDiscoveredResourceCounts_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	many := make([]string, 21)
	for i := range many {
		many[i] = string(types.ResourceTypeBucket)
	}
	_, err := env.Config.GetDiscoveredResourceCounts(context.Background(), &configservice.GetDiscoveredResourceCountsInput{ResourceTypes: many})
	salvetest.RequireAPIError(t, err, "ValidationException", "'resourceTypes'")
	_, err = env.Config.GetDiscoveredResourceCounts(context.Background(), &configservice.GetDiscoveredResourceCountsInput{Limit: 200})
	salvetest.RequireAPIError(t, err, "InvalidLimitException")
	_, err = env.Config.GetDiscoveredResourceCounts(context.Background(), &configservice.GetDiscoveredResourceCountsInput{NextToken: aws.String("zz")})
	salvetest.RequireAPIError(t, err, "InvalidNextTokenException")
}
