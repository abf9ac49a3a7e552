// Package expr evaluates the value language of SSM Automation runbooks
// (schema 0.3): it binds StartAutomationExecution parameters to a
// document's declarations (BindParameters, ResolveAssumeRole), substitutes
// {{ … }} references in step inputs (Resolve) and evaluates aws:branch
// conditions (EvalCondition, Choose). It is pure logic: no I/O, and the
// time used by {{ global:DATE }} comes from the caller (Env.Now).
//
// References are found by the parser's lexer (automation.Lex), so the
// parser and the interpreter agree on what a reference is.
//
// Substitution rules (runbooks.md §4.2):
//
//   - A string that is exactly one reference (surrounding spaces allowed)
//     becomes the referenced value with its type: Integer → int, Boolean →
//     bool, StringList → []any, StringMap → map[string]any, MapList → []any.
//   - A string with embedded references gets each one stringified: strings
//     as is, integers in decimal, booleans "true"/"false", lists and maps as
//     compact JSON (no AWS runbook embeds them; JSON is the readable,
//     reversible choice).
//   - A list element that is a whole-value reference to a list (StringList
//     or MapList) is flattened into the enclosing list.
//   - A step output that does not exist (the step has not run, or its
//     selector found nothing) is the empty string in step inputs; in a
//     branch condition it makes the comparison false, so Not of it is true
//     (AWS-AttachIAMToInstance relies on this).
//   - An undeclared parameter or variable, an unknown system variable and a
//     Parameter Store reference outside a parameter default are errors
//     (*ReferenceError) naming the reference.
//   - Map keys are never substituted; text that is not a well-formed
//     reference ("{{ not a ref }}", an unclosed "{{") is kept as written.
package expr
