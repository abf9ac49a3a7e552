package expr_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/expr"
	"github.com/salvehq/salve/internal/awserr"
)

// bindParams declares one parameter of each kind, with constraints copied
// from AWS runbooks.
const bindParams = `{
  "GroupId": {"type": "String", "allowedPattern": "^([s][g]\\-)([0-9a-f]){1,}$"},
  "IpAddressToBlock": {"type": "String", "default": ""},
  "StabilizationPeriod": {"type": "String", "default": "300",
    "allowedPattern": "^([1-9]\\d?\\d?\\d?\\d?|[1-5]\\d\\d\\d\\d\\d|60[0-3]\\d\\d\\d|604[0-7]\\d\\d)$"},
  "BlockPublicAcls": {"type": "Boolean", "default": true, "allowedValues": [true, false]},
  "InstanceId": {"type": "StringList", "default": ["i-default"], "allowedPattern": "^i-[a-z0-9]{4,17}$",
    "minItems": 1, "maxItems": 3, "maxChars": 12},
  "MaxAggregationInterval": {"type": "Integer", "default": 600, "allowedValues": [60, 600]},
  "RequiredTags": {"type": "StringMap", "default": {"Owner": "ops"}},
  "Filters": {"type": "MapList", "default": [],
    "allowedPattern": "^\\{[\\p{L}\\p{Z}\\p{N}_.:\\/=\\+\\-@\"',\\[\\]]*\\}$"},
  "TrailName": {"type": "String", "default": "t",
    "allowedPattern": "^(?!^[0-9]+$)([a-zA-Z0-9](?:[a-zA-Z0-9._-]{1,126}[a-zA-Z0-9])?)$"},
  "Action": {"type": "String", "default": "Install", "allowedValues": ["Install", "Uninstall"], "minChars": 3},
  "AmiId": {"type": "String", "default": "{{ ssm:/golden/ami }}"},
  "AutomationAssumeRole": {"type": "AWS::IAM::Role::Arn", "default": ""}
}`

func TestBindParameters(t *testing.T) {
	t.Parallel()
	doc := runbook(t, bindParams, []string{`{"name":"s","action":"aws:pause","inputs":{}}`})
	defaults := map[string]any{
		"GroupId": "sg-0abc", "IpAddressToBlock": "", "StabilizationPeriod": "300", "BlockPublicAcls": true,
		"InstanceId": []any{"i-default"}, "MaxAggregationInterval": 600, "RequiredTags": map[string]any{"Owner": "ops"},
		"Filters": []any{}, "TrailName": "t", "Action": "Install", "AmiId": "ami-1", "AutomationAssumeRole": "",
	}
	cases := []struct {
		name string
		in   map[string][]string
		want map[string]any // changes to defaults
	}{
		{"Defaults", nil, nil},
		{"String", map[string][]string{"StabilizationPeriod": {"604799"}}, map[string]any{"StabilizationPeriod": "604799"}},
		{"EmptyListIsAbsent", map[string][]string{"StabilizationPeriod": {}}, nil},
		{"Boolean", map[string][]string{"BlockPublicAcls": {"false"}}, map[string]any{"BlockPublicAcls": false}},
		{"BooleanAnyCase", map[string][]string{"BlockPublicAcls": {"False"}}, map[string]any{"BlockPublicAcls": false}},
		{"StringList", map[string][]string{"InstanceId": {"i-0123", "i-0456"}}, map[string]any{"InstanceId": []any{"i-0123", "i-0456"}}},
		{"Integer", map[string][]string{"MaxAggregationInterval": {"60"}}, map[string]any{"MaxAggregationInterval": 60}},
		{"StringMap", map[string][]string{"RequiredTags": {`{"Env":"prod","Count":2}`}},
			map[string]any{"RequiredTags": map[string]any{"Env": "prod", "Count": 2}}},
		{"MapListOneArray", map[string][]string{"Filters": {`[{"Key":"AgentType","Values":["ssm"]}]`}},
			map[string]any{"Filters": []any{map[string]any{"Key": "AgentType", "Values": []any{"ssm"}}}}},
		{"MapListPerElement", map[string][]string{"Filters": {`{"Key":"a"}`, `{"Key":"b"}`}},
			map[string]any{"Filters": []any{map[string]any{"Key": "a"}, map[string]any{"Key": "b"}}}},
		{"UncheckedJavaPattern", map[string][]string{"TrailName": {"12345"}}, map[string]any{"TrailName": "12345"}},
		{"AWSType", map[string][]string{"AutomationAssumeRole": {"arn:aws:iam::111122223333:role/r"}},
			map[string]any{"AutomationAssumeRole": "arn:aws:iam::111122223333:role/r"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := map[string][]string{"GroupId": {"sg-0abc"}, "AmiId": {"ami-1"}}
			for k, v := range tc.in {
				in[k] = v
			}
			want := map[string]any{}
			for k, v := range defaults {
				want[k] = v
			}
			for k, v := range tc.want {
				want[k] = v
			}
			got, err := expr.BindParameters(doc, in)
			require.NoError(t, err)
			require.Equal(t, want, got)
		})
	}
}

func TestBindParameters_DefaultsAreCopies(t *testing.T) {
	t.Parallel()
	doc := runbook(t, bindParams, []string{`{"name":"s","action":"aws:pause","inputs":{}}`})
	in := map[string][]string{"GroupId": {"sg-0abc"}, "AmiId": {"ami-1"}}
	got, err := expr.BindParameters(doc, in)
	require.NoError(t, err)
	got["RequiredTags"].(map[string]any)["Owner"] = "changed"
	got["InstanceId"].([]any)[0] = "changed"
	again, err := expr.BindParameters(doc, in)
	require.NoError(t, err)
	require.Equal(t, map[string]any{"Owner": "ops"}, again["RequiredTags"])
	require.Equal(t, []any{"i-default"}, again["InstanceId"])
}

func TestBindParameters_Errors(t *testing.T) {
	t.Parallel()
	doc := runbook(t, bindParams, []string{`{"name":"s","action":"aws:pause","inputs":{}}`})
	cases := []struct {
		name string
		in   map[string][]string
		msg  string
	}{
		{"Unknown", map[string][]string{"Bogus": {"x"}, "Zed": {"y"}},
			`Parameter "Bogus" is not defined in the document; defined parameters: GroupId, IpAddressToBlock,`},
		{"MissingRequired", map[string][]string{"GroupId": nil}, "Missing required parameter: GroupId in user inputs."},
		{"MissingRequiredEmptyList", map[string][]string{"GroupId": {}}, "Missing required parameter: GroupId in user inputs."},
		{"ParameterStoreDefault", map[string][]string{"AmiId": nil},
			`Parameter "AmiId" defaults to the Parameter Store reference {{ ssm:/golden/ami }}, which Salve does not support yet; pass a value for AmiId.`},
		{"StringTwoValues", map[string][]string{"GroupId": {"sg-1", "sg-2"}}, `Parameter "GroupId" of type String takes exactly one value, not 2.`},
		{"Pattern", map[string][]string{"GroupId": {"vpc-1"}},
			`Parameter "GroupId" has value "vpc-1" not matching the allowed pattern ^([s][g]\-)([0-9a-f]){1,}$.`},
		{"PatternOnDuration", map[string][]string{"StabilizationPeriod": {"604800"}}, `"604800" not matching the allowed pattern`},
		{"PatternPerListElement", map[string][]string{"InstanceId": {"i-0123", "vol-1"}},
			`Parameter "InstanceId" has value "vol-1" not matching the allowed pattern ^i-[a-z0-9]{4,17}$.`},
		{"PatternMapListElement", map[string][]string{"Filters": {`{"Key":"a<b"}`}}, `Parameter "Filters" has value "{\"Key\":\"a<b\"}" not matching`},
		{"AllowedValues", map[string][]string{"Action": {"install"}}, `Parameter "Action" has value "install" not found in [Install, Uninstall].`},
		{"AllowedIntegers", map[string][]string{"MaxAggregationInterval": {"300"}},
			`Parameter "MaxAggregationInterval" has value "300" not found in [60, 600].`},
		{"MinItems", map[string][]string{"InstanceId": {}}, `Parameter "InstanceId" has 0 values; it needs at least 1 (minItems).`},
		{"MaxItems", map[string][]string{"InstanceId": {"i-0001", "i-0002", "i-0003", "i-0004"}},
			`Parameter "InstanceId" has 4 values; it allows at most 3 (maxItems).`},
		{"MaxCharsPerElement", map[string][]string{"InstanceId": {"i-0123456789abc"}},
			`Parameter "InstanceId" has a value of 15 characters; it allows at most 12 (maxChars).`},
		{"AllowedValuesBeforeMinChars", map[string][]string{"Action": {"In"}}, `Parameter "Action" has value "In" not found`},
		{"Integer", map[string][]string{"MaxAggregationInterval": {"60.0"}}, `Parameter "MaxAggregationInterval" has value "60.0" which is not an Integer.`},
		{"IntegerTwoValues", map[string][]string{"MaxAggregationInterval": {"60", "600"}}, "of type Integer takes exactly one value, not 2"},
		{"Boolean", map[string][]string{"BlockPublicAcls": {"yes"}}, `Parameter "BlockPublicAcls" has value "yes" which is not a Boolean (true or false).`},
		{"StringMapNotJSON", map[string][]string{"RequiredTags": {"Owner=ops"}}, `Parameter "RequiredTags" has value "Owner=ops" which is not a JSON object (StringMap).`},
		{"StringMapList", map[string][]string{"RequiredTags": {`["a"]`}}, "which is not a JSON object (StringMap)"},
		{"StringMapTrailing", map[string][]string{"RequiredTags": {`{} {}`}}, "which is not a JSON object (StringMap)"},
		{"MapListNotObjects", map[string][]string{"Filters": {`["a"]`}}, "which is not a JSON list of objects (MapList)"},
		{"MapListElementNotObject", map[string][]string{"Filters": {`{"Key":"a"}`, "b"}}, `has value "b" which is not a JSON object (MapList element)`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := map[string][]string{"GroupId": {"sg-0abc"}, "AmiId": {"ami-1"}}
			for k, v := range tc.in {
				if v == nil {
					delete(in, k)
					continue
				}
				in[k] = v
			}
			_, err := expr.BindParameters(doc, in)
			require.ErrorContains(t, err, tc.msg)
			require.True(t, awserr.Is(err, awserr.InvalidAutomationExecutionParameters), "%v", err)
		})
	}
}

func TestBindParameters_MinChars(t *testing.T) {
	t.Parallel()
	doc := runbook(t, `{"Name": {"type": "String", "minChars": 3, "maxChars": 5}}`,
		[]string{`{"name":"s","action":"aws:pause","inputs":{}}`})
	_, err := expr.BindParameters(doc, map[string][]string{"Name": {"ab"}})
	require.EqualError(t, err, `InvalidAutomationExecutionParametersException: Parameter "Name" has value "ab" of 2 characters; it needs at least 3 (minChars).`)
	got, err := expr.BindParameters(doc, map[string][]string{"Name": {"héllo"}})
	require.NoError(t, err, "characters, not bytes, are counted")
	require.Equal(t, "héllo", got["Name"])
}

func TestResolveAssumeRole(t *testing.T) {
	t.Parallel()
	role := "arn:aws:iam::111122223333:role/Remediation"
	cases := []struct {
		name, assumeRole string
		params           map[string]any
		want, msg        string
	}{
		{"NoAssumeRole", "", nil, "", ""},
		{"EmptyParameter", "{{ AutomationAssumeRole }}", map[string]any{"AutomationAssumeRole": ""}, "", ""},
		{"Parameter", "{{ AutomationAssumeRole }}", map[string]any{"AutomationAssumeRole": role}, role, ""},
		{"Constant", role, nil, role, ""},
		{"Embedded", "arn:aws:iam::{{ global:ACCOUNT_ID }}:role/x", nil, "", "assumeRole may refer only to parameters"},
		{"StepOutput", "{{ Step.Role }}", nil, "", "assumeRole may refer only to parameters"},
		{"Undeclared", "{{ Role }}", map[string]any{}, "", `parameter "Role" is not declared`},
		{"NotAnARN", "{{ AutomationAssumeRole }}", map[string]any{"AutomationAssumeRole": "Remediation"}, "",
			`resolves to "Remediation", which is not an IAM role ARN`},
		{"NotAString", "{{ AutomationAssumeRole }}", map[string]any{"AutomationAssumeRole": []any{role}}, "", "not a role ARN"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := expr.ResolveAssumeRole(&automation.Document{AssumeRole: tc.assumeRole}, tc.params)
			if tc.msg != "" {
				require.ErrorContains(t, err, tc.msg)
				require.True(t, awserr.Is(err, awserr.InvalidAutomationExecutionParameters))
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}
