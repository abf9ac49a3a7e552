package managed

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
)

func TestVPCFlowLogsEnabled(t *testing.T) {
	t.Parallel()
	flow := func(vpc, traffic, status string) any {
		return map[string]any{"FlowLogId": "fl-" + vpc, "ResourceId": vpc, "TrafficType": traffic, "FlowLogStatus": status}
	}
	env := func(logs ...any) *fakeEnv {
		e := newFakeEnv()
		// Two pages of VPCs prove NextToken is followed.
		e.responses["ec2:DescribeVpcs"] = func(in map[string]any) (map[string]any, error) {
			if in["NextToken"] == "p2" {
				return map[string]any{"Vpcs": []any{map[string]any{"VpcId": "vpc-b"}}}, nil
			}
			return map[string]any{"Vpcs": []any{map[string]any{"VpcId": "vpc-a"}}, "NextToken": "p2"}, nil
		}
		return e.answer("ec2:DescribeFlowLogs", map[string]any{"FlowLogs": logs})
	}
	tests := []struct {
		name   string
		params string
		env    *fakeEnv
		want   []string // compliance of vpc-a, vpc-b
	}{
		{"NoFlowLogs", "", env(), []string{NonCompliant, NonCompliant}},
		{"OneVPC", "", env(flow("vpc-a", "ALL", "ACTIVE")), []string{Compliant, NonCompliant}},
		{"Both", "", env(flow("vpc-a", "REJECT", "ACTIVE"), flow("vpc-b", "ACCEPT", "ACTIVE")), []string{Compliant, Compliant}},
		{"TrafficTypeMatches", `{"trafficType":"REJECT"}`, env(flow("vpc-a", "REJECT", "ACTIVE"), flow("vpc-b", "ALL", "ACTIVE")), []string{Compliant, NonCompliant}},
		{"TrafficTypeCaseInsensitive", `{"trafficType":"all"}`, env(flow("vpc-a", "ALL", "ACTIVE")), []string{Compliant, NonCompliant}},
		{"NotActive", "", env(flow("vpc-a", "ALL", "FAILED")), []string{NonCompliant, NonCompliant}},
		{"SubnetFlowLogDoesNotCount", "", env(flow("subnet-1", "ALL", "ACTIVE")), []string{NonCompliant, NonCompliant}},
	}
	r := mustRule(t, "VPC_FLOW_LOGS_ENABLED")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			evs, err := r.EvaluateAccount(context.Background(), tt.env, mustParams(t, r, tt.params))
			require.NoError(t, err)
			require.Len(t, evs, 2)
			for i, vpc := range []string{"vpc-a", "vpc-b"} {
				require.Equal(t, vpcType, evs[i].ResourceType)
				require.Equal(t, vpc, evs[i].ResourceID)
				require.Equal(t, tt.want[i], evs[i].ComplianceType, evs[i].Annotation)
			}
		})
	}
	evs, err := r.EvaluateAccount(context.Background(), env(flow("vpc-a", "ACCEPT", "ACTIVE")), Params{"trafficType": "REJECT"})
	require.NoError(t, err)
	require.Equal(t, "The VPC's flow logs do not capture traffic type REJECT.", evs[0].Annotation)
	require.Equal(t, "No active flow log is enabled for the VPC.", evs[1].Annotation)
}

func TestVPCFlowLogsEnabled_EndlessPagination(t *testing.T) {
	t.Parallel()
	e := newFakeEnv().answer("ec2:DescribeVpcs", map[string]any{"Vpcs": []any{}, "NextToken": "again"})
	_, err := mustRule(t, "VPC_FLOW_LOGS_ENABLED").EvaluateAccount(context.Background(), e, Params{})
	require.ErrorContains(t, err, "more than 1000 pages")
}

func TestEC2EBSEncryptionByDefault(t *testing.T) {
	t.Parallel()
	runAccountCases(t, "EC2_EBS_ENCRYPTION_BY_DEFAULT", []accountCase{
		{name: "Enabled", env: newFakeEnv().answer("ec2:GetEbsEncryptionByDefault", map[string]any{"EbsEncryptionByDefault": true}), want: Compliant},
		{name: "Disabled", env: newFakeEnv().answer("ec2:GetEbsEncryptionByDefault", map[string]any{"EbsEncryptionByDefault": false}), want: NonCompliant, annotation: "disabled in us-east-1"},
	})
	_, err := mustRule(t, "EC2_EBS_ENCRYPTION_BY_DEFAULT").EvaluateAccount(context.Background(), newFakeEnv(), Params{})
	require.ErrorContains(t, err, "GetEbsEncryptionByDefault")
}

func volume(t *testing.T, cfg map[string]any) *configitem.Item {
	return roundTrip(t, configitem.Item{ResourceType: "AWS::EC2::Volume", ResourceID: "vol-1", Status: configitem.StatusOK, Configuration: cfg})
}

func TestEncryptedVolumes(t *testing.T) {
	t.Parallel()
	attached := []any{map[string]any{"instanceId": "i-1", "device": "/dev/xvda", "state": "attached", "volumeId": "vol-1"}}
	const keyARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	runItemCases(t, "ENCRYPTED_VOLUMES", []itemCase{
		{name: "Unattached", item: volume(t, map[string]any{"encrypted": false, "state": "available", "attachments": []any{}}), want: NotApplicable},
		{name: "AttachedUnencrypted", item: volume(t, map[string]any{"encrypted": false, "state": "in-use", "attachments": attached}), want: NonCompliant, annotation: "not encrypted"},
		{name: "AttachedEncrypted", item: volume(t, map[string]any{"encrypted": true, "kmsKeyId": keyARN, "state": "in-use", "attachments": attached}), want: Compliant},
		{name: "InUseWithoutAttachmentList", item: volume(t, map[string]any{"encrypted": false, "state": "in-use"}), want: NonCompliant},
		{name: "KeyIDMatches", params: `{"kmsId":"1234abcd-12ab-34cd-56ef-1234567890ab"}`, item: volume(t, map[string]any{"encrypted": true, "kmsKeyId": keyARN, "attachments": attached}), want: Compliant},
		{name: "KeyARNMatches", params: `{"kmsId":"` + keyARN + `"}`, item: volume(t, map[string]any{"encrypted": true, "kmsKeyId": keyARN, "attachments": attached}), want: Compliant},
		{name: "OtherKey", params: `{"kmsId":"other"}`, item: volume(t, map[string]any{"encrypted": true, "kmsKeyId": keyARN, "attachments": attached}), want: NonCompliant, annotation: "not with the key kmsId names (other)"},
	})
}

func instance(t *testing.T, id, state string, extra map[string]any) configitem.Item {
	cfg := map[string]any{"instanceId": id, "state": map[string]any{"code": 16, "name": state}, "privateIpAddress": "10.0.0.5"}
	for k, v := range extra {
		cfg[k] = v
	}
	return *roundTrip(t, configitem.Item{ResourceType: instanceType, ResourceID: id, Status: configitem.StatusOK, Configuration: cfg})
}

func TestEC2InstanceNoPublicIP(t *testing.T) {
	t.Parallel()
	withIP := instance(t, "i-1", "running", map[string]any{"publicIpAddress": "198.51.100.7"})
	without := instance(t, "i-1", "running", nil)
	legacy := instance(t, "i-1", "running", map[string]any{"publicIp": "198.51.100.8"})
	runItemCases(t, "EC2_INSTANCE_NO_PUBLIC_IP", []itemCase{
		{name: "PublicIP", item: &withIP, want: NonCompliant, annotation: "198.51.100.7"},
		{name: "PrivateOnly", item: &without, want: Compliant},
		{name: "PublicIpField", item: &legacy, want: NonCompliant, annotation: "198.51.100.8"},
	})
}

func TestEC2StoppedInstance(t *testing.T) {
	t.Parallel()
	env := newFakeEnv()
	day := 24 * time.Hour
	at := func(it configitem.Item, ago time.Duration) configitem.Item {
		it.CaptureTime = env.now.Add(-ago)
		return it
	}
	running := instance(t, "i-run", "running", nil)
	longStopped := instance(t, "i-long", "stopped", nil)
	recentStopped := instance(t, "i-recent", "stopped", nil)
	reasonOnly := instance(t, "i-reason", "stopped", map[string]any{"stateTransitionReason": "User initiated (2026-09-01 08:00:00 GMT)"})
	unknown := instance(t, "i-unknown", "stopped", map[string]any{"stateTransitionReason": ""})
	terminated := instance(t, "i-gone", "terminated", nil)
	env.items[instanceType] = []configitem.Item{running, longStopped, recentStopped, reasonOnly, unknown, terminated}
	env.history[instanceType+"/i-long"] = []configitem.Item{
		at(longStopped, 1*day), at(longStopped, 31*day), at(instance(t, "i-long", "stopping", nil), 40*day), at(instance(t, "i-long", "running", nil), 50*day),
	}
	env.history[instanceType+"/i-recent"] = []configitem.Item{
		at(recentStopped, 2*day), at(instance(t, "i-recent", "running", nil), 60*day), at(recentStopped, 90*day),
	}
	env.history[instanceType+"/i-reason"] = []configitem.Item{at(reasonOnly, time.Hour)}
	env.history[instanceType+"/i-unknown"] = []configitem.Item{at(unknown, time.Hour)}

	r := mustRule(t, "EC2_STOPPED_INSTANCE")
	evs, err := r.EvaluateAccount(context.Background(), env, mustParams(t, r, ""))
	require.NoError(t, err)
	got := map[string]Evaluation{}
	for _, ev := range evs {
		require.Equal(t, instanceType, ev.ResourceType)
		got[ev.ResourceID] = ev
	}
	require.Equal(t, Compliant, got["i-run"].ComplianceType)
	require.Equal(t, NonCompliant, got["i-long"].ComplianceType, "stopped 31 days ago (the stopping item before ends the run)")
	require.Contains(t, got["i-long"].Annotation, "stopped since 2026-10-01T12:00:00Z, longer than the 30 days allowed")
	require.Equal(t, Compliant, got["i-recent"].ComplianceType, "only the current stopped run counts")
	require.Equal(t, NonCompliant, got["i-reason"].ComplianceType, "stateTransitionReason says 2026-09-01")
	require.Equal(t, NonCompliant, got["i-unknown"].ComplianceType)
	require.Contains(t, got["i-unknown"].Annotation, "cannot be determined")
	require.Equal(t, NotApplicable, got["i-gone"].ComplianceType)

	evs, err = r.EvaluateAccount(context.Background(), env, mustParams(t, r, `{"AllowedDays":"90"}`))
	require.NoError(t, err)
	for _, ev := range evs {
		if ev.ResourceID == "i-long" || ev.ResourceID == "i-reason" {
			require.Equal(t, Compliant, ev.ComplianceType, ev.ResourceID)
		}
	}
}

func TestTransitionTime(t *testing.T) {
	t.Parallel()
	got, ok := transitionTime("User initiated (2024-01-02 15:04:05 GMT)")
	require.True(t, ok)
	require.Equal(t, time.Date(2024, 1, 2, 15, 4, 5, 0, time.UTC), got)
	_, ok = transitionTime("Server.ScheduledStop: Stopped due to scheduled retirement")
	require.False(t, ok)
}
