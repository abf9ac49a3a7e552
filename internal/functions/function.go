package functions

import (
	"maps"
	"slices"
	"time"

	"github.com/salvehq/salve/internal/tenant"
)

// Version is the only version Salve keeps of a function: Lambda's
// unpublished, always-current one.
const Version = "$LATEST"

// Function is a stored function: its configuration and where its code is.
type Function struct {
	Name        string            `json:"name"`
	ARN         string            `json:"arn"`
	Runtime     string            `json:"runtime"`
	Role        string            `json:"role"`
	Handler     string            `json:"handler"`
	Description string            `json:"description,omitempty"`
	Timeout     int               `json:"timeout"`
	MemorySize  int               `json:"memorySize"`
	Environment map[string]string `json:"environment,omitempty"`
	Tags        map[string]string `json:"tags,omitempty"`
	// Architectures is ["x86_64"] or ["arm64"] (stored; the code runs on
	// the host whatever it says).
	Architectures []string `json:"architectures"`
	// EphemeralStorage is /tmp's size in MB (stored only).
	EphemeralStorage int `json:"ephemeralStorage"`
	// CodeSize is the .zip's size in bytes (for a directory, its files').
	CodeSize int64 `json:"codeSize"`
	// CodeSha256 is the base64 SHA-256 of the .zip (for a directory, of
	// its path: its content changes without an update).
	CodeSha256 string `json:"codeSha256"`
	// CodeDir is the local directory the code is read from at each
	// invocation; "" when the .zip is stored.
	CodeDir      string    `json:"codeDir,omitempty"`
	LastModified time.Time `json:"lastModified"`
	// RevisionID changes with every update (UpdateFunction*'s RevisionId
	// precondition).
	RevisionID string `json:"revisionId"`
}

// clone returns a deep copy of f.
func (f *Function) clone() *Function {
	c := *f
	c.Environment = maps.Clone(f.Environment)
	c.Tags = maps.Clone(f.Tags)
	c.Architectures = slices.Clone(f.Architectures)
	return &c
}

// LogGroup is the function's CloudWatch Logs group name.
func (f *Function) LogGroup() string { return "/aws/lambda/" + f.Name }

// FunctionARN returns the ARN of function name in scope.
func FunctionARN(scope tenant.Scope, name string) string {
	return scope.ARN("lambda", "function:"+name)
}
