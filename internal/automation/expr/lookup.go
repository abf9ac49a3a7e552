package expr

import (
	"fmt"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/automation"
)

// Lookup answers references. Value returns the referenced value; found is
// false, with a nil error, for a step output that does not exist (the step
// has not run, or produced no such output). Every other unanswerable
// reference is an error, usually a *ReferenceError.
type Lookup interface {
	Value(r automation.Ref) (v any, found bool, err error)
}

// LookupFunc adapts a function to Lookup.
type LookupFunc func(r automation.Ref) (any, bool, error)

// Value implements Lookup.
func (f LookupFunc) Value(r automation.Ref) (any, bool, error) { return f(r) }

// ReferenceError is a reference that cannot be resolved.
type ReferenceError struct {
	// Ref is the reference as written, e.g. "{{ Foo }}".
	Ref string
	// Reason says why, e.g. `parameter "Foo" is not declared by the runbook`.
	Reason string
}

// Error implements error.
func (e *ReferenceError) Error() string { return e.Ref + ": " + e.Reason }

// refError returns a *ReferenceError about r.
func refError(r automation.Ref, format string, args ...any) error {
	return &ReferenceError{Ref: r.Text, Reason: fmt.Sprintf(format, args...)}
}

// Iteration is the state of a running aws:loop step.
type Iteration struct {
	// Value is CurrentIteratorValue: the current item of a for-each loop
	// (nil in a do-while loop).
	Value any
	// Index is CurrentIteration, as counted by the interpreter.
	Index int
}

// Env is the Lookup of one running automation: bound parameters,
// variables, the outputs of the steps run so far, the active loops and the
// system variables.
type Env struct {
	// Parameters are the bound parameters (see BindParameters).
	Parameters map[string]any
	// Variables are the current runbook variables.
	Variables map[string]any
	// Outputs maps a step name to the outputs it produced.
	Outputs map[string]map[string]any
	// Loops maps the name of a running aws:loop step to its iteration.
	Loops map[string]Iteration
	// AccountID, Region and ExecutionID answer global:ACCOUNT_ID,
	// global:REGION and automation:EXECUTION_ID.
	AccountID, Region, ExecutionID string
	// Partition answers global:AWS_PARTITION; empty means PartitionOf(Region).
	Partition string
	// Now is the time of the substitution, for global:DATE and DATE_TIME
	// (rendered in UTC).
	Now time.Time
}

// Date formats of global:DATE (yyyy-MM-dd) and global:DATE_TIME
// (yyyy-MM-dd_HH.mm.ss).
const (
	DateLayout     = "2006-01-02"
	DateTimeLayout = "2006-01-02_15.04.05"
)

// Value implements Lookup.
func (e *Env) Value(r automation.Ref) (any, bool, error) {
	switch r.Kind {
	case automation.RefParameter:
		return declared(e.Parameters, r, "parameter")
	case automation.RefVariable:
		return declared(e.Variables, r, "variable")
	case automation.RefStepOutput:
		return e.output(r)
	case automation.RefGlobal:
		return e.global(r)
	case automation.RefAutomation:
		if r.Name == "EXECUTION_ID" {
			return e.ExecutionID, true, nil
		}
		return nil, false, refError(r, "automation:%s is not a system variable; the only one is automation:EXECUTION_ID", r.Name)
	}
	return nil, false, refError(r, "Parameter Store references are only allowed in parameter defaults")
}

// declared looks name up in values, which must hold it.
func declared(values map[string]any, r automation.Ref, what string) (any, bool, error) {
	v, ok := values[r.Name]
	if !ok {
		return nil, false, refError(r, "%s %q is not declared by the runbook", what, r.Name)
	}
	return v, true, nil
}

// output answers a step output or a loop step's iterator values.
func (e *Env) output(r automation.Ref) (any, bool, error) {
	if it, ok := e.Loops[r.Name]; ok {
		switch r.Field {
		case "CurrentIteratorValue":
			return it.Value, true, nil
		case "CurrentIteration":
			return it.Index, true, nil
		}
	}
	v, ok := e.Outputs[r.Name][r.Field]
	return v, ok, nil
}

// global answers the global: system variables.
func (e *Env) global(r automation.Ref) (any, bool, error) {
	switch r.Name {
	case "ACCOUNT_ID":
		return e.AccountID, true, nil
	case "REGION":
		return e.Region, true, nil
	case "AWS_PARTITION":
		if e.Partition != "" {
			return e.Partition, true, nil
		}
		return PartitionOf(e.Region), true, nil
	case "DATE":
		return e.Now.UTC().Format(DateLayout), true, nil
	case "DATE_TIME":
		return e.Now.UTC().Format(DateTimeLayout), true, nil
	}
	return nil, false, refError(r, "global:%s is not a system variable; use ACCOUNT_ID, REGION, AWS_PARTITION, DATE or DATE_TIME", r.Name)
}

// PartitionOf returns the AWS partition of region: aws-cn, aws-us-gov or
// aws.
func PartitionOf(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	}
	return "aws"
}
