package runbooks

import (
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// A runbook snapshot is the content of a document version as an execution
// started with it, stored once per (account, region, document, version,
// content hash) in the scope's automation-runbooks bucket; executions
// name theirs by RunbookHash. Snapshots are never deleted: a document
// version's content does not change, so there is one per version run,
// however many executions ran it.

// DefaultRunbookCache bounds the parsed runbooks a Service keeps.
const DefaultRunbookCache = 256

// snapshot is a stored runbook.
type snapshot struct {
	Content string `json:"Content"`
	Format  string `json:"Format"`
}

// contentHash identifies a runbook's content and format.
func contentHash(content, format string) string {
	h := sha256.New()
	h.Write([]byte(format))
	h.Write([]byte{0})
	h.Write([]byte(content))
	return hex.EncodeToString(h.Sum(nil))
}

// snapshotKey is where a runbook snapshot lives in its scope's bucket.
func snapshotKey(name, version, hash string) string { return store.Key(name, version, hash) }

// putSnapshot stores the snapshot of d unless it is already stored.
func putSnapshot(tx store.Tx, scope tenant.Scope, d *documents.Document, hash string) error {
	bucket, key := scope.Bucket(kindRunbook), snapshotKey(d.Name, d.DocumentVersion, hash)
	_, err := tx.Get(bucket, key)
	if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	return store.PutRecord(tx, bucket, key, snapshot{Content: d.Content, Format: d.Format})
}

// runbookCache keeps parsed runbooks by content hash, least recently
// used first out. A parsed Document is shared by every execution of the
// same content: the engine and the actions never change it.
type runbookCache struct {
	mu    sync.Mutex
	max   int
	order *list.List // of *cached, most recent first
	byKey map[string]*list.Element
}

// cached is one parsed runbook.
type cached struct {
	hash string
	doc  *automation.Document
}

// newRunbookCache returns a cache of at most max runbooks.
func newRunbookCache(max int) *runbookCache {
	return &runbookCache{max: max, order: list.New(), byKey: map[string]*list.Element{}}
}

// get returns the parsed runbook of hash, if cached.
func (c *runbookCache) get(hash string) (*automation.Document, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[hash]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cached).doc, true
}

// put caches doc under hash, evicting the least recently used runbook
// beyond the bound.
func (c *runbookCache) put(hash string, doc *automation.Document) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[hash]; ok {
		c.order.MoveToFront(el)
		return
	}
	c.byKey[hash] = c.order.PushFront(&cached{hash: hash, doc: doc})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byKey, last.Value.(*cached).hash)
	}
}

// parse returns the parsed runbook of content, from the cache when it is
// there.
func (c *runbookCache) parse(hash, content, format string) (*automation.Document, error) {
	if doc, ok := c.get(hash); ok {
		return doc, nil
	}
	doc, err := automation.Parse([]byte(content), format)
	if err != nil {
		return nil, err
	}
	c.put(hash, doc)
	return doc, nil
}

// runbook returns the parsed runbook x runs, reading its snapshot in tx
// when it is not cached.
func (s *Service) runbook(tx store.Tx, x *Execution) (*automation.Document, error) {
	if doc, ok := s.runbooks.get(x.RunbookHash); ok {
		return doc, nil
	}
	var snap snapshot
	key := snapshotKey(x.DocumentName, x.DocumentVersion, x.RunbookHash)
	if err := store.GetRecord(tx, x.Scope.Bucket(kindRunbook), key, &snap); err != nil {
		return nil, fmt.Errorf("runbook snapshot of execution %s: %w", x.AutomationExecutionID, err)
	}
	doc, err := s.runbooks.parse(x.RunbookHash, snap.Content, snap.Format)
	if err != nil {
		return nil, fmt.Errorf("parse runbook of execution %s: %w", x.AutomationExecutionID, err)
	}
	return doc, nil
}
