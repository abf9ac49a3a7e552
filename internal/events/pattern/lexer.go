package pattern

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// tokenKind is what the lexer read last, in the terms of Jackson's streaming
// parser (which EventBridge uses), so the compiler can follow the same steps
// and fail at the same places.
type tokenKind uint8

const (
	tokEnd tokenKind = iota // end of input after the root value
	tokObjectStart
	tokObjectEnd
	tokArrayStart
	tokArrayEnd
	tokFieldName
	tokString
	tokNumber
	tokTrue
	tokFalse
	tokNull
)

// expectValue is Jackson's list of what may start a JSON value.
const expectValue = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"

// container is one open object or array.
type container struct {
	object  bool
	entries int
}

// lexer is a streaming JSON tokenizer over the pattern text that tracks line
// and column for error messages.
type lexer struct {
	src       string
	pos       int
	line      int
	lineStart int
	stack     []container
	afterName bool
	rootRead  bool

	kind  tokenKind
	text  string // string value, field name or number text
	start int    // byte offset where the current token starts
}

func newLexer(src string) *lexer {
	return &lexer{src: src, line: 1, stack: make([]container, 0, 8)}
}

// next reads the next token.
func (l *lexer) next() (tokenKind, error) {
	if l.afterName {
		l.afterName = false
		l.skipSpace()
		return l.value()
	}
	l.skipSpace()
	if len(l.stack) == 0 {
		return l.root()
	}
	if l.pos >= len(l.src) {
		return 0, l.eof()
	}
	top := &l.stack[len(l.stack)-1]
	if c := l.src[l.pos]; c == '}' || c == ']' {
		return l.close(c)
	}
	if top.entries > 0 {
		if l.src[l.pos] != ',' {
			return 0, l.unexpected("was expecting comma to separate " + containerName(top.object) + " entries")
		}
		l.pos++
		l.skipSpace()
	}
	top.entries++
	if top.object {
		return l.fieldName()
	}
	return l.value()
}

func (l *lexer) root() (tokenKind, error) {
	if l.rootRead || l.pos >= len(l.src) {
		l.kind, l.start = tokEnd, l.pos
		return tokEnd, nil
	}
	l.rootRead = true
	return l.value()
}

// finish rejects anything but white space after the root value.
func (l *lexer) finish() error {
	l.skipSpace()
	if l.pos < len(l.src) {
		return l.unexpected("expected end-of-input")
	}
	return nil
}

func (l *lexer) close(c byte) (tokenKind, error) {
	top := l.stack[len(l.stack)-1]
	want := byte(']')
	if top.object {
		want = '}'
	}
	if c != want {
		l.pos++
		return 0, l.fail(fmt.Sprintf("Unexpected close marker '%c': expected '%c'", c, want))
	}
	l.stack = l.stack[:len(l.stack)-1]
	l.start = l.pos
	l.pos++
	l.kind = tokArrayEnd
	if top.object {
		l.kind = tokObjectEnd
	}
	return l.kind, nil
}

func (l *lexer) fieldName() (tokenKind, error) {
	if l.pos >= len(l.src) {
		return 0, l.eof()
	}
	if l.src[l.pos] != '"' {
		return 0, l.unexpected("was expecting double-quote to start field name")
	}
	start := l.pos
	name, err := l.str()
	if err != nil {
		return 0, err
	}
	l.skipSpace()
	if l.pos >= len(l.src) {
		return 0, l.eof()
	}
	if l.src[l.pos] != ':' {
		return 0, l.unexpected("was expecting a colon to separate field name and value")
	}
	l.pos++
	l.afterName = true
	l.kind, l.text, l.start = tokFieldName, name, start
	return tokFieldName, nil
}

// value reads one value's first token.
func (l *lexer) value() (tokenKind, error) {
	if l.pos >= len(l.src) {
		return 0, l.eof()
	}
	l.start = l.pos
	switch c := l.src[l.pos]; {
	case c == '{' || c == '[':
		l.stack = append(l.stack, container{object: c == '{'})
		l.pos++
		l.kind = tokArrayStart
		if c == '{' {
			l.kind = tokObjectStart
		}
	case c == '"':
		s, err := l.str()
		if err != nil {
			return 0, err
		}
		l.kind, l.text = tokString, s
	case c == '-' || (c >= '0' && c <= '9'):
		if err := l.number(); err != nil {
			return 0, err
		}
	case isIdent(c):
		return l.literal()
	default:
		return 0, l.unexpected("expected a valid value " + expectValue)
	}
	return l.kind, nil
}

func (l *lexer) literal() (tokenKind, error) {
	end := l.pos
	for end < len(l.src) && isIdent(l.src[end]) {
		end++
	}
	word := l.src[l.pos:end]
	l.pos = end
	switch word {
	case "true":
		l.kind = tokTrue
	case "false":
		l.kind = tokFalse
	case "null":
		l.kind = tokNull
	default:
		return 0, l.fail(fmt.Sprintf("Unrecognized token '%s': was expecting %s", word, expectValue))
	}
	l.text = word
	return l.kind, nil
}

// number scans a JSON number with Jackson's complaints about bad ones.
func (l *lexer) number() error {
	start := l.pos
	if l.src[l.pos] == '-' {
		l.pos++
		if !l.digitAt(l.pos) {
			return l.unexpectedIn("expected digit (0-9) to follow minus sign, for valid numeric value")
		}
	}
	if l.src[l.pos] == '0' && l.digitAt(l.pos+1) {
		l.pos += 2
		return l.fail("Invalid numeric value: Leading zeroes not allowed")
	}
	l.digits()
	if l.pos < len(l.src) && l.src[l.pos] == '.' {
		l.pos++
		if !l.digitAt(l.pos) {
			return l.unexpectedIn("Decimal point not followed by a digit")
		}
		l.digits()
	}
	if l.pos < len(l.src) && (l.src[l.pos] == 'e' || l.src[l.pos] == 'E') {
		l.pos++
		if l.pos < len(l.src) && (l.src[l.pos] == '+' || l.src[l.pos] == '-') {
			l.pos++
		}
		if !l.digitAt(l.pos) {
			return l.unexpectedIn("Exponent indicator not followed by a digit")
		}
		l.digits()
	}
	l.kind, l.text = tokNumber, l.src[start:l.pos]
	return nil
}

func (l *lexer) digits() {
	for l.digitAt(l.pos) {
		l.pos++
	}
}

func (l *lexer) digitAt(i int) bool {
	return i < len(l.src) && l.src[i] >= '0' && l.src[i] <= '9'
}

// str reads a quoted string starting at l.pos and returns its value; a string
// without escapes is a slice of the source.
func (l *lexer) str() (string, error) {
	l.pos++ // opening quote
	start := l.pos
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '"':
			l.pos++
			return l.src[start : l.pos-1], nil
		case c == '\\':
			return l.escaped(start)
		case c < 0x20:
			l.pos++
			return "", l.fail("Illegal unquoted character (" + charDesc(rune(c)) +
				"): has to be escaped using backslash to be included in string value")
		}
		l.pos++
	}
	return "", l.fail("Unexpected end-of-input: was expecting closing quote for a string value")
}

// escaped finishes a string that holds escape sequences.
func (l *lexer) escaped(start int) (string, error) {
	var b strings.Builder
	b.WriteString(l.src[start:l.pos])
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '"':
			l.pos++
			return b.String(), nil
		case c == '\\':
			if err := l.escape(&b); err != nil {
				return "", err
			}
			continue
		case c < 0x20:
			l.pos++
			return "", l.fail("Illegal unquoted character (" + charDesc(rune(c)) +
				"): has to be escaped using backslash to be included in string value")
		}
		b.WriteByte(c)
		l.pos++
	}
	return "", l.fail("Unexpected end-of-input: was expecting closing quote for a string value")
}

var simpleEscapes = map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

func (l *lexer) escape(b *strings.Builder) error {
	l.pos++ // backslash
	if l.pos >= len(l.src) {
		return l.fail("Unexpected end-of-input in character escape sequence")
	}
	c := l.src[l.pos]
	l.pos++
	if r, ok := simpleEscapes[c]; ok {
		b.WriteByte(r)
		return nil
	}
	if c != 'u' {
		r, _ := utf8.DecodeRuneInString(l.src[l.pos-1:])
		return l.fail(fmt.Sprintf("Unrecognized character escape %s", charDesc(r)))
	}
	r, err := l.hex4()
	if err != nil {
		return err
	}
	if utf16.IsSurrogate(r) && strings.HasPrefix(l.src[l.pos:], `\u`) {
		save := l.pos
		l.pos += 2
		if r2, err := l.hex4(); err == nil && utf16.DecodeRune(r, r2) != utf8.RuneError {
			b.WriteRune(utf16.DecodeRune(r, r2))
			return nil
		}
		l.pos = save
	}
	b.WriteRune(r)
	return nil
}

func (l *lexer) hex4() (rune, error) {
	var r rune
	for range 4 {
		if l.pos >= len(l.src) {
			return 0, l.fail("Unexpected end-of-input in character escape sequence")
		}
		d := hexVal(l.src[l.pos])
		if d < 0 {
			return 0, l.unexpected("expected a hex-digit for character escape sequence")
		}
		r = r<<4 | rune(d)
		l.pos++
	}
	return r, nil
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.src) {
		switch l.src[l.pos] {
		case ' ', '\t':
		case '\n':
			l.newLine(l.pos + 1)
		case '\r':
			if l.pos+1 < len(l.src) && l.src[l.pos+1] == '\n' {
				l.pos++
			}
			l.newLine(l.pos + 1)
		default:
			return
		}
		l.pos++
	}
}

func (l *lexer) newLine(start int) {
	l.line++
	l.lineStart = start
}

// tokenText is Jackson's getText() of the current token, which EventBridge
// quotes in some numeric-expression messages.
func (l *lexer) tokenText() string {
	switch l.kind {
	case tokString, tokFieldName, tokNumber, tokTrue, tokFalse, tokNull:
		return l.text
	case tokObjectStart:
		return "{"
	case tokObjectEnd:
		return "}"
	case tokArrayStart:
		return "["
	case tokArrayEnd:
		return "]"
	}
	return "null"
}

func (l *lexer) eof() error {
	return l.fail("Unexpected end-of-input: expected close marker for " +
		containerName(l.stack[len(l.stack)-1].object))
}

// unexpected reports the character at l.pos, consuming it so the location
// points past it as Jackson's does.
func (l *lexer) unexpected(what string) error {
	r, n := utf8.DecodeRuneInString(l.src[l.pos:])
	l.pos += n
	return l.fail(fmt.Sprintf("Unexpected character (%s): %s", charDesc(r), what))
}

func (l *lexer) unexpectedIn(what string) error {
	if l.pos >= len(l.src) {
		return l.fail("Unexpected end-of-input in a Number value")
	}
	r, n := utf8.DecodeRuneInString(l.src[l.pos:])
	l.pos += n
	return l.fail(fmt.Sprintf("Unexpected character (%s) in numeric value: %s", charDesc(r), what))
}

// fail returns the InvalidEventPatternException for reason at the current
// location.
func (l *lexer) fail(reason string) error {
	return invalid(reason + "\n at " + l.location())
}

// location renders Jackson's "[Source: (String)"…"; line: L, column: C]".
func (l *lexer) location() string {
	col := utf8.RuneCountInString(l.src[l.lineStart:min(l.pos, len(l.src))]) + 1
	return fmt.Sprintf("[Source: (String)%s; line: %d, column: %d]", sourceExcerpt(l.src), l.line, col)
}

// maxSourceExcerpt is how much of the pattern Jackson quotes in a location.
const maxSourceExcerpt = 500

func sourceExcerpt(src string) string {
	n := utf8.RuneCountInString(src)
	if n <= maxSourceExcerpt {
		return `"` + src + `"`
	}
	cut := 0
	for i := 0; i < maxSourceExcerpt; i++ {
		_, size := utf8.DecodeRuneInString(src[cut:])
		cut += size
	}
	return fmt.Sprintf(`"%s"[truncated %d chars]`, src[:cut], n-maxSourceExcerpt)
}

// charDesc is Jackson's description of a character in its messages.
func charDesc(r rune) string {
	switch {
	case r < 0x20 || r == 0x7f:
		return fmt.Sprintf("(CTRL-CHAR, code %d)", r)
	case r > 0xff:
		return fmt.Sprintf("'%c' (code %d / 0x%x)", r, r, r)
	}
	return fmt.Sprintf("'%c' (code %d)", r, r)
}

func containerName(object bool) string {
	if object {
		return "Object"
	}
	return "Array"
}

func isIdent(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}
