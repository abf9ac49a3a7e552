package notification_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/configitem/notification"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

// encode renders v as JSON text.
func encode(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// diffOf decodes a notification's configurationItemDiff.
func diffOf(t *testing.T, n *notification.ItemChange) map[string]any {
	t.Helper()
	var m struct{ ConfigurationItemDiff map[string]any }
	require.NoError(t, json.Unmarshal([]byte(encode(t, n)), &m))
	return m.ConfigurationItemDiff
}

func sg(perms ...any) map[string]any {
	return map[string]any{"groupId": "sg-1", "ipPermissions": append([]any{}, perms...),
		"state": map[string]any{"name": "available"}}
}

func recorded(it configitem.Item, stateID int64) *notification.Recorded {
	return &notification.Recorded{Item: it, AccountID: "123456789012", Region: "us-east-1", StateID: stateID,
		MD5: "d41d8cd98f00b204e9800998ecf8427e"}
}

var created = configitem.Item{ResourceType: "AWS::EC2::SecurityGroup", ResourceID: "sg-1", ResourceName: "web",
	ARN: "arn:aws:ec2:us-east-1:123456789012:security-group/sg-1", AvailabilityZone: "Regional",
	Status: configitem.StatusResourceDiscovered, CaptureTime: at("2026-11-01T12:00:00.250Z"),
	Configuration: sg(), Tags: map[string]string{"team": "web"},
	Relationships: []configitem.Relationship{{ResourceType: "AWS::EC2::VPC", ResourceID: "vpc-1", Name: "Is contained in Vpc"}}}

func TestNewItemChange_Create(t *testing.T) {
	t.Parallel()
	now := at("2026-11-01T12:00:01Z")
	n := notification.NewItemChange(nil, recorded(created, 1), now)
	require.Equal(t, now, n.At)
	require.JSONEq(t, `{
	  "configurationItemDiff": {"changedProperties": {}, "changeType": "CREATE"},
	  "configurationItem": {
	    "relatedEvents": [], "relationships": [{"resourceId": "vpc-1", "resourceName": null, "resourceType": "AWS::EC2::VPC", "name": "Is contained in Vpc"}],
	    "configuration": {"groupId": "sg-1", "ipPermissions": [], "state": {"name": "available"}},
	    "supplementaryConfiguration": {}, "tags": {"team": "web"},
	    "configurationItemVersion": "1.3", "configurationItemCaptureTime": "2026-11-01T12:00:00.250Z",
	    "configurationStateId": 1, "awsAccountId": "123456789012", "configurationItemStatus": "ResourceDiscovered",
	    "resourceType": "AWS::EC2::SecurityGroup", "resourceId": "sg-1", "resourceName": "web",
	    "ARN": "arn:aws:ec2:us-east-1:123456789012:security-group/sg-1", "awsRegion": "us-east-1",
	    "availabilityZone": "Regional", "configurationStateMd5Hash": "d41d8cd98f00b204e9800998ecf8427e",
	    "resourceCreationTime": null},
	  "notificationCreationTime": "2026-11-01T12:00:01.000Z",
	  "messageType": "ConfigurationItemChangeNotification", "recordVersion": "1.3"}`, encode(t, n))

	deleted := created
	deleted.Status = configitem.StatusResourceDeleted
	again := created
	again.Status = configitem.StatusOK
	require.Equal(t, "CREATE", diffOf(t, notification.NewItemChange(&deleted, recorded(again, 3), now))["changeType"],
		"the first item after a deletion is a creation")
}

func TestNewItemChange_Update(t *testing.T) {
	t.Parallel()
	updated := created
	updated.Status = configitem.StatusOK
	perm := map[string]any{"ipProtocol": "tcp", "fromPort": 22, "toPort": 22}
	updated.Configuration = sg(perm)
	updated.Configuration["state"] = map[string]any{"name": "deleting"}
	updated.SupplementaryConfiguration = map[string]any{"Extra": map[string]any{"on": true}}
	updated.Tags = map[string]string{"team": "sec", "env": "dev"}
	n := notification.NewItemChange(&created, recorded(updated, 2), at("2026-11-01T12:00:01Z"))
	wirePerm := map[string]any{"ipProtocol": "tcp", "fromPort": 22.0, "toPort": 22.0}
	require.Equal(t, map[string]any{"changeType": "UPDATE", "changedProperties": map[string]any{
		"Configuration.IpPermissions.0": map[string]any{"previousValue": nil, "updatedValue": wirePerm, "changeType": "CREATE"},
		"Configuration.State.Name":      map[string]any{"previousValue": "available", "updatedValue": "deleting", "changeType": "UPDATE"},
		"SupplementaryConfiguration.Extra": map[string]any{"previousValue": nil, "updatedValue": map[string]any{"on": true},
			"changeType": "CREATE"},
		"Tags.team": map[string]any{"previousValue": "web", "updatedValue": "sec", "changeType": "UPDATE"},
		"Tags.env":  map[string]any{"previousValue": nil, "updatedValue": "dev", "changeType": "CREATE"},
	}}, diffOf(t, n))

	untagged := updated
	untagged.Tags = nil
	require.Equal(t, map[string]any{
		"Tags.team": map[string]any{"previousValue": "sec", "updatedValue": nil, "changeType": "DELETE"},
		"Tags.env":  map[string]any{"previousValue": "dev", "updatedValue": nil, "changeType": "DELETE"},
	}, diffOf(t, notification.NewItemChange(&updated, recorded(untagged, 3), time.Time{}))["changedProperties"],
		"no tags and empty tags are the same")
}

// TestNewItemChange_Delete: a deletion lists what went, each property
// with "updatedValue": null; the configuration goes as a whole.
func TestNewItemChange_Delete(t *testing.T) {
	t.Parallel()
	deleted := configitem.Item{ResourceType: created.ResourceType, ResourceID: "sg-1", ARN: created.ARN,
		Status: configitem.StatusResourceDeleted, CaptureTime: at("2026-11-01T13:00:00Z")}
	n := notification.NewItemChange(&created, recorded(deleted, 2), at("2026-11-01T13:00:00Z"))
	require.Equal(t, map[string]any{"changeType": "DELETE", "changedProperties": map[string]any{
		"Configuration": map[string]any{"previousValue": map[string]any{"groupId": "sg-1", "ipPermissions": []any{},
			"state": map[string]any{"name": "available"}}, "updatedValue": nil, "changeType": "DELETE"},
		"Relationships.0": map[string]any{"previousValue": map[string]any{"resourceId": "vpc-1", "resourceName": nil,
			"resourceType": "AWS::EC2::VPC", "name": "Is contained in Vpc"}, "updatedValue": nil, "changeType": "DELETE"},
		"Tags.team": map[string]any{"previousValue": "web", "updatedValue": nil, "changeType": "DELETE"},
	}}, diffOf(t, n))
	require.Nil(t, n.ConfigurationItem.Configuration)
	require.Equal(t, "ResourceDeleted", n.ConfigurationItem.ConfigurationItemStatus)

	require.Equal(t, map[string]any{"changeType": "DELETE", "changedProperties": map[string]any{}},
		diffOf(t, notification.NewItemChange(nil, recorded(deleted, 1), time.Time{})), "nothing known before")
}

func TestItemChange_Oversized(t *testing.T) {
	t.Parallel()
	n := notification.NewItemChange(nil, recorded(created, 1), at("2026-11-01T12:00:01Z"))
	o := n.Oversized()
	require.Equal(t, "OversizedConfigurationItemChangeNotification", o.MessageType)
	require.Nil(t, o.ConfigurationItem)
	require.Nil(t, o.ConfigurationItemSummary.Configuration)
	require.Nil(t, o.ConfigurationItemSummary.SupplementaryConfiguration)
	require.Equal(t, "sg-1", o.ConfigurationItemSummary.ResourceID)
	require.Equal(t, "ConfigurationItemChangeNotification", n.MessageType, "n is unchanged")
	require.NotNil(t, n.ConfigurationItem.Configuration)
}
