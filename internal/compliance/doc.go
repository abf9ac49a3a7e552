// Package compliance holds SSM compliance items (PutComplianceItems) and
// the summaries computed from them (ListComplianceItems,
// ListComplianceSummaries, ListResourceComplianceSummaries).
//
// Storage: one record per (resource, compliance type) holds that pair's
// items, and one small summary record per pair holds its counts, status,
// execution summary and content hash, so that summaries are listed without
// reading items. Both are written in the same transaction.
package compliance
