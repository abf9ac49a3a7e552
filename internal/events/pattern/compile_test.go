package pattern

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
)

// compileErr compiles an invalid pattern and returns its AWS error.
func compileErr(t *testing.T, pattern string) *awserr.Error {
	t.Helper()
	p, err := Compile(pattern)
	require.Nil(t, p)
	e, ok := awserr.As(err)
	require.True(t, ok, "error %v is not an *awserr.Error", err)
	require.Equal(t, CodeInvalidEventPattern, e.Code)
	require.Equal(t, 400, e.HTTPStatus())
	require.True(t, strings.HasPrefix(e.Message, "Event pattern is not valid. Reason: "), e.Message)
	return e
}

// reason is the message without the prefix and the location.
func reason(e *awserr.Error) string {
	r := strings.TrimPrefix(e.Message, "Event pattern is not valid. Reason: ")
	r, _, _ = strings.Cut(r, "\n at [Source: ")
	return r
}

func TestCompile_Invalid(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, pattern, reason string }{
		// Structure.
		{"NotAnObject", `["aws.ec2"]`, "Filter is not an object"},
		{"Empty", ``, "Filter is not an object"},
		{"String", `"x"`, "Filter is not an object"},
		{"EmptyObject", `{}`, "Empty objects are not allowed"},
		{"EmptyNestedObject", `{"source":["aws.health"],"detail":{}}`, "Empty objects are not allowed"},
		{"LeafNotArray", `{"detail":{"pipeline":{"slug":"some-pipeline"}}}`, `"slug" must be an object or an array`},
		{"LeafNumber", `{"a":5}`, `"a" must be an object or an array`},
		{"LeafNull", `{"a":null}`, `"a" must be an object or an array`},
		{"EmptyArray", `{"source":[]}`, "Empty arrays are not allowed"},
		{"NestedArray", `{"source":[["a"]]}`, "Match value must be String, number, true, false, or null"},
		// Match expressions.
		{"EmptyExpression", `{"a":[{}]}`, "Match expression name not found"},
		{"UnknownOperator", `{"a":[{"contains":"x"}]}`, "Unrecognized match type contains"},
		{"TwoOperators", `{"a":[{"prefix":"x","suffix":"y"}]}`, "Only one key allowed in match expression"},
		{"PrefixNotString", `{"a":[{"prefix":5}]}`, "prefix match pattern must be a string"},
		{"PrefixNull", `{"a":[{"prefix":null}]}`, "prefix match pattern must be a string"},
		{"PrefixEmptyObject", `{"a":[{"prefix":{}}]}`, "Prefix expression name not found"},
		{"PrefixUnknownFold", `{"a":[{"prefix":{"ignore-case":"x"}}]}`, "Unsupported prefix pattern: ignore-case"},
		{"PrefixFoldNotString", `{"a":[{"prefix":{"equals-ignore-case":1}}]}`, "equals-ignore-case match pattern must be a string"},
		{"PrefixFoldTwoKeys", `{"a":[{"prefix":{"equals-ignore-case":"x","b":1}}]}`, "Only one key allowed in match expression"},
		{"SuffixNotString", `{"a":[{"suffix":["x"]}]}`, "suffix match pattern must be a string"},
		{"SuffixUnknownFold", `{"a":[{"suffix":{"wildcard":"x"}}]}`, "Unsupported suffix pattern: wildcard"},
		{"EqualsIgnoreCaseNotString", `{"a":[{"equals-ignore-case":true}]}`, "equals-ignore-case match pattern must be a string"},
		{"ExactlyNotString", `{"a":[{"exactly":1}]}`, "exact match pattern must be a string"},
		{"WildcardNotString", `{"a":[{"wildcard":1}]}`, "wildcard match pattern must be a string"},
		{"WildcardConsecutive", `{"a":[{"wildcard":"a**b"}]}`, "Consecutive wildcard characters at pos 2"},
		{"WildcardBadEscape", `{"a":[{"wildcard":"a\\b"}]}`, "Invalid escape character at pos 2"},
		{"WildcardTrailingBackslash", `{"a":[{"wildcard":"ab\\"}]}`, "Invalid escape character at pos 3"},
		{"ExistsNotBoolean", `{"a":[{"exists":"true"}]}`, "exists match pattern must be either true or false."},
		{"ExistsTwoKeys", `{"a":[{"exists":true,"x":1}]}`, "Only one key allowed in match expression"},
		// Numeric.
		{"NumericNotArray", `{"a":[{"numeric":5}]}`, "Value of numeric must be an array."},
		{"NumericEmpty", `{"a":[{"numeric":[]}]}`, "Invalid member in numeric match: ]"},
		{"NumericNoOperator", `{"a":[{"numeric":[5]}]}`, "Invalid member in numeric match: 5"},
		{"NumericUnknownOperator", `{"a":[{"numeric":["!=",5]}]}`, "Unrecognized numeric range operator: !="},
		{"NumericMissingValue", `{"a":[{"numeric":[">"]}]}`, "Value of > must be numeric"},
		{"NumericStringValue", `{"a":[{"numeric":["<","5"]}]}`, "Value of < must be numeric"},
		{"NumericEqualsNotNumber", `{"a":[{"numeric":["=","x"]}]}`, "Value of equals must be numeric"},
		{"NumericEqualsTooMany", `{"a":[{"numeric":["=",1,"<",2]}]}`, "Too many elements in numeric expression"},
		{"NumericLessThanThenMore", `{"a":[{"numeric":["<",5,">",1]}]}`, "Too many elements in numeric expression"},
		{"NumericBadUpperOperator", `{"a":[{"numeric":[">",1,">",5]}]}`, "Bad numeric range operator: >"},
		{"NumericBadUpperValue", `{"a":[{"numeric":[">",1,5]}]}`, "Bad value in numeric range: 5"},
		{"NumericUpperNotNumber", `{"a":[{"numeric":[">",1,"<","5"]}]}`, "Value of < must be numeric"},
		{"NumericTooManyTerms", `{"a":[{"numeric":[">",1,"<",5,6]}]}`, "Too many terms in numeric range expression"},
		{"NumericBottomAboveTop", `{"a":[{"numeric":[">",5,"<",1]}]}`, "Bottom must be less than top"},
		{"NumericBottomEqualsTop", `{"a":[{"numeric":[">=",5,"<=",5]}]}`, "Bottom must be less than top"},
		{"NumericTooLarge", `{"a":[{"numeric":[">",5000000001]}]}`, "Value must be between -5.0E9 and 5.0E9, inclusive"},
		{"NumericTooSmall", `{"a":[{"numeric":["<",-5.1e9]}]}`, "Value must be between -5.0E9 and 5.0E9, inclusive"},
		{"NumericTooPrecise", `{"a":[{"numeric":["=",0.0000001]}]}`, "Only values upto 6 decimals are supported"},
		{"NumericTooPreciseExponent", `{"a":[{"numeric":["=",1e-7]}]}`, "Only values upto 6 decimals are supported"},
		{"NumericExtraKey", `{"a":[{"numeric":[">",1],"x":1}]}`, "Too many elements in numeric expression"},
		// Anything-but.
		{"AnythingButBoolean", `{"a":[{"anything-but":true}]}`, "Value of anything-but must be an array or single string/number value."},
		{"AnythingButNull", `{"a":[{"anything-but":null}]}`, "Value of anything-but must be an array or single string/number value."},
		{"AnythingButMixed", `{"a":[{"anything-but":["a",1]}]}`, "Inside anything but list, either all values are number or string, mixed type is not supported"},
		{"AnythingButEmptyList", `{"a":[{"anything-but":[]}]}`, "Inside anything but list, either all values are number or string, mixed type is not supported"},
		{"AnythingButListNull", `{"a":[{"anything-but":["a",null]}]}`, "Inside anything but list, start|null|boolean is not supported."},
		{"AnythingButListObject", `{"a":[{"anything-but":[{"prefix":"a"}]}]}`, "Inside anything but list, start|null|boolean is not supported."},
		{"AnythingButEmptyObject", `{"a":[{"anything-but":{}}]}`, "Anything-But expression name not found"},
		{"AnythingButUnknown", `{"a":[{"anything-but":{"numeric":[">",1]}}]}`, "Unsupported anything-but pattern: numeric"},
		{"AnythingButPrefixNumber", `{"a":[{"anything-but":{"prefix":5}}]}`, "prefix/suffix match pattern must be a string"},
		{"AnythingButPrefixEmpty", `{"a":[{"anything-but":{"prefix":""}}]}`, "Null prefix/suffix not allowed"},
		{"AnythingButSuffixEmptyInList", `{"a":[{"anything-but":{"suffix":["x",""]}}]}`, "Null prefix/suffix not allowed"},
		{"AnythingButPrefixBoolean", `{"a":[{"anything-but":{"prefix":true}}]}`, "Value of anything-but must be an array or single string/number value."},
		{"AnythingButFoldNumber", `{"a":[{"anything-but":{"equals-ignore-case":[1]}}]}`, "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported."},
		{"AnythingButWildcardNumber", `{"a":[{"anything-but":{"wildcard":1}}]}`, "wildcard match pattern must be a string"},
		{"AnythingButWildcardConsecutive", `{"a":[{"anything-but":{"wildcard":"**"}}]}`, "Consecutive wildcard characters at pos 1"},
		{"AnythingButTwoKeys", `{"a":[{"anything-but":"x","prefix":"y"}]}`, "Too many elements in numeric expression"},
		{"AnythingButNestedTwoKeys", `{"a":[{"anything-but":{"prefix":"x","suffix":"y"}}]}`, "Too many elements in numeric expression"},
		{"AnythingButNumberTooLarge", `{"a":[{"anything-but":[1e10]}]}`, "Value must be between -5.0E9 and 5.0E9, inclusive"},
		// CIDR (reported without a location, as EventBridge does).
		{"CIDRNotString", `{"a":[{"cidr":1}]}`, "prefix match pattern must be a string"},
		{"CIDRNoSlash", `{"a":[{"cidr":"10.0.0.0"}]}`, "Malformed CIDR, one '/' required"},
		{"CIDRTwoSlashes", `{"a":[{"cidr":"10.0.0.0/8/8"}]}`, "Malformed CIDR, one '/' required"},
		{"CIDRMaskNotInteger", `{"a":[{"cidr":"10.0.0.0/x"}]}`, "Malformed CIDR, mask bits must be an integer"},
		{"CIDRMaskNegative", `{"a":[{"cidr":"10.0.0.0/-1"}]}`, "Malformed CIDR, mask bits must not be negative"},
		{"CIDRV4MaskTooLarge", `{"a":[{"cidr":"10.0.0.0/32"}]}`, "IPv4 mask bits must be < 32"},
		{"CIDRV6MaskTooLarge", `{"a":[{"cidr":"2001:db8::/128"}]}`, "IPv6 mask bits must be < 128"},
		{"CIDRNotAnAddress", `{"a":[{"cidr":"example.com/8"}]}`, "Nonstandard IP address: example.com"},
		{"CIDRBadAddress", `{"a":[{"cidr":"10.0.0.256/8"}]}`, "Invalid IP address: 10.0.0.256"},
		// $or.
		{"OrNotArray", `{"$or":{"a":["x"]}}`, "It must be an Array followed with $or."},
		{"OrOneAlternative", `{"$or":[{"a":["x"]}]}`, "There must have at least 2 Objects in $or relationship."},
		{"OrEmpty", `{"$or":[]}`, "There must have at least 2 Objects in $or relationship."},
		{"OrNotObject", `{"$or":[{"a":["x"]},"b"]}`, "Only JSON object is allowed in array of $or relationship."},
		{"OrEmptyAlternative", `{"$or":[{"a":["x"]},{}]}`, "Empty objects are not allowed"},
		{"OrReservedName", `{"$or":[{"a":["x"]},{"numeric":[1]}]}`, "numeric is Ruler reserved fieldName which cannot be used inside $or."},
		{"OrReservedNameNested", `{"$or":[{"a":["x"]},{"b":{"prefix":["y"]}}]}`, "prefix is Ruler reserved fieldName which cannot be used inside $or."},
		// JSON syntax, in Jackson's words.
		{"UnquotedName", `{source:["a"]}`, "Unexpected character ('s' (code 115)): was expecting double-quote to start field name"},
		{"EscapedQuotes", `{\"detail\": 1}`, `Unexpected character ('\' (code 92)): was expecting double-quote to start field name`},
		{"MissingColon", `{"a" ["x"]}`, "Unexpected character ('[' (code 91)): was expecting a colon to separate field name and value"},
		{"MissingComma", `{"a":["x"] "b":["y"]}`, `Unexpected character ('"' (code 34)): was expecting comma to separate Object entries`},
		{"MissingArrayComma", `{"a":["x" "y"]}`, `Unexpected character ('"' (code 34)): was expecting comma to separate Array entries`},
		{"TrailingComma", `{"a":["x"],}`, "Unexpected character ('}' (code 125)): was expecting double-quote to start field name"},
		{"TrailingArrayComma", `{"a":["x",]}`, "Unexpected character (']' (code 93)): expected a valid value " + expectValue},
		{"Unterminated", `{"a":["x"]`, "Unexpected end-of-input: expected close marker for Object"},
		{"UnterminatedArray", `{"a":["x"`, "Unexpected end-of-input: expected close marker for Array"},
		{"UnterminatedString", `{"a":["x`, "Unexpected end-of-input: was expecting closing quote for a string value"},
		{"WrongCloser", `{"a":["x"}}`, "Unexpected close marker '}': expected ']'"},
		{"BadToken", `{"a":[tru]}`, "Unrecognized token 'tru': was expecting " + expectValue},
		{"SingleQuotes", `{"a":['x']}`, "Unexpected character (''' (code 39)): expected a valid value " + expectValue},
		{"LeadingZero", `{"a":[01]}`, "Invalid numeric value: Leading zeroes not allowed"},
		{"BareMinus", `{"a":[-]}`, "Unexpected character (']' (code 93)) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value"},
		{"BareDecimalPoint", `{"a":[1.]}`, "Unexpected character (']' (code 93)) in numeric value: Decimal point not followed by a digit"},
		{"BareExponent", `{"a":[1e]}`, "Unexpected character (']' (code 93)) in numeric value: Exponent indicator not followed by a digit"},
		{"ControlCharacter", "{\"a\":[\"x\ny\"]}", "Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string value"},
		{"BadEscape", `{"a":["\x"]}`, "Unrecognized character escape 'x' (code 120)"},
		{"BadUnicodeEscape", `{"a":["\u12g4"]}`, "Unexpected character ('g' (code 103)): expected a hex-digit for character escape sequence"},
		{"TrailingContent", `{"a":["x"]} {}`, "Unexpected character ('{' (code 123)): expected end-of-input"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tc.reason, reason(compileErr(t, tc.pattern)))
		})
	}
}

func TestCompile_ErrorLocation(t *testing.T) {
	t.Parallel()
	e := compileErr(t, `{"source": ["aws.health"], "detail": {}}`)
	require.Equal(t, "Event pattern is not valid. Reason: Empty objects are not allowed\n"+
		` at [Source: (String)"{"source": ["aws.health"], "detail": {}}"; line: 1, column: 40]`, e.Message)

	e = compileErr(t, "{\n  \"detail\": {\n    \"numeric\": [{\"numeric\": 5}]\n  }\n}")
	require.Contains(t, e.Message, "Reason: Value of numeric must be an array.\n at [Source: (String)\"{\n")
	require.True(t, strings.HasSuffix(e.Message, "; line: 3, column: 30]"), e.Message)

	e = compileErr(t, `{"a":[{"cidr":"10.0.0.0"}]}`)
	require.Equal(t, "Event pattern is not valid. Reason: Malformed CIDR, one '/' required", e.Message)
}

func TestCompile_LongSourceIsTruncatedInLocation(t *testing.T) {
	t.Parallel()
	long := `{"a":["` + strings.Repeat("x", 600) + `"],"b":5}`
	e := compileErr(t, long)
	require.Equal(t, `"b" must be an object or an array`, reason(e))
	require.Contains(t, e.Message, `"[truncated 116 chars]; line: 1, column: 616]`)
}

func TestCompile_SizeLimit(t *testing.T) {
	t.Parallel()
	fits := `{"a":["` + strings.Repeat("x", MaxPatternLength-10) + `"]}`
	require.Len(t, fits, MaxPatternLength)
	_, err := Compile(fits)
	require.NoError(t, err)

	e := compileErr(t, `{"a":["`+strings.Repeat("x", MaxPatternLength-9)+`"]}`)
	require.Equal(t, "Event pattern size 2049 exceeds the maximum of 2048 characters", reason(e))

	// Characters, not bytes: 2040 two-byte characters fit.
	_, err = Compile(`{"a":["` + strings.Repeat("é", MaxPatternLength-10) + `"]}`)
	require.NoError(t, err)
}

func TestCompile_Valid(t *testing.T) {
	t.Parallel()
	for _, p := range []string{
		`{"source":["aws.ec2"]}`,
		" \n{ \"source\" : [ \"aws.ec2\" ] }\r\n ",
		`{"a":["x\"y\\z\u00e9\ud83d\ude00"]}`,
		`{"a":[{"numeric":[">=",-5e9,"<=",5e9]}]}`,
		`{"a":[{"numeric":["=",0.000001]}]}`,
		`{"a":[{"numeric":["=",1.5000000]}]}`,
		`{"a":[{"anything-but":{"prefix":[]}}]}`,
		`{"a":[{"exists":false}]}`,
		`{"a":[{"cidr":"10.0.0.0/31"}, {"cidr":"::/0"}]}`,
		`{"a":[{"wildcard":"\\\\\\*"}]}`,
		`{"a":[1e400]}`,
		`{"prefix":["field names may be operator names outside $or"]}`,
		`{"$or":[{"a":["x"]},{"b":["y"]}],"$or ":["literal"]}`,
	} {
		_, err := Compile(p)
		require.NoError(t, err, p)
	}
}

func TestCompile_DuplicateKeys(t *testing.T) {
	t.Parallel()
	// The last leaf given for a field is the one used.
	p, err := Compile(`{"detail":{"location":[{"prefix":"us-"}],"location":[{"anything-but":"us-east"}]}}`)
	require.NoError(t, err)
	require.True(t, p.MatchValue(map[string]any{"detail": map[string]any{"location": "eu-west"}}))
	require.False(t, p.MatchValue(map[string]any{"detail": map[string]any{"location": "us-east"}}))

	// Objects given twice merge, as EventBridge flattens patterns to paths.
	p, err = Compile(`{"detail":{"a":["1"]},"detail":{"b":["2"]}}`)
	require.NoError(t, err)
	require.True(t, p.MatchValue(map[string]any{"detail": map[string]any{"a": "1", "b": "2"}}))
	require.False(t, p.MatchValue(map[string]any{"detail": map[string]any{"a": "1"}}))
}
