package sns

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseARN(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		arn  string
		ok   bool
		want arnParts
	}{
		"Topic":        {"arn:aws:sns:us-east-1:123456789012:t", true, arnParts{Region: "us-east-1", Account: "123456789012", Name: "t"}},
		"Fifo":         {"arn:aws:sns:eu-west-1:123456789012:o.fifo", true, arnParts{Region: "eu-west-1", Account: "123456789012", Name: "o.fifo"}},
		"Subscription": {"arn:aws:sns:us-east-1:1:t:0b9d1a3c-1f4e-4c33-9a55-0e7b8a0d2f11", true, arnParts{Region: "us-east-1", Account: "1", Name: "t", SubID: "0b9d1a3c-1f4e-4c33-9a55-0e7b8a0d2f11"}},
		"OtherService": {"arn:aws:sqs:us-east-1:1:q", false, arnParts{}},
		"BadName":      {"arn:aws:sns:us-east-1:1:a.b", false, arnParts{}},
		"BadSubID":     {"arn:aws:sns:us-east-1:1:t:nope", false, arnParts{}},
		"Short":        {"arn:aws:sns:us-east-1", false, arnParts{}},
		"NoRegion":     {"arn:aws:sns::1:t", false, arnParts{}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, ok := parseARN(tc.arn)
			require.Equal(t, tc.ok, ok)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestCheckSubject(t *testing.T) {
	t.Parallel()
	for subject, valid := range map[string]bool{
		"Alarm: disk full": true, "[ops] 1": true, "": false, " leading space": false,
		"line\nbreak": false, "héllo": false, string(make([]byte, 101)): false,
	} {
		require.Equal(t, valid, checkSubject(subject) == nil, "%q", subject)
	}
}

func TestStatuses(t *testing.T) {
	t.Parallel()
	for code, status := range Statuses {
		require.Equal(t, status, Err(code, "x").HTTPStatus(), code)
	}
}
