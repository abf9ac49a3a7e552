package expr_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation/expr"
)

func TestResolve(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		in   any
		want any
	}{
		// AWS-StopEC2Instance: a StringList parameter as a whole value.
		{"WholeStringList", map[string]any{"InstanceIds": "{{ InstanceId }}", "DesiredState": "stopped"},
			map[string]any{"InstanceIds": []any{"i-0123", "i-0456"}, "DesiredState": "stopped"}},
		// AWSConfigRemediation-ConfigureS3BucketPublicAccessBlock.
		{"WholeBoolean", map[string]any{"PublicAccessBlockConfiguration": map[string]any{
			"BlockPublicAcls": "{{ BlockPublicAcls }}", "IgnorePublicAcls": "{{IgnorePublicAcls}}"}},
			map[string]any{"PublicAccessBlockConfiguration": map[string]any{
				"BlockPublicAcls": true, "IgnorePublicAcls": false}}},
		{"EmbeddedDuration", map[string]any{"Duration": "PT{{ StabilizationPeriod }}S"},
			map[string]any{"Duration": "PT300S"}},
		{"WholeInteger", "{{ MaxAggregationInterval }}", 600},
		{"WholeIntegerSpaces", "  {{MaxAggregationInterval}} ", 600},
		{"EmbeddedInteger", "every {{ MaxAggregationInterval }}s", "every 600s"},
		{"EmbeddedBoolean", "Block={{BlockPublicAcls}}, Ignore={{IgnorePublicAcls}}", "Block=true, Ignore=false"},
		{"WholeStringMap", map[string]any{"Tags": "{{ RequiredTags }}"}, map[string]any{"Tags": map[string]any{"Owner": "ops"}}},
		{"WholeMapList", "{{ Filters }}", []any{map[string]any{"Key": "AgentType", "Values": []any{"ssm"}}}},
		{"EmbeddedListAsJSON", "ids={{ InstanceId }}", `ids=["i-0123","i-0456"]`},
		{"EmbeddedMapAsJSON", "tags {{ RequiredTags }}", `tags {"Owner":"ops"}`},
		// aws:approve Approvers: ["{{ Approvers }}"] is one flat list.
		{"FlattenListElement", map[string]any{"Approvers": []any{"{{ Approvers }}", "carol"}},
			map[string]any{"Approvers": []any{"alice", "bob", "carol"}}},
		{"FlattenMapList", []any{"{{Filters}}"}, []any{map[string]any{"Key": "AgentType", "Values": []any{"ssm"}}}},
		{"NoFlattenEmbedded", []any{"x{{ Approvers }}"}, []any{`x["alice","bob"]`}},
		{"NoFlattenLiteralList", []any{[]any{"a"}, "{{ GroupId }}"}, []any{[]any{"a"}, "sg-0abc"}},
		// AWS-AttachIAMToInstance Filters[].Values.
		{"ScalarInList", map[string]any{"Filters": []any{map[string]any{"Name": "group-id", "Values": []any{"{{GroupId}}"}}}},
			map[string]any{"Filters": []any{map[string]any{"Name": "group-id", "Values": []any{"sg-0abc"}}}}},
		{"StepOutput", "{{DescribeInstanceProfile.AssociationId}}", "iip-assoc-1"},
		{"MissingOutputWhole", "{{ DescribeInstanceProfile.InstanceProfileArn }}", ""},
		{"MissingStepWhole", "{{ NeverRan.Output }}", ""},
		{"MissingOutputEmbedded", "arn=[{{ NeverRan.Output }}]", "arn=[]"},
		{"FloatOutputEmbedded", "code {{ GetState.Code }}", "code 16"},
		{"Variable", "{{ variable:NextToken }}", "tok-1"},
		{"AccountID", "arn:{{global:AWS_PARTITION}}:s3:::logs-{{ global:ACCOUNT_ID }}-{{global:REGION}}",
			"arn:aws-cn:s3:::logs-111122223333-cn-north-1"},
		{"Date", "{{ global:DATE }}", "2024-03-05"},
		{"DateTime", "snap-{{global:DATE_TIME}}", "snap-2024-03-05_06.08.09"},
		{"ExecutionID", "Created by {{ automation:EXECUTION_ID }}", "Created by 4c4e6d76-1234-4d2b-9d63-0f0a6b8e7c10"},
		{"LoopValue", "{{ EachGroup.CurrentIteratorValue }}", "sg-0def"},
		{"LoopIndex", "{{ EachGroup.CurrentIteration }}", 2},
		{"NotARef", "{{ not a ref }} {{", "{{ not a ref }} {{"},
		{"EmptyParameter", "{{IpAddressToBlock}}", ""},
		{"NonStrings", []any{22, true, nil, 1.5}, []any{22, true, nil, 1.5}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := expr.Resolve(tc.in, testEnv())
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestResolve_Errors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in, msg string
	}{
		{"UnknownParameter", "{{ Ip }}", `{{ Ip }}: parameter "Ip" is not declared by the runbook`},
		{"UnknownParameterEmbedded", "cidr {{Ip}}/32", `{{Ip}}: parameter "Ip" is not declared by the runbook`},
		{"UnknownVariable", "{{ variable:Missing }}", `variable "Missing" is not declared by the runbook`},
		{"UnknownGlobal", "{{ global:ACCOUNT }}", "global:ACCOUNT is not a system variable"},
		{"UnknownAutomation", "{{ automation:EXECUTION_TIME }}", "the only one is automation:EXECUTION_ID"},
		{"ParameterStore", "{{ ssm:/my/param }}", "Parameter Store references are only allowed in parameter defaults"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := expr.Resolve(tc.in, testEnv())
			require.ErrorContains(t, err, tc.msg)
			var re *expr.ReferenceError
			require.True(t, errors.As(err, &re))
		})
	}
}

func TestResolve_ErrorNamesInput(t *testing.T) {
	t.Parallel()
	in := map[string]any{"IpPermissions": []any{map[string]any{"IpRanges": []any{map[string]any{"CidrIp": "{{ Ip }}"}}}}}
	_, err := expr.Resolve(in, testEnv())
	require.EqualError(t, err, `IpPermissions[0].IpRanges[0].CidrIp: {{ Ip }}: parameter "Ip" is not declared by the runbook`)
}

func TestResolve_DoesNotChangeInput(t *testing.T) {
	t.Parallel()
	in := map[string]any{"A": []any{"{{ Approvers }}"}, "B": map[string]any{"C": "{{GroupId}}"}}
	_, err := expr.Resolve(in, testEnv())
	require.NoError(t, err)
	require.Equal(t, map[string]any{"A": []any{"{{ Approvers }}"}, "B": map[string]any{"C": "{{GroupId}}"}}, in)
}

func TestEnv_Partition(t *testing.T) {
	t.Parallel()
	for region, want := range map[string]string{"us-east-1": "aws", "cn-north-1": "aws-cn", "us-gov-west-1": "aws-us-gov"} {
		require.Equal(t, want, expr.PartitionOf(region))
	}
	env := testEnv()
	env.Partition = "aws-iso"
	got, err := expr.Resolve("{{ global:AWS_PARTITION }}", env)
	require.NoError(t, err)
	require.Equal(t, "aws-iso", got)
}

func TestStringify(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   any
		want string
	}{
		{nil, ""}, {"s", "s"}, {true, "true"}, {42, "42"}, {int64(-7), "-7"}, {3.0, "3"}, {0.25, "0.25"},
		{1e21, "1000000000000000000000"}, {[]any{"a", 1}, `["a",1]`},
		{map[string]any{"b": "<x>", "a": 1}, `{"a":1,"b":"<x>"}`},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, expr.Stringify(tc.in), "%#v", tc.in)
	}
}
