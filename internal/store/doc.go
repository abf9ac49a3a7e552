// Package store is Salve's storage seam: an ordered key-value store with
// serialisable read-write transactions. Domain packages keep their records
// as values under (bucket, key) and never see SQL; drivers (store/sqlite,
// later store/postgres) implement the seam and prove it with the shared
// conformance suite in store/storetest.
package store
