package automation_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/automation"
)

func TestParseRef(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, text string
		ok         bool
		want       automation.Ref
	}{
		{"Parameter", "{{InstanceId}}", true, automation.Ref{Kind: automation.RefParameter, Name: "InstanceId"}},
		{"ParameterSpaced", "{{ InstanceId }}", true, automation.Ref{Kind: automation.RefParameter, Name: "InstanceId"}},
		{"StepOutput", "{{ DescribeInstanceProfile.InstanceProfileArn }}", true,
			automation.Ref{Kind: automation.RefStepOutput, Name: "DescribeInstanceProfile", Field: "InstanceProfileArn"}},
		{"DottedOutput", "{{ Step.Payload.Id }}", true, automation.Ref{Kind: automation.RefStepOutput, Name: "Step", Field: "Payload.Id"}},
		{"Variable", "{{variable:NextToken}}", true, automation.Ref{Kind: automation.RefVariable, Name: "NextToken"}},
		{"Global", "{{ global:ACCOUNT_ID }}", true, automation.Ref{Kind: automation.RefGlobal, Name: "ACCOUNT_ID"}},
		{"Automation", "{{automation:EXECUTION_ID}}", true, automation.Ref{Kind: automation.RefAutomation, Name: "EXECUTION_ID"}},
		{"SSM", "{{ ssm:/my/param-1 }}", true, automation.Ref{Kind: automation.RefSSM, Name: "/my/param-1"}},
		{"UnknownPrefix", "{{ resolve:ssm:x }}", false, automation.Ref{}},
		{"Empty", "{{ }}", false, automation.Ref{}},
		{"Spaces", "{{ a b }}", false, automation.Ref{}},
		{"EmptyOutput", "{{ a. }}", false, automation.Ref{}},
		{"NoBraces", "x", false, automation.Ref{}},
		{"Nested", "{{ {{x}} }}", false, automation.Ref{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, ok := automation.ParseRef(tc.text)
			require.Equal(t, tc.ok, ok)
			if ok {
				tc.want.Text = tc.text
				require.Equal(t, tc.want, got)
			}
		})
	}
}

func TestLex(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in string
		refs     []string // names of the references found, in order
	}{
		{"Literal", "stopped", nil},
		{"Whole", "{{ InstanceId }}", []string{"InstanceId"}},
		{"Embedded", "PT{{ StabilizationPeriod }}S", []string{"StabilizationPeriod"}},
		{"Several", "Reboot={{Reboot}}, Restore={{Restore}}", []string{"Reboot", "Restore"}},
		{"Unclosed", "a {{ b", nil},
		{"NestedKeepsInner", "{{ {{x}} }}", []string{"x"}},
		{"Malformed", "{{ not a ref }} and {{ok}}", []string{"ok"}},
		{"ExtraBraces", "f'{{{x}}}'", []string{"x"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			segs := automation.Lex(tc.in)
			var text strings.Builder
			var refs []string
			for _, s := range segs {
				text.WriteString(s.Text)
				if s.Ref != nil {
					refs = append(refs, s.Ref.Name)
				}
			}
			require.Equal(t, tc.in, text.String(), "segments must join back to the input")
			require.Equal(t, tc.refs, refs)
			require.Equal(t, len(tc.refs) > 0, automation.HasRefs(tc.in))
		})
	}
}

func TestWholeRef(t *testing.T) {
	t.Parallel()
	_, ok := automation.WholeRef("  {{ x }}\n")
	require.True(t, ok)
	_, ok = automation.WholeRef("{{ x }}{{ y }}")
	require.False(t, ok)
	_, ok = automation.WholeRef("PT{{ x }}S")
	require.False(t, ok)
}
