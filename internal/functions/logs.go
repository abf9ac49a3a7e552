package functions

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/automation/script"
)

// tailBytes is how much of the log LogType Tail returns.
const tailBytes = script.TailBytes

// failure is a failed run of a function.
type failure struct {
	err *script.Error
	id  string
	// python says the function ran on a Python runtime.
	python bool
	// at is when the run ended.
	at time.Time
}

// errorDocument is the payload of a failed invocation, as Lambda writes it.
type errorDocument struct {
	ErrorMessage string    `json:"errorMessage"`
	ErrorType    string    `json:"errorType"`
	RequestID    *string   `json:"requestId,omitempty"`
	StackTrace   *[]string `json:"stackTrace,omitempty"`
}

// document is the failure's payload: an exception's type, message and
// stack (for Python with the request id, empty for a runtime fault raised
// while importing the module), or the runtime's error with the request id
// in the message (timeout, exit).
func (f *failure) document() []byte {
	doc := errorDocument{ErrorMessage: f.err.Message, ErrorType: f.err.Type}
	switch f.err.Kind {
	case script.KindException:
		stack := f.err.Stack
		if stack == nil {
			stack = []string{}
		}
		if f.python {
			id := f.id
			if strings.HasPrefix(f.err.Type, "Runtime.") {
				id = ""
			}
			doc.RequestID = &id
			doc.StackTrace = &stack
		} else if len(stack) > 0 {
			doc.StackTrace = &stack
		}
	case script.KindTimeout, script.KindCrash:
		doc.ErrorMessage = "RequestId: " + f.id + " Error: " + f.err.Message
	}
	b, _ := json.Marshal(doc) // strings only: cannot fail
	return b
}

// logLines are what the runtime logs about the failure.
func (f *failure) logLines() string {
	switch f.err.Kind {
	case script.KindException:
		var b strings.Builder
		b.WriteString("[ERROR] " + f.err.Type + ": " + f.err.Message + "\n")
		if len(f.err.Stack) > 0 || f.python {
			b.WriteString("Traceback (most recent call last):\n")
		}
		for _, frame := range f.err.Stack {
			b.WriteString(frame)
			if !strings.HasSuffix(frame, "\n") {
				b.WriteByte('\n')
			}
		}
		return b.String()
	case script.KindTimeout:
		return f.at.UTC().Format("2006-01-02T15:04:05.000Z") + " " + f.id + " " + f.err.Message + "\n"
	case script.KindCrash:
		return "RequestId: " + f.id + " Error: " + f.err.Message + "\n" + f.err.Type + "\n"
	}
	return "[ERROR] " + f.err.Type + ": " + f.err.Message + "\n"
}

// reportStatus is the REPORT line's status of the failure.
func (f *failure) reportStatus() string {
	switch f.err.Kind {
	case script.KindTimeout:
		return "\tStatus: timeout"
	case script.KindCrash:
		return "\tStatus: error\tError Type: " + f.err.Type
	}
	return ""
}

// invocationLog is the invocation's log, as Lambda writes it to
// CloudWatch Logs, and its last 4 KB.
func invocationLog(f *Function, id string, res script.FunctionResult, fail *failure) (log, tail string) {
	head := "START RequestId: " + id + " Version: " + Version + "\n"
	var end strings.Builder
	if fail != nil {
		end.WriteString(fail.logLines())
	}
	end.WriteString("END RequestId: " + id + "\n")
	ms := float64(res.Duration.Microseconds()) / 1000
	fmt.Fprintf(&end, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\t"+
		"Max Memory Used: %d MB", id, ms, int(math.Ceil(ms)), f.MemorySize, res.MaxMemoryMB)
	if fail != nil {
		end.WriteString(fail.reportStatus())
	}
	end.WriteString("\t\n")
	log = head + withNewline(res.Log) + end.String()
	if res.LogTruncated {
		return log, lastBytes(withNewline(res.LogTail)+end.String(), tailBytes)
	}
	return log, lastBytes(log, tailBytes)
}

// withNewline ends non-empty s with a newline.
func withNewline(s string) string {
	if s == "" || strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

// lastBytes is the end of s, at most n bytes, cut on a rune boundary.
func lastBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[len(s)-n:], "")
}
