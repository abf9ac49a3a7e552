package compliance

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/memstore"
	"github.com/salvehq/salve/internal/tenant"
)

var testScope = tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}

func newTestService(t *testing.T) *Service {
	t.Helper()
	st := memstore.New()
	t.Cleanup(func() { require.NoError(t, st.Close()) })
	return New(Params{Store: st, Clock: clock.NewFake(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))})
}

func put(resourceID, complianceType string, entries ...ItemEntry) PutParams {
	return PutParams{Scope: testScope, ResourceID: resourceID, ResourceType: ResourceTypeManagedInstance,
		ComplianceType: complianceType, Items: entries,
		Execution: ExecutionSummary{Time: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), ID: "e1"}}
}

func entry(id string) ItemEntry {
	return ItemEntry{ID: id, Severity: SeverityLow, Status: StatusCompliant}
}

func TestMergeItems(t *testing.T) {
	t.Parallel()
	old := []storedItem{{Key: "i:a", Title: "old a"}, {Key: "i:c", Title: "old c"}, {Key: "n:00000", Title: "anon"}}
	incoming := []storedItem{{Key: "i:b", Title: "new b"}, {Key: "i:c", Title: "new c"}}

	got := mergeItems(old, incoming)

	require.Equal(t, []storedItem{{Key: "i:a", Title: "old a"}, {Key: "i:b", Title: "new b"},
		{Key: "i:c", Title: "new c"}, {Key: "n:00000", Title: "anon"}}, got)
}

func TestService_CustomTypesSkipsFromTypeToType(t *testing.T) {
	t.Parallel()
	s := newTestService(t)
	ctx := context.Background()
	for i := range 3 {
		for _, typ := range []string{"Custom:A", "Custom:A-b", "Custom:B", "Patch"} {
			require.NoError(t, s.Put(ctx, put(fmt.Sprintf("i-%08x", i), typ, entry("x"))))
		}
	}
	var got []string
	require.NoError(t, s.store.View(ctx, func(tx store.Tx) error {
		var err error
		got, err = customTypes(tx, bucketsOf(testScope).summaries, 10)
		return err
	}))
	require.ElementsMatch(t, []string{"Custom:A", "Custom:A-b", "Custom:B"}, got)
}

func TestService_PutFailureWritesNothing(t *testing.T) {
	t.Parallel()
	s := newTestService(t)
	ctx := context.Background()
	require.NoError(t, s.Put(ctx, put("i-00000001", TypeAssociation, entry("keep"))))
	big := make([]ItemEntry, MaxItems)
	for i := range big {
		big[i] = entry(fmt.Sprintf("n%05d", i))
	}
	p := put("i-00000001", TypeAssociation, big...)
	p.UploadType = UploadPartial

	err := s.Put(ctx, p)

	require.True(t, awserr.Is(err, awserr.TotalSizeLimitExceededException), "%v", err)
	res, err := s.ListItems(ctx, ListItemsParams{ListParams: ListParams{Scope: testScope}})
	require.NoError(t, err)
	require.Len(t, res.Items, 1)
	require.Equal(t, "keep", res.Items[0].ID)
}

func TestService_ListItemsResumesAcrossRecords(t *testing.T) {
	t.Parallel()
	s := newTestService(t)
	ctx := context.Background()
	require.NoError(t, s.Put(ctx, put("i-00000001", "Custom:A", entry("a1"), entry("a2"), entry("a3"))))
	require.NoError(t, s.Put(ctx, put("i-00000001", "Custom:B", entry("b1"))))
	require.NoError(t, s.Put(ctx, put("i-00000002", "Custom:A", entry("c1"), entry("c2"))))

	var ids []string
	tok := ""
	for range 10 {
		res, err := s.ListItems(ctx, ListItemsParams{ListParams: ListParams{Scope: testScope, MaxResults: 2, NextToken: tok}})
		require.NoError(t, err)
		for _, it := range res.Items {
			ids = append(ids, it.ResourceID+"/"+it.ComplianceType+"/"+it.ID)
		}
		if tok = res.NextToken; tok == "" {
			break
		}
		if len(ids) == 2 {
			// The record a token points into may vanish between pages.
			require.NoError(t, s.Put(ctx, put("i-00000001", "Custom:A")))
		}
	}
	require.Equal(t, []string{"i-00000001/Custom:A/a1", "i-00000001/Custom:A/a2",
		"i-00000001/Custom:B/b1", "i-00000002/Custom:A/c1", "i-00000002/Custom:A/c2"}, ids)
}

func TestService_ListTypeSummariesPages(t *testing.T) {
	t.Parallel()
	s := newTestService(t)
	ctx := context.Background()
	for _, typ := range []string{"Association", "Custom:A", "Custom:B", "Patch"} {
		require.NoError(t, s.Put(ctx, put("i-00000001", typ, entry("x"))))
		require.NoError(t, s.Put(ctx, put("i-00000002", typ, ItemEntry{ID: "y", Severity: SeverityHigh, Status: StatusNonCompliant})))
	}
	var got []TypeSummary
	tok := ""
	pages := 0
	for {
		res, err := s.ListTypeSummaries(ctx, ListParams{Scope: testScope, MaxResults: 3, NextToken: tok})
		require.NoError(t, err)
		pages++
		got = append(got, res.Summaries...)
		if tok = res.NextToken; tok == "" {
			break
		}
	}
	require.Equal(t, 2, pages)
	require.Len(t, got, 4)
	for _, ts := range got {
		require.Equal(t, SeverityCounts{Low: 1}, ts.Compliant, ts.ComplianceType)
		require.Equal(t, SeverityCounts{High: 1}, ts.NonCompliant, ts.ComplianceType)
	}
}
