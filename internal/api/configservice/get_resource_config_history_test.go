package configservice_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

// putVersions records n versions of widget w, one a minute from Start.
func putVersions(t *testing.T, env *salvetest.Env, n int) {
	t.Helper()
	for i := 1; i <= n; i++ {
		env.Clock.Set(salvetest.Start.Add(time.Duration(i-1) * time.Minute))
		putWidget(t, env.Config, "w", map[string]any{"version": i})
	}
}

func stateIDs(items []types.ConfigurationItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, aws.ToString(it.ConfigurationStateId))
	}
	return out
}

func TestGetResourceConfigHistory_Paging(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	putVersions(t, env, 5)
	collect := func(in configservice.GetResourceConfigHistoryInput) ([]string, int) {
		in.ResourceType, in.ResourceId, in.Limit = widgetType, aws.String("w"), 2
		p := configservice.NewGetResourceConfigHistoryPaginator(env.Config, &in)
		var ids []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(context.Background())
			require.NoError(t, err)
			pages++
			ids = append(ids, stateIDs(out.ConfigurationItems)...)
		}
		return ids, pages
	}
	ids, pages := collect(configservice.GetResourceConfigHistoryInput{})
	require.Equal(t, []string{"5", "4", "3", "2", "1"}, ids, "newest first by default")
	require.Equal(t, 3, pages)
	ids, _ = collect(configservice.GetResourceConfigHistoryInput{ChronologicalOrder: types.ChronologicalOrderForward})
	require.Equal(t, []string{"1", "2", "3", "4", "5"}, ids)
	ids, _ = collect(configservice.GetResourceConfigHistoryInput{
		EarlierTime: aws.Time(salvetest.Start.Add(time.Minute)), LaterTime: aws.Time(salvetest.Start.Add(3*time.Minute + time.Second))})
	require.Equal(t, []string{"4", "3", "2"}, ids)
	ids, _ = collect(configservice.GetResourceConfigHistoryInput{ChronologicalOrder: types.ChronologicalOrderForward,
		EarlierTime: aws.Time(salvetest.Start.Add(90 * time.Second))})
	require.Equal(t, []string{"3", "4", "5"}, ids)

	out, err := env.Config.GetResourceConfigHistory(context.Background(), &configservice.GetResourceConfigHistoryInput{
		ResourceType: widgetType, ResourceId: aws.String("w")})
	require.NoError(t, err)
	require.Len(t, out.ConfigurationItems, 5, "the default page holds 10")
	require.Nil(t, out.NextToken)
}

func TestGetResourceConfigHistory_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	putVersions(t, env, 1)
	in := func(mod func(*configservice.GetResourceConfigHistoryInput)) configservice.GetResourceConfigHistoryInput {
		v := configservice.GetResourceConfigHistoryInput{ResourceType: widgetType, ResourceId: aws.String("w")}
		mod(&v)
		return v
	}
	tests := []struct {
		name, code, fragment string
		in                   configservice.GetResourceConfigHistoryInput
	}{
		{"Undiscovered", "ResourceNotDiscoveredException", "nope", in(func(v *configservice.GetResourceConfigHistoryInput) { v.ResourceId = aws.String("nope") })},
		{"TimeRange", "InvalidTimeRangeException", "earlier time", in(func(v *configservice.GetResourceConfigHistoryInput) {
			v.LaterTime, v.EarlierTime = aws.Time(salvetest.Start), aws.Time(salvetest.Start.Add(time.Hour))
		})},
		{"Limit", "InvalidLimitException", "'101'", in(func(v *configservice.GetResourceConfigHistoryInput) { v.Limit = 101 })},
		{"Order", "ValidationException", "chronologicalOrder", in(func(v *configservice.GetResourceConfigHistoryInput) { v.ChronologicalOrder = "Sideways" })},
		{"Type", "ValidationException", "resourceType", in(func(v *configservice.GetResourceConfigHistoryInput) { v.ResourceType = "AWS::Nope::Nope" })},
		{"Token", "InvalidNextTokenException", "nextToken", in(func(v *configservice.GetResourceConfigHistoryInput) { v.NextToken = aws.String("x") })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := env.Config.GetResourceConfigHistory(context.Background(), &tt.in)
			salvetest.RequireAPIError(t, err, tt.code, tt.fragment)
		})
	}
	t.Run("OtherAccount", func(t *testing.T) {
		t.Parallel()
		other, _, _ := env.Clients("210987654321", "secret", "us-east-1")
		_, err := other.GetResourceConfigHistory(context.Background(), &configservice.GetResourceConfigHistoryInput{
			ResourceType: widgetType, ResourceId: aws.String("w")})
		salvetest.RequireAPIError(t, err, "ResourceNotDiscoveredException")
	})
}

// TestGetResourceConfigHistory_WireShape pins what clients other than the
// Go SDK read: epoch-number timestamps, configuration as a JSON string.
func TestGetResourceConfigHistory_WireShape(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	putVersions(t, env, 1)
	res := env.Raw(t, "StarlingDoveService.GetResourceConfigHistory", fmt.Sprintf(`{"resourceType":%q,"resourceId":"w"}`, widgetType))
	require.Equal(t, http.StatusOK, res.Status, res.Text)
	items := res.Body["configurationItems"].([]any)
	require.Len(t, items, 1)
	it := items[0].(map[string]any)
	require.Equal(t, float64(salvetest.Start.Unix()), it["configurationItemCaptureTime"])
	require.Equal(t, `{"version":1}`, it["configuration"])
	require.Equal(t, map[string]any{}, it["supplementaryConfiguration"])
	require.Equal(t, []any{}, it["relatedEvents"])
	require.Equal(t, "1", it["configurationStateId"])
}
