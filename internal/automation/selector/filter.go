package selector

import (
	"strconv"
	"strings"
)

// test is a compiled filter expression, evaluated against the current node
// (@) and the document root ($).
type test interface {
	eval(cur, root any) bool
}

// orTest holds when either side holds.
type orTest struct{ l, r test }

func (t orTest) eval(cur, root any) bool { return t.l.eval(cur, root) || t.r.eval(cur, root) }

// andTest holds when both sides hold.
type andTest struct{ l, r test }

func (t andTest) eval(cur, root any) bool { return t.l.eval(cur, root) && t.r.eval(cur, root) }

// notTest negates its operand.
type notTest struct{ t test }

func (t notTest) eval(cur, root any) bool { return !t.t.eval(cur, root) }

// existsTest holds when the path selects something (even null).
type existsTest struct{ path pathOperand }

func (t existsTest) eval(cur, root any) bool {
	_, found := t.path.selectFrom(cur, root)
	return found
}

// compareTest compares two operands with op (RFC 9535 2.3.5.2.2).
type compareTest struct {
	op   string
	l, r operand
}

func (t compareTest) eval(cur, root any) bool {
	a, aok := t.l.value(cur, root)
	b, bok := t.r.value(cur, root)
	switch t.op {
	case "==":
		return equalOrBothMissing(a, aok, b, bok)
	case "!=":
		return !equalOrBothMissing(a, aok, b, bok)
	case "<":
		return aok && bok && less(a, b)
	case "<=":
		return aok && bok && (less(a, b) || jsonEqual(a, b))
	case ">":
		return aok && bok && less(b, a)
	default: // ">="
		return aok && bok && (less(b, a) || jsonEqual(a, b))
	}
}

// operand is one side of a comparison: a literal or a definite path.
type operand interface {
	value(cur, root any) (any, bool)
}

// literal is a constant operand.
type literal struct{ v any }

func (l literal) value(_, _ any) (any, bool) { return l.v, true }

// pathOperand is "@..." (relative to the current node) or "$...".
type pathOperand struct {
	relative bool
	segments []segment
}

// selectFrom applies the path from the current node or the root.
func (o pathOperand) selectFrom(cur, root any) ([]any, bool) {
	start := root
	if o.relative {
		start = cur
	}
	s := Selector{segments: o.segments}
	return s.Select(start)
}

func (o pathOperand) value(cur, root any) (any, bool) {
	vals, found := o.selectFrom(cur, root)
	if !found {
		return nil, false
	}
	return vals[0], true
}

// filter parses the expression after "[?" (RFC style, or Jayway's "?(...)").
func (p *parser) filter() (test, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	return p.orExpr()
}

// orExpr parses and-expressions joined by "||".
func (p *parser) orExpr() (test, error) {
	l, err := p.andExpr()
	for err == nil && p.match("||") {
		var r test
		r, err = p.andExpr()
		l = orTest{l, r}
	}
	return l, err
}

// andExpr parses negations joined by "&&".
func (p *parser) andExpr() (test, error) {
	l, err := p.notExpr()
	for err == nil && p.match("&&") {
		var r test
		r, err = p.notExpr()
		l = andTest{l, r}
	}
	return l, err
}

// notExpr parses "!" expr, "(" expr ")" or a comparison.
func (p *parser) notExpr() (test, error) {
	p.skipSpace()
	switch p.peek() {
	case '!':
		if strings.HasPrefix(p.src[p.pos:], "!=") {
			break
		}
		return p.nested(p.notExpr, func(t test) test { return notTest{t} })
	case '(':
		return p.nested(p.orExpr, func(t test) test { return t }, ')')
	}
	return p.comparison()
}

// nested consumes the opening '!' or '(', parses a sub-expression one level
// deeper, then the closing bytes.
func (p *parser) nested(parse func() (test, error), wrap func(test) test, closing ...byte) (test, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	p.pos++
	t, err := parse()
	if err != nil {
		return nil, err
	}
	for _, c := range closing {
		p.skipSpace()
		if p.peek() != c {
			return nil, p.errorf("expected '%c'", c)
		}
		p.pos++
	}
	return wrap(t), nil
}

// comparison parses "operand op operand", or a path alone as an existence
// test.
func (p *parser) comparison() (test, error) {
	start := p.pos
	l, err := p.operand()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	op, err := p.compareOp()
	if err != nil {
		return nil, err
	}
	if op == "" {
		path, isPath := l.(pathOperand)
		if !isPath {
			return nil, p.errorf("expected a comparison operator after a literal")
		}
		return existsTest{path}, nil
	}
	if err := p.checkDefinite(l, start); err != nil {
		return nil, err
	}
	p.skipSpace()
	start = p.pos
	r, err := p.operand()
	if err != nil {
		return nil, err
	}
	return compareTest{op: op, l: l, r: r}, p.checkDefinite(r, start)
}

// checkDefinite rejects a compared path that could select several values.
func (p *parser) checkDefinite(o operand, start int) error {
	path, ok := o.(pathOperand)
	if !ok || (&Selector{segments: path.segments}).Definite() {
		return nil
	}
	return &CompileError{Selector: p.src, Offset: start, Msg: "expected a definite path (members and indexes only) in a comparison"}
}

// compareOp parses a comparison operator, or returns "" when none follows.
func (p *parser) compareOp() (string, error) {
	for _, op := range []string{"==", "!=", "<=", ">=", "<", ">"} {
		if strings.HasPrefix(p.src[p.pos:], op) {
			p.pos += len(op)
			return op, nil
		}
	}
	if p.peek() == '=' {
		return "", p.errorf("expected '==' (a single '=' is not a comparison)")
	}
	return "", nil
}

// operand parses @path, $path, a string, a number, true, false or null.
func (p *parser) operand() (operand, error) {
	p.skipSpace()
	switch c := p.peek(); {
	case c == '@' || c == '$':
		p.pos++
		segs, err := p.segments()
		return pathOperand{relative: c == '@', segments: segs}, err
	case c == '\'' || c == '"':
		s, err := p.stringLit()
		return literal{s}, err
	case c == '-' || isDigit(c):
		return p.number()
	}
	for word, v := range map[string]any{"true": true, "false": false, "null": nil} {
		if p.word(word) {
			return literal{v}, nil
		}
	}
	return nil, p.errorf("expected '@', '$', a string, a number, true, false or null")
}

// number parses a JSON number literal.
func (p *parser) number() (operand, error) {
	start := p.pos
	for !p.eof() && strings.IndexByte("+-.eE0123456789", p.src[p.pos]) >= 0 {
		p.pos++
	}
	f, err := strconv.ParseFloat(p.src[start:p.pos], 64)
	if err != nil {
		p.pos = start
		return nil, p.errorf("expected a number")
	}
	return literal{f}, nil
}

// word consumes keyword w when it is not the start of a longer name.
func (p *parser) word(w string) bool {
	rest := p.src[p.pos:]
	if !strings.HasPrefix(rest, w) {
		return false
	}
	if len(rest) > len(w) && !strings.ContainsRune(nameStops, rune(rest[len(w)])) {
		return false
	}
	p.pos += len(w)
	return true
}

// match consumes token tok after optional blanks.
func (p *parser) match(tok string) bool {
	p.skipSpace()
	if strings.HasPrefix(p.src[p.pos:], tok) {
		p.pos += len(tok)
		return true
	}
	return false
}

// enter records one more level of nesting, refusing past maxDepth.
func (p *parser) enter() error {
	if p.depth >= maxDepth {
		return p.errorf("expected at most %d levels of nesting", maxDepth)
	}
	p.depth++
	return nil
}

// leave undoes enter.
func (p *parser) leave() { p.depth-- }
