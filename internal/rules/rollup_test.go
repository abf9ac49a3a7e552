package rules_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/rules"
)

func TestRollup(t *testing.T) {
	t.Parallel()
	count := func(n int, exceeded bool) *rules.ContributorCount {
		return &rules.ContributorCount{CappedCount: n, CapExceeded: exceeded}
	}
	tests := []struct {
		name    string
		results []string
		cap     int
		want    rules.Compliance
	}{
		{"NoResults", nil, 100, rules.Compliance{Type: rules.InsufficientData}},
		{"AllNotApplicable", []string{rules.NotApplicable, rules.NotApplicable}, 100, rules.Compliance{Type: rules.InsufficientData}},
		{"AllCompliant", []string{rules.Compliant, rules.Compliant}, 100, rules.Compliance{Type: rules.Compliant}},
		{"CompliantAndNotApplicable", []string{rules.Compliant, rules.NotApplicable}, 100, rules.Compliance{Type: rules.Compliant}},
		{"OneNonCompliant", []string{rules.Compliant, rules.NonCompliant, rules.NotApplicable}, 100,
			rules.Compliance{Type: rules.NonCompliant, Contributors: count(1, false)}},
		{"AllNonCompliant", []string{rules.NonCompliant, rules.NonCompliant}, 100,
			rules.Compliance{Type: rules.NonCompliant, Contributors: count(2, false)}},
		{"AtCap", repeat(rules.NonCompliant, 25), 25, rules.Compliance{Type: rules.NonCompliant, Contributors: count(25, false)}},
		{"OverCap", repeat(rules.NonCompliant, 26), 25, rules.Compliance{Type: rules.NonCompliant, Contributors: count(25, true)}},
		{"OverResourceCap", repeat(rules.NonCompliant, 101), 100, rules.Compliance{Type: rules.NonCompliant, Contributors: count(100, true)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var tally rules.Tally
			for _, r := range tt.results {
				tally.Add(r)
			}
			require.Equal(t, tt.want, rules.Rollup(tally, tt.cap))
		})
	}
}

func TestCapped(t *testing.T) {
	t.Parallel()
	require.Equal(t, rules.ContributorCount{CappedCount: 0}, rules.Capped(0, 25))
	require.Equal(t, rules.ContributorCount{CappedCount: 25}, rules.Capped(25, 25))
	require.Equal(t, rules.ContributorCount{CappedCount: 25, CapExceeded: true}, rules.Capped(30, 25))
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}
