package script

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/salvehq/salve/internal/automation"
)

// TailBytes is how much of the end of a run's output is always kept
// (Lambda's LogType Tail returns the last 4 KB of the log).
const TailBytes = 4096

// capped keeps the first max bytes written to it and counts the rest; it
// also keeps the last TailBytes.
type capped struct {
	max     int
	buf     bytes.Buffer
	dropped int
	tail    []byte
}

// Write implements io.Writer; it never fails, so the child never blocks.
func (c *capped) Write(p []byte) (int, error) {
	c.keepTail(p)
	room := c.max - c.buf.Len()
	if room >= len(p) {
		c.buf.Write(p)
		return len(p), nil
	}
	if room > 0 {
		c.buf.Write(p[:room])
	}
	c.dropped += len(p) - max(room, 0)
	return len(p), nil
}

// keepTail appends p to the kept end of the output.
func (c *capped) keepTail(p []byte) {
	if len(p) >= TailBytes {
		c.tail = append(c.tail[:0], p[len(p)-TailBytes:]...)
		return
	}
	c.tail = append(c.tail, p...)
	if extra := len(c.tail) - TailBytes; extra > 0 {
		c.tail = append(c.tail[:0], c.tail[extra:]...)
	}
}

// Tail returns the last TailBytes of the output, as valid UTF-8.
func (c *capped) Tail() string {
	return strings.ToValidUTF8(string(c.tail), "")
}

// String returns the kept output as valid UTF-8, noting what was dropped.
func (c *capped) String() string {
	s := strings.ToValidUTF8(c.buf.String(), "\uFFFD")
	if c.dropped > 0 {
		s += fmt.Sprintf("\n[Salve: %d more bytes of output were dropped]", c.dropped)
	}
	return s
}

// outcome is what the bootstrap writes to descriptor 3.
type outcome struct {
	OK      bool            `json:"ok"`
	Payload json.RawMessage `json:"payload"`
	Error   *struct {
		Type      string   `json:"type"`
		Message   string   `json:"message"`
		Traceback string   `json:"traceback"`
		Stack     []string `json:"stack"`
	} `json:"error"`
}

// decode turns the bootstrap's result into the payload or an *Error.
// waitErr is how the interpreter ended, log what it printed.
func (r *Runner) decode(out []byte, waitErr error, log string) (any, error) {
	if len(bytes.TrimSpace(out)) == 0 {
		return nil, crashed(waitErr, log)
	}
	var o outcome
	if err := json.Unmarshal(out, &o); err != nil || (!o.OK && o.Error == nil) {
		return nil, &Error{Kind: KindCrash, Message: "Python wrote a result Salve cannot read; the script may have written to file descriptor 3."}
	}
	if !o.OK {
		return nil, &Error{Kind: KindException, Type: o.Error.Type, Message: o.Error.Message, Traceback: o.Error.Traceback}
	}
	if len(o.Payload) > r.p.MaxPayload {
		return nil, r.tooLarge()
	}
	return payload(o.Payload)
}

// crashed describes an interpreter that ended without a result, with the
// end of what it printed (a crash's own traceback lands there).
func crashed(waitErr error, log string) *Error {
	how := "exited"
	if waitErr != nil {
		how = "ended (" + waitErr.Error() + ")"
	}
	msg := fmt.Sprintf("Python %s without returning a result.", how)
	if tail := lastChars(strings.TrimSpace(log), 2000); tail != "" {
		msg += " Its output ends with: " + tail
	}
	return &Error{Kind: KindCrash, Message: msg}
}

// tooLarge is the error of a result over the payload cap.
func (r *Runner) tooLarge() *Error {
	return &Error{Kind: KindTooLarge, Message: fmt.Sprintf(
		"The handler returned more than %d KB of JSON, the most aws:executeScript accepts as Payload: "+
			"return less, or write the data somewhere (S3, Parameter Store) and return its location.", r.p.MaxPayload/1024)}
}

// lastChars returns the end of s, at most n bytes, cut on a rune boundary.
func lastChars(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	return "…" + strings.ToValidUTF8(s, "")
}

// payload decodes the handler's return value, integral numbers as int
// (the type runbook Integer values have).
func payload(raw json.RawMessage) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, &Error{Kind: KindCrash, Message: fmt.Sprintf("The handler's return value is not valid JSON: %v", err)}
	}
	if list, ok := v.([]any); ok && len(list) > MaxListItems {
		v = list[:MaxListItems]
	}
	return automation.IntegralNumbers(v), nil
}
