package discovery

import (
	"time"
)

// Readers of the boto3-shaped maps the caller answers with: absent or
// mistyped members read as zero values, so an odd answer never panics.

// obj returns m[key] as an object.
func obj(m map[string]any, key string) map[string]any {
	v, _ := m[key].(map[string]any)
	return v
}

// objs returns m[key] as a list of objects, skipping other elements.
func objs(m map[string]any, key string) []map[string]any {
	l, _ := m[key].([]any)
	out := make([]map[string]any, 0, len(l))
	for _, e := range l {
		if o, ok := e.(map[string]any); ok {
			out = append(out, o)
		}
	}
	return out
}

// str returns m[key] as a string.
func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

// boolean returns m[key] as a bool.
func boolean(m map[string]any, key string) bool {
	b, _ := m[key].(bool)
	return b
}

// isFalse reports whether v is the boolean false (not absent).
func isFalse(v any) bool {
	b, ok := v.(bool)
	return ok && !b
}

// integer returns m[key] as an int, and whether it is a number.
func integer(m map[string]any, key string) (int, bool) {
	switch n := m[key].(type) {
	case int64:
		return int(n), true
	case int:
		return n, true
	case float64:
		return int(n), true
	}
	return 0, false
}

// timestamp parses m[key], an RFC 3339 time; zero when absent.
func timestamp(m map[string]any, key string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, str(m, key))
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// rfc3339 renders m[key] as AWS Config renders times: RFC 3339 to the
// second; nil when absent.
func rfc3339(m map[string]any, key string) any {
	t := timestamp(m, key)
	if t.IsZero() {
		return nil
	}
	return t.Format(time.RFC3339)
}

// nullable is m[key], or nil when it is absent or empty (Config records
// null).
func nullable(m map[string]any, key string) any {
	if s := str(m, key); s != "" {
		return s
	}
	return nil
}

// tag is one resource tag.
type tag struct{ key, value string }

// tagPairs reads a list of {Key, Value} tags.
func tagPairs(m map[string]any, key string) []tag {
	var out []tag
	for _, t := range objs(m, key) {
		out = append(out, tag{str(t, "Key"), str(t, "Value")})
	}
	return out
}

// tagMap is the item's tags member; nil when there are none.
func tagMap(tags []tag) map[string]string {
	if len(tags) == 0 {
		return nil
	}
	out := make(map[string]string, len(tags))
	for _, t := range tags {
		out[t.key] = t.value
	}
	return out
}

// tagList renders tags as the lowerCamel list most configurations carry.
func tagList(tags []tag) []any {
	out := make([]any, 0, len(tags))
	for _, t := range tags {
		out = append(out, map[string]any{"key": t.key, "value": t.value})
	}
	return out
}
