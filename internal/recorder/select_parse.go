package recorder

import (
	"strconv"
	"strings"
	"unicode"
)

// query is a parsed SelectResourceConfig expression: the subset Salve
// answers is SELECT path[, path...] [WHERE cond [AND cond...]] where a
// cond is `path = value`, `path != value` (or <>), `path LIKE 'pattern'`
// or `path IN (value, ...)`, and a value a 'quoted string', a number, true
// or false.
type query struct {
	fields []string
	conds  []condition
}

// condition is one WHERE term.
type condition struct {
	path   string
	op     string // "=", "!=", "LIKE", "IN"
	values []any  // string, float64 or bool
}

// parser reads an expression token by token.
type parser struct {
	toks []string
	pos  int
}

// parseQuery parses an expression or answers InvalidExpressionException.
func parseQuery(expr string) (*query, error) {
	toks, err := tokenize(expr)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	q := &query{}
	if err := p.keyword("SELECT"); err != nil {
		return nil, err
	}
	if q.fields, err = p.fields(); err != nil {
		return nil, err
	}
	if p.peekKeyword("WHERE") {
		p.pos++
		if q.conds, err = p.conditions(); err != nil {
			return nil, err
		}
	}
	if !p.done() {
		return nil, badExpression("unexpected %q", p.toks[p.pos])
	}
	return q, nil
}

func badExpression(format string, args ...any) error {
	return Error(CodeInvalidExpression, "The syntax of the query is incorrect (Salve supports SELECT fields "+
		"[WHERE path = | != | LIKE | IN value [AND ...]]): "+format, args...)
}

func (p *parser) done() bool { return p.pos >= len(p.toks) }

func (p *parser) next() string {
	if p.done() {
		return ""
	}
	p.pos++
	return p.toks[p.pos-1]
}

func (p *parser) peekKeyword(k string) bool { return !p.done() && strings.EqualFold(p.toks[p.pos], k) }

func (p *parser) keyword(k string) error {
	if !p.peekKeyword(k) {
		return badExpression("expected %s", k)
	}
	p.pos++
	return nil
}

func (p *parser) fields() ([]string, error) {
	var out []string
	for {
		f, err := p.path()
		if err != nil {
			return nil, err
		}
		out = append(out, f)
		if p.done() || p.toks[p.pos] != "," {
			return out, nil
		}
		p.pos++
	}
}

// path reads a dotted member path such as configuration.state.name.
func (p *parser) path() (string, error) {
	t := p.next()
	if !isPath(t) || strings.EqualFold(t, "WHERE") || strings.EqualFold(t, "AND") {
		return "", badExpression("expected a field path, found %q", t)
	}
	return t, nil
}

func isPath(t string) bool {
	if t == "" {
		return false
	}
	for _, seg := range strings.Split(t, ".") {
		if seg == "" || !(unicode.IsLetter(rune(seg[0])) || seg[0] == '_') {
			return false
		}
	}
	return true
}

func (p *parser) conditions() ([]condition, error) {
	var out []condition
	for {
		c, err := p.condition()
		if err != nil {
			return nil, err
		}
		out = append(out, c)
		if !p.peekKeyword("AND") {
			return out, nil
		}
		p.pos++
	}
}

func (p *parser) condition() (condition, error) {
	path, err := p.path()
	if err != nil {
		return condition{}, err
	}
	c := condition{path: path, op: strings.ToUpper(p.next())}
	switch c.op {
	case "=", "!=", "LIKE":
		v, err := p.value()
		c.values = []any{v}
		return c, err
	case "<>":
		c.op = "!="
		v, err := p.value()
		c.values = []any{v}
		return c, err
	case "IN":
		c.values, err = p.list()
		return c, err
	}
	return c, badExpression("unsupported operator %q", c.op)
}

func (p *parser) list() ([]any, error) {
	if p.next() != "(" {
		return nil, badExpression("IN needs a parenthesised list")
	}
	var out []any
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		switch p.next() {
		case ",":
		case ")":
			return out, nil
		default:
			return nil, badExpression("unterminated IN list")
		}
	}
}

func (p *parser) value() (any, error) {
	t := p.next()
	switch {
	case strings.HasPrefix(t, "'"):
		return strings.ReplaceAll(t[1:len(t)-1], "''", "'"), nil
	case strings.EqualFold(t, "true"), strings.EqualFold(t, "false"):
		return strings.EqualFold(t, "true"), nil
	}
	if f, err := strconv.ParseFloat(t, 64); err == nil {
		return f, nil
	}
	return nil, badExpression("expected a value, found %q", t)
}

// tokenize splits an expression into words, quoted strings and the
// punctuation , ( ) = != <>.
func tokenize(s string) ([]string, error) {
	var out []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '\'':
			j, err := endOfString(s, i)
			if err != nil {
				return nil, err
			}
			out, i = append(out, s[i:j]), j
		case strings.HasPrefix(s[i:], "!=") || strings.HasPrefix(s[i:], "<>"):
			out, i = append(out, s[i:i+2]), i+2
		case strings.ContainsRune(",()=", rune(c)):
			out, i = append(out, s[i:i+1]), i+1
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t\n\r,()=!<>'", rune(s[j])) {
				j++
			}
			if j == i {
				return nil, badExpression("unexpected %q", string(c))
			}
			out, i = append(out, s[i:j]), j
		}
	}
	return out, nil
}

// endOfString returns the index after the quoted string starting at i
// (” inside is a quote).
func endOfString(s string, i int) (int, error) {
	for j := i + 1; j < len(s); j++ {
		if s[j] != '\'' {
			continue
		}
		if j+1 < len(s) && s[j+1] == '\'' {
			j++
			continue
		}
		return j + 1, nil
	}
	return 0, badExpression("unterminated string")
}
