package audit

import (
	"fmt"

	"github.com/salvehq/salve/internal/awserr"
)

// CloudTrail's LookupEvents error codes (the wire `__type`), all HTTP 400.
const (
	CodeInvalidLookupAttributes = "InvalidLookupAttributesException"
	CodeInvalidTimeRange        = "InvalidTimeRangeException"
	CodeInvalidMaxResults       = "InvalidMaxResultsException"
	CodeInvalidNextToken        = "InvalidNextTokenException"
	CodeInvalidEventCategory    = "InvalidEventCategoryException"
)

// Codes lists every error code above, for the test that each renders as a
// client error.
func Codes() []string {
	return []string{CodeInvalidLookupAttributes, CodeInvalidTimeRange, CodeInvalidMaxResults,
		CodeInvalidNextToken, CodeInvalidEventCategory}
}

// Error returns a LookupEvents client error (HTTP 400) with one of the
// codes above.
func Error(code, format string, args ...any) *awserr.Error {
	return &awserr.Error{Code: code, Status: 400, Message: fmt.Sprintf(format, args...)}
}
