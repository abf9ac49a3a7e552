package ec2

import (
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

// The decoder reads an EC2 Query form into a struct. Each field's
// `ec2:"Name"` tag gives the member's serialized name (the model's
// queryName, else its capitalized locationName); `ec2:"Name,required"`
// makes it required. A list field reads Name.1, Name.2, …; a struct field
// reads Name.Member. A blank field tagged `ignore:"A,B"` accepts members
// the operation takes but Salve does not act on. Embedded structs share
// their parent's members. Every other member is refused.

// commonParams are the form members of the protocol itself.
var commonParams = []string{"Action", "Version", "AWSAccessKeyId", "Signature", "SignatureMethod",
	"SignatureVersion", "Timestamp", "Expires", "SecurityToken"}

// node is one dotted path of the form: its value if the form has the path
// itself, and the longer paths under it.
type node struct {
	path  string
	value *string
	kids  map[string]*node
	used  bool
}

// decode fills *dst from form.
func decode(form url.Values, dst any) error {
	return decodeStruct(tree(form), reflect.ValueOf(dst).Elem())
}

// tree builds the path tree of a form, leaving out the protocol's own
// members.
func tree(form url.Values) *node {
	root := &node{kids: map[string]*node{}}
	for key, values := range form {
		if slices.Contains(commonParams, key) || strings.HasPrefix(key, "X-Amz-") || len(values) == 0 {
			continue
		}
		n := root
		for _, part := range strings.Split(key, ".") {
			kid := n.kids[part]
			if kid == nil {
				kid = &node{path: join(n.path, part), kids: map[string]*node{}}
				n.kids[part] = kid
			}
			n = kid
		}
		v := values[0]
		n.value = &v
	}
	return root
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// decodeStruct fills the struct v from the members under n and refuses
// members v does not have.
func decodeStruct(n *node, v reflect.Value) error {
	if err := decodeFields(n, v); err != nil {
		return err
	}
	names := make([]string, 0, len(n.kids))
	for name, kid := range n.kids {
		if !kid.used {
			names = append(names, name)
		}
	}
	if len(names) > 0 {
		sort.Strings(names)
		return unknown(n.kids[names[0]].path)
	}
	return nil
}

// decodeFields fills the tagged fields of v (and of its embedded structs).
func decodeFields(n *node, v reflect.Value) error {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			if err := decodeFields(n, v.Field(i)); err != nil {
				return err
			}
			continue
		}
		for _, name := range strings.Split(f.Tag.Get("ignore"), ",") {
			if kid := n.kids[name]; kid != nil {
				kid.used = true
			}
		}
		name, opts, _ := strings.Cut(f.Tag.Get("ec2"), ",")
		if name == "" {
			continue
		}
		kid := n.kids[name]
		if kid == nil {
			if opts == "required" {
				return sandbox.Missing(join(n.path, name))
			}
			continue
		}
		kid.used = true
		if err := decodeValue(kid, v.Field(i)); err != nil {
			return err
		}
	}
	return nil
}

// decodeValue fills v, of any supported kind, from n.
func decodeValue(n *node, v reflect.Value) error {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		return decodeValue(n, v.Elem())
	case reflect.Struct:
		if n.value != nil && *n.value != "" {
			return sandbox.InvalidValue(n.path, *n.value, "It is a structure: send its members as "+n.path+".Member.")
		}
		return decodeStruct(n, v)
	case reflect.Slice:
		return decodeList(n, v)
	}
	s, err := n.scalar()
	if err != nil {
		return err
	}
	return setScalar(n.path, s, v)
}

// setScalar parses s into the string, bool or integer v.
func setScalar(path, s string, v reflect.Value) error {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Bool:
		b, err := strconv.ParseBool(strings.ToLower(s))
		if err != nil {
			return sandbox.InvalidValue(path, s, "Expected 'true' or 'false'.")
		}
		v.SetBool(b)
	case reflect.Int32, reflect.Int64:
		i, err := strconv.ParseInt(s, 10, v.Type().Bits())
		if err != nil {
			return sandbox.InvalidValue(path, s, "Expected an integer.")
		}
		v.SetInt(i)
	default:
		panic(fmt.Sprintf("ec2: decode: unsupported field kind %s at %s", v.Kind(), path))
	}
	return nil
}

// scalar returns a leaf's value; a leaf with members under it is refused.
func (n *node) scalar() (string, error) {
	if len(n.kids) > 0 {
		paths := make([]string, 0, len(n.kids))
		for _, kid := range n.kids {
			paths = append(paths, kid.path)
		}
		sort.Strings(paths)
		return "", unknown(paths[0])
	}
	if n.value == nil {
		return "", nil
	}
	return *n.value, nil
}

// decodeList fills the slice v from Name.1, Name.2, … in index order.
func decodeList(n *node, v reflect.Value) error {
	if n.value != nil && *n.value != "" {
		return sandbox.InvalidValue(n.path, *n.value, "It is a list: send "+n.path+".1, "+n.path+".2, ….")
	}
	type item struct {
		index int
		node  *node
	}
	items := make([]item, 0, len(n.kids))
	for key, kid := range n.kids {
		i, err := strconv.Atoi(key)
		if err != nil || i < 1 {
			return unknown(kid.path)
		}
		items = append(items, item{i, kid})
	}
	sort.Slice(items, func(a, b int) bool { return items[a].index < items[b].index })
	out := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, it := range items {
		if err := decodeValue(it.node, out.Index(i)); err != nil {
			return err
		}
	}
	v.Set(out)
	return nil
}

// unknown refuses a member the operation does not take.
func unknown(path string) error {
	return sandbox.Error(sandbox.CodeUnknownParameter, "The parameter %s is not recognized", path)
}
