package recorder_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/recorder"
)

func TestRecordingGroup_Includes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		group recorder.RecordingGroup
		in    []string
		out   []string
	}{
		{"AllButGlobal", recorder.RecordingGroup{AllSupported: true, UseOnly: recorder.StrategyAllSupported},
			[]string{"AWS::S3::Bucket", "AWS::EC2::Instance", "Acme::Widget::Thing"}, []string{"AWS::IAM::Role", "AWS::IAM::User"}},
		{"AllWithGlobal", recorder.RecordingGroup{AllSupported: true, IncludeGlobalResourceTypes: true, UseOnly: recorder.StrategyAllSupported},
			[]string{"AWS::IAM::Role", "AWS::S3::Bucket"}, nil},
		{"Inclusion", recorder.RecordingGroup{ResourceTypes: []string{"AWS::IAM::Role"}, UseOnly: recorder.StrategyInclusion},
			[]string{"AWS::IAM::Role", "Acme::Widget::Thing"}, []string{"AWS::S3::Bucket"}},
		{"Exclusion", recorder.RecordingGroup{ExclusionResourceTypes: []string{"AWS::S3::Bucket"}, UseOnly: recorder.StrategyExclusion},
			[]string{"AWS::IAM::Role", "AWS::EC2::VPC"}, []string{"AWS::S3::Bucket"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, typ := range tt.in {
				require.True(t, tt.group.Includes(typ), typ)
			}
			for _, typ := range tt.out {
				require.False(t, tt.group.Includes(typ), typ)
			}
		})
	}
}

func TestService_PutRecorder_Errors(t *testing.T) {
	t.Parallel()
	role := "arn:aws:iam::111111111111:role/config"
	tests := []struct {
		name string
		p    recorder.PutRecorderParams
		code string
	}{
		{"BlankName", recorder.PutRecorderParams{Name: " ", RoleARN: role}, recorder.CodeInvalidConfigurationRecorderName},
		{"ReservedName", recorder.PutRecorderParams{Name: "AWSConfigurationRecorderForX", RoleARN: role}, recorder.CodeInvalidConfigurationRecorderName},
		{"NoRole", recorder.PutRecorderParams{Name: "r"}, recorder.CodeInvalidRole},
		{"EmptyGroup", recorder.PutRecorderParams{Name: "r", RoleARN: role, Group: &recorder.RecordingGroup{}}, recorder.CodeInvalidRecordingGroup},
		{"AllAndTypes", recorder.PutRecorderParams{Name: "r", RoleARN: role,
			Group: &recorder.RecordingGroup{AllSupported: true, ResourceTypes: []string{"AWS::S3::Bucket"}}}, recorder.CodeInvalidRecordingGroup},
		{"AllAndExclusionStrategy", recorder.PutRecorderParams{Name: "r", RoleARN: role,
			Group: &recorder.RecordingGroup{AllSupported: true, UseOnly: recorder.StrategyExclusion}}, recorder.CodeInvalidRecordingGroup},
		{"GlobalWithoutAll", recorder.PutRecorderParams{Name: "r", RoleARN: role,
			Group: &recorder.RecordingGroup{IncludeGlobalResourceTypes: true, ResourceTypes: []string{"AWS::S3::Bucket"}}}, recorder.CodeInvalidRecordingGroup},
		{"ExclusionWithoutStrategy", recorder.PutRecorderParams{Name: "r", RoleARN: role,
			Group: &recorder.RecordingGroup{ExclusionResourceTypes: []string{"AWS::S3::Bucket"}}}, recorder.CodeInvalidRecordingGroup},
		{"ExclusionStrategyWithoutTypes", recorder.PutRecorderParams{Name: "r", RoleARN: role,
			Group: &recorder.RecordingGroup{UseOnly: recorder.StrategyExclusion}}, recorder.CodeInvalidRecordingGroup},
		{"InclusionStrategyWithoutTypes", recorder.PutRecorderParams{Name: "r", RoleARN: role,
			Group: &recorder.RecordingGroup{UseOnly: recorder.StrategyInclusion}}, recorder.CodeInvalidRecordingGroup},
		{"AllStrategyWithoutAll", recorder.PutRecorderParams{Name: "r", RoleARN: role,
			Group: &recorder.RecordingGroup{UseOnly: recorder.StrategyAllSupported}}, recorder.CodeInvalidRecordingGroup},
		{"ExclusionAndInclusionTypes", recorder.PutRecorderParams{Name: "r", RoleARN: role,
			Group: &recorder.RecordingGroup{UseOnly: recorder.StrategyExclusion, ResourceTypes: []string{"AWS::S3::Bucket"},
				ExclusionResourceTypes: []string{"AWS::EC2::VPC"}}}, recorder.CodeInvalidRecordingGroup},
	}
	b := setup(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := b.svc.PutRecorder(context.Background(), acct, tt.p)
			require.True(t, awserr.Is(err, tt.code), "got %v", err)
		})
	}
}

func TestService_PutRecorder_OnePerScope(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	role := "arn:aws:iam::111111111111:role/config"
	require.NoError(t, b.svc.PutRecorder(ctx, acct, recorder.PutRecorderParams{Name: "first", RoleARN: role}),
		"the first put replaces the implicit recorder whatever its name")
	err := b.svc.PutRecorder(ctx, acct, recorder.PutRecorderParams{Name: "second", RoleARN: role})
	require.True(t, awserr.Is(err, recorder.CodeMaxNumberOfConfigurationRecorders), "got %v", err)
	require.NoError(t, b.svc.PutRecorder(ctx, acct, recorder.PutRecorderParams{Name: "first", RoleARN: role + "2"}))

	got, err := b.svc.DescribeRecorders(ctx, acct, recorder.DescribeRecordersParams{})
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.Equal(t, role+"2", got[0].RoleARN)
	require.False(t, got[0].Group.IncludeGlobalResourceTypes, "a put recorder without a group skips the global types")
	require.Equal(t, recorder.StrategyAllSupported, got[0].Group.UseOnly)

	require.NoError(t, b.svc.PutRecorder(ctx, other, recorder.PutRecorderParams{Name: "second", RoleARN: role}),
		"the limit is per account and region")
}
