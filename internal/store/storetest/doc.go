// Package storetest is the conformance suite every store.Store driver
// must pass: Get, Put, Delete and Scan semantics, transaction atomicity
// (also for a failing Update committed in the same group as succeeding
// ones), panics, context cancellation, Close, snapshot consistency and
// concurrency. A driver's tests call Run with a function that opens a
// fresh store.
package storetest
