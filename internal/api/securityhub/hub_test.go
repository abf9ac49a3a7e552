package securityhub_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/securityhub/types"
	"github.com/stretchr/testify/require"

	shdomain "github.com/salvehq/salve/internal/securityhub"
)

func TestHub_EnableDescribeDisable(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	hubArn := "arn:aws:securityhub:us-east-1:" + account + ":hub/default"

	d, err := e.sh.DescribeHub(ctx, &sdk.DescribeHubInput{})
	require.NoError(t, err, "a hub is enabled by default")
	require.Equal(t, hubArn, aws.ToString(d.HubArn))
	require.Nil(t, d.SubscribedAt, "not used yet")

	e.clock.Advance(time.Hour)
	_, err = e.sh.EnableSecurityHub(ctx, &sdk.EnableSecurityHubInput{EnableDefaultStandards: aws.Bool(false),
		Tags: map[string]string{"team": "sec"}})
	require.NoError(t, err, "enabling a hub enabled by default succeeds once")
	_, err = e.sh.EnableSecurityHub(ctx, &sdk.EnableSecurityHubInput{})
	requireCode(t, err, "ResourceConflictException")

	d, err = e.sh.DescribeHub(ctx, &sdk.DescribeHubInput{HubArn: aws.String(hubArn)})
	require.NoError(t, err)
	require.Equal(t, "2026-11-01T13:00:00.000Z", aws.ToString(d.SubscribedAt))
	require.Equal(t, types.ControlFindingGeneratorSecurityControl, d.ControlFindingGenerator)
	require.True(t, aws.ToBool(d.AutoEnableControls))

	_, err = e.sh.DescribeHub(ctx, &sdk.DescribeHubInput{HubArn: aws.String("arn:aws:securityhub:us-east-1:" + other + ":hub/default")})
	requireCode(t, err, "ResourceNotFoundException")
	_, err = e.sh.DescribeHub(ctx, &sdk.DescribeHubInput{HubArn: aws.String("not-an-arn")})
	requireCode(t, err, "InvalidInputException")

	_, err = e.sh.DisableSecurityHub(ctx, &sdk.DisableSecurityHubInput{})
	require.NoError(t, err)
	_, err = e.sh.DescribeHub(ctx, &sdk.DescribeHubInput{})
	requireCode(t, err, "InvalidAccessException")
	_, err = e.sh.GetFindings(ctx, &sdk.GetFindingsInput{})
	requireCode(t, err, "InvalidAccessException")
	_, err = e.sh.DisableSecurityHub(ctx, &sdk.DisableSecurityHubInput{})
	requireCode(t, err, "InvalidAccessException")

	_, err = e.sh.EnableSecurityHub(ctx, &sdk.EnableSecurityHubInput{ControlFindingGenerator: types.ControlFindingGeneratorStandardControl})
	require.NoError(t, err)
	d, err = e.sh.DescribeHub(ctx, &sdk.DescribeHubInput{})
	require.NoError(t, err)
	require.Equal(t, types.ControlFindingGeneratorStandardControl, d.ControlFindingGenerator)

	_, err = e.client(other, region).DescribeHub(ctx, &sdk.DescribeHubInput{})
	require.NoError(t, err, "every account has its own hub")
}

func TestHub_RequireEnable(t *testing.T) {
	t.Parallel()
	e := setup(t, func(p *shdomain.Params) { p.RequireEnable = true })
	ctx := context.Background()
	e.putRule(t, "r")
	e.evaluate(t, "r", "logs", "NON_COMPLIANT")

	_, err := e.sh.DescribeHub(ctx, &sdk.DescribeHubInput{})
	requireCode(t, err, "InvalidAccessException")
	_, err = e.sh.EnableSecurityHub(ctx, &sdk.EnableSecurityHubInput{})
	require.NoError(t, err)
	require.Empty(t, e.findings(t, nil), "no finding was made before the hub was enabled")

	e.evaluate(t, "r", "logs", "NON_COMPLIANT")
	require.Len(t, e.findings(t, nil), 1)
}

func TestHub_EnableValidation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	long := make([]byte, 129)
	for i := range long {
		long[i] = 'k'
	}
	for name, in := range map[string]*sdk.EnableSecurityHubInput{
		"BadGenerator":  {ControlFindingGenerator: "BOTH"},
		"ReservedTag":   {Tags: map[string]string{"aws:owner": "x"}},
		"LongTagKey":    {Tags: map[string]string{string(long): "x"}},
		"BadTagKeyChar": {Tags: map[string]string{"team!": "x"}},
		"EmptyTags":     {Tags: map[string]string{}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := e.sh.EnableSecurityHub(context.Background(), in)
			requireCode(t, err, "InvalidInputException")
		})
	}
}
