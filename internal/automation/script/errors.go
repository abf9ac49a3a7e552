package script

// Kind classifies a failed run.
type Kind int

// Kinds of failed runs.
const (
	// KindUnsupported: the step asks for something Salve cannot run
	// (PowerShell, attachments, an unknown runtime).
	KindUnsupported Kind = iota + 1
	// KindUnavailable: the host cannot run scripts (no interpreter).
	KindUnavailable
	// KindException: the script or its handler raised an exception.
	KindException
	// KindTimeout: the run was stopped at its time limit.
	KindTimeout
	// KindCrash: the interpreter ended without a result (killed, exited,
	// crashed) or wrote something that is not a result.
	KindCrash
	// KindTooLarge: the result is larger than the payload cap.
	KindTooLarge
)

// Error is a failed run.
type Error struct {
	Kind Kind
	// Type is the Python exception's class name (KindException), or
	// for function runs the Lambda error type of a runtime failure
	// ("Runtime.ImportModuleError", "Runtime.ExitError", …).
	Type string
	// Message is the exception's message, or what went wrong.
	Message string
	// Traceback is Python's traceback of the exception, the bootstrap's
	// frames left out (KindException).
	Traceback string
	// Stack is the exception's frames as Lambda's stackTrace lists them
	// (function runs).
	Stack []string
}

// Error returns the message, the traceback when there is one.
func (e *Error) Error() string {
	if e.Traceback != "" {
		return e.Traceback
	}
	return e.Message
}
