package sns

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxMessageAttributes is how many attributes a message may carry.
const maxMessageAttributes = 10

var (
	attrNamePattern  = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,256}$`)
	groupIDPattern   = regexp.MustCompile(`^[!-~]{1,128}$`)
	subjectFirstRune = regexp.MustCompile(`^[A-Za-z0-9\p{P}]`)
)

// checkMessage applies SNS's rules to a message, its subject, structure
// and attributes.
func checkMessage(p PublishParams) error {
	if p.Message == "" {
		return invalid("Empty message")
	}
	if p.Subject != nil {
		if err := checkSubject(*p.Subject); err != nil {
			return err
		}
	}
	if err := checkStructure(p.MessageStructure, p.Message); err != nil {
		return err
	}
	if p.MessageGroupID != "" && !groupIDPattern.MatchString(p.MessageGroupID) {
		return invalid("MessageGroupId Reason: it must be 1 to 128 printable ASCII characters")
	}
	if p.MessageDeduplicationID != "" && !groupIDPattern.MatchString(p.MessageDeduplicationID) {
		return invalid("MessageDeduplicationId Reason: it must be 1 to 128 printable ASCII characters")
	}
	size, err := checkAttributes(p.MessageAttributes)
	if err != nil {
		return err
	}
	if size+len(p.Message) > MaxMessageBytes {
		return invalid("Message too long")
	}
	return nil
}

// checkSubject: ASCII text of at most 100 characters, no line breaks or
// control characters, starting with a letter, number or punctuation.
func checkSubject(s string) error {
	if s == "" || len(s) > 100 || !subjectFirstRune.MatchString(s) {
		return invalid("Subject")
	}
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			return invalid("Subject")
		}
	}
	return nil
}

func checkStructure(structure, message string) error {
	switch structure {
	case "":
		return nil
	case "json":
	default:
		return invalid("MessageStructure")
	}
	m, ok := isJSONObject(message)
	if !ok {
		return invalid("Message Structure - JSON message body failed to parse")
	}
	if _, ok := m["default"].(string); !ok {
		return invalid("Message Structure - No default entry in JSON message body")
	}
	return nil
}

// checkAttributes validates message attributes and returns their size.
func checkAttributes(attrs map[string]MessageAttribute) (int, error) {
	if len(attrs) > maxMessageAttributes {
		return 0, invalid("Number of message attributes [%d] exceeds the allowed maximum [%d].", len(attrs), maxMessageAttributes)
	}
	size := 0
	for name, a := range attrs {
		if err := checkAttributeName(name); err != nil {
			return 0, err
		}
		if err := checkAttributeValue(name, a); err != nil {
			return 0, err
		}
		size += len(name) + len(a.DataType) + len(a.StringValue) + len(a.BinaryValue)
	}
	return size, nil
}

func checkAttributeName(name string) error {
	lower := strings.ToLower(name)
	if !attrNamePattern.MatchString(name) || strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".") ||
		strings.Contains(name, "..") || strings.HasPrefix(lower, "aws.") || strings.HasPrefix(lower, "amazon.") {
		return Err(CodeParameterValueInvalid, "The message attribute name '%s' is invalid: names are 1 to 256 "+
			"letters, digits, '_', '-' and '.', not starting with AWS. or Amazon.", name)
	}
	return nil
}

func checkAttributeValue(name string, a MessageAttribute) error {
	base, _, _ := strings.Cut(a.DataType, ".")
	switch {
	case a.DataType == "":
		return Err(CodeParameterValueInvalid, "The message attribute '%s' must contain non-empty message attribute type.", name)
	case base != "String" && base != "Number" && base != "Binary":
		return Err(CodeParameterValueInvalid, "The message attribute '%s' has an invalid message attribute type, "+
			"the set of supported type prefixes is Binary, Number, and String.", name)
	case base == "Binary" && len(a.BinaryValue) == 0, base != "Binary" && a.StringValue == "":
		return Err(CodeParameterValueInvalid, "The message attribute '%s' must contain non-empty message attribute value "+
			"for message attribute type '%s'.", name, base)
	case base == "Number":
		if _, err := strconv.ParseFloat(a.StringValue, 64); err != nil {
			return Err(CodeParameterValueInvalid, "Could not cast message attribute '%s' value to number.", name)
		}
	case a.DataType == "String.Array":
		var list []any
		if err := json.Unmarshal([]byte(a.StringValue), &list); err != nil {
			return Err(CodeParameterValueInvalid, "The message attribute '%s' with type 'String.Array' must be a JSON array.", name)
		}
	}
	if !utf8.ValidString(a.StringValue) {
		return Err(CodeParameterValueInvalid, "The message attribute '%s' has a value that is not valid UTF-8.", name)
	}
	return nil
}
