package notification

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
)

func TestDiffItems(t *testing.T) {
	t.Parallel()
	rel := configitem.Relationship{ResourceType: "AWS::EC2::VPC", ResourceID: "vpc-1", Name: "Is contained in Vpc"}
	cases := map[string]struct {
		prev, cur configitem.Item
		want      map[string]PropertyChange
	}{
		"Nothing": {
			configitem.Item{Configuration: map[string]any{"n": float64(1)}},
			configitem.Item{Configuration: map[string]any{"n": 1}},
			map[string]PropertyChange{},
		},
		"Nested": {
			configitem.Item{Configuration: map[string]any{"state": map[string]any{"name": "pending", "code": 0}}},
			configitem.Item{Configuration: map[string]any{"state": map[string]any{"name": "running", "code": 0}}},
			map[string]PropertyChange{"Configuration.State.Name": {"pending", "running", "UPDATE"}},
		},
		"ListElements": {
			configitem.Item{Configuration: map[string]any{"ipPermissions": []any{"a", "b"}}},
			configitem.Item{Configuration: map[string]any{"ipPermissions": []any{"a", "c", "d"}}},
			map[string]PropertyChange{
				"Configuration.IpPermissions.1": {"b", "c", "UPDATE"},
				"Configuration.IpPermissions.2": {nil, "d", "CREATE"},
			},
		},
		"ListGone": {
			configitem.Item{Configuration: map[string]any{"l": []any{"a"}}},
			configitem.Item{Configuration: map[string]any{}},
			map[string]PropertyChange{"Configuration.L.0": {"a", nil, "DELETE"}},
		},
		"ObjectAppears": {
			configitem.Item{SupplementaryConfiguration: map[string]any{}},
			configitem.Item{SupplementaryConfiguration: map[string]any{"ServerSideEncryptionConfiguration": map[string]any{"rules": []any{}}}},
			map[string]PropertyChange{"SupplementaryConfiguration.ServerSideEncryptionConfiguration": {nil, map[string]any{"rules": []any{}}, "CREATE"}},
		},
		"Tags": {
			configitem.Item{Tags: map[string]string{"env": "dev", "owner": "a"}},
			configitem.Item{Tags: map[string]string{"env": "prod"}},
			map[string]PropertyChange{"Tags.env": {"dev", "prod", "UPDATE"}, "Tags.owner": {"a", nil, "DELETE"}},
		},
		"Relationships": {
			configitem.Item{},
			configitem.Item{Relationships: []configitem.Relationship{rel}},
			map[string]PropertyChange{"Relationships.0": {nil, map[string]any{"resourceId": "vpc-1", "resourceName": nil,
				"resourceType": "AWS::EC2::VPC", "name": "Is contained in Vpc"}, "CREATE"}},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tc.want, diffItems(&tc.prev, &tc.cur))
		})
	}
}
