package expr_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/expr"
)

// AWS-DisablePublicAccessForSecurityGroup's first step.
const securityGroupChoices = `[
  {"NextStep": "DisableSSHFromCustomIpV6", "And": [
    {"Not": {"Variable": "{{IpAddressToBlock}}", "StringEquals": ""}},
    {"Variable": "{{ IpAddressToBlock }}", "Contains": ":"}]},
  {"NextStep": "DisableSSHFromCustomIpV4", "And": [
    {"Not": {"Variable": "{{IpAddressToBlock}}", "StringEquals": ""}},
    {"Not": {"Variable": "{{ IpAddressToBlock }}", "Contains": ":"}}]}]`

func TestChoose_DisablePublicAccessForSecurityGroup(t *testing.T) {
	t.Parallel()
	doc := runbook(t, "", []string{branchStep(securityGroupChoices, "DisableSSHFromIpV4")},
		"DisableSSHFromIpV4", "DisableSSHFromCustomIpV4", "DisableSSHFromCustomIpV6")
	cases := []struct {
		name, ip, next string
		matched        bool
	}{
		{"NoAddress", "", "DisableSSHFromIpV4", false},
		{"IPv4", "1.2.3.4/32", "DisableSSHFromCustomIpV4", true},
		{"IPv6", "2001:db8::/64", "DisableSSHFromCustomIpV6", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := testEnv()
			env.Parameters["IpAddressToBlock"] = tc.ip
			next, matched, err := expr.Choose(doc.MainSteps[0].Branch, env)
			require.NoError(t, err)
			require.Equal(t, tc.next, next)
			require.Equal(t, tc.matched, matched)
		})
	}
}

// AWS-AttachIAMToInstance's CheckInstanceProfileAssociations step: the
// output is missing when the instance has no profile.
const attachIAMChoices = `[
  {"NextStep": "ListInstanceProfilesForRole",
   "Not": {"Variable": "{{DescribeInstanceProfile.InstanceProfileArn}}", "Contains": "arn:"}},
  {"NextStep": "DisassociateIamInstanceProfile", "Variable": "{{ForceReplace}}", "BooleanEquals": true}]`

func TestChoose_AttachIAMToInstance(t *testing.T) {
	t.Parallel()
	doc := runbook(t, "", []string{branchStep(attachIAMChoices, "")},
		"ListInstanceProfilesForRole", "DisassociateIamInstanceProfile")
	cases := []struct {
		name    string
		arn     any // nil: output missing
		force   any
		next    string
		matched bool
	}{
		{"NoProfile", nil, true, "ListInstanceProfilesForRole", true},
		{"ProfileForce", "arn:aws:iam::111122223333:instance-profile/p", true, "DisassociateIamInstanceProfile", true},
		{"ProfileForceAsString", "arn:aws:iam::111122223333:instance-profile/p", "true", "DisassociateIamInstanceProfile", true},
		{"ProfileNoForce", "arn:aws:iam::111122223333:instance-profile/p", false, "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := testEnv()
			env.Parameters["ForceReplace"] = tc.force
			if tc.arn != nil {
				env.Outputs["DescribeInstanceProfile"]["InstanceProfileArn"] = tc.arn
			}
			next, matched, err := expr.Choose(doc.MainSteps[0].Branch, env)
			require.NoError(t, err)
			require.Equal(t, tc.next, next)
			require.Equal(t, tc.matched, matched)
		})
	}
}

func TestChoose_ErrorNamesChoice(t *testing.T) {
	t.Parallel()
	doc := runbook(t, "", []string{branchStep(`[{"NextStep":"A","Variable":"{{ Nope }}","StringEquals":"x"}]`, "")}, "A")
	_, _, err := expr.Choose(doc.MainSteps[0].Branch, testEnv())
	require.EqualError(t, err, `choice 1 (NextStep A): {{ Nope }}: parameter "Nope" is not declared by the runbook`)
}

// cmp builds a comparison condition.
func cmp(variable, op string, value any) automation.Condition {
	return automation.Condition{Variable: variable, Operator: op, Value: value}
}

func TestEvalCondition(t *testing.T) {
	t.Parallel()
	missing := cmp("{{ DescribeInstanceProfile.InstanceProfileArn }}", "StringEquals", "")
	cases := []struct {
		name string
		c    automation.Condition
		want bool
	}{
		{"StringEquals", cmp("{{GroupId}}", "StringEquals", "sg-0abc"), true},
		{"StringEqualsCaseSensitive", cmp("{{GroupId}}", "StringEquals", "SG-0ABC"), false},
		{"EqualsIgnoreCase", cmp("{{GroupId}}", "EqualsIgnoreCase", "SG-0ABC"), true},
		{"StartsWith", cmp("{{ GroupId }}", "StartsWith", "sg-"), true},
		{"StartsWithNot", cmp("{{ GroupId }}", "StartsWith", "vpc-"), false},
		{"EndsWith", cmp("{{ GroupId }}", "EndsWith", "abc"), true},
		{"ContainsSubstring", cmp("{{ GroupId }}", "Contains", "0a"), true},
		{"ContainsListMember", cmp("{{ InstanceId }}", "Contains", "i-0456"), true},
		{"ContainsListNotSubstring", cmp("{{ InstanceId }}", "Contains", "i-04"), false},
		{"ContainsStringList", cmp("{{ Approvers }}", "Contains", "bob"), true},
		{"StringOpOnBoolean", cmp("{{ BlockPublicAcls }}", "StringEquals", "true"), true},
		{"StringOpOnInteger", cmp("{{ MaxAggregationInterval }}", "StringEquals", "600"), true},
		{"EmbeddedVariable", cmp("{{GroupId}}/{{variable:NextToken}}", "StringEquals", "sg-0abc/tok-1"), true},
		{"ValueIsReference", cmp("{{ GroupId }}", "StringEquals", "{{ GroupId }}"), true},
		{"NumericEquals", cmp("{{ MaxAggregationInterval }}", "NumericEquals", 600), true},
		{"NumericEqualsFloatOutput", cmp("{{ GetState.Code }}", "NumericEquals", 16), true},
		{"NumericGreaterString", cmp("{{ GetState.Count }}", "NumericGreater", 3), true},
		{"NumericGreaterEqual", cmp("{{ GetState.Count }}", "NumericGreater", 5), false},
		{"NumericLesser", cmp("{{ GetState.Count }}", "NumericLesser", 6), true},
		{"NumericGreaterOrEquals", cmp("{{ GetState.Count }}", "NumericGreaterOrEquals", 5), true},
		{"NumericLesserOrEquals", cmp("{{ GetState.Count }}", "NumericLesserOrEquals", 4), false},
		{"NumericOperandString", cmp("{{ MaxAggregationInterval }}", "NumericEquals", "600"), true},
		{"BooleanEquals", cmp("{{ BlockPublicAcls }}", "BooleanEquals", true), true},
		{"BooleanEqualsFalse", cmp("{{ IgnorePublicAcls }}", "BooleanEquals", true), false},
		{"BooleanEqualsPythonString", cmp("{{ GetState.Enabled }}", "BooleanEquals", true), true},
		{"MissingStringEquals", missing, false},
		{"MissingNumeric", cmp("{{ Nope.Out }}", "NumericEquals", 0), false},
		{"MissingBoolean", cmp("{{ Nope.Out }}", "BooleanEquals", false), false},
		{"MissingInValue", cmp("{{ GroupId }}", "StringEquals", "{{ Nope.Out }}"), false},
		{"NotMissing", automation.Condition{Not: &missing}, true},
		{"AndAllTrue", automation.Condition{And: []automation.Condition{
			cmp("{{GroupId}}", "StartsWith", "sg-"), cmp("{{ForceReplace}}", "BooleanEquals", true)}}, true},
		{"AndOneMissing", automation.Condition{And: []automation.Condition{
			cmp("{{GroupId}}", "StartsWith", "sg-"), missing}}, false},
		{"OrOneTrue", automation.Condition{Or: []automation.Condition{
			missing, cmp("{{GroupId}}", "EndsWith", "abc")}}, true},
		{"OrNoneTrue", automation.Condition{Or: []automation.Condition{
			missing, cmp("{{GroupId}}", "EndsWith", "xyz")}}, false},
		{"NotInsideAnd", automation.Condition{And: []automation.Condition{
			{Not: &missing}, {Or: []automation.Condition{cmp("{{ GetState.Count }}", "NumericEquals", 5)}}}}, true},
		// AWS-ExportNodes' LoopCondition.
		{"LoopCondition", cmp("{{ExportReportStep.Completed}}", "BooleanEquals", false), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := expr.EvalCondition(tc.c, testEnv())
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestEvalCondition_Errors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		c    automation.Condition
		msg  string
	}{
		{"NotANumber", cmp("{{ GroupId }}", "NumericGreater", 1), `NumericGreater: "sg-0abc" is not a number`},
		{"OperandNotANumber", cmp("{{ GetState.Count }}", "NumericEquals", "five"), `"five" is not a number`},
		{"NotABoolean", cmp("{{ GroupId }}", "BooleanEquals", true), `BooleanEquals: "sg-0abc" is not a boolean`},
		{"UnknownParameter", cmp("{{ Nope }}", "StringEquals", "x"), `parameter "Nope" is not declared`},
		{"UnknownOperator", cmp("{{ GroupId }}", "Matches", "x"), `"Matches" is not a branch operator`},
		{"ErrorUnderNot", automation.Condition{Not: &automation.Condition{Variable: "{{ Nope }}", Operator: "Contains", Value: "x"}},
			`parameter "Nope" is not declared`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := expr.EvalCondition(tc.c, testEnv())
			require.ErrorContains(t, err, tc.msg)
			require.False(t, got)
		})
	}
}
