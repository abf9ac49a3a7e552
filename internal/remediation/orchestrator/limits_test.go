package orchestrator

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/remediation"
)

func TestComputeLimits(t *testing.T) {
	t.Parallel()
	put := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	failed := func(n int, at time.Time) []*remediation.Execution {
		out := make([]*remediation.Execution, n)
		for i := range out {
			out[i] = &remediation.Execution{ResourceID: string(rune('a' + i)), State: remediation.StateFailed, InvocationTime: at}
		}
		return out
	}
	all := func(remediation.ResourceKey) bool { return true }
	tests := []struct {
		name            string
		conc, errPct, n int32
		execs           []*remediation.Execution
		maxRun, free    int
		maxErrs, errs   int
		blocked         bool
	}{
		{name: "40% of 10 allows 4 errors", conc: 100, errPct: 40, n: 10, execs: failed(4, put), maxRun: 10, free: 10, maxErrs: 4, errs: 4},
		{name: "40% of 10 stops at the fifth", conc: 100, errPct: 40, n: 10, execs: failed(5, put), maxRun: 10, maxErrs: 4, errs: 5, blocked: true},
		{name: "failures before the configuration do not count", conc: 100, errPct: 40, n: 10, execs: failed(5, put.Add(-time.Second)), maxRun: 10, free: 10, maxErrs: 4},
		{name: "10% of 5 rounds down to at least one", conc: 10, errPct: 50, n: 5, maxRun: 1, free: 1, maxErrs: 2},
		{name: "30% of 10", conc: 30, errPct: 50, n: 10, maxRun: 3, free: 3, maxErrs: 5},
		{name: "no NON_COMPLIANT resource (manual)", conc: 10, errPct: 50, n: 0, maxRun: 1, free: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := &remediation.Configuration{ConcurrentExecutionRatePercentage: tc.conc, ErrorPercentage: tc.errPct, UpdatedAt: put}
			l := ComputeLimits(cfg, int(tc.n), tc.execs, all)
			require.Equal(t, tc.maxRun, l.MaxRunning)
			require.Equal(t, tc.maxErrs, l.MaxErrors)
			require.Equal(t, tc.errs, l.Errors)
			require.Equal(t, tc.blocked, l.Blocked())
			require.Equal(t, tc.free, l.Free())
		})
	}
}
