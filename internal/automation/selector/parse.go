package selector

import (
	"fmt"
	"strconv"
	"strings"
)

// maxDepth bounds the nesting of parentheses, negations and filters, so a
// hostile expression cannot exhaust the stack.
const maxDepth = 32

// parser is a recursive-descent parser over the selector text.
type parser struct {
	src   string
	pos   int
	depth int
}

// parseSelector parses a whole expression: "$" or a bare member name, then
// segments, then the end.
func (p *parser) parseSelector() ([]segment, error) {
	p.skipSpace()
	var segs []segment
	switch c := p.peek(); {
	case c == '$':
		p.pos++
	case c == '.' || c == '[':
		// A relative path such as ".a" or "[0]": $ is implied.
	default:
		// AWS accepts "a.b" for "$.a.b".
		name, err := p.name()
		if err != nil {
			return nil, p.errorf("expected '$' or a member name")
		}
		segs = append(segs, segment{items: []item{nameItem{name}}})
	}
	more, err := p.segments()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if !p.eof() {
		return nil, p.errorf("expected '.', '..' or '['")
	}
	return append(segs, more...), nil
}

// segments parses ".name", "..name", ".*", "[...]" and "..[...]" until
// something else comes.
func (p *parser) segments() ([]segment, error) {
	var segs []segment
	for {
		var seg segment
		var err error
		switch p.peek() {
		case '.':
			seg, err = p.dotSegment()
		case '[':
			seg.items, err = p.bracket()
		default:
			return segs, nil
		}
		if err != nil {
			return nil, err
		}
		segs = append(segs, seg)
	}
}

// dotSegment parses a segment that starts with '.' or "..".
func (p *parser) dotSegment() (segment, error) {
	p.pos++
	var seg segment
	if p.peek() == '.' {
		p.pos++
		seg.deep = true
		if p.peek() == '[' {
			items, err := p.bracket()
			seg.items = items
			return seg, err
		}
	}
	if p.peek() == '*' {
		p.pos++
		seg.items = []item{wildcardItem{}}
		return seg, nil
	}
	name, err := p.name()
	seg.items = []item{nameItem{name}}
	return seg, err
}

// name parses an unquoted member name: everything up to a character with a
// meaning in the syntax. Names may hold '-', ':' and '/' (HTTP header keys).
func (p *parser) name() (string, error) {
	start := p.pos
	for !p.eof() && !strings.ContainsRune(nameStops, rune(p.src[p.pos])) {
		p.pos++
	}
	if p.pos == start {
		return "", p.errorf("expected a member name or '*'")
	}
	return p.src[start:p.pos], nil
}

// nameStops are the characters that end an unquoted member name.
const nameStops = ".[]()'\",?@*=!<>&| \t\r\n"

// bracket parses "[item, item, ...]".
func (p *parser) bracket() ([]item, error) {
	p.pos++
	var items []item
	for {
		p.skipSpace()
		it, err := p.bracketItem()
		if err != nil {
			return nil, err
		}
		items = append(items, it)
		p.skipSpace()
		switch p.peek() {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return items, nil
		default:
			return nil, p.errorf("expected ',' or ']'")
		}
	}
}

// bracketItem parses one selector inside brackets.
func (p *parser) bracketItem() (item, error) {
	switch c := p.peek(); {
	case c == '*':
		p.pos++
		return wildcardItem{}, nil
	case c == '\'' || c == '"':
		s, err := p.stringLit()
		return nameItem{s}, err
	case c == '?':
		p.pos++
		t, err := p.filter()
		return filterItem{t}, err
	case c == '-' || c == ':' || isDigit(c):
		return p.indexOrSlice()
	}
	return nil, p.errorf("expected an index, '*', a quoted name, a slice or a filter")
}

// indexOrSlice parses "n", "start:end" or "start:end:step" (parts optional).
func (p *parser) indexOrSlice() (item, error) {
	var parts [3]*int
	n := 0
	for {
		p.skipSpace()
		if c := p.peek(); c == '-' || isDigit(c) {
			v, err := p.integer()
			if err != nil {
				return nil, err
			}
			parts[n] = &v
		}
		p.skipSpace()
		if p.peek() != ':' || n == 2 {
			break
		}
		p.pos++
		n++
	}
	if n == 0 {
		if parts[0] == nil {
			return nil, p.errorf("expected an index")
		}
		return indexItem{*parts[0]}, nil
	}
	step := 1
	if parts[2] != nil {
		step = *parts[2]
	}
	return sliceItem{start: parts[0], end: parts[1], step: step}, nil
}

// integer parses an optionally negative decimal integer.
func (p *parser) integer() (int, error) {
	start := p.pos
	if p.peek() == '-' {
		p.pos++
	}
	digits := p.pos
	for isDigit(p.peek()) {
		p.pos++
	}
	if p.pos == digits {
		return 0, p.errorf("expected a digit")
	}
	v, err := strconv.Atoi(p.src[start:p.pos])
	if err != nil {
		p.pos = start
		return 0, p.errorf("expected an integer that fits in 64 bits")
	}
	return v, nil
}

// stringLit parses a single- or double-quoted string with JSON escapes.
func (p *parser) stringLit() (string, error) {
	start := p.pos
	quote := p.src[p.pos]
	p.pos++
	var b strings.Builder
	for !p.eof() {
		c := p.src[p.pos]
		switch {
		case c == quote:
			p.pos++
			return b.String(), nil
		case c == '\\':
			if err := p.escape(&b); err != nil {
				return "", err
			}
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
	p.pos = start
	return "", p.errorf("expected a closing %c for this string", quote)
}

// escape decodes one backslash escape into b.
func (p *parser) escape(b *strings.Builder) error {
	p.pos++
	c := p.peek()
	if r, ok := simpleEscapes[c]; ok {
		b.WriteByte(r)
		p.pos++
		return nil
	}
	if c == 'u' && p.pos+5 <= len(p.src) {
		if v, err := strconv.ParseUint(p.src[p.pos+1:p.pos+5], 16, 32); err == nil {
			b.WriteRune(rune(v))
			p.pos += 5
			return nil
		}
	}
	return p.errorf(`expected an escape: \n \t \r \b \f \/ \\ \' \" or \uXXXX`)
}

// simpleEscapes maps the character after a backslash to what it stands for.
var simpleEscapes = map[byte]byte{'n': '\n', 't': '\t', 'r': '\r', 'b': '\b', 'f': '\f', '/': '/', '\\': '\\', '\'': '\'', '"': '"'}

// skipSpace skips blanks, which are allowed inside brackets and filters.
func (p *parser) skipSpace() {
	for !p.eof() && strings.IndexByte(" \t\r\n", p.src[p.pos]) >= 0 {
		p.pos++
	}
}

// peek returns the current byte, or 0 at the end.
func (p *parser) peek() byte {
	if p.eof() {
		return 0
	}
	return p.src[p.pos]
}

// eof reports whether the whole input has been read.
func (p *parser) eof() bool { return p.pos >= len(p.src) }

// errorf returns a CompileError at the current position.
func (p *parser) errorf(format string, args ...any) error {
	return &CompileError{Selector: p.src, Offset: p.pos, Msg: fmt.Sprintf(format, args...)}
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
