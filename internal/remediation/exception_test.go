package remediation

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/store"
)

func TestService_ActiveException(t *testing.T) {
	t.Parallel()
	s, fake, st := newTestService(t)
	ctx := context.Background()
	require.NoError(t, st.Update(ctx, func(tx store.Tx) error {
		require.NoError(t, PutException(tx, testScope, &Exception{ConfigRuleName: "r", ResourceType: "AWS::S3::Bucket",
			ResourceID: "expiring", ExpirationTime: testStart.Add(time.Hour)}))
		return PutException(tx, testScope, &Exception{ConfigRuleName: "r", ResourceType: "AWS::S3::Bucket", ResourceID: "forever"})
	}))
	active := func(id string) bool {
		var ok bool
		require.NoError(t, st.View(ctx, func(tx store.Tx) (err error) {
			_, ok, err = s.ActiveException(tx, testScope, "r", "AWS::S3::Bucket", id)
			return err
		}))
		return ok
	}
	require.True(t, active("expiring"))
	require.True(t, active("forever"))
	require.False(t, active("absent"))

	fake.Advance(time.Hour)
	require.False(t, active("expiring"), "an exception is over at its ExpirationTime")
	require.True(t, active("forever"))
}

func TestActiveExceptions_SkipsExpiredAcrossScans(t *testing.T) {
	t.Parallel()
	_, _, st := newTestService(t)
	ctx := context.Background()
	require.NoError(t, st.Update(ctx, func(tx store.Tx) error {
		for i := range 10 {
			e := &Exception{ConfigRuleName: "r", ResourceType: "AWS::S3::Bucket", ResourceID: fmt.Sprintf("b%02d", i)}
			if i%3 != 0 { // b00, b03, b06 and b09 stay active
				e.ExpirationTime = testStart
			}
			require.NoError(t, PutException(tx, testScope, e))
		}
		return PutException(tx, testScope, &Exception{ConfigRuleName: "other", ResourceType: "AWS::S3::Bucket", ResourceID: "x"})
	}))
	var got []keyed[Exception]
	require.NoError(t, st.View(ctx, func(tx store.Tx) (err error) {
		got, err = activeExceptions(tx, testScope, "r", "", 3, testStart)
		return err
	}))
	require.Len(t, got, 3)
	require.Equal(t, []string{"b00", "b03", "b06"}, []string{got[0].value.ResourceID, got[1].value.ResourceID, got[2].value.ResourceID})

	require.NoError(t, st.View(ctx, func(tx store.Tx) (err error) {
		got, err = activeExceptions(tx, testScope, "r", got[2].key, 3, testStart)
		return err
	}))
	require.Len(t, got, 1, "the scan stops at the end of the rule's keys")
	require.Equal(t, "b09", got[0].value.ResourceID)
}
