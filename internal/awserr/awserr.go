// Package awserr holds the typed errors that reach clients as AWS errors:
// an error name (the wire `__type`), a message a person can act on, and the
// HTTP status. Domain and API packages return them; the wire layer renders
// them in one place (awsproto).
package awserr

import (
	"errors"
	"fmt"
)

// Error is an AWS-visible failure.
type Error struct {
	// Code is the AWS error name, e.g. "NoSuchConfigRuleException".
	Code string
	// Message is the human-readable text sent as `message`.
	Message string
	// Status is the HTTP status; 0 means the code's registered status.
	Status int
}

// Error implements error.
func (e *Error) Error() string { return e.Code + ": " + e.Message }

// HTTPStatus returns the status to send for e.
func (e *Error) HTTPStatus() int {
	if e.Status != 0 {
		return e.Status
	}
	return StatusOf(e.Code)
}

// New returns an Error with the given code and formatted message.
func New(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// As returns the *Error inside err, if any.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Is reports whether err carries the AWS error code.
func Is(err error, code string) bool {
	e, ok := As(err)
	return ok && e.Code == code
}

// StatusOf returns the registered HTTP status of code; unregistered codes
// are client errors (400).
func StatusOf(code string) int {
	if s, ok := statuses[code]; ok {
		return s
	}
	return 400
}

// Codes lists every registered error code.
func Codes() []string {
	out := make([]string, 0, len(statuses))
	for c := range statuses {
		out = append(out, c)
	}
	return out
}
