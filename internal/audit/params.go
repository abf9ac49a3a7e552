package audit

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxParamString is the longest string kept in requestParameters; longer
// ones (a Lambda zip, a large policy) are replaced by a note of their size.
const maxParamString = 16 << 10

// jsonParams decodes a JSON body as-is (numbers kept exact); nil for an
// empty or malformed body.
func jsonParams(body []byte) map[string]any {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var m map[string]any
	if dec.Decode(&m) != nil {
		return nil
	}
	return m
}

// queryForm returns a Query request's parameters: the form body, then the
// URL's query for names the body lacks (as the wire server reads them).
func queryForm(body []byte, rawQuery string) url.Values {
	form, _ := url.ParseQuery(string(body))
	if form == nil {
		form = url.Values{}
	}
	q, _ := url.ParseQuery(rawQuery)
	for k, v := range q {
		if _, ok := form[k]; !ok {
			form[k] = v
		}
	}
	return form
}

// formParams turns a Query form into the nested object CloudTrail shows:
// "IpPermissions.1.IpRanges.1.CidrIp" becomes
// {"ipPermissions": [{"ipRanges": [{"cidrIp": …}]}]}, "Tags.member.1.Key"
// a list, "Attributes.entry.1.key"/".value" a map. Names start lower
// case, as CloudTrail writes them; Action, Version and signature
// parameters are left out.
func formParams(form url.Values) map[string]any {
	root := map[string]any{}
	for _, k := range sortedKeys(form) {
		if k == "Action" || k == "Version" || strings.HasPrefix(k, "X-Amz-") || len(form[k]) == 0 {
			continue
		}
		insert(root, strings.Split(k, "."), form[k][0])
	}
	// The root stays an object whatever its names ("1=x" is no list).
	for k, v := range root {
		root[k] = collapse(v)
	}
	return root
}

// insert sets value at the path of nested maps.
func insert(m map[string]any, path []string, value string) {
	for i, seg := range path {
		seg = lowerFirst(seg)
		if i == len(path)-1 {
			if _, isMap := m[seg].(map[string]any); !isMap {
				m[seg] = value
			}
			return
		}
		next, ok := m[seg].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[seg] = next
		}
		m = next
	}
}

// collapse turns maps keyed 1..n into lists, {"member": list} into the
// list and {"entry": [{key, value}…]} into a map.
func collapse(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	for k, child := range m {
		m[k] = collapse(child)
	}
	if list, ok := indexed(m); ok {
		return list
	}
	if len(m) == 1 {
		if list, ok := m["member"].([]any); ok {
			return list
		}
		if list, ok := m["entry"].([]any); ok {
			if entries, ok := entryMap(list); ok {
				return entries
			}
		}
	}
	return m
}

// indexed returns the values of a map keyed "1".."n" in order.
func indexed(m map[string]any) ([]any, bool) {
	if len(m) == 0 {
		return nil, false
	}
	out := make([]any, len(m))
	for k, v := range m {
		i, err := strconv.Atoi(k)
		if err != nil || i < 1 || i > len(m) || out[i-1] != nil {
			return nil, false
		}
		out[i-1] = v
	}
	return out, true
}

// entryMap turns a list of {key, value} objects into a map.
func entryMap(list []any) (map[string]any, bool) {
	out := map[string]any{}
	for _, e := range list {
		em, ok := e.(map[string]any)
		key, kok := em["key"].(string)
		if !ok || !kok || len(em) > 2 {
			return nil, false
		}
		out[key] = em["value"]
	}
	return out, true
}

// lowerFirst lower-cases the first letter of a name.
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}

// maxXMLDepth bounds the nesting xmlParams follows.
const maxXMLDepth = 32

// xmlParams decodes an XML document into {rootName: content}: an element
// with child elements is an object (a repeated child a list), one without
// is its text; the root's namespace is kept as "xmlns". nil for anything
// that is not one well-formed document.
func xmlParams(body []byte) map[string]any {
	dec := xml.NewDecoder(bytes.NewReader(body))
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		if start, ok := tok.(xml.StartElement); ok {
			v, err := xmlElement(dec, 0)
			if err != nil {
				return nil
			}
			if start.Name.Space != "" {
				if m, ok := v.(map[string]any); ok {
					m["xmlns"] = start.Name.Space
				}
			}
			return map[string]any{start.Name.Local: v}
		}
	}
}

var errTooDeep = errors.New("xml nested too deep")

// xmlElement reads the content of the element just started.
func xmlElement(dec *xml.Decoder, depth int) (any, error) {
	if depth > maxXMLDepth {
		return nil, errTooDeep
	}
	var text strings.Builder
	var children map[string]any
	for {
		tok, err := dec.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.CharData:
			text.Write(t)
		case xml.StartElement:
			v, err := xmlElement(dec, depth+1)
			if err != nil {
				return nil, err
			}
			if children == nil {
				children = map[string]any{}
			}
			addChild(children, t.Name.Local, v)
		case xml.EndElement:
			if children != nil {
				return children, nil
			}
			return strings.TrimSpace(text.String()), nil
		}
	}
}

// addChild adds a child element's value; a repeated name becomes a list.
func addChild(m map[string]any, name string, v any) {
	switch prev := m[name].(type) {
	case nil:
		m[name] = v
	case []any:
		m[name] = append(prev, v)
	default:
		m[name] = []any{prev, v}
	}
}

// trimLong replaces every string longer than maxParamString, in place.
func trimLong(v any) any {
	switch t := v.(type) {
	case string:
		if len(t) > maxParamString {
			return "(" + strconv.Itoa(len(t)) + " characters, not recorded)"
		}
	case map[string]any:
		for k, c := range t {
			t[k] = trimLong(c)
		}
	case []any:
		for i, c := range t {
			t[i] = trimLong(c)
		}
	}
	return v
}
