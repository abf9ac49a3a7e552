package selector

// Selector is a compiled JSONPath expression. It is immutable and safe for
// concurrent use.
type Selector struct {
	expr     string
	segments []segment
}

// Compile parses expr. A malformed expression gives a *CompileError naming
// the column and what was expected there.
func Compile(expr string) (*Selector, error) {
	p := &parser{src: expr}
	segs, err := p.parseSelector()
	if err != nil {
		return nil, err
	}
	return &Selector{expr: expr, segments: segs}, nil
}

// MustCompile is Compile for expressions known to be valid; it panics on a
// malformed one.
func MustCompile(expr string) *Selector {
	s, err := Compile(expr)
	if err != nil {
		panic(err)
	}
	return s
}

// String returns the expression as written.
func (s *Selector) String() string { return s.expr }

// Definite reports whether the selector selects at most one value: every
// segment is a single member name or a single index. An indefinite selector
// (wildcard, deep scan, slice, union or filter) selects a list.
func (s *Selector) Definite() bool {
	for _, seg := range s.segments {
		if !seg.definite() {
			return false
		}
	}
	return true
}

// Select applies the selector to doc, a decoded JSON value. It returns the
// selected values in document order and whether anything matched; a definite
// selector that matches returns exactly one value. Select never fails: a path
// that does not exist in doc is simply not found.
func (s *Selector) Select(doc any) (values []any, found bool) {
	nodes := []any{doc}
	for _, seg := range s.segments {
		nodes = seg.apply(nodes, doc)
		if len(nodes) == 0 {
			return nil, false
		}
	}
	return nodes, true
}
