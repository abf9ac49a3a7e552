// Package memstore is an in-memory store.Store for fast unit tests of
// domain packages. It has the same transaction semantics as the SQLite
// driver, proven by the same conformance suite (store/storetest): Updates
// are serialised and all-or-nothing, and each View reads a snapshot. It
// keeps nothing across restarts and commits Updates one by one.
package memstore
