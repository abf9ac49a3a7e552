package awscall

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/salvehq/salve/internal/awsproto"
)

// callQuery runs a Query-protocol operation: the input is flattened into
// form values as the Query protocol sends them and the XML result is read
// back into a map of text values (shape gives them their types).
func callQuery(ctx context.Context, svc *awsproto.QueryService, op string, c *awsproto.Caller, input map[string]any) (map[string]any, error) {
	h, ok := svc.Operations[op]
	if !ok {
		return nil, notServed(svc.SigningName, op)
	}
	form := url.Values{"Action": {op}}
	flatten(form, "", input)
	out, err := h(ctx, &awsproto.Request{Operation: op, Body: []byte(form.Encode()), Caller: c}, form)
	if err != nil {
		return nil, err
	}
	var doc strings.Builder
	if err := xml.NewEncoder(&doc).EncodeElement(out, xml.StartElement{Name: xml.Name{Local: op + "Result"}}); err != nil {
		return nil, fmt.Errorf("encode %s response: %w", op, err)
	}
	return readXML(doc.String())
}

// flatten adds v to form under prefix: members as Prefix.Name, lists as
// Prefix.member.N (1-based), maps as Prefix.entry.N.key/value.
func flatten(form url.Values, prefix string, v any) {
	join := func(name string) string {
		if prefix == "" {
			return name
		}
		return prefix + "." + name
	}
	switch x := v.(type) {
	case nil:
	case map[string]any:
		for k, e := range x {
			flatten(form, join(k), e)
		}
	case []any:
		for i, e := range x {
			flatten(form, join("member."+strconv.Itoa(i+1)), e)
		}
	default:
		if s, ok := x.(string); ok {
			form.Set(prefix, s)
		} else if s, ok := scalarString(x); ok {
			form.Set(prefix, s)
		} else {
			form.Set(prefix, fmt.Sprint(x))
		}
	}
}

// readXML reads an XML document into nested maps: an element with child
// elements is a map of them (repeated <member> children a list), a leaf
// its text.
func readXML(doc string) (map[string]any, error) {
	dec := xml.NewDecoder(strings.NewReader(doc))
	if _, err := dec.Token(); err != nil { // the wrapper element
		return nil, fmt.Errorf("decode response: %w", err)
	}
	v, err := readElement(dec)
	if err != nil {
		return nil, fmt.Errorf("decode response: %w", err)
	}
	m, _ := v.(map[string]any)
	if m == nil {
		m = map[string]any{}
	}
	return m, nil
}

// readElement reads the content of the element whose start was just read.
func readElement(dec *xml.Decoder) (any, error) {
	var text strings.Builder
	var children map[string]any
	var members []any
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil, io.ErrUnexpectedEOF
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.CharData:
			text.Write(t)
		case xml.StartElement:
			child, err := readElement(dec)
			if err != nil {
				return nil, err
			}
			if t.Name.Local == "member" {
				members = append(members, child)
				continue
			}
			if children == nil {
				children = map[string]any{}
			}
			children[t.Name.Local] = child
		case xml.EndElement:
			switch {
			case members != nil:
				return members, nil
			case children != nil:
				return children, nil
			}
			return text.String(), nil
		}
	}
}
