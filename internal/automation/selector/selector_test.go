package selector_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/selector"
)

func TestSelector_Select(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		doc      string
		expr     string
		want     []any // nil: not found
		definite bool
	}{
		{"Root", describeKey, "$", []any{decode(t, describeKey)}, true},
		{"Member", describeKey, "$.KeyMetadata.KeyState", []any{"Enabled"}, true},
		{"MemberWithoutDollar", describeKey, "KeyMetadata.Arn", []any{"arn:aws:kms:us-east-1:123456789012:key/1234abcd"}, true},
		{"RelativeDot", describeKey, ".KeyMetadata.KeyId", []any{"1234abcd"}, true},
		{"Index", describeInstances, "$.Reservations[0].Instances[0].State.Name", []any{"running"}, true},
		{"IndexWithoutDollar", describeInstances, "Reservations[1].Instances[0].InstanceId", []any{"i-3"}, true},
		{"LeadingIndex", `[["a", "b"]]`, "[0][-1]", []any{"b"}, true},
		{"NegativeIndex", describeInstances, "$.Reservations[0].Instances[-1].InstanceId", []any{"i-2"}, true},
		{"IndexOutOfRange", describeInstances, "$.Reservations[5].Instances", nil, true},
		{"NegativeOutOfRange", describeInstances, "$.Reservations[-3]", nil, true},
		{"MissingMember", describeInstances, "$.Reservations[0].Instances[0].IamInstanceProfile.Arn", nil, true},
		{"IndexOnMap", describeKey, "$.KeyMetadata[0]", nil, true},
		{"MemberOnList", describeInstances, "$.Reservations.ReservationId", nil, true},
		{"MemberOnScalar", describeKey, "$.KeyMetadata.KeyState.Length", nil, true},
		{"BooleanValue", getBucketEncryption, "$.ServerSideEncryptionConfiguration.Rules[0].BucketKeyEnabled", []any{true}, true},
		{"NumberValue", describeInstances, "$.Reservations[0].Instances[0].State.Code", []any{16.0}, true},
		{"MapValue", describeInstances, "$.Reservations[0].Instances[0].MetadataOptions",
			[]any{map[string]any{"HttpTokens": "optional", "HttpEndpoint": "enabled", "HttpPutResponseHopLimit": 1.0}}, true},
		{"ResponseMetadata", describeKey, "$.ResponseMetadata.HTTPStatusCode", []any{200.0}, true},
		{"HyphenatedHeader", describeKey, "$.ResponseMetadata.HTTPHeaders.x-amzn-requestid", []any{"7c1f3b6e-0000-4d1a-9a1b-0123456789ab"}, true},
		{"QuotedMember", describeKey, "$['ResponseMetadata']['HTTPHeaders']['content-type']", []any{"text/xml;charset=UTF-8"}, true},
		{"DoubleQuotedMember", describeKey, `$["KeyMetadata"]["KeyState"]`, []any{"Enabled"}, true},
		{"QuotedMemberWithSpace", `{"a b": {"c.d": 1}}`, `$['a b']['c.d']`, []any{1.0}, true},
		{"QuotedEscapes", `{"it's": "x", "tab\there": "y"}`, `$['it\'s']`, []any{"x"}, true},
		{"QuotedUnicodeEscape", `{"é": "x"}`, `$["\u00e9"]`, []any{"x"}, true},
		{"NullMember", `{"a": null}`, "$.a", []any{nil}, true},
		{"WildcardIndex", describeInstances, "$.Reservations[*].ReservationId", []any{"r-1", "r-2"}, false},
		{"WildcardDot", describeInstances, "$.Reservations[0].Instances[0].State.*", []any{16.0, "running"}, false},
		{"WildcardEmpty", describeInstances, "$.Reservations[1].Instances[0].Tags[*]", nil, false},
		{"DeepScan", describeDBInstances, "$.DBInstances..DBInstanceStatus", []any{"available", "modifying"}, false},
		{"DeepScanFromRoot", describeKey, "$..KeyState", []any{"Enabled"}, false},
		{"DeepScanNested", describeInstances, "$.Reservations..BlockDeviceMappings..VolumeId", []any{"vol-1", "vol-2", "vol-3"}, false},
		{"DeepScanDocumentOrder", describeInstances, "$..InstanceId", []any{"i-1", "i-2", "i-3"}, false},
		{"DeepScanMaps", describeInstances, "$.Reservations..Instances..State", []any{
			map[string]any{"Code": 16.0, "Name": "running"}, map[string]any{"Code": 80.0, "Name": "stopped"},
			map[string]any{"Code": 16.0, "Name": "running"}}, false},
		{"DeepScanIndex", describeInstances, "$.Reservations..Instances..[0].InstanceId", []any{"i-1", "i-3"}, false},
		{"DeepScanWildcard", `{"a": {"b": [1, {"c": 2}]}}`, "$..*", []any{map[string]any{"b": []any{1.0, map[string]any{"c": 2.0}}}, []any{1.0, map[string]any{"c": 2.0}}, 1.0, map[string]any{"c": 2.0}, 2.0}, false},
		{"DeepScanNothing", describeKey, "$..NoSuchMember", nil, false},
		{"Slice", describeSecurityGroups, "$.SecurityGroups[0].IpPermissions[0:2].FromPort", []any{22.0, 443.0}, false},
		{"SliceOpenEnd", describeSecurityGroups, "$.SecurityGroups[0].IpPermissions[1:].IpProtocol", []any{"tcp", "-1"}, false},
		{"SliceNegative", describeSecurityGroups, "$.SecurityGroups[0].IpPermissions[-2:].IpProtocol", []any{"tcp", "-1"}, false},
		{"SliceStep", `{"a": [0, 1, 2, 3, 4, 5]}`, "$.a[::2]", []any{0.0, 2.0, 4.0}, false},
		{"SliceReverse", `{"a": [0, 1, 2, 3]}`, "$.a[::-1]", []any{3.0, 2.0, 1.0, 0.0}, false},
		{"SliceReverseBounded", `{"a": [0, 1, 2, 3, 4]}`, "$.a[3:0:-2]", []any{3.0, 1.0}, false},
		{"SliceZeroStep", `{"a": [0, 1]}`, "$.a[::0]", nil, false},
		{"SliceHugeStep", `{"a": [0, 1, 2]}`, "$.a[1::9223372036854775807]", []any{1.0}, false},
		{"SliceHugeNegativeStep", `{"a": [0, 1, 2]}`, "$.a[1::-9223372036854775808]", []any{1.0}, false},
		{"SliceBeyondEnd", `{"a": [0, 1]}`, "$.a[5:10]", nil, false},
		{"UnionIndexes", describeInstances, "$.Reservations[0].Instances[1,0].InstanceId", []any{"i-2", "i-1"}, false},
		{"UnionNames", describeKey, "$.KeyMetadata['KeyId', 'KeyState']", []any{"1234abcd", "Enabled"}, false},
		{"FilterEquals", describeStacks, "$.Stacks[0].Outputs[?(@.OutputKey=='InstanceId')].OutputValue", []any{"i-9"}, false},
		{"FilterRFCStyle", describeStacks, `$.Stacks[0].Outputs[?@.OutputKey == "VpcId"].OutputValue`, []any{"vpc-9"}, false},
		{"FilterNoMatch", describeStacks, "$.Stacks[0].Outputs[?(@.OutputKey=='Nope')].OutputValue", nil, false},
		{"FilterTagValue", describeInstances, "$.Reservations[*].Instances[?(@.Tags[0].Value == 'db')].InstanceId", []any{"i-2"}, false},
		{"FilterNumberEquals", describeSecurityGroups, "$.SecurityGroups[0].IpPermissions[?(@.FromPort == 22)].IpRanges[0].CidrIp", []any{"0.0.0.0/0"}, false},
		{"FilterNotEquals", describeSecurityGroups, "$.SecurityGroups[0].IpPermissions[?(@.IpProtocol != 'tcp')].IpProtocol", []any{"-1"}, false},
		{"FilterNotEqualsMissing", describeSecurityGroups, "$.SecurityGroups[0].IpPermissions[?(@.FromPort != 22)].IpProtocol", []any{"tcp", "-1"}, false},
		{"FilterLess", describeDBInstances, "$.DBInstances[?(@.AllocatedStorage < 50)].DBInstanceIdentifier", []any{"db-1"}, false},
		{"FilterLessEqual", describeDBInstances, "$.DBInstances[?(@.AllocatedStorage <= 100)].DBInstanceIdentifier", []any{"db-1", "db-2"}, false},
		{"FilterGreater", describeDBInstances, "$.DBInstances[?(@.AllocatedStorage > 20)].DBInstanceIdentifier", []any{"db-2"}, false},
		{"FilterGreaterEqual", describeDBInstances, "$.DBInstances[?(@.AllocatedStorage >= 20.0)].DBInstanceIdentifier", []any{"db-1", "db-2"}, false},
		{"FilterStringOrder", describeDBInstances, "$.DBInstances[?(@.DBInstanceStatus < 'b')].DBInstanceIdentifier", []any{"db-1"}, false},
		{"FilterMixedKindsUnordered", describeDBInstances, "$.DBInstances[?(@.AllocatedStorage < 'z')].DBInstanceIdentifier", nil, false},
		{"FilterBoolean", describeDBInstances, "$.DBInstances[?(@.MultiAZ == true)].DBInstanceIdentifier", []any{"db-2"}, false},
		{"FilterNull", `{"a": [{"x": null, "n": 1}, {"x": 1, "n": 2}]}`, "$.a[?(@.x == null)].n", []any{1.0}, false},
		{"FilterAnd", describeSecurityGroups, "$.SecurityGroups[0].IpPermissions[?(@.FromPort == 22 && @.ToPort == 22)].IpProtocol", []any{"tcp"}, false},
		{"FilterOr", describeSecurityGroups, "$.SecurityGroups[0].IpPermissions[?(@.FromPort == 22 || @.IpProtocol == '-1')].IpProtocol", []any{"tcp", "-1"}, false},
		{"FilterAndBindsTighter", describeDBInstances, "$.DBInstances[?(@.MultiAZ == true || @.AllocatedStorage == 20 && @.DBInstanceStatus == 'x')].DBInstanceIdentifier", []any{"db-2"}, false},
		{"FilterParentheses", describeDBInstances, "$.DBInstances[?((@.MultiAZ == true || @.AllocatedStorage == 20) && @.DBInstanceStatus == 'available')].DBInstanceIdentifier", []any{"db-1"}, false},
		{"FilterNot", describeDBInstances, "$.DBInstances[?(!(@.MultiAZ == true))].DBInstanceIdentifier", []any{"db-1"}, false},
		{"FilterExists", describeSecurityGroups, "$.SecurityGroups[0].IpPermissions[?(@.FromPort)].FromPort", []any{22.0, 443.0}, false},
		{"FilterNotExists", describeSecurityGroups, "$.SecurityGroups[0].IpPermissions[?(!@.FromPort)].IpProtocol", []any{"-1"}, false},
		{"FilterRoot", `{"want": "b", "items": [{"k": "a"}, {"k": "b"}]}`, "$.items[?(@.k == $.want)].k", []any{"b"}, false},
		{"FilterCurrentNode", `{"a": ["x", "y", "x"]}`, "$.a[?(@ == 'x')]", []any{"x", "x"}, false},
		{"FilterNested", describeInstances, "$.Reservations[*].Instances[?(@.Tags[?(@.Key == 'env')])].InstanceId", []any{"i-1"}, false},
		{"FilterDeepEqualMap", `{"a": [{"s": {"c": 1}}, {"s": {"c": 2}}]}`, "$.a[?(@.s == $.a[1].s)].s.c", []any{2.0}, false},
		{"FilterDeepEqualList", `{"want": ["a", 1], "a": [{"l": ["a", 1], "n": 1}, {"l": ["a", 2], "n": 2}, {"l": ["a"], "n": 3}]}`, "$.a[?(@.l == $.want)].n", []any{1.0}, false},
		{"FilterDeepEqualMapSizes", `{"a": [{"s": {"c": 1}}, {"s": {"c": 1, "d": 2}}, {"s": {"d": 1}}]}`, "$.a[?(@.s == $.a[0].s)].s", []any{map[string]any{"c": 1.0}}, false},
		{"FilterKindsNeverEqual", `{"a": [{"v": "1"}, {"v": 1}, {"v": true}, {"v": [1]}]}`, "$.a[?(@.v == 1)].v", []any{1.0}, false},
		{"FilterBooleanFalse", `{"a": [{"v": false}, {"v": "false"}]}`, "$.a[?(@.v == false)].v", []any{false}, false},
		{"FilterOnMapValues", `{"m": {"x": {"v": 1}, "y": {"v": 2}}}`, "$.m[?(@.v > 1)].v", []any{2.0}, false},
		{"WhitespaceInside", describeStacks, "$.Stacks[ 0 ].Outputs[ ?( @.OutputKey == 'VpcId' ) ].OutputValue", []any{"vpc-9"}, false},
		{"SurroundingWhitespace", describeKey, "  $.KeyMetadata.KeyState  ", []any{"Enabled"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := selector.Compile(tt.expr)
			require.NoError(t, err)
			require.Equal(t, tt.definite, s.Definite())
			got, found := s.Select(decode(t, tt.doc))
			require.Equal(t, tt.want != nil, found)
			require.Equal(t, tt.want, got)
		})
	}
}
