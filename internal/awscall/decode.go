package awscall

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

var (
	timeType   = reflect.TypeFor[time.Time]()
	bytesType  = reflect.TypeFor[[]byte]()
	readerType = reflect.TypeFor[io.Reader]()
)

// decoder fills SDK structs from JSON-shaped values. Strict decoding is
// for requests and follows boto3's parameter validation: values must have
// the member's type and unknown members are errors. Lenient decoding is
// for Salve's own responses: numbers and booleans may come as text (the
// Query protocol's XML) and members the SDK does not know are dropped.
type decoder struct {
	lenient bool
	errs    []string
}

// decodeInput fills a new value of the input struct type t from in.
func decodeInput(in map[string]any, t reflect.Type) (reflect.Value, error) {
	d := &decoder{}
	v := reflect.New(t)
	d.structFrom(v.Elem(), in, "input", "")
	if len(d.errs) > 0 {
		return reflect.Value{}, errors.New("Parameter validation failed:\n" + strings.Join(d.errs, "\n"))
	}
	return v, nil
}

// decodeLenient fills a new value of struct type t from in, leniently.
func decodeLenient(in map[string]any, t reflect.Type) (reflect.Value, error) {
	d := &decoder{lenient: true}
	v := reflect.New(t)
	d.structFrom(v.Elem(), in, "output", "")
	if len(d.errs) > 0 {
		return reflect.Value{}, fmt.Errorf("shape response as %s: %s", t.Name(), strings.Join(d.errs, "; "))
	}
	return v, nil
}

// fail records a boto3-style type error for the member at path.
func (d *decoder) fail(path string, v any, want string) {
	d.errs = append(d.errs, fmt.Sprintf("Invalid type for parameter %s, value: %v, type: %s, valid types: %s",
		path, pyValue(v), pyType(v), want))
}

// value fills dst from v; path names the member as boto3 does.
func (d *decoder) value(dst reflect.Value, v any, path string) {
	if v == nil {
		return
	}
	t := dst.Type()
	switch {
	case t == timeType:
		d.timeFrom(dst, v, path)
		return
	case t == bytesType:
		d.bytesFrom(dst, v, path)
		return
	case t == readerType:
		d.readerFrom(dst, v, path)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		elem := reflect.New(t.Elem())
		d.value(elem.Elem(), v, path)
		dst.Set(elem)
	case reflect.String:
		d.stringFrom(dst, v, path)
	case reflect.Bool:
		d.boolFrom(dst, v, path)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.intFrom(dst, v, path)
	case reflect.Float32, reflect.Float64:
		d.floatFrom(dst, v, path)
	case reflect.Slice:
		d.sliceFrom(dst, v, path)
	case reflect.Map:
		d.mapFrom(dst, v, path)
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			d.fail(path, v, "<class 'dict'>")
			return
		}
		d.structFrom(dst, m, path, path+".")
	default:
		d.errs = append(d.errs, fmt.Sprintf("Parameter %s has a shape (%s) Salve cannot send yet (unions and documents are not supported)", path, t))
	}
}

// structFrom fills the exported fields of dst from m by member name.
func (d *decoder) structFrom(dst reflect.Value, m map[string]any, where, prefix string) {
	t := dst.Type()
	for _, key := range sortedKeys(m) {
		f, ok := t.FieldByName(key)
		if !ok || !f.IsExported() || len(f.Index) != 1 || f.Name == "ResultMetadata" {
			if !d.lenient {
				d.errs = append(d.errs, fmt.Sprintf("Unknown parameter in %s: %q, must be one of: %s",
					where, key, strings.Join(memberNames(t), ", ")))
			}
			continue
		}
		d.value(dst.Field(f.Index[0]), m[key], prefix+key)
	}
}

// memberNames lists the exported member fields of struct type t.
func memberNames(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && f.Name != "ResultMetadata" {
			out = append(out, f.Name)
		}
	}
	return out
}

func (d *decoder) stringFrom(dst reflect.Value, v any, path string) {
	s, ok := v.(string)
	if !ok && d.lenient {
		s, ok = scalarString(v)
	}
	if !ok {
		d.fail(path, v, "<class 'str'>")
		return
	}
	dst.SetString(s)
}

func (d *decoder) boolFrom(dst reflect.Value, v any, path string) {
	b, ok := v.(bool)
	if s, isText := v.(string); isText && d.lenient {
		parsed, err := strconv.ParseBool(s)
		b, ok = parsed, err == nil
	}
	if !ok {
		d.fail(path, v, "<class 'bool'>")
		return
	}
	dst.SetBool(b)
}

func (d *decoder) intFrom(dst reflect.Value, v any, path string) {
	n, ok := integer(v, d.lenient)
	if !ok || dst.OverflowInt(n) {
		d.fail(path, v, "<class 'int'>")
		return
	}
	dst.SetInt(n)
}

func (d *decoder) floatFrom(dst reflect.Value, v any, path string) {
	f, ok := float(v, d.lenient)
	if !ok {
		d.fail(path, v, "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>")
		return
	}
	dst.SetFloat(f)
}

func (d *decoder) sliceFrom(dst reflect.Value, v any, path string) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice {
		d.fail(path, v, "<class 'list'>, <class 'tuple'>")
		return
	}
	out := reflect.MakeSlice(dst.Type(), rv.Len(), rv.Len())
	for i := range rv.Len() {
		d.value(out.Index(i), rv.Index(i).Interface(), fmt.Sprintf("%s[%d]", path, i))
	}
	dst.Set(out)
}

func (d *decoder) mapFrom(dst reflect.Value, v any, path string) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Map || rv.Type().Key().Kind() != reflect.String {
		d.fail(path, v, "<class 'dict'>")
		return
	}
	out := reflect.MakeMapWithSize(dst.Type(), rv.Len())
	iter := rv.MapRange()
	for iter.Next() {
		elem := reflect.New(dst.Type().Elem()).Elem()
		key := iter.Key().String()
		d.value(elem, iter.Value().Interface(), path+"."+key)
		out.SetMapIndex(reflect.ValueOf(key).Convert(dst.Type().Key()), elem)
	}
	dst.Set(out)
}

// timeFrom accepts what boto3 accepts for a timestamp: an ISO 8601 string
// or epoch seconds (and a time.Time from Go callers).
func (d *decoder) timeFrom(dst reflect.Value, v any, path string) {
	var t time.Time
	ok := true
	switch x := v.(type) {
	case time.Time:
		t = x
	case string:
		t, ok = parseTime(x)
	default:
		var f float64
		if f, ok = float(v, false); ok {
			sec, frac := math.Modf(f)
			t = time.Unix(int64(sec), int64(frac*1e9)).UTC()
		}
	}
	if !ok {
		d.fail(path, v, "<class 'datetime.datetime'>, <class 'str'>")
		return
	}
	dst.Set(reflect.ValueOf(t))
}

// timeLayouts are the ISO 8601 forms timestamps are accepted in.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02"}

// parseTime reads an ISO 8601 timestamp, or epoch seconds spelled as text.
func parseTime(s string) (time.Time, bool) {
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		sec, frac := math.Modf(f)
		return time.Unix(int64(sec), int64(frac*1e9)).UTC(), true
	}
	return time.Time{}, false
}

// bytesFrom accepts a string (sent as its UTF-8 bytes, as boto3 does) or
// bytes for a blob.
func (d *decoder) bytesFrom(dst reflect.Value, v any, path string) {
	switch x := v.(type) {
	case string:
		dst.SetBytes([]byte(x))
	case []byte:
		dst.SetBytes(x)
	default:
		d.fail(path, v, "<class 'bytes'>, <class 'bytearray'>, file-like object")
	}
}

// readerFrom accepts a string or bytes for a streaming blob (S3's Body).
func (d *decoder) readerFrom(dst reflect.Value, v any, path string) {
	switch x := v.(type) {
	case string:
		dst.Set(reflect.ValueOf(strings.NewReader(x)))
	case []byte:
		dst.Set(reflect.ValueOf(strings.NewReader(string(x))))
	default:
		d.fail(path, v, "<class 'bytes'>, <class 'bytearray'>, file-like object")
	}
}

// integer reads an integral number; lenient also reads decimal text.
func integer(v any, lenient bool) (int64, bool) {
	switch x := v.(type) {
	case int:
		return int64(x), true
	case int32:
		return int64(x), true
	case int64:
		return x, true
	case float64:
		return int64(x), x == math.Trunc(x) && math.Abs(x) <= 1<<53
	case json.Number:
		n, err := x.Int64()
		return n, err == nil
	case string:
		n, err := strconv.ParseInt(x, 10, 64)
		return n, lenient && err == nil
	}
	return 0, false
}

// float reads any number; lenient also reads decimal text.
func float(v any, lenient bool) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int32:
		return float64(x), true
	case int64:
		return float64(x), true
	case float32:
		return float64(x), true
	case float64:
		return x, true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case string:
		f, err := strconv.ParseFloat(x, 64)
		return f, lenient && err == nil
	}
	return 0, false
}

// scalarString is the text of a number or boolean.
func scalarString(v any) (string, bool) {
	switch x := v.(type) {
	case bool:
		return strconv.FormatBool(x), true
	case json.Number:
		return x.String(), true
	}
	if n, ok := integer(v, false); ok {
		return strconv.FormatInt(n, 10), true
	}
	if f, ok := float(v, false); ok {
		return strconv.FormatFloat(f, 'g', -1, 64), true
	}
	return "", false
}

// pyType names v's type as boto3's messages do.
func pyType(v any) string {
	switch v.(type) {
	case string:
		return "<class 'str'>"
	case bool:
		return "<class 'bool'>"
	case int, int32, int64:
		return "<class 'int'>"
	case float32, float64, json.Number:
		return "<class 'float'>"
	case map[string]any:
		return "<class 'dict'>"
	}
	if reflect.ValueOf(v).Kind() == reflect.Slice {
		return "<class 'list'>"
	}
	return fmt.Sprintf("<class '%T'>", v)
}

// pyValue prints v roughly as Python would in a validation message.
func pyValue(v any) string {
	switch x := v.(type) {
	case bool:
		if x {
			return "True"
		}
		return "False"
	case map[string]any:
		parts := make([]string, 0, len(x))
		for _, k := range sortedKeys(x) {
			parts = append(parts, fmt.Sprintf("'%s': %s", k, pyValue(x[k])))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// sortedKeys returns m's keys in order, for deterministic messages.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
