// Package pattern compiles and matches EventBridge event patterns.
//
// A pattern is a JSON object with the nesting of the events it selects; every
// leaf is an array of allowed values (OR within a field, AND across fields).
// Compile validates a pattern the way EventBridge does — with EventBridge's
// InvalidEventPatternException wording, a Jackson-style "[Source: …; line: L,
// column: C]" location, and its operators: exact values, prefix, suffix,
// equals-ignore-case, wildcard, anything-but (values, prefix, suffix,
// equals-ignore-case, wildcard), numeric ranges, cidr, exists, and $or.
//
// Matching walks the decoded event once per pattern without allocating, so a
// caller decodes an event once (DecodeEvent) and runs MatchValue for every
// rule. Arrays in events match when any element matches, and fields of one
// pattern object must come from the same element of an array of objects
// (EventBridge's array-consistent matching). The package is pure: no store,
// no clock, no HTTP.
package pattern
