package audit

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DefaultMaxResults is LookupEvents' page size when none is asked for;
// it is also the largest.
const DefaultMaxResults = 50

// LookupParams select the events of LookupEvents. The API layer has
// validated them.
type LookupParams struct {
	// AttributeKey and AttributeValue filter on one attribute (one of
	// AttributeKeys); an empty key selects every event.
	AttributeKey, AttributeValue string
	// StartTime and EndTime bound the event times (whole seconds, as
	// events show them), inclusive; zero leaves a side open.
	StartTime, EndTime time.Time
	// MaxResults is the page size, 1 to 50 (0: 50).
	MaxResults int
	NextToken  string
}

// LookupPage is one page of events, newest first.
type LookupPage struct {
	Records   []Record
	NextToken string
}

// Lookup pages through the scope's events, newest first.
func (s *Service) Lookup(ctx context.Context, scope tenant.Scope, p LookupParams) (*LookupPage, error) {
	list := store.Key("LookupEvents", p.AttributeKey, p.AttributeValue, timeParam(p.StartTime), timeParam(p.EndTime))
	after, err := decodeToken(list, p.NextToken)
	if err != nil {
		return nil, err
	}
	if p.MaxResults <= 0 {
		p.MaxResults = DefaultMaxResults
	}
	page := &LookupPage{}
	err = s.p.Store.View(ctx, func(tx store.Tx) error {
		sc := scanner{tx: tx, scope: scope, p: p}
		recs, last, err := sc.page(after)
		page.Records = recs
		if last != "" {
			page.NextToken = pagetoken.Encode(list, last)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return page, nil
}

// ByAutomationExecution returns the events of the calls an SSM Automation
// execution made, oldest first: the link from a remediation execution
// (remediation.Execution.AutomationExecutionID) to what it changed.
func (s *Service) ByAutomationExecution(ctx context.Context, scope tenant.Scope, id string) ([]Record, error) {
	var out []Record
	err := s.p.Store.View(ctx, func(tx store.Tx) error {
		sc := scanner{tx: tx, scope: scope, p: LookupParams{AttributeKey: attrAutomation, AttributeValue: id,
			MaxResults: math.MaxInt32}}
		var err error
		out, _, err = sc.page("")
		return err
	})
	slices.Reverse(out)
	return out, err
}

// decodeToken returns the key a NextToken continues after ("" for none).
func decodeToken(list, token string) (string, error) {
	if token == "" {
		return "", nil
	}
	after, err := pagetoken.Decode(list, token)
	if err != nil {
		return "", Error(CodeInvalidNextToken, "Invalid NextToken: pass the NextToken of the previous page "+
			"with the same lookup attributes and time range.")
	}
	return after, nil
}

// timeParam is a time bound in a token's list name.
func timeParam(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strconv.FormatInt(t.UnixMilli(), 10)
}

// scanChunk is how many keys a lookup reads at a time.
const scanChunk = 256

// scanner reads one page of events.
type scanner struct {
	tx    store.Tx
	scope tenant.Scope
	p     LookupParams
}

// page returns up to MaxResults events after key after (a key of the
// bucket scanned), and the key of the last one when more follow.
func (sc *scanner) page(after string) ([]Record, string, error) {
	bucket, prefix, ok := sc.source()
	if !ok {
		return nil, "", nil
	}
	if after == "" && !sc.p.EndTime.IsZero() {
		// Keys of events before the end bound sort after this one.
		after = prefix + invTime(endBound(sc.p.EndTime)) + "/~"
	}
	minNs := startBound(sc.p.StartTime)
	var out []Record
	for {
		items, err := sc.tx.Scan(store.ScanParams{Bucket: bucket, Prefix: prefix, After: after, Limit: scanChunk})
		if err != nil {
			return nil, "", err
		}
		for _, kv := range items {
			if eventNanos(strings.TrimPrefix(kv.Key, prefix)) < minNs {
				return out, "", nil
			}
			if len(out) == sc.p.MaxResults {
				return out, after, nil
			}
			r, err := sc.load(bucket, kv)
			if err != nil {
				return nil, "", err
			}
			out, after = append(out, *r), kv.Key
		}
		if len(items) < scanChunk {
			return out, "", nil
		}
		after = items[len(items)-1].Key
	}
}

// source is the bucket and key prefix the lookup scans; ok is false when
// nothing can match (ReadOnly true: only changes are recorded).
func (sc *scanner) source() (bucket, prefix string, ok bool) {
	switch key := sc.p.AttributeKey; key {
	case "":
		return sc.scope.Bucket(kindEvent), "", true
	case AttrReadOnly:
		return sc.scope.Bucket(kindEvent), "", sc.p.AttributeValue == "false"
	default:
		return sc.scope.Bucket(kindIndex), store.Key(key, sc.p.AttributeValue) + "/", true
	}
}

// load decodes the event of an item: the item itself, or the event an
// index entry points at.
func (sc *scanner) load(bucket string, kv store.Item) (*Record, error) {
	var r Record
	if bucket == sc.scope.Bucket(kindEvent) {
		return &r, store.DecodeRecord(bucket, kv.Key, kv.Value, &r)
	}
	if err := store.GetRecord(sc.tx, sc.scope.Bucket(kindEvent), string(kv.Value), &r); err != nil {
		return nil, fmt.Errorf("audit index entry %s: %w", kv.Key, err)
	}
	return &r, nil
}

// eventNanos is the event time of a sort key.
func eventNanos(sortKey string) int64 {
	inv, _, _ := strings.Cut(sortKey, "/")
	n, err := strconv.ParseInt(inv, 10, 64)
	if err != nil {
		return math.MinInt64
	}
	return math.MaxInt64 - n
}

// Event times are compared in whole seconds, as events show them: an
// event at 12:00:00.7 is "at" 12:00:00.
var (
	minTime = time.Unix(0, 0)
	maxTime = time.Unix(0, math.MaxInt64).Add(-time.Second)
)

// startBound is the first nanosecond an event may have: the start time
// rounded up to a whole second.
func startBound(t time.Time) int64 {
	if t.Before(minTime) {
		return 0
	}
	if t.After(maxTime) {
		return math.MaxInt64
	}
	up := t.Truncate(time.Second)
	if up.Before(t) {
		up = up.Add(time.Second)
	}
	return up.UnixNano()
}

// endBound is the first nanosecond past the events an end time includes:
// the end time's second, plus one.
func endBound(t time.Time) int64 {
	if t.Before(minTime) {
		return 0
	}
	if t.After(maxTime) {
		return math.MaxInt64
	}
	return t.Truncate(time.Second).Add(time.Second).UnixNano()
}
