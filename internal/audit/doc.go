// Package audit is Salve's audit trail: every mutating AWS call any Salve
// service answers is recorded as a CloudTrail event (who, what, when, from
// where, with which result, and — for sandbox resources — the resource's
// configuration before and after the call), and read back through
// CloudTrail's LookupEvents.
//
// The wire server reports each answered operation to Service.Observe (an
// awsproto.CallObserver). Observe keeps the mutating ones (see ReadOnly:
// reads are not recorded), names S3's REST requests, decodes the request
// parameters, resolves the resources the request names and, from the
// Config recorder's history, the configuration items the call recorded.
//
// Salve decision — durability: Observe writes the event in one store
// transaction on the request's goroutine, as the wire server finishes the
// request; net/http sends a small answer (under its 2 KiB buffer, which
// covers mutating calls' answers) only after that, so every change a
// client was told about is in the trail. A crash between the call's own
// commit and the event's loses that one event. It costs one more
// group-committed write per mutating call; reads cost nothing. CloudTrail
// itself delivers events within minutes; Salve's are visible at once.
//
// Records live in per-account-per-region buckets (see tenant.Scope), keyed
// so that a forward scan is newest first (inverted time, then inverted
// sequence for events of the same instant):
//
//	audit-event  (^time, ^seq)                   → Record
//	audit-index  (attribute, value, ^time, ^seq) → the audit-event key
//	audit-seq    "seq"                           → the scope's last sequence
//
// The index holds one entry per lookup attribute of an event (EventId,
// EventName, EventSource, Username, AccessKeyId, ResourceType,
// ResourceName) and one per AutomationExecutionId, for
// ByAutomationExecution. Nothing expires (CloudTrail keeps 90 days).
package audit
