package recorder_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/recorder"
)

// at returns the capture time of the i-th item (1-based) recorded by
// TestService_ConfigHistory.
func at(i int) time.Time { return start.Add(time.Duration(i-1) * time.Minute) }

// historyIDs pages through a history with p and returns the state ids.
func historyIDs(t *testing.T, b *bundle, p recorder.HistoryParams) ([]int64, int) {
	t.Helper()
	var ids []int64
	pages := 0
	for {
		page, err := b.svc.ConfigHistory(context.Background(), acct, p)
		require.NoError(t, err)
		pages++
		for _, it := range page.Items {
			ids = append(ids, it.StateID)
		}
		if page.NextToken == "" {
			return ids, pages
		}
		p.NextToken = page.NextToken
	}
}

func TestService_ConfigHistory(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for i := 1; i <= 5; i++ {
		b.clock.Set(at(i))
		b.record(t, acct, bucket("b", fmt.Sprint("v", i)))
	}
	half := 30 * time.Second
	tests := []struct {
		name           string
		later, earlier time.Time
		forward        bool
		limit          int
		want           []int64
		pages          int
	}{
		{"ReversePaged", time.Time{}, time.Time{}, false, 2, []int64{5, 4, 3, 2, 1}, 3},
		{"ForwardPaged", time.Time{}, time.Time{}, true, 2, []int64{1, 2, 3, 4, 5}, 3},
		{"ExactPageHasNoToken", time.Time{}, time.Time{}, false, 5, []int64{5, 4, 3, 2, 1}, 1},
		{"LaterOnACapture", at(3), time.Time{}, false, 10, []int64{3, 2, 1}, 1},
		{"LaterBetweenCaptures", at(3).Add(half), time.Time{}, false, 10, []int64{3, 2, 1}, 1},
		{"LaterBeforeAll", at(1).Add(-half), time.Time{}, false, 10, nil, 1},
		{"EarlierOnACapture", time.Time{}, at(2), false, 10, []int64{5, 4, 3, 2}, 1},
		{"EarlierBetweenCaptures", time.Time{}, at(2).Add(half), false, 2, []int64{5, 4, 3}, 2},
		{"ForwardFromEarlier", time.Time{}, at(4), true, 10, []int64{4, 5}, 1},
		{"ForwardUntilLater", at(2), time.Time{}, true, 1, []int64{1, 2}, 2},
		{"ForwardWindow", at(4), at(2), true, 10, []int64{2, 3, 4}, 1},
		{"ReverseWindow", at(4).Add(half), at(2).Add(-half), false, 10, []int64{4, 3, 2}, 1},
		{"EarlierAfterAll", time.Time{}, at(5).Add(half), true, 10, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ids, pages := historyIDs(t, b, recorder.HistoryParams{ResourceType: "AWS::S3::Bucket", ResourceID: "b",
				LaterTime: tt.later, EarlierTime: tt.earlier, Forward: tt.forward, Limit: tt.limit})
			require.Equal(t, tt.want, ids)
			require.Equal(t, tt.pages, pages)
		})
	}
}

func TestService_ConfigHistory_Errors(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	b.record(t, acct, bucket("b", "Off"))
	b.clock.Advance(time.Minute)
	b.record(t, acct, bucket("b", "Enabled"))
	p := recorder.HistoryParams{ResourceType: "AWS::S3::Bucket", ResourceID: "b", Limit: 1}
	page, err := b.svc.ConfigHistory(ctx, acct, p)
	require.NoError(t, err)
	require.NotEmpty(t, page.NextToken)

	forward := p
	forward.Forward, forward.NextToken = true, page.NextToken
	tests := []struct {
		name string
		p    recorder.HistoryParams
		code string
	}{
		{"Unknown", recorder.HistoryParams{ResourceType: "AWS::S3::Bucket", ResourceID: "nope", Limit: 10}, recorder.CodeResourceNotDiscovered},
		{"OtherScope", p, recorder.CodeResourceNotDiscovered},
		{"BackwardsRange", recorder.HistoryParams{ResourceType: "AWS::S3::Bucket", ResourceID: "b", Limit: 10,
			LaterTime: start, EarlierTime: start.Add(time.Second)}, recorder.CodeInvalidTimeRange},
		{"GarbageToken", recorder.HistoryParams{ResourceType: "AWS::S3::Bucket", ResourceID: "b", Limit: 10, NextToken: "garbage"},
			awserr.InvalidNextTokenException},
		{"TokenOfTheOtherOrder", forward, awserr.InvalidNextTokenException},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			scope := acct
			if tt.name == "OtherScope" {
				scope = other
			}
			_, err := b.svc.ConfigHistory(ctx, scope, tt.p)
			require.True(t, awserr.Is(err, tt.code), "got %v", err)
		})
	}
}
