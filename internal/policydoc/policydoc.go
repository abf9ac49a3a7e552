// Package policydoc holds what the services that validate IAM-style
// policy documents (IAM, S3 bucket policies) read the same way.
package policydoc

// StringList reads a policy element that may be a string or a list of
// strings (Action, Resource, a principal's value); ok is false for any
// other shape.
func StringList(v any) (values []string, ok bool) {
	switch x := v.(type) {
	case string:
		return []string{x}, true
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}
