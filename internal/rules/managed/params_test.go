package managed

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
)

func TestParseParams(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		rule     string
		input    string
		want     Params
		fragment string // error message fragment; "" means no error
	}{
		{"EmptyAppliesDefaults", "RESTRICTED_INCOMING_TRAFFIC", "", Params{"blockedPort1": "20", "blockedPort2": "21", "blockedPort3": "3389", "blockedPort4": "3306", "blockedPort5": "4333"}, ""},
		{"WhitespaceIsEmpty", "S3_BUCKET_VERSIONING_ENABLED", "  ", Params{}, ""},
		{"EmptyObject", "S3_BUCKET_VERSIONING_ENABLED", "{}", Params{}, ""},
		{"GivenOverridesDefault", "EC2_STOPPED_INSTANCE", `{"AllowedDays":" 7 "}`, Params{"AllowedDays": "7"}, ""},
		{"NoParamsRule", "S3_BUCKET_SSL_REQUESTS_ONLY", "", Params{}, ""},
		{"RequiredPresent", "IAM_ROLE_MANAGED_POLICY_CHECK", `{"managedPolicyArns":"arn:aws:iam::aws:policy/ReadOnlyAccess"}`, Params{"managedPolicyArns": "arn:aws:iam::aws:policy/ReadOnlyAccess"}, ""},
		{"RequiredMissing", "IAM_ROLE_MANAGED_POLICY_CHECK", "", nil, "The required parameter managedPolicyArns is not present in the inputParameters, please refer to Config rules documentation for the required parameters."},
		{"RequiredWithConsoleDefaultMissing", "REQUIRED_TAGS", `{"tag2Key":"Owner"}`, nil, "The required parameter tag1Key is not present"},
		{"Unknown", "IAM_PASSWORD_POLICY", `{"RequireNumbers":"true","Extra":"10"}`, nil, `Unknown parameters provided in the inputParameters: {"RequireNumbers":"true","Extra":"10"}`},
		{"UnknownOnNoParamRule", "S3_BUCKET_SSL_REQUESTS_ONLY", `{"x":"y"}`, nil, "Unknown parameters provided"},
		{"NamesAreCaseSensitive", "EC2_STOPPED_INSTANCE", `{"allowedDays":"3"}`, nil, "Unknown parameters provided"},
		{"NumberNotString", "IAM_PASSWORD_POLICY", `{"MinimumPasswordLength":10}`, nil, "Blank spaces are not acceptable for input parameter: MinimumPasswordLength."},
		{"BlankValue", "S3_BUCKET_LOGGING_ENABLED", `{"targetBucket":"  "}`, nil, "Blank spaces are not acceptable for input parameter: targetBucket."},
		{"NotAnInt", "RESTRICTED_INCOMING_TRAFFIC", `{"blockedPort1":"ssh"}`, nil, "The value 'ssh' of input parameter blockedPort1 is not a valid int."},
		{"NotJSON", "REQUIRED_TAGS", `tag1Key=x`, nil, "Invalid json passed in the InputParameters field"},
		{"NotAnObject", "REQUIRED_TAGS", `["x"]`, nil, "Invalid json passed in the InputParameters field"},
		{"Null", "REQUIRED_TAGS", `null`, nil, "Invalid json passed in the InputParameters field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseParams(mustRule(t, tt.rule), tt.input)
			if tt.fragment == "" {
				require.NoError(t, err)
				require.Equal(t, tt.want, got)
				return
			}
			e, ok := awserr.As(err)
			require.True(t, ok, "want an AWS error, got %v", err)
			require.Equal(t, awserr.InvalidParameterValueException, e.Code)
			require.Contains(t, e.Message, tt.fragment)
		})
	}
}

func TestParams_Accessors(t *testing.T) {
	t.Parallel()
	p := Params{"n": "42", "bad": "x", "t": "true", "T": "True", "csv": " a, ,b ,, c"}
	n, ok := p.Int("n")
	require.True(t, ok)
	require.Equal(t, 42, n)
	_, ok = p.Int("bad")
	require.False(t, ok)
	_, ok = p.Int("absent")
	require.False(t, ok)
	require.True(t, p.Bool("t"))
	require.False(t, p.Bool("T"), "AWS treats anything but lowercase true as false")
	require.False(t, p.Bool("absent"))
	require.Equal(t, []string{"a", "b", "c"}, p.CSV("csv"))
	require.Nil(t, p.CSV("absent"))
	require.Equal(t, "", p.String("absent"))
}
