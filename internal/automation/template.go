package automation

import (
	"strings"
)

// RefKind says what a {{ … }} reference names.
type RefKind int

// Reference kinds.
const (
	// RefParameter is {{ Name }}: a runbook parameter.
	RefParameter RefKind = iota
	// RefStepOutput is {{ Step.Output }}: a step output, or a loop step's
	// CurrentIteratorValue / CurrentIteration.
	RefStepOutput
	// RefVariable is {{ variable:Name }}: a runbook variable.
	RefVariable
	// RefGlobal is {{ global:NAME }}: ACCOUNT_ID, REGION, AWS_PARTITION,
	// DATE or DATE_TIME.
	RefGlobal
	// RefAutomation is {{ automation:NAME }}: EXECUTION_ID.
	RefAutomation
	// RefSSM is {{ ssm:/name }}: a Parameter Store parameter, allowed only
	// in parameter defaults.
	RefSSM
)

// prefixes maps the prefix of a prefixed reference to its kind.
var prefixes = map[string]RefKind{
	"variable":   RefVariable,
	"global":     RefGlobal,
	"automation": RefAutomation,
	"ssm":        RefSSM,
}

// Ref is one well-formed {{ … }} reference.
type Ref struct {
	// Kind says what the reference names.
	Kind RefKind
	// Text is the reference as written, braces included, e.g. "{{ x }}".
	Text string
	// Name is the parameter, variable, system variable or Parameter Store
	// name; for RefStepOutput, the step name.
	Name string
	// Field is the output name of a RefStepOutput (everything after the
	// first dot), "" for other kinds.
	Field string
}

// Segment is a piece of a template string: literal text, or a reference
// when Ref is set.
type Segment struct {
	// Text is the literal text, or the reference as written.
	Text string
	// Ref is the reference, nil for literal text.
	Ref *Ref
}

// Lex splits s into literal text and references. A reference is "{{",
// optional spaces, a well-formed name (see ParseRef), optional spaces and
// "}}"; anything else, including an unclosed "{{", stays literal text, so
// joining the Text of every segment gives s back. Every well-formed
// reference counts, even inside extra braces: "{{{x}}}" holds {{x}}.
func Lex(s string) []Segment {
	var out []Segment
	lit := 0
	for i := 0; i < len(s); {
		open := strings.Index(s[i:], "{{")
		if open < 0 {
			break
		}
		open += i
		end := strings.Index(s[open+2:], "}}")
		if end < 0 {
			break
		}
		end += open + 4
		r, ok := ParseRef(s[open:end])
		if !ok {
			i = open + 1
			continue
		}
		if open > lit {
			out = append(out, Segment{Text: s[lit:open]})
		}
		out = append(out, Segment{Text: r.Text, Ref: &r})
		i, lit = end, end
	}
	if lit < len(s) {
		out = append(out, Segment{Text: s[lit:]})
	}
	return out
}

// ParseRef parses text that must be exactly one reference, braces
// included, e.g. "{{ Step.Output }}". Names are letters, digits, '_' and
// '-'; a step output name may also hold dots; prefixed forms are
// variable:, global:, automation: and ssm: (whose name may hold any
// character but spaces and braces).
func ParseRef(text string) (Ref, bool) {
	inner, ok := strings.CutPrefix(text, "{{")
	if !ok {
		return Ref{}, false
	}
	if inner, ok = strings.CutSuffix(inner, "}}"); !ok {
		return Ref{}, false
	}
	inner = strings.TrimSpace(inner)
	r := Ref{Text: text}
	if prefix, name, ok := strings.Cut(inner, ":"); ok {
		kind, known := prefixes[prefix]
		r.Kind, r.Name = kind, name
		return r, known && validName(name, kind == RefSSM)
	}
	r.Name = inner
	if step, field, ok := strings.Cut(inner, "."); ok {
		r.Kind, r.Name, r.Field = RefStepOutput, step, field
		return r, validName(step, false) && validField(field)
	}
	return r, validName(inner, false)
}

// WholeRef reports whether s, apart from surrounding spaces, is exactly one
// reference, and returns it.
func WholeRef(s string) (Ref, bool) {
	return ParseRef(strings.TrimSpace(s))
}

// HasRefs reports whether s holds at least one reference.
func HasRefs(s string) bool {
	for _, seg := range Lex(s) {
		if seg.Ref != nil {
			return true
		}
	}
	return false
}

// validName reports a non-empty name of letters, digits, '_' and '-'; with
// loose, any character but spaces and braces.
func validName(s string, loose bool) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if loose && !strings.ContainsRune(" \t\r\n{}", c) {
			continue
		}
		if !isNameRune(c) {
			return false
		}
	}
	return true
}

// validField reports a step output name: dot-separated valid names.
func validField(s string) bool {
	for part := range strings.SplitSeq(s, ".") {
		if !validName(part, false) {
			return false
		}
	}
	return true
}

// isNameRune reports an ASCII letter, digit, '_' or '-'.
func isNameRune(c rune) bool {
	return c == '_' || c == '-' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}
