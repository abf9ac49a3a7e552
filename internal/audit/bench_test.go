package audit_test

import (
	"context"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/audit"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// BenchmarkObserve measures what the audit trail adds to a mutating call
// on the default store (SQLite, synchronous=FULL): resolving its resource,
// reading the recorder's history and writing the event with its index
// entries in one transaction.
func BenchmarkObserve(b *testing.B) {
	st, err := sqlite.Open(context.Background(), sqlite.OpenParams{Path: filepath.Join(b.TempDir(), "salve.db")})
	require.NoError(b, err)
	b.Cleanup(func() { require.NoError(b, st.Close()) })
	clk := clock.NewFake(start)
	f := &fixture{st: st, clock: clk, rec: recorder.New(recorder.Params{Store: st, Clock: clk})}
	f.audit = audit.New(audit.Params{Store: st, Clock: clk, Recorder: f.rec})
	f.recordSG(b, "sg-1", 1)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		f.audit.Observe(context.Background(), query("ec2", "AuthorizeSecurityGroupIngress", url.Values{"GroupId": {"sg-1"}}))
	}
}
