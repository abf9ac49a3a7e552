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

func TestSelectResourceConfig(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	for i := range 3 {
		putWidget(t, env.Config, fmt.Sprint("w-", i), map[string]any{"color": []string{"red", "blue", "red"}[i], "size": i})
	}
	ctx := context.Background()
	out, err := env.Config.SelectResourceConfig(ctx, &configservice.SelectResourceConfigInput{
		Expression: aws.String("SELECT resourceId, configuration.size WHERE resourceType = '" + widgetType + "' AND configuration.color = 'red'")})
	require.NoError(t, err)
	require.Equal(t, []string{`{"configuration":{"size":0},"resourceId":"w-0"}`, `{"configuration":{"size":2},"resourceId":"w-2"}`}, out.Results)
	require.Len(t, out.QueryInfo.SelectFields, 2)
	require.Equal(t, "configuration.size", aws.ToString(out.QueryInfo.SelectFields[1].Name))

	p := configservice.NewSelectResourceConfigPaginator(env.Config, &configservice.SelectResourceConfigInput{
		Expression: aws.String("SELECT resourceId"), Limit: 2})
	var all []string
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		require.NoError(t, err)
		all = append(all, page.Results...)
	}
	require.Equal(t, []string{`{"resourceId":"w-0"}`, `{"resourceId":"w-1"}`, `{"resourceId":"w-2"}`}, all)
}

func TestSelectResourceConfig_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	_, err := env.Config.SelectResourceConfig(ctx, &configservice.SelectResourceConfigInput{Expression: aws.String("SELECT resourceId WHERE a = 'x' OR b = 'y'")})
	salvetest.RequireAPIError(t, err, "InvalidExpressionException", "syntax")
	_, err = env.Config.SelectResourceConfig(ctx, &configservice.SelectResourceConfigInput{Expression: aws.String("SELECT resourceId"), Limit: 101})
	salvetest.RequireAPIError(t, err, "InvalidLimitException")
	_, err = env.Config.SelectResourceConfig(ctx, &configservice.SelectResourceConfigInput{Expression: aws.String("SELECT resourceId"), NextToken: aws.String("x")})
	salvetest.RequireAPIError(t, err, "InvalidNextTokenException")
	code, _ := rawRulesCall(t, env, "SelectResourceConfig", `{}`)
	require.Equal(t, "ValidationException", code)
}
