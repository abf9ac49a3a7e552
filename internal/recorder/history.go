package recorder

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// HistoryParams select the items of GetResourceConfigHistory.
type HistoryParams struct {
	ResourceType string
	ResourceID   string
	// LaterTime and EarlierTime bound the capture times, inclusive; zero
	// leaves a side unbounded.
	LaterTime   time.Time
	EarlierTime time.Time
	// Forward lists oldest first; the default is newest first.
	Forward bool
	// Limit is the page size, 1 to 100.
	Limit     int
	NextToken string
}

// HistoryPage is one page of a resource's items.
type HistoryPage struct {
	Items     []RecordedItem
	NextToken string
}

// ConfigHistory pages through the items of a resource, deleted or not.
func (s *Service) ConfigHistory(ctx context.Context, scope tenant.Scope, p HistoryParams) (*HistoryPage, error) {
	if !p.LaterTime.IsZero() && p.EarlierTime.After(p.LaterTime) {
		return nil, Error(CodeInvalidTimeRange, "The earlier time is not chronologically before the later time.")
	}
	list := store.Key("GetResourceConfigHistory", p.ResourceType, p.ResourceID, strconv.FormatBool(p.Forward))
	start, err := decodeStateToken(list, p.NextToken)
	if err != nil {
		return nil, err
	}
	page := &HistoryPage{}
	err = s.store.View(ctx, func(tx store.Tx) error {
		cur, err := getItem(tx, scope, p.ResourceType, p.ResourceID)
		if err != nil {
			return err
		}
		if cur == nil {
			return Error(CodeResourceNotDiscovered,
				"Resource %s of resourceType:%s is unknown or has not been discovered", p.ResourceID, p.ResourceType)
		}
		h := historyReader{tx: tx, scope: scope, p: p, last: cur.StateID}
		if p.Forward {
			page.Items, err = h.forward(start)
		} else {
			page.Items, err = h.reverse(start)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(page.Items) > p.Limit {
		page.NextToken = pagetoken.Encode(list, strconv.FormatInt(page.Items[p.Limit].StateID, 10))
		page.Items = page.Items[:p.Limit]
	}
	return page, nil
}

// decodeStateToken returns the state id a history token continues at (0
// for no token).
func decodeStateToken(list, token string) (int64, error) {
	if token == "" {
		return 0, nil
	}
	s, err := pagetoken.Decode(list, token)
	if err == nil {
		if id, perr := strconv.ParseInt(s, 10, 64); perr == nil && id > 0 {
			return id, nil
		}
	}
	return 0, awserr.New(awserr.InvalidNextTokenException,
		"The nextToken provided is invalid: pass the nextToken of the previous page of the same request, unchanged.")
}

// historyReader reads one page (plus one item, to know whether another
// page follows) of a resource's dense history 1..last.
type historyReader struct {
	tx    store.Tx
	scope tenant.Scope
	p     HistoryParams
	last  int64
}

// reverse reads newest first from state id start (0: the newest item not
// later than LaterTime).
func (h *historyReader) reverse(start int64) ([]RecordedItem, error) {
	if start == 0 {
		var err error
		if start, err = h.lastNotAfter(h.p.LaterTime); err != nil || start == 0 {
			return nil, err
		}
	}
	bucket := h.scope.Bucket(kindHistory)
	items, err := h.tx.Scan(store.ScanParams{Bucket: bucket, Prefix: prefixOf(h.p.ResourceType, h.p.ResourceID),
		After: historyKey(h.p.ResourceType, h.p.ResourceID, start+1), Limit: h.p.Limit + 1})
	if err != nil {
		return nil, err
	}
	recs, err := decodeItems(bucket, items)
	if err != nil {
		return nil, err
	}
	for i, r := range recs {
		if r.Item.CaptureTime.Before(h.p.EarlierTime) {
			return recs[:i], nil
		}
	}
	return recs, nil
}

// forward reads oldest first from state id start (0: the oldest item not
// earlier than EarlierTime).
func (h *historyReader) forward(start int64) ([]RecordedItem, error) {
	if start == 0 {
		var err error
		if start, err = h.firstNotBefore(h.p.EarlierTime); err != nil || start == 0 {
			return nil, err
		}
	}
	var out []RecordedItem
	for id := start; id <= h.last && len(out) <= h.p.Limit; id++ {
		r, err := h.get(id)
		if err != nil {
			return nil, err
		}
		if !h.p.LaterTime.IsZero() && r.Item.CaptureTime.After(h.p.LaterTime) {
			break
		}
		out = append(out, *r)
	}
	return out, nil
}

// lastNotAfter returns the newest state id captured at or before t (all
// for a zero t), 0 if none. Capture times never decrease along a history,
// so it binary-searches.
func (h *historyReader) lastNotAfter(t time.Time) (int64, error) {
	if t.IsZero() {
		return h.last, nil
	}
	n, err := h.search(func(r *RecordedItem) bool { return r.Item.CaptureTime.After(t) })
	return int64(n), err
}

// firstNotBefore returns the oldest state id captured at or after t, 0 if
// none.
func (h *historyReader) firstNotBefore(t time.Time) (int64, error) {
	n, err := h.search(func(r *RecordedItem) bool { return !r.Item.CaptureTime.Before(t) })
	if err != nil || int64(n) == h.last {
		return 0, err
	}
	return int64(n) + 1, nil
}

// search returns how many items, from the oldest, fail pred (pred must be
// false then true along the history).
func (h *historyReader) search(pred func(*RecordedItem) bool) (int, error) {
	var err error
	n := sort.Search(int(h.last), func(i int) bool {
		if err != nil {
			return true
		}
		var r *RecordedItem
		r, err = h.get(int64(i) + 1)
		return err == nil && pred(r)
	})
	return n, err
}

func (h *historyReader) get(id int64) (*RecordedItem, error) {
	r, err := getHistoryItem(h.tx, h.scope, h.p.ResourceType, h.p.ResourceID, id)
	if err == nil && r == nil {
		err = fmt.Errorf("history of %s %s has no state %d", h.p.ResourceType, h.p.ResourceID, id)
	}
	return r, err
}
