package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// event is a compliance change event as the receiver expects it.
func event(id, resource, compliance string) string {
	return `{"version":"0","id":"` + id + `","detail-type":"Config Rules Compliance Change","source":"aws.config",` +
		`"detail":{"resourceId":"` + resource + `","newEvaluationResult":{"complianceType":"` + compliance + `"}}}`
}

func TestReceiver_Hook(t *testing.T) {
	t.Parallel()
	r, err := startReceiver()
	require.NoError(t, err)
	t.Cleanup(r.Stop)
	bodies := []string{
		event("e1", "bucket-1", "NON_COMPLIANT"),
		event("e1", "bucket-1", "NON_COMPLIANT"), // the same event again (at least once)
		event("e2", "bucket-2", "NON_COMPLIANT"),
		event("e3", "bucket-1", "NON_COMPLIANT"), // another event for a resource already heard of
		event("e4", "bucket-3", "COMPLIANT"),
		`{"source":"aws.ec2"}`,
		`not json`,
	}
	for _, b := range bodies {
		resp, err := http.Post(r.URL, "application/json", strings.NewReader(b))
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, resp.StatusCode)
		resp.Body.Close()
	}
	require.NoError(t, r.wait(2, time.Second))
	resources, posts, duplicates, unexpected := r.counts()
	require.Equal(t, []int{2, 7, 1, 3}, []int{resources, posts, duplicates, unexpected})
	first, ok := r.arrived("bucket-1")
	require.True(t, ok)
	require.False(t, first.IsZero())
	_, ok = r.arrived("bucket-3")
	require.False(t, ok, "a COMPLIANT event is not the one measured")
	require.ErrorContains(t, r.wait(3, 10*time.Millisecond), "2 of 3 events arrived")
}

func TestParseFlags(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		args []string
		err  string
	}{
		{"Defaults", nil, ""},
		{"Only", []string{"-only", "throughput"}, ""},
		{"UnknownMeasurement", []string{"-only", "concurrency"}, "want latency or throughput"},
		{"BatchTooBig", []string{"-batch", "101"}, "want 1 to 100"},
		{"NoResources", []string{"-latency", "0"}, "want at least 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			o, err := parseFlags(tc.args)
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, 1000, o.latency)
		})
	}
}
