package pattern

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"

	"github.com/salvehq/salve/internal/awserr"
)

// CodeInvalidEventPattern is the AWS error code of every Compile failure.
const CodeInvalidEventPattern = "InvalidEventPatternException"

// MaxPatternLength is EventBridge's default quota on the size of an event
// pattern, in characters (UTF-16 code units, as AWS counts them).
const MaxPatternLength = 2048

// invalidPrefix starts every InvalidEventPatternException message.
const invalidPrefix = "Event pattern is not valid. Reason: "

// ErrInvalidEvent is returned (wrapped) by Match and DecodeEvent when the
// event is not a single JSON object.
var ErrInvalidEvent = errors.New("event is not a valid JSON object")

// Pattern is a compiled event pattern. It is immutable and safe for
// concurrent use.
type Pattern struct {
	root *object
	src  string
}

// Compile parses and validates an EventBridge event pattern (JSON text).
// Errors are *awserr.Error with Code "InvalidEventPatternException" and
// EventBridge's message: the reason and, for problems found while parsing,
// where ("... at [Source: (String)"…"; line: 1, column: 30]").
func Compile(patternJSON string) (*Pattern, error) {
	if n := utf16Len(patternJSON); n > MaxPatternLength {
		return nil, invalid(fmt.Sprintf("Event pattern size %d exceeds the maximum of %d characters", n, MaxPatternLength))
	}
	c := compiler{lx: newLexer(patternJSON)}
	root, err := c.root()
	if err != nil {
		return nil, err
	}
	return &Pattern{root: root, src: patternJSON}, nil
}

// String returns the pattern's JSON text as given to Compile.
func (p *Pattern) String() string { return p.src }

// Match reports whether the event (JSON text of the whole event envelope:
// version, id, detail-type, source, account, time, region, resources,
// detail) matches. An event that is not a JSON object is ErrInvalidEvent.
func (p *Pattern) Match(event []byte) (bool, error) {
	m, err := DecodeEvent(event)
	if err != nil {
		return false, err
	}
	return p.MatchValue(m), nil
}

// MatchValue is Match over an already-decoded event: a map from
// encoding/json, with numbers as json.Number (UseNumber) or float64. It does
// not allocate, so decode an event once and match it against every rule.
func (p *Pattern) MatchValue(event map[string]any) bool {
	return p.root.match(event)
}

// DecodeEvent decodes an event for MatchValue (numbers as json.Number).
func DecodeEvent(event []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(event))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidEvent, err)
	}
	if m == nil {
		return nil, fmt.Errorf("%w: null", ErrInvalidEvent)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: data after the object", ErrInvalidEvent)
	}
	return m, nil
}

// invalid returns an InvalidEventPatternException for reason.
func invalid(reason string) *awserr.Error {
	return &awserr.Error{Code: CodeInvalidEventPattern, Status: 400, Message: invalidPrefix + reason}
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
