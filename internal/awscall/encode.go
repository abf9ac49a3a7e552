package awscall

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"time"
)

// maxStreamBytes bounds how much of a streaming response body (S3's
// GetObject Body) is read into the response map.
const maxStreamBytes = 1 << 20

var readCloserType = reflect.TypeFor[io.ReadCloser]()

// documentMarshaler is a smithy document value (document.Interface).
type documentMarshaler interface {
	MarshalSmithyDocument() ([]byte, error)
}

// encodeOutput converts an SDK output struct (pointer or value) to a
// boto3-shaped map: model member names, absent members left out,
// ResultMetadata and unexported fields dropped.
func encodeOutput(v reflect.Value) map[string]any {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return map[string]any{}
		}
		v = v.Elem()
	}
	m, _ := encodeStruct(v).(map[string]any)
	if m == nil {
		m = map[string]any{}
	}
	return m
}

// encode converts one value; ok=false means "absent, leave it out".
func encode(v reflect.Value) (any, bool) {
	if !v.IsValid() {
		return nil, false
	}
	t := v.Type()
	switch {
	case t == timeType:
		return formatTime(v.Interface().(time.Time)), true
	case t == bytesType:
		if v.IsNil() {
			return nil, false
		}
		return base64.StdEncoding.EncodeToString(v.Bytes()), true
	case t == readCloserType || t == readerType:
		return readStream(v)
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface:
		return encodeIndirect(v)
	case reflect.String:
		return v.String(), v.Len() > 0
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int(), true
	case reflect.Float32, reflect.Float64:
		return v.Float(), true
	case reflect.Slice:
		return encodeSlice(v)
	case reflect.Map:
		return encodeMap(v)
	case reflect.Struct:
		return encodeStruct(v), true
	}
	return nil, false
}

// formatTime renders a timestamp as RFC 3339 in UTC.
func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// encodeIndirect follows pointers and interfaces: smithy documents become
// their JSON value, union members {"Member": value}.
func encodeIndirect(v reflect.Value) (any, bool) {
	if v.IsNil() {
		return nil, false
	}
	if doc, ok := v.Interface().(documentMarshaler); ok && v.Kind() == reflect.Interface {
		return encodeDocument(doc)
	}
	inner := v.Elem()
	if v.Kind() == reflect.Interface {
		if member, ok := unionMember(inner); ok {
			value, _ := encode(inner.Elem().FieldByName("Value"))
			return map[string]any{member: value}, true
		}
	}
	return encode(inner)
}

// unionMember recognises the SDK's union member types (ShapeMemberName
// structs with a Value field) and returns the member name.
func unionMember(v reflect.Value) (string, bool) {
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return "", false
	}
	name := v.Elem().Type().Name()
	i := strings.LastIndex(name, "Member")
	if i < 0 || !v.Elem().FieldByName("Value").IsValid() {
		return "", false
	}
	return name[i+len("Member"):], true
}

// encodeDocument decodes a smithy document's JSON into plain values.
func encodeDocument(doc documentMarshaler) (any, bool) {
	raw, err := doc.MarshalSmithyDocument()
	if err != nil {
		return nil, false
	}
	var out any
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, false
	}
	return out, true
}

func encodeSlice(v reflect.Value) (any, bool) {
	if v.IsNil() {
		return nil, false
	}
	out := make([]any, 0, v.Len())
	for i := range v.Len() {
		if e, ok := encode(v.Index(i)); ok {
			out = append(out, e)
		}
	}
	return out, true
}

func encodeMap(v reflect.Value) (any, bool) {
	if v.IsNil() {
		return nil, false
	}
	out := make(map[string]any, v.Len())
	iter := v.MapRange()
	for iter.Next() {
		if e, ok := encode(iter.Value()); ok {
			out[iter.Key().String()] = e
		}
	}
	return out, true
}

// encodeStruct converts the exported member fields of a struct.
func encodeStruct(v reflect.Value) any {
	t := v.Type()
	out := map[string]any{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Name == "ResultMetadata" {
			continue
		}
		if e, ok := encode(v.Field(i)); ok {
			out[f.Name] = e
		}
	}
	return out
}

// readStream reads a streaming body (at most maxStreamBytes) as text.
func readStream(v reflect.Value) (any, bool) {
	if v.IsNil() {
		return nil, false
	}
	r := v.Interface().(io.Reader)
	if c, ok := r.(io.Closer); ok {
		defer c.Close()
	}
	b, err := io.ReadAll(io.LimitReader(r, maxStreamBytes))
	if err != nil {
		return nil, false
	}
	return string(b), true
}
