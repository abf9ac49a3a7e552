package selector_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/selector"
)

func TestConvert(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		doc     string
		expr    string
		typ     string
		want    any
		wantErr string
	}{
		{"String", describeInstances, "$.Reservations[0].Instances[0].State.Name", "String", "running", ""},
		{"DefaultTypeIsString", describeInstances, "$.Reservations[0].Instances[0].InstanceId", "", "i-1", ""},
		{"IntegerAsString", describeInstances, "$.Reservations[0].Instances[0].State.Code", "String", "16", ""},
		{"FloatAsString", `{"a": 0.25}`, "$.a", "String", "0.25", ""},
		{"BigIntegerAsString", `{"a": 12345678901234567890}`, "$.a", "String", "12345678901234567000", ""},
		{"HugeFloatAsString", `{"a": 1e300}`, "$.a", "String", "1e+300", ""},
		{"BooleanAsString", getBucketEncryption, "$.ServerSideEncryptionConfiguration.Rules[0].BucketKeyEnabled", "String", "true", ""},
		{"OneElementListAsString", `{"FlowLogIds": ["fl-1"]}`, "$.FlowLogIds", "String", "fl-1", ""},
		{"FilterAsString", describeStacks, "$.Stacks[0].Outputs[?(@.OutputKey=='InstanceId')].OutputValue", "String", "i-9", ""},
		{"DeepScanOneAsString", describeKey, "$..KeyState", "String", "Enabled", ""},
		{"DeepScanManyAsString", describeDBInstances, "$.DBInstances..DBInstanceStatus", "String", nil, "cannot convert a list of 2 values to String"},
		{"MapAsString", describeKey, "$.KeyMetadata", "String", nil, "cannot convert a map to String"},
		{"Integer", describeInstances, "$.Reservations[0].Instances[0].State.Code", "Integer", 16, ""},
		{"StringAsInteger", `{"Attributes": {"DelaySeconds": "30"}}`, "$.Attributes.DelaySeconds", "Integer", 30, ""},
		{"BadStringAsInteger", describeKey, "$.KeyMetadata.KeyState", "Integer", nil, `cannot convert the string "Enabled" to Integer`},
		{"FractionAsInteger", `{"a": 1.5}`, "$.a", "Integer", nil, "cannot convert a number to Integer"},
		{"MapAsInteger", describeKey, "$.KeyMetadata", "Integer", nil, "cannot convert a map to Integer"},
		{"BooleanAsInteger", describeKey, "$.KeyMetadata.Enabled", "Integer", nil, "cannot convert a boolean to Integer"},
		{"Boolean", describeDBInstances, "$.DBInstances[0].MultiAZ", "Boolean", false, ""},
		{"StringAsBoolean", `{"Attributes": {"SqsManagedSseEnabled": "true"}}`, "$.Attributes.SqsManagedSseEnabled", "Boolean", true, ""},
		{"CapitalStringAsBoolean", `{"a": "False"}`, "$.a", "Boolean", false, ""},
		{"BadStringAsBoolean", `{"a": "yes"}`, "$.a", "Boolean", nil, `cannot convert the string "yes" to Boolean: expected true or false`},
		{"NumberAsBoolean", `{"a": 1}`, "$.a", "Boolean", nil, "cannot convert a number to Boolean"},
		{"StringMap", describeInstances, "$.Reservations[0].Instances[0].MetadataOptions", "StringMap",
			map[string]any{"HttpTokens": "optional", "HttpEndpoint": "enabled", "HttpPutResponseHopLimit": 1.0}, ""},
		{"RootAsStringMap", `{"Return": true}`, "$", "StringMap", map[string]any{"Return": true}, ""},
		{"ListAsStringMap", describeDBInstances, "$.DBInstances", "StringMap", nil, "cannot convert a list of 2 values to StringMap"},
		{"FilterAsStringMap", describeStacks, "$.Stacks[0].Outputs[?(@.OutputKey=='VpcId')]", "StringMap", map[string]any{"OutputKey": "VpcId", "OutputValue": "vpc-9"}, ""},
		{"StringList", `{"Payload": {"RestrictedSecurityGroupIds": ["sg-1", "sg-2"]}}`, "$.Payload.RestrictedSecurityGroupIds", "StringList", []any{"sg-1", "sg-2"}, ""},
		{"DeepScanStringList", describeInstances, "$.Reservations..BlockDeviceMappings..VolumeId", "StringList", []any{"vol-1", "vol-2", "vol-3"}, ""},
		{"ScalarAsStringList", describeKey, "$.KeyMetadata.KeyId", "StringList", []any{"1234abcd"}, ""},
		{"NumbersAsStringList", `{"Ports": [22, 3389]}`, "$.Ports", "StringList", []any{"22", "3389"}, ""},
		{"BooleanAsStringList", describeKey, "$.KeyMetadata.Enabled", "StringList", []any{"true"}, ""},
		{"EmptyListAsStringList", describeInstances, "$.Reservations[1].Instances[0].Tags", "StringList", []any{}, ""},
		{"MapsAsStringList", describeInstances, "$.Reservations[0].Instances[0].Tags", "StringList", nil, "cannot convert element 0 (a map) to StringList: expected strings, numbers or booleans"},
		{"MapAsStringList", describeKey, "$.KeyMetadata", "StringList", nil, "cannot convert a map to StringList"},
		{"MapList", `{"RestoreSnapshots": [{"SnapshotName": "a"}]}`, "$.RestoreSnapshots", "MapList", []any{map[string]any{"SnapshotName": "a"}}, ""},
		{"DeepScanMapList", describeInstances, "$.Reservations..Instances..State", "MapList", []any{
			map[string]any{"Code": 16.0, "Name": "running"}, map[string]any{"Code": 80.0, "Name": "stopped"},
			map[string]any{"Code": 16.0, "Name": "running"}}, ""},
		{"DeepScanOfOneListAsMapList", describeStacks, "$..Outputs", "MapList", []any{
			map[string]any{"OutputKey": "InstanceId", "OutputValue": "i-9"}, map[string]any{"OutputKey": "VpcId", "OutputValue": "vpc-9"}}, ""},
		{"StringsAsMapList", `{"a": ["x"]}`, "$.a", "MapList", nil, "cannot convert element 0 (a string) to MapList: expected maps"},
		{"MapAsMapList", describeKey, "$.KeyMetadata", "MapList", nil, "cannot convert a map to MapList"},
		{"UnknownType", describeKey, "$.KeyMetadata.KeyId", "Float", nil, `unknown output Type "Float"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := selector.MustCompile(tt.expr)
			values, found := s.Select(decode(t, tt.doc))
			require.True(t, found)
			got, err := selector.Convert(values, s.Definite(), tt.typ)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				require.Nil(t, got)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestConvert_NoValue(t *testing.T) {
	t.Parallel()
	for _, typ := range []string{"String", "Integer", "Boolean", "StringList", "StringMap", "MapList"} {
		_, err := selector.Convert(nil, true, typ)
		require.ErrorIs(t, err, selector.ErrNoValue, typ)
		_, err = selector.Convert([]any{nil}, true, typ)
		require.ErrorIs(t, err, selector.ErrNoValue, typ)
	}
}

func TestConvert_JSONNumber(t *testing.T) {
	t.Parallel()
	got, err := selector.Convert([]any{json.Number("600")}, true, "Integer")
	require.NoError(t, err)
	require.Equal(t, 600, got)
	got, err = selector.Convert([]any{json.Number("600")}, true, "String")
	require.NoError(t, err)
	require.Equal(t, "600", got)
	got, err = selector.Convert([]any{json.Number("2.50")}, true, "String")
	require.NoError(t, err)
	require.Equal(t, "2.5", got)
	got, err = selector.Convert([]any{int64(7)}, true, "String")
	require.NoError(t, err)
	require.Equal(t, "7", got)
}
