package recorder_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/recorder"
)

func TestService_Select(t *testing.T) {
	t.Parallel()
	b := setup(t)
	b.record(t, acct, bucket("alpha", "Enabled"))
	b.record(t, acct, bucket("beta", "Off"))
	gone := bucket("gone", "Off")
	b.record(t, acct, gone)
	b.record(t, acct, &configitem.Item{ResourceType: "AWS::S3::Bucket", ResourceID: "gone", Status: configitem.StatusResourceDeleted})
	b.record(t, acct, &configitem.Item{ResourceType: "AWS::EC2::SecurityGroup", ResourceID: "sg-1", ResourceName: "web",
		Configuration: map[string]any{"ipPermissions": []any{
			map[string]any{"fromPort": 22, "ipv4Ranges": []any{map[string]any{"cidrIp": "0.0.0.0/0"}}},
			map[string]any{"fromPort": 443},
		}}, Tags: map[string]string{"env": "prod", "team": "web"}})
	b.record(t, other, bucket("theirs", "Enabled"))

	tests := []struct {
		name, expr string
		want       []string
	}{
		{"AllOfAType", "SELECT resourceId WHERE resourceType = 'AWS::S3::Bucket'",
			[]string{`{"resourceId":"alpha"}`, `{"resourceId":"beta"}`}},
		{"Everything", "select resourceId", []string{`{"resourceId":"sg-1"}`, `{"resourceId":"alpha"}`, `{"resourceId":"beta"}`}},
		{"Supplementary", "SELECT resourceName, supplementaryConfiguration.BucketVersioningConfiguration.status " +
			"WHERE supplementaryConfiguration.BucketVersioningConfiguration.status = 'Enabled'",
			[]string{`{"resourceName":"alpha","supplementaryConfiguration":{"BucketVersioningConfiguration":{"status":"Enabled"}}}`}},
		{"NotEqual", "SELECT resourceId WHERE resourceType = 'AWS::S3::Bucket' AND resourceId <> 'alpha'", []string{`{"resourceId":"beta"}`}},
		{"In", "SELECT resourceId WHERE resourceId IN ('beta', 'sg-1', 'zzz')", []string{`{"resourceId":"sg-1"}`, `{"resourceId":"beta"}`}},
		{"Like", "SELECT resourceId WHERE resourceId LIKE 'al%'", []string{`{"resourceId":"alpha"}`}},
		{"NumberThroughLists", "SELECT resourceId, configuration.ipPermissions.fromPort WHERE configuration.ipPermissions.fromPort = 22",
			[]string{`{"configuration":{"ipPermissions":[{"fromPort":22},{"fromPort":443}]},"resourceId":"sg-1"}`}},
		{"TwoFieldsThroughOneList", "SELECT configuration.ipPermissions.fromPort, configuration.ipPermissions.ipv4Ranges.cidrIp WHERE resourceId = 'sg-1'",
			[]string{`{"configuration":{"ipPermissions":[{"fromPort":22,"ipv4Ranges":[{"cidrIp":"0.0.0.0/0"}]},{"fromPort":443}]}}`}},
		{"NestedList", "SELECT resourceId WHERE configuration.ipPermissions.ipv4Ranges.cidrIp = '0.0.0.0/0'", []string{`{"resourceId":"sg-1"}`}},
		{"Tags", "SELECT resourceId WHERE tags.key = 'team' AND tags.tag = 'env=prod'", []string{`{"resourceId":"sg-1"}`}},
		{"NumberNeverEqualsString", "SELECT resourceId WHERE configuration.size = '3'", nil},
		{"Number", "SELECT resourceId WHERE configuration.size = 3 AND resourceType = 'AWS::S3::Bucket'",
			[]string{`{"resourceId":"alpha"}`, `{"resourceId":"beta"}`}},
		{"Identity", "SELECT accountId, awsRegion, configurationItemStatus WHERE resourceId = 'beta'",
			[]string{`{"accountId":"111111111111","awsRegion":"us-east-1","configurationItemStatus":"ResourceDiscovered"}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			page, err := b.svc.Select(context.Background(), acct, recorder.SelectParams{Expression: tt.expr, Limit: 100})
			require.NoError(t, err)
			for i := range page.Results {
				var m map[string]any
				require.NoError(t, json.Unmarshal([]byte(page.Results[i]), &m))
			}
			require.Equal(t, tt.want, page.Results)
		})
	}
}

func TestService_Select_PagingAndErrors(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for _, n := range []string{"a", "b", "c"} {
		b.record(t, acct, bucket(n, "Off"))
	}
	ctx := context.Background()
	p := recorder.SelectParams{Expression: "SELECT resourceId, resourceType", Limit: 2}
	first, err := b.svc.Select(ctx, acct, p)
	require.NoError(t, err)
	require.Equal(t, []string{"resourceId", "resourceType"}, first.Fields)
	require.Len(t, first.Results, 2)
	p.NextToken = first.NextToken
	second, err := b.svc.Select(ctx, acct, p)
	require.NoError(t, err)
	require.Equal(t, []string{`{"resourceId":"c","resourceType":"AWS::S3::Bucket"}`}, second.Results)
	require.Empty(t, second.NextToken)

	other := recorder.SelectParams{Expression: "SELECT resourceId", Limit: 2, NextToken: first.NextToken}
	_, err = b.svc.Select(ctx, acct, other)
	require.True(t, awserr.Is(err, awserr.InvalidNextTokenException), "a token belongs to its expression: %v", err)

	for _, expr := range []string{
		"", "resourceId", "SELECT", "SELECT *", "SELECT resourceId WHERE", "SELECT resourceId WHERE resourceId",
		"SELECT resourceId WHERE resourceId = 'x' OR resourceId = 'y'", "SELECT resourceId WHERE resourceId > 3",
		"SELECT resourceId WHERE resourceId = 'open", "SELECT resourceId WHERE resourceId IN ('a'", "SELECT a,, b",
		"SELECT resourceId, COUNT(*)", "SELECT resourceId WHERE resourceId = bare",
	} {
		_, err := b.svc.Select(ctx, acct, recorder.SelectParams{Expression: expr, Limit: 10})
		require.True(t, awserr.Is(err, recorder.CodeInvalidExpression), "%q: %v", expr, err)
	}
}
