package audit

import (
	"strings"

	"github.com/salvehq/salve/internal/awserr"
)

// ReadPrefixes are the operation-name prefixes of read-only operations.
// The audit trail records every other operation, whatever its result:
// LookupEvents is about changes, so Salve leaves reads out (CloudTrail's
// event history has both).
var ReadPrefixes = []string{
	"BatchGet", "Describe", "Get", "Head", "List", "Lookup", "Query", "Scan", "Search", "Select",
	"Simulate", "Test",
}

// ReadOperations are read-only operations whose names do not start with
// one of ReadPrefixes: STS's credential calls change nothing.
var ReadOperations = []string{"AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "DecodeAuthorizationMessage"}

// ReadOnly reports whether an operation only reads.
func ReadOnly(operation string) bool {
	for _, p := range ReadPrefixes {
		if strings.HasPrefix(operation, p) {
			return true
		}
	}
	for _, op := range ReadOperations {
		if operation == op {
			return true
		}
	}
	return false
}

// notAnOperation reports an error answered before any operation ran: the
// request named none Salve serves, so there is no call to record.
func notAnOperation(code string) bool {
	return code == awserr.InvalidAction || code == awserr.UnknownOperationException
}

// eventSource is the CloudTrail event source of a signing name.
func eventSource(service string) string {
	return service + ".amazonaws.com"
}
