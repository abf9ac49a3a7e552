package runbooks

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/go-json-experiment/json"
	jsonv1 "github.com/go-json-experiment/json/v1"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// The wake-up index (bucket automation-wakeups) holds one entry per
// unfinished execution, keyed by (wake time, account, region, id): the
// wake time is the execution's WaitUntil as 20 zero-padded decimal
// nanoseconds since 1970, or noWake when it waits for nothing timed (it
// is queued, or waits for a signal only), which sorts after every time.
// Tick reads the index from the start and stops at the first entry not
// yet due; Recover reads all of it. The execution record keeps the key of
// its entry (WakeKey), so a save moves the entry in the same transaction.

// noWake is the wake-time part of an execution with no timed wait.
const noWake = "~"

// wakeScanPage is how many index entries one Scan reads.
const wakeScanPage = 512

// recordOptions encode records as store.PutRecord does, so a record
// encoded outside a transaction reads back with store.GetRecord.
var recordOptions = jsonv1.OmitEmptyWithLegacySemantics(true)

// wakeKey is x's key in the wake-up index; "" once x is finished.
func wakeKey(x *Execution) string {
	if x.Finished() {
		return ""
	}
	at := noWake
	if !x.WaitUntil.IsZero() {
		at = fmt.Sprintf("%020d", x.WaitUntil.UnixNano())
	}
	return store.Key(at, x.Scope.AccountID, x.Scope.Region, x.AutomationExecutionID)
}

// wakeEntry is one parsed wake-up index key.
type wakeEntry struct {
	scope tenant.Scope
	id    string
	// at is the wake time; zero for noWake.
	at time.Time
}

// parseWakeKey reads a wake-up index key.
func parseWakeKey(key string) (wakeEntry, error) {
	parts := store.SplitKey(key)
	if len(parts) != 4 {
		return wakeEntry{}, fmt.Errorf("wake-up index key %q has %d parts, want 4", key, len(parts))
	}
	e := wakeEntry{scope: tenant.Scope{AccountID: parts[1], Region: parts[2]}, id: parts[3]}
	if parts[0] == noWake {
		return e, nil
	}
	ns, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil {
		return wakeEntry{}, fmt.Errorf("wake-up index key %q: bad time: %w", key, err)
	}
	e.at = time.Unix(0, ns).UTC()
	return e, nil
}

// due reports whether e's timed wait has ended at now.
func (e wakeEntry) due(now time.Time) bool { return !e.at.IsZero() && !now.Before(e.at) }

// write is a save of one execution, encoded before the transaction so
// the store's single writer only does the puts.
type write struct {
	bucket, id string
	record     []byte
	// oldWake and newWake are the index keys before and after ("" for
	// none).
	oldWake, newWake string
}

// encodeExecution moves x's wake-up entry key and encodes x.
func encodeExecution(x *Execution) (*write, error) {
	w := &write{bucket: x.Scope.Bucket(kindExecution), id: x.AutomationExecutionID, oldWake: x.WakeKey,
		newWake: wakeKey(x)}
	x.WakeKey = w.newWake
	b, err := json.Marshal(x, recordOptions)
	if err != nil {
		x.WakeKey = w.oldWake
		return nil, fmt.Errorf("encode automation execution %s: %w", x.AutomationExecutionID, err)
	}
	w.record = b
	return w, nil
}

// apply writes the record and moves its index entry.
func (w *write) apply(tx store.Tx) error {
	if err := tx.Put(w.bucket, w.id, w.record); err != nil {
		return err
	}
	if w.oldWake == w.newWake {
		return nil
	}
	if w.oldWake != "" {
		if _, err := tx.Delete(bucketWake, w.oldWake); err != nil {
			return err
		}
	}
	if w.newWake == "" {
		return nil
	}
	return tx.Put(bucketWake, w.newWake, []byte(w.id))
}

// putExecution saves x inside a caller's transaction.
func putExecution(tx store.Tx, x *Execution) error {
	w, err := encodeExecution(x)
	if err != nil {
		return err
	}
	return w.apply(tx)
}

// save saves x in a transaction of its own. When the transaction fails,
// x keeps the index key that is stored.
func (s *Service) save(ctx context.Context, x *Execution) error {
	w, err := encodeExecution(x)
	if err != nil {
		return err
	}
	if err := s.p.Store.Update(ctx, w.apply); err != nil {
		x.WakeKey = w.oldWake
		return err
	}
	return nil
}

// wakeups lists the wake-up index from its start while keep accepts the
// entries, a page at a time; keep sees every entry in time order.
func (s *Service) wakeups(ctx context.Context, keep func(wakeEntry) bool) ([]wakeEntry, error) {
	var out []wakeEntry
	after := ""
	for {
		var items []store.Item
		err := s.p.Store.View(ctx, func(tx store.Tx) error {
			var err error
			items, err = tx.Scan(store.ScanParams{Bucket: bucketWake, After: after, Limit: wakeScanPage})
			return err
		})
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			e, err := parseWakeKey(it.Key)
			if err != nil {
				return nil, err
			}
			if !keep(e) {
				return out, nil
			}
			out = append(out, e)
		}
		if len(items) < wakeScanPage {
			return out, nil
		}
		after = items[len(items)-1].Key
	}
}
