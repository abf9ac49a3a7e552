package events

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Predefined input transformer variables.
const (
	varRuleARN       = "aws.events.rule-arn"
	varRuleName      = "aws.events.rule-name"
	varIngestionTime = "aws.events.event.ingestion-time"
	varEvent         = "aws.events.event"
	varEventJSON     = "aws.events.event.json"
)

// checkTargetInput applies PutTargets' checks of Input, InputPath and
// InputTransformer (ValidationException naming the target).
func checkTargetInput(tg *Target) error {
	set := 0
	for _, b := range []bool{tg.Input != nil, tg.InputPath != nil, tg.InputTransformer != nil} {
		if b {
			set++
		}
	}
	switch {
	case set > 1:
		return validation("Only one of Input, InputPath, or InputTransformer can be specified for target %s.", tg.ID)
	case tg.Input != nil && !json.Valid([]byte(*tg.Input)):
		return validation("Input for target %s is not valid JSON text.", tg.ID)
	case tg.InputPath != nil && *tg.InputPath != "":
		if _, err := parseJSONPath(*tg.InputPath); err != nil {
			return validation("InputPath for target %s is not a valid JSON path: %s", tg.ID, *tg.InputPath)
		}
	case tg.InputTransformer != nil:
		return checkTransformer(tg.ID, tg.InputTransformer)
	}
	return nil
}

func checkTransformer(id string, x *InputTransformer) error {
	for name, p := range x.InputPathsMap {
		if strings.HasPrefix(name, "aws.events.") {
			return validation("InputPathsMap for target %s cannot define the reserved variable %s.", id, name)
		}
		if _, err := parseJSONPath(p); err != nil {
			return validation("InputPathsMap for target %s has an invalid JSON path for %s: %s", id, name, p)
		}
	}
	if !jsonTemplate(x.InputTemplate) {
		return nil
	}
	probe := renderTemplate(x.InputTemplate, func(name string) (any, bool) {
		switch _, defined := x.InputPathsMap[name]; {
		case defined:
			return "x", true
		case name == varEvent || name == varEventJSON:
			return rawJSON(`{}`), true
		case name == varRuleARN || name == varRuleName || name == varIngestionTime:
			return "x", true
		}
		return nil, false
	})
	if !json.Valid(probe) {
		return validation("Invalid InputTemplate for target %s : the template is a JSON object but is not valid JSON once its placeholders are filled.", id)
	}
	return nil
}

// jsonTemplate reports whether a template is a JSON object (EventBridge
// decides by the surrounding braces).
func jsonTemplate(tpl string) bool {
	t := strings.TrimSpace(tpl)
	return strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}")
}

// payload is what a target receives for a matched event: the event, or
// Input, or the part InputPath selects, or InputTransformer's rendering.
func payload(r *Rule, tg *Target, ev *envelope) ([]byte, error) {
	switch {
	case tg.Input != nil:
		return []byte(*tg.Input), nil
	case tg.InputPath != nil && *tg.InputPath != "":
		return inputPath(*tg.InputPath, ev)
	case tg.InputTransformer != nil:
		return transform(r, tg.InputTransformer, ev)
	}
	return ev.raw, nil
}

func inputPath(p string, ev *envelope) ([]byte, error) {
	path, err := parseJSONPath(p)
	if err != nil {
		return nil, err
	}
	v, ok := path.eval(ev.decoded())
	if !ok {
		return []byte("null"), nil
	}
	return marshal(v)
}

// transform renders an input transformer for an event.
func transform(r *Rule, x *InputTransformer, ev *envelope) ([]byte, error) {
	paths := make(map[string]jsonPath, len(x.InputPathsMap))
	for name, p := range x.InputPathsMap {
		path, err := parseJSONPath(p)
		if err != nil {
			return nil, err
		}
		paths[name] = path
	}
	lookup := func(name string) (any, bool) {
		if path, ok := paths[name]; ok {
			if v, found := path.eval(ev.decoded()); found {
				return v, true
			}
			return missing{}, true
		}
		return predefined(r, ev, name)
	}
	return renderTemplate(x.InputTemplate, lookup), nil
}

// predefined returns the value of a predefined variable.
func predefined(r *Rule, ev *envelope, name string) (any, bool) {
	switch name {
	case varRuleARN:
		return r.ARN, true
	case varRuleName:
		return r.Name, true
	case varIngestionTime:
		return ev.ingested.Format("2006-01-02T15:04:05.000Z"), true
	case varEvent:
		m := ev.decoded().(map[string]any)
		out := make(map[string]any, len(m))
		for k, v := range m {
			if k != "detail" {
				out[k] = v
			}
		}
		return rawJSON(mustMarshal(out)), true
	case varEventJSON:
		return rawJSON(ev.raw), true
	}
	return nil, false
}

// rawJSON is a value inserted as its JSON text.
type rawJSON []byte

// missing is the value of a variable whose path selected nothing.
type missing struct{}

// renderTemplate fills the <name> placeholders of a template; lookup
// returns a variable's value and whether the variable is defined (an
// undefined <name> stays as written). In a JSON template a placeholder
// inside a string literal takes the value's text (escaped for the
// string); outside one it takes the value as JSON (null when the path
// selected nothing). In a text template every value is inserted as text:
// strings unquoted, other values as JSON, nothing when missing.
func renderTemplate(tpl string, lookup func(string) (any, bool)) []byte {
	isJSON := jsonTemplate(tpl)
	var out bytes.Buffer
	inString := false
	for i := 0; i < len(tpl); i++ {
		c := tpl[i]
		if c == '<' {
			if name, n := placeholder(tpl[i:]); n > 0 {
				if v, ok := lookup(name); ok {
					writeValue(&out, v, isJSON && !inString, isJSON)
					i += n - 1
					continue
				}
			}
		}
		if isJSON && c == '"' && !escaped(tpl, i) {
			inString = !inString
		}
		out.WriteByte(c)
	}
	return out.Bytes()
}

// placeholder returns the variable name of a "<name>" at the start of s
// and the placeholder's length, or 0.
func placeholder(s string) (string, int) {
	end := strings.IndexByte(s, '>')
	if end < 2 {
		return "", 0
	}
	name := s[1:end]
	for _, c := range name {
		if !(c == '.' || c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return "", 0
		}
	}
	return name, end + 1
}

// escaped reports whether tpl[i] is preceded by an odd number of backslashes.
func escaped(tpl string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && tpl[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// writeValue writes one placeholder's value.
func writeValue(out *bytes.Buffer, v any, asJSON, inJSON bool) {
	_, isMissing := v.(missing)
	switch {
	case asJSON && isMissing:
		out.WriteString("null")
	case asJSON:
		out.Write(valueJSON(v))
	case isMissing:
	case inJSON:
		text := valueText(v)
		quoted := mustMarshal(string(text))
		out.Write(quoted[1 : len(quoted)-1])
	default:
		out.Write(valueText(v))
	}
}

// valueJSON is a value's JSON text.
func valueJSON(v any) []byte {
	if raw, ok := v.(rawJSON); ok {
		return raw
	}
	return mustMarshal(v)
}

// valueText is a value as text: a string's characters, other values' JSON.
func valueText(v any) []byte {
	if s, ok := v.(string); ok {
		return []byte(s)
	}
	return valueJSON(v)
}

// marshal encodes v as JSON without HTML escaping (as EventBridge sends).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// mustMarshal encodes a value decoded from JSON (which always encodes).
func mustMarshal(v any) []byte {
	b, err := marshal(v)
	if err != nil {
		return []byte("null")
	}
	return b
}
