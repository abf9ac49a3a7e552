package selector_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/selector"
)

func TestPythonString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"True", true, "True"},
		{"False", false, "False"},
		{"None", nil, "None"},
		{"String", "Enabled", "Enabled"},
		{"StringLowerTrue", "true", "true"},
		{"Integer", 16.0, "16"},
		{"NegativeInteger", -3.0, "-3"},
		{"Zero", 0.0, "0"},
		{"Float", 0.25, "0.25"},
		{"FloatLarge", 123456.5, "123456.5"},
		{"FloatSmall", 0.0001, "0.0001"},
		{"FloatTiny", 0.00001, "1e-05"},
		{"FloatHuge", 1e20, "1e+20"},
		{"IntegralBeyond2To53", 1e16, "1e+16"},
		{"Int", 42, "42"},
		{"Int64", int64(-42), "-42"},
		{"JSONNumberInt", json.Number("300"), "300"},
		{"JSONNumberFloat", json.Number("5.0"), "5.0"},
		{"JSONNumberExp", json.Number("1e3"), "1000.0"},
		{"JSONNumberHugeInt", json.Number("123456789012345678901234"), "123456789012345678901234"},
		{"NaN", math.NaN(), "nan"},
		{"List", []any{"a", true, nil, 1.0}, "['a', True, None, 1]"},
		{"EmptyList", []any{}, "[]"},
		{"Map", map[string]any{"b": "x", "a": []any{}}, "{'a': [], 'b': 'x'}"},
		{"QuoteInString", []any{"it's"}, `["it's"]`},
		{"BothQuotes", []any{`it's "x"`}, `['it\'s "x"']`},
		{"Escapes", []any{"a\\b\n\t\x01"}, `['a\\b\n\t\x01']`},
		{"Unicode", []any{"é"}, "['é']"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.want, selector.PythonString(tt.in))
		})
	}
}

func TestMatchesDesired(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		doc     string
		expr    string
		desired []string
		want    bool
	}{
		{"StringMatches", describeDBInstances, "$.DBInstances[0].DBInstanceStatus", []string{"available"}, true},
		{"StringOneOfMany", describeDBInstances, "$.DBInstances[1].DBInstanceStatus", []string{"available", "modifying"}, true},
		{"StringDiffers", describeDBInstances, "$.DBInstances[1].DBInstanceStatus", []string{"available"}, false},
		{"CaseMatters", describeDBInstances, "$.DBInstances[0].DBInstanceStatus", []string{"Available"}, false},
		{"BooleanTrue", getBucketEncryption, "$.ServerSideEncryptionConfiguration.Rules[0].BucketKeyEnabled", []string{"True"}, true},
		{"BooleanLowercaseDoesNotMatch", getBucketEncryption, "$.ServerSideEncryptionConfiguration.Rules[0].BucketKeyEnabled", []string{"true"}, false},
		{"BooleanFalse", describeDBInstances, "$.DBInstances[0].MultiAZ", []string{"False"}, true},
		{"StringTrueFromSQS", `{"Attributes": {"SqsManagedSseEnabled": "true"}}`, "$.Attributes.SqsManagedSseEnabled", []string{"true"}, true},
		{"Integer", describeInstances, "$.Reservations[0].Instances[0].State.Code", []string{"16"}, true},
		{"IntegerNotFloatText", describeInstances, "$.Reservations[0].Instances[0].State.Code", []string{"16.0"}, false},
		{"WithoutDollar", `{"FlowLogs": [{"LogDestinationType": "cloud-watch-logs"}]}`, "FlowLogs[0].LogDestinationType", []string{"cloud-watch-logs"}, true},
		{"DeepScanAllDesired", describeDBInstances, "$.DBInstances..DBInstanceStatus", []string{"available", "modifying"}, true},
		{"DeepScanOneNotDesired", describeDBInstances, "$.DBInstances..DBInstanceStatus", []string{"available"}, false},
		{"DeepScanSingle", describeKey, "$..KeyState", []string{"Enabled"}, true},
		{"DefiniteListEveryElement", `{"LogDestinationConfigs": ["arn:a", "arn:a"]}`, "$.LogDestinationConfigs", []string{"arn:a"}, true},
		{"DefiniteEmptyList", `{"LogDestinationConfigs": []}`, "$.LogDestinationConfigs", []string{"[]"}, false},
		{"Missing", describeKey, "$.KeyMetadata.Nope", []string{"None", ""}, false},
		{"NullIsNone", `{"KmsKeyId": null}`, "$.KmsKeyId", []string{"None"}, true},
		{"NoDesiredValues", describeKey, "$.KeyMetadata.KeyState", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := selector.MustCompile(tt.expr)
			values, _ := s.Select(decode(t, tt.doc))
			require.Equal(t, tt.want, selector.MatchesDesired(values, s.Definite(), tt.desired))
		})
	}
}
