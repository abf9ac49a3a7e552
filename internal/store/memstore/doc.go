// Package memstore is an in-memory store.Store for fast unit tests of
// domain packages. It has the same transaction semantics as the SQLite
// driver, proven by the same conformance suite (store/storetest), but
// keeps nothing across restarts and serialises Updates behind one lock
// instead of committing them in groups.
package memstore
