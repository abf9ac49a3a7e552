package syntax

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"
	"gopkg.in/yaml.v3"
)

// Convert rewrites content from one format to the other; the same format
// returns content unchanged.
func Convert(content []byte, from, to string) ([]byte, error) {
	if from == to {
		return content, nil
	}
	n, err := Parse(content, from)
	if err != nil {
		return nil, err
	}
	switch to {
	case JSON:
		return ToJSON(n)
	case YAML:
		return ToYAML(n)
	}
	return nil, fmt.Errorf("syntax: unsupported format %q", to)
}

// ToYAML renders a tree as YAML with two-space indentation.
func ToYAML(n *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, fmt.Errorf("render yaml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("render yaml: %w", err)
	}
	return b.Bytes(), nil
}

// ToJSON renders a tree as JSON indented by two spaces, keeping key order.
// YAML values JSON cannot hold (timestamps, .inf) are written as strings.
func ToJSON(n *yaml.Node) ([]byte, error) {
	compact, err := appendJSON(nil, n, 0)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, compact, "", "  "); err != nil {
		return nil, fmt.Errorf("render json: %w", err)
	}
	return b.Bytes(), nil
}

// maxDepth bounds nesting so that hostile aliases cannot recurse forever.
const maxDepth = 1000

// appendJSON appends the compact JSON form of n.
func appendJSON(b []byte, n *yaml.Node, depth int) ([]byte, error) {
	n = Resolve(n)
	if depth > maxDepth {
		return nil, fmt.Errorf("render json: nesting deeper than %d", maxDepth)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return append(b, "null"...), nil
		}
		return appendJSON(b, n.Content[0], depth+1)
	case yaml.MappingNode:
		return appendObject(b, n, depth)
	case yaml.SequenceNode:
		return appendArray(b, n, depth)
	}
	return appendScalar(b, n)
}

// appendObject appends a mapping as a JSON object.
func appendObject(b []byte, n *yaml.Node, depth int) ([]byte, error) {
	b = append(b, '{')
	var err error
	for i := 0; i+1 < len(n.Content); i += 2 {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = jsontext.AppendQuote(b, Resolve(n.Content[i]).Value); err != nil {
			return nil, fmt.Errorf("render json: %w", err)
		}
		b = append(b, ':')
		if b, err = appendJSON(b, n.Content[i+1], depth+1); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// appendArray appends a sequence as a JSON array.
func appendArray(b []byte, n *yaml.Node, depth int) ([]byte, error) {
	b = append(b, '[')
	var err error
	for i, c := range n.Content {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendJSON(b, c, depth+1); err != nil {
			return nil, err
		}
	}
	return append(b, ']'), nil
}

// appendScalar appends a scalar in its JSON form.
func appendScalar(b []byte, n *yaml.Node) ([]byte, error) {
	switch n.ShortTag() {
	case "!!null":
		return append(b, "null"...), nil
	case "!!bool":
		var v bool
		if err := n.Decode(&v); err == nil {
			return strconv.AppendBool(b, v), nil
		}
	case "!!int":
		var v int64
		if err := n.Decode(&v); err == nil {
			return strconv.AppendInt(b, v, 10), nil
		}
	case "!!float":
		var v float64
		if err := n.Decode(&v); err == nil && !math.IsInf(v, 0) && !math.IsNaN(v) {
			return strconv.AppendFloat(b, v, 'g', -1, 64), nil
		}
	}
	out, err := jsontext.AppendQuote(b, n.Value)
	if err != nil {
		return nil, fmt.Errorf("render json: %w", err)
	}
	return out, nil
}
