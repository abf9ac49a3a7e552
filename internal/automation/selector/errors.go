package selector

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// ErrNoValue is returned by Convert when the selection holds no value (it
// matched nothing, or matched JSON null): the step leaves that output unset
// rather than failing.
var ErrNoValue = errors.New("selector matched no value")

// CompileError describes a malformed selector: where parsing stopped and what
// was expected there.
type CompileError struct {
	// Selector is the expression as written.
	Selector string
	// Offset is the 0-based byte offset where the problem was found.
	Offset int
	// Msg says what was expected, e.g. "expected ']'".
	Msg string
}

// Error renders the problem with a 1-based column and what was found there.
func (e *CompileError) Error() string {
	found := "end of selector"
	if e.Offset < len(e.Selector) {
		r, _ := utf8.DecodeRuneInString(e.Selector[e.Offset:])
		found = fmt.Sprintf("%q", r)
	}
	return fmt.Sprintf("selector %q: column %d: %s, found %s", e.Selector, e.Offset+1, e.Msg, found)
}
