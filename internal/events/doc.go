// Package events is Salve's EventBridge-compatible event bus: event buses,
// rules with event patterns, targets, and the events that reach them —
// those sent with PutEvents and the AWS events Salve itself emits (Config
// compliance and configuration item changes, remediation and SSM
// Automation status changes; builders in events/awsevents).
//
// An event that matches an enabled rule becomes one durable delivery per
// target, queued in the same store transaction that accepted the event, so
// a crash never loses a matched delivery. Lambda and SNS deliveries are
// worked by Run/Tick (at least once, retried with exponential backoff
// within the target's RetryPolicy, then kept as dead letters); HTTP
// deliveries (a Salve extension: a target ARN that is an http(s) URL) are
// handed to the HTTP delivery worker inside the same transaction.
//
// Pattern matching is internal/events/pattern. The package holds no HTTP:
// internal/api/events decodes the AWS JSON 1.1 protocol and calls it.
package events
