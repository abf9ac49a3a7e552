package syntax

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
	"gopkg.in/yaml.v3"
)

// Content formats.
const (
	JSON = "JSON"
	YAML = "YAML"
)

// Error is a syntax error in document content.
type Error struct {
	// Format is the format the content was read as.
	Format string
	// Line is the 1-based line of the error, 0 when unknown.
	Line int
	// Msg says what is wrong.
	Msg string
}

// Error implements error.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s syntax error at line %d: %s", e.Format, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s syntax error: %s", e.Format, e.Msg)
}

// Parse reads content in format (JSON or YAML) and returns its root value,
// with aliases left in place (see Resolve). Empty content is an error.
func Parse(content []byte, format string) (*yaml.Node, error) {
	if len(bytes.TrimSpace(content)) == 0 {
		return nil, &Error{Format: format, Msg: "the content is empty"}
	}
	switch format {
	case JSON:
		return parseJSON(content)
	case YAML:
		return parseYAML(content)
	}
	return nil, fmt.Errorf("syntax: unsupported format %q", format)
}

// Resolve follows YAML aliases to the node they stand for.
func Resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// parseYAML reads the first YAML document of content.
func parseYAML(content []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(content, &doc); err != nil {
		return nil, yamlError(err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &Error{Format: YAML, Msg: "the content holds no YAML document"}
	}
	budget := maxNodes
	if !withinBudget(doc.Content[0], &budget) {
		return nil, &Error{Format: YAML, Msg: fmt.Sprintf(
			"the content expands to more than %d values through aliases; write it out without anchors", maxNodes)}
	}
	return doc.Content[0], nil
}

// maxNodes bounds the values a document may expand to once aliases are
// followed (64 KB of plain content holds far fewer), so that converting or
// walking a hostile "billion laughs" document cannot exhaust memory.
const maxNodes = 200_000

// withinBudget walks n, following aliases, and reports whether it holds at
// most *budget nodes.
func withinBudget(n *yaml.Node, budget *int) bool {
	n = Resolve(n)
	if n == nil {
		return true
	}
	*budget--
	if *budget < 0 {
		return false
	}
	for _, c := range n.Content {
		if !withinBudget(c, budget) {
			return false
		}
	}
	return true
}

// yamlError turns a yaml.v3 error into an Error with its line.
func yamlError(err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	e := &Error{Format: YAML, Msg: strings.TrimPrefix(msg, "yaml: ")}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = msg[len(m[0]):]
	}
	return e
}

// jsonReader builds a yaml.Node tree from JSON tokens.
type jsonReader struct {
	dec   *jsontext.Decoder
	lines []int // byte offsets at which each line starts
}

// parseJSON reads exactly one JSON value.
func parseJSON(content []byte) (*yaml.Node, error) {
	r := &jsonReader{dec: jsontext.NewDecoder(bytes.NewReader(content)), lines: lineStarts(content)}
	n, err := r.value()
	if err != nil {
		return nil, r.error(err)
	}
	if _, err := r.dec.ReadToken(); !errors.Is(err, io.EOF) {
		return nil, &Error{Format: JSON, Line: r.line(r.dec.InputOffset()),
			Msg: "unexpected content after the top-level value"}
	}
	return n, nil
}

// value reads the next JSON value.
func (r *jsonReader) value() (*yaml.Node, error) {
	line := r.line(r.dec.InputOffset())
	switch r.dec.PeekKind() {
	case '{':
		return r.object(line)
	case '[':
		return r.array(line)
	}
	raw, err := r.dec.ReadValue()
	if err != nil {
		return nil, err
	}
	n, err := scalar(raw)
	if err != nil {
		return nil, err
	}
	n.Line = r.line(r.dec.InputOffset() - int64(len(raw)))
	return n, nil
}

// object reads a JSON object into a mapping node.
func (r *jsonReader) object(line int) (*yaml.Node, error) {
	if _, err := r.dec.ReadToken(); err != nil {
		return nil, err
	}
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
	for r.dec.PeekKind() != '}' {
		keyLine := r.line(r.dec.InputOffset())
		tok, err := r.dec.ReadToken()
		if err != nil {
			return nil, err
		}
		key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: tok.String(), Line: keyLine}
		val, err := r.value()
		if err != nil {
			return nil, err
		}
		n.Content = append(n.Content, key, val)
	}
	_, err := r.dec.ReadToken()
	return n, err
}

// array reads a JSON array into a sequence node.
func (r *jsonReader) array(line int) (*yaml.Node, error) {
	if _, err := r.dec.ReadToken(); err != nil {
		return nil, err
	}
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
	for r.dec.PeekKind() != ']' {
		v, err := r.value()
		if err != nil {
			return nil, err
		}
		n.Content = append(n.Content, v)
	}
	_, err := r.dec.ReadToken()
	return n, err
}

// scalar makes a node of a JSON string, number, boolean or null.
func scalar(raw jsontext.Value) (*yaml.Node, error) {
	n := &yaml.Node{Kind: yaml.ScalarNode}
	switch raw.Kind() {
	case '"':
		s, err := jsontext.AppendUnquote(nil, raw)
		if err != nil {
			return nil, err
		}
		n.Tag, n.Value = "!!str", string(s)
	case '0':
		n.Tag, n.Value = "!!float", string(raw)
		if !bytes.ContainsAny(raw, ".eE") {
			n.Tag = "!!int"
		}
	case 't', 'f':
		n.Tag, n.Value = "!!bool", string(raw)
	default:
		n.Tag, n.Value = "!!null", "null"
	}
	return n, nil
}

// error turns a jsontext error into an Error with its line.
func (r *jsonReader) error(err error) error {
	var se *jsontext.SyntacticError
	if errors.As(err, &se) {
		msg := strings.TrimPrefix(se.Err.Error(), "jsontext: ")
		return &Error{Format: JSON, Line: r.line(se.ByteOffset), Msg: msg}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &Error{Format: JSON, Line: len(r.lines), Msg: "unexpected end of content"}
	}
	return &Error{Format: JSON, Line: r.line(r.dec.InputOffset()), Msg: err.Error()}
}

// line returns the 1-based line holding byte offset off.
func (r *jsonReader) line(off int64) int {
	return sort.Search(len(r.lines), func(i int) bool { return int64(r.lines[i]) > off })
}

// lineStarts lists the byte offset at which every line starts.
func lineStarts(b []byte) []int {
	out := []int{0}
	for i, c := range b {
		if c == '\n' {
			out = append(out, i+1)
		}
	}
	return out
}
