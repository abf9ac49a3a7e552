package automation

import (
	"gopkg.in/yaml.v3"
)

// typedValue decodes n and checks that it fits parameter type typ. A
// Parameter Store reference ("{{ssm:/name}}") fits every type: it is read
// when the automation starts.
func typedValue(typ string, n *yaml.Node, path string) (any, error) {
	v, err := value(n, path)
	if err != nil {
		return nil, err
	}
	if isSSMReference(v) || fits(typ, v) {
		return v, nil
	}
	return nil, invalid(path, "must be %s for type %s, not %s", describeType(typ), typ, kindName(n))
}

// fits reports whether a decoded value has the shape of type typ.
func fits(typ string, v any) bool {
	switch typ {
	case TypeInteger:
		_, ok := v.(int)
		return ok
	case TypeBoolean:
		_, ok := v.(bool)
		return ok
	case TypeStringList:
		return allOf(v, func(e any) bool { _, ok := e.(string); return ok })
	case TypeStringMap:
		_, ok := v.(map[string]any)
		return ok
	case TypeMapList:
		return allOf(v, func(e any) bool { _, ok := e.(map[string]any); return ok })
	}
	_, ok := v.(string)
	return ok
}

// allOf reports whether v is a list whose every element passes ok.
func allOf(v any, ok func(any) bool) bool {
	list, isList := v.([]any)
	if !isList {
		return false
	}
	for _, e := range list {
		if !ok(e) {
			return false
		}
	}
	return true
}

// describeType says what a value of type typ looks like.
func describeType(typ string) string {
	switch typ {
	case TypeInteger:
		return "an integer"
	case TypeBoolean:
		return "a boolean"
	case TypeStringList:
		return "a list of strings"
	case TypeStringMap:
		return "an object"
	case TypeMapList:
		return "a list of objects"
	}
	return "a string"
}

// isSSMReference reports a Parameter Store reference default.
func isSSMReference(v any) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	r, ok := WholeRef(s)
	return ok && r.Kind == RefSSM
}
