package script

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	// pythonRuntime matches the Python runtimes: python3.x, any minor
	// version, all run on the Runner's interpreter.
	pythonRuntime = regexp.MustCompile(`^python3\.\d+$`)
	// identifier is a Python function name.
	identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

// check refuses runs Salve cannot perform.
func check(rp RunParams) error {
	rt := strings.TrimSpace(rp.Runtime)
	switch {
	case strings.HasPrefix(strings.ToLower(rt), "powershell"):
		return unsupported("Runtime %s is not supported by Salve: only Python 3 scripts can run.", rt)
	case !pythonRuntime.MatchString(rt):
		return unsupported("Runtime %q is not a runtime aws:executeScript supports: use python3.11.", rt)
	case strings.TrimSpace(rp.Handler) == "":
		return unsupported("Input Handler is required: name the Python function to call.")
	case strings.Contains(rp.Handler, "."):
		return unsupported("Handler %s names a function in an attachment, and Salve does not store attachments: "+
			"put the code in Script and name the function alone.", rp.Handler)
	case !identifier.MatchString(rp.Handler):
		return unsupported("Handler %q is not a Python function name.", rp.Handler)
	case strings.TrimSpace(rp.Script) == "":
		return unsupported("Input Script is required: Salve runs the handler's code given inline in Script.")
	}
	return nil
}

// unsupported returns a KindUnsupported error.
func unsupported(format string, args ...any) *Error {
	return &Error{Kind: KindUnsupported, Message: fmt.Sprintf(format, args...)}
}
