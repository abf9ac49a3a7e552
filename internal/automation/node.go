package automation

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/salvehq/salve/internal/automation/syntax"
	"github.com/salvehq/salve/internal/awserr"
)

// invalid returns an InvalidDocumentContent error about the member at path.
func invalid(path, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if path != "" {
		msg = path + " " + msg
	}
	return awserr.New(awserr.InvalidDocumentContent, "%s", msg)
}

// field is one key/value pair of a mapping, in content order.
type field struct {
	key  string
	node *yaml.Node
}

// fields returns the pairs of a mapping node; path names it in errors.
func fields(n *yaml.Node, path string) ([]field, error) {
	n = syntax.Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, invalid(path, "must be an object, not %s", kindName(n))
	}
	out := make([]field, 0, len(n.Content)/2)
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := syntax.Resolve(n.Content[i])
		if k.Kind != yaml.ScalarNode {
			return nil, invalid(path, "has a key that is not a string")
		}
		if seen[k.Value] {
			return nil, invalid(path, "has the key %q more than once", k.Value)
		}
		seen[k.Value] = true
		out = append(out, field{key: k.Value, node: n.Content[i+1]})
	}
	return out, nil
}

// checkKeys rejects keys outside allowed.
func checkKeys(fs []field, path string, allowed ...string) error {
	for _, f := range fs {
		if !slices.Contains(allowed, f.key) {
			return invalid(join(path, f.key), "is not a valid property; valid properties are %s",
				strings.Join(allowed, ", "))
		}
	}
	return nil
}

// items returns the elements of a sequence node.
func items(n *yaml.Node, path string) ([]*yaml.Node, error) {
	n = syntax.Resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil, invalid(path, "must be a list, not %s", kindName(n))
	}
	return n.Content, nil
}

// str reads a string scalar.
func str(n *yaml.Node, path string) (string, error) {
	n = syntax.Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		return "", invalid(path, "must be a string, not %s", kindName(n))
	}
	return n.Value, nil
}

// boolean reads a boolean scalar.
func boolean(n *yaml.Node, path string) (bool, error) {
	n = syntax.Resolve(n)
	var b bool
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&b) != nil {
		return false, invalid(path, "must be a boolean (true or false), not %s", kindName(n))
	}
	return b, nil
}

// integer reads an integer scalar no smaller than min.
func integer(n *yaml.Node, path string, min int) (int, error) {
	n = syntax.Resolve(n)
	var v int
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&v) != nil {
		return 0, invalid(path, "must be an integer, not %s", kindName(n))
	}
	if v < min {
		return 0, invalid(path, "must be at least %d, not %d", min, v)
	}
	return v, nil
}

// value decodes any node into plain Go values (map[string]any, []any,
// string, int, float64, bool, nil).
func value(n *yaml.Node, path string) (any, error) {
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, invalid(path, "cannot be read: %v", err)
	}
	return v, nil
}

// kindName describes a node for error messages.
func kindName(n *yaml.Node) string {
	n = syntax.Resolve(n)
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "an object"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.ShortTag() {
	case "!!str":
		return "a string"
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "a boolean"
	case "!!null":
		return "null"
	}
	return "a " + strings.TrimPrefix(n.ShortTag(), "!!")
}

// join appends a member to a path.
func join(path, member string) string {
	if path == "" {
		return member
	}
	return path + "." + member
}

// index appends a list index to a path.
func index(path string, i int) string {
	return fmt.Sprintf("%s[%d]", path, i)
}
