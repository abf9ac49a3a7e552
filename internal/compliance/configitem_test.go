package compliance

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store/memstore"
)

func TestService_RecordsPatchAndAssociationComplianceAsConfigurationItems(t *testing.T) {
	t.Parallel()
	st := memstore.New()
	t.Cleanup(func() { require.NoError(t, st.Close()) })
	sink := &configitem.Collect{}
	s := New(Params{Store: st, Clock: clock.NewFake(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)), Sink: sink})
	ctx := context.Background()

	require.NoError(t, s.Put(ctx, put("i-0123456789abcdef0", "Patch", entry("KB1"),
		ItemEntry{ID: "KB2", Title: "Security update", Severity: SeverityCritical, Status: StatusNonCompliant})))
	it := sink.Last(PatchComplianceType, "i-0123456789abcdef0")
	require.NotNil(t, it)
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, "NON_COMPLIANT", it.Configuration["Status"], "one non-compliant item makes the instance non-compliant")
	require.Len(t, it.Configuration["Items"], 2)
	require.Equal(t, "AWS::EC2::Instance", it.Relationships[0].ResourceType)

	require.NoError(t, s.Put(ctx, put("i-0123456789abcdef0", "Patch", entry("KB1"))))
	it = sink.Last(PatchComplianceType, "i-0123456789abcdef0")
	require.Equal(t, configitem.StatusOK, it.Status)
	require.Equal(t, "COMPLIANT", it.Configuration["Status"])

	require.NoError(t, s.Put(ctx, put("i-0123456789abcdef0", "Association", entry("a-1"))))
	require.NotNil(t, sink.Last(AssociationComplianceType, "i-0123456789abcdef0"))

	require.NoError(t, s.Put(ctx, put("i-0123456789abcdef0", "Patch")))
	require.True(t, sink.Last(PatchComplianceType, "i-0123456789abcdef0").Deleted(), "removing every item deletes the item")

	before := len(sink.Items())
	require.NoError(t, s.Put(ctx, put("i-0123456789abcdef0", "Custom:Backup", entry("x"))))
	require.Len(t, sink.Items(), before, "custom compliance types are not Config resources")
	require.Equal(t, 4, sink.ChangedCalls())
}
