package pattern

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// matchCase is one pattern against one event.
type matchCase struct {
	name    string
	pattern string
	event   string
	want    bool
}

// runMatchCases checks every case three ways: Match on the text, MatchValue
// on a json.Number decoding and MatchValue on a float64 decoding.
func runMatchCases(t *testing.T, cases []matchCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := Compile(tc.pattern)
			require.NoError(t, err)
			got, err := p.Match([]byte(tc.event))
			require.NoError(t, err)
			require.Equal(t, tc.want, got, "Match (json.Number)")
			var floats map[string]any
			require.NoError(t, json.Unmarshal([]byte(tc.event), &floats))
			require.Equal(t, tc.want, p.MatchValue(floats), "MatchValue (float64)")
		})
	}
}

func TestPattern_ExactValues(t *testing.T) {
	t.Parallel()
	runMatchCases(t, []matchCase{
		{"StringMatches", `{"source":["aws.ec2"]}`, `{"source":"aws.ec2"}`, true},
		{"StringIsCaseSensitive", `{"source":["aws.ec2"]}`, `{"source":"AWS.EC2"}`, false},
		{"OneOfSeveral", `{"source":["aws.ec2","aws.fargate"]}`, `{"source":"aws.fargate"}`, true},
		{"NoneOfSeveral", `{"source":["aws.ec2","aws.fargate"]}`, `{"source":"aws.s3"}`, false},
		{"MissingField", `{"source":["aws.ec2"]}`, `{"detail-type":"x"}`, false},
		{"AllFieldsMustMatch", `{"source":["a"],"detail-type":["b"]}`, `{"source":"a","detail-type":"c"}`, false},
		{"AllFieldsMatch", `{"source":["a"],"detail-type":["b"]}`, `{"source":"a","detail-type":"b","x":1}`, true},
		{"EmptyString", `{"detail":{"eventVersion":[""]}}`, `{"detail":{"eventVersion":""}}`, true},
		{"EmptyStringIsNotNull", `{"detail":{"eventVersion":[""]}}`, `{"detail":{"eventVersion":null}}`, false},
		{"Null", `{"detail":{"responseElements":[null]}}`, `{"detail":{"responseElements":null}}`, true},
		{"NullIsNotMissing", `{"detail":{"responseElements":[null]}}`, `{"detail":{}}`, false},
		{"NullIsNotString", `{"a":[null]}`, `{"a":"null"}`, false},
		{"True", `{"a":[true]}`, `{"a":true}`, true},
		{"TrueIsNotFalse", `{"a":[true]}`, `{"a":false}`, false},
		{"TrueIsNotString", `{"a":[true]}`, `{"a":"true"}`, false},
		{"False", `{"a":[false]}`, `{"a":false}`, true},
		{"NumberInteger", `{"detail":{"risk-score":[80]}}`, `{"detail":{"risk-score":80}}`, true},
		{"NumberComparedNumerically", `{"a":[300]}`, `{"a":3.0e2}`, true},
		{"NumberWithFraction", `{"a":[300]}`, `{"a":300.0}`, true},
		{"NumberPatternExponent", `{"a":[3.0e2]}`, `{"a":300}`, true},
		{"NumberDiffers", `{"a":[300]}`, `{"a":301}`, false},
		{"NumberIsNotString", `{"a":[300]}`, `{"a":"300"}`, false},
		{"StringIsNotNumber", `{"a":["300"]}`, `{"a":300}`, false},
		{"AccountIDBeyondNumericRange", `{"a":[123456789012]}`, `{"a":123456789012}`, true},
		{"Negative", `{"a":[-1.5]}`, `{"a":-1.50}`, true},
		{"NestedObject", `{"detail":{"state":{"name":["running"]}}}`, `{"detail":{"state":{"name":"running"}}}`, true},
		{"NestedObjectMissing", `{"detail":{"state":{"name":["running"]}}}`, `{"detail":{"state":"running"}}`, false},
		{"EventArrayAnyElement", `{"resources":["arn:b"]}`, `{"resources":["arn:a","arn:b"]}`, true},
		{"EventArrayNoElement", `{"resources":["arn:c"]}`, `{"resources":["arn:a","arn:b"]}`, false},
		{"EventArrayEmpty", `{"resources":["arn:c"]}`, `{"resources":[]}`, false},
		{"EventNestedArrays", `{"a":[3]}`, `{"a":[[1,2],[3]]}`, true},
		{"EventObjectIsNotLeaf", `{"detail":["x"]}`, `{"detail":{"x":"x"}}`, false},
		{"IPLiteralEqualsOtherSpelling", `{"ip":["2001:db8::1"]}`, `{"ip":"2001:0db8:0:0:0:0:0:1"}`, true},
		{"Exactly", `{"a":[{"exactly":"x"}]}`, `{"a":"x"}`, true},
		{"ExactlyDiffers", `{"a":[{"exactly":"x"}]}`, `{"a":"X"}`, false},
	})
}

func TestPattern_ArraysOfObjects(t *testing.T) {
	t.Parallel()
	const employees = `{"employees":[{"firstName":"John","lastName":"Doe"},{"firstName":"Anna","lastName":"Smith"},` +
		`{"firstName":"Peter","lastName":"Jones"}]}`
	runMatchCases(t, []matchCase{
		{"FieldOfAnElement", `{"employees":{"firstName":["Anna"]}}`, employees, true},
		{"FieldsOfOneElement", `{"employees":{"firstName":["Anna"],"lastName":["Smith"]}}`, employees, true},
		{"FieldsOfDifferentElements", `{"employees":{"firstName":["Anna"],"lastName":["Jones"]}}`, employees, false},
		{"NestedArrays", `{"employees":{"firstName":["Peter"]}}`,
			`{"employees":[[{"firstName":"John"}],[{"firstName":"Peter"}]]}`, true},
		{"ArrayOfScalarsHasNoFields", `{"employees":{"firstName":["Anna"]}}`, `{"employees":["Anna"]}`, false},
	})
}

func TestPattern_Prefix(t *testing.T) {
	t.Parallel()
	runMatchCases(t, []matchCase{
		{"Matches", `{"time":[{"prefix":"2017-10-02"}]}`, `{"time":"2017-10-02T18:43:48Z"}`, true},
		{"DoesNotMatch", `{"time":[{"prefix":"2017-10-02"}]}`, `{"time":"2017-10-03T18:43:48Z"}`, false},
		{"CaseSensitive", `{"region":[{"prefix":"us-"}]}`, `{"region":"US-east-1"}`, false},
		{"WholeValue", `{"region":[{"prefix":"us-"}]}`, `{"region":"us-"}`, true},
		{"EmptyPrefixAnyString", `{"region":[{"prefix":""}]}`, `{"region":"eu-west-1"}`, true},
		{"OnlyStrings", `{"n":[{"prefix":"1"}]}`, `{"n":12}`, false},
		{"Missing", `{"region":[{"prefix":"us-"}]}`, `{}`, false},
		{"ArrayElement", `{"region":[{"prefix":"us-"}]}`, `{"region":["eu-west-1","us-east-1"]}`, true},
		{"IgnoreCase", `{"service":[{"prefix":{"equals-ignore-case":"EventB"}}]}`, `{"service":"eventbridge"}`, true},
		{"IgnoreCaseUpper", `{"service":[{"prefix":{"equals-ignore-case":"eventb"}}]}`, `{"service":"EVENTBRIDGE"}`, true},
		{"IgnoreCaseDiffers", `{"service":[{"prefix":{"equals-ignore-case":"eventb"}}]}`, `{"service":"events"}`, false},
		{"IgnoreCaseUnicode", `{"s":[{"prefix":{"equals-ignore-case":"ÉTÉ"}}]}`, `{"s":"été-2024"}`, true},
	})
}

func TestPattern_Suffix(t *testing.T) {
	t.Parallel()
	runMatchCases(t, []matchCase{
		{"Matches", `{"FileName":[{"suffix":".png"}]}`, `{"FileName":"image.png"}`, true},
		{"DoesNotMatch", `{"FileName":[{"suffix":".png"}]}`, `{"FileName":"image.jpg"}`, false},
		{"CaseSensitive", `{"FileName":[{"suffix":".png"}]}`, `{"FileName":"image.PNG"}`, false},
		{"OnlyStrings", `{"n":[{"suffix":"2"}]}`, `{"n":12}`, false},
		{"ArrayElement", `{"f":[{"suffix":".png"}]}`, `{"f":["a.jpg","b.png"]}`, true},
		{"IgnoreCase", `{"FileName":[{"suffix":{"equals-ignore-case":".png"}}]}`, `{"FileName":"image.PNG"}`, true},
		{"IgnoreCaseDiffers", `{"FileName":[{"suffix":{"equals-ignore-case":".png"}}]}`, `{"FileName":"image.PNGX"}`, false},
		{"IgnoreCaseShorter", `{"FileName":[{"suffix":{"equals-ignore-case":".png"}}]}`, `{"FileName":"NG"}`, false},
	})
}

func TestPattern_EqualsIgnoreCase(t *testing.T) {
	t.Parallel()
	runMatchCases(t, []matchCase{
		{"Matches", `{"Name":[{"equals-ignore-case":"alice"}]}`, `{"Name":"ALICE"}`, true},
		{"WholeValue", `{"Name":[{"equals-ignore-case":"alice"}]}`, `{"Name":"Alice B"}`, false},
		{"OnlyStrings", `{"Name":[{"equals-ignore-case":"true"}]}`, `{"Name":true}`, false},
		{"Unicode", `{"Name":[{"equals-ignore-case":"straße"}]}`, `{"Name":"STRAßE"}`, true},
		{"ArrayElement", `{"Name":[{"equals-ignore-case":"bob"}]}`, `{"Name":["Alice","BOB"]}`, true},
	})
}

func TestPattern_Wildcard(t *testing.T) {
	t.Parallel()
	runMatchCases(t, []matchCase{
		{"Middle", `{"source":[{"wildcard":"Simple*Service"}]}`, `{"source":"Simple Notification Service"}`, true},
		{"MiddleEmptyRun", `{"source":[{"wildcard":"Simple*Service"}]}`, `{"source":"SimpleService"}`, true},
		{"MiddleMismatch", `{"source":[{"wildcard":"Simple*Service"}]}`, `{"source":"Simple Service Bus"}`, false},
		{"Leading", `{"f":[{"wildcard":"*.png"}]}`, `{"f":"dir/a.png"}`, true},
		{"Trailing", `{"f":[{"wildcard":"dir/*"}]}`, `{"f":"dir/a.png"}`, true},
		{"Several", `{"f":[{"wildcard":"*/lib/*.jar"}]}`, `{"f":"/opt/lib/x.jar"}`, true},
		{"SeveralMismatch", `{"f":[{"wildcard":"*/lib/*.jar"}]}`, `{"f":"/opt/bin/x.jar"}`, false},
		{"OverlapNeedsLength", `{"f":[{"wildcard":"ab*ba"}]}`, `{"f":"aba"}`, false},
		{"RepeatedSegment", `{"f":[{"wildcard":"*a*a*"}]}`, `{"f":"banana"}`, true},
		{"StarAlone", `{"f":[{"wildcard":"*"}]}`, `{"f":""}`, true},
		{"NoStarIsEquality", `{"f":[{"wildcard":"abc"}]}`, `{"f":"abcd"}`, false},
		{"EscapedStar", `{"f":[{"wildcard":"a\\*b"}]}`, `{"f":"a*b"}`, true},
		{"EscapedStarIsLiteral", `{"f":[{"wildcard":"a\\*b"}]}`, `{"f":"axb"}`, false},
		{"EscapedBackslash", `{"f":[{"wildcard":"a\\\\*"}]}`, `{"f":"a\\bc"}`, true},
		{"OnlyStrings", `{"f":[{"wildcard":"*"}]}`, `{"f":1}`, false},
		{"ArrayElement", `{"f":[{"wildcard":"*.png"}]}`, `{"f":["a.jpg","b.png"]}`, true},
	})
}

func TestPattern_AnythingBut(t *testing.T) {
	t.Parallel()
	runMatchCases(t, []matchCase{
		{"StringOther", `{"state":[{"anything-but":"initializing"}]}`, `{"state":"running"}`, true},
		{"StringSame", `{"state":[{"anything-but":"initializing"}]}`, `{"state":"initializing"}`, false},
		{"StringMissingField", `{"state":[{"anything-but":"initializing"}]}`, `{}`, false},
		{"StringLetsNumbersThrough", `{"state":[{"anything-but":"initializing"}]}`, `{"state":5}`, true},
		{"StringList", `{"state":[{"anything-but":["stopped","overloaded"]}]}`, `{"state":"overloaded"}`, false},
		{"StringListOther", `{"state":[{"anything-but":["stopped","overloaded"]}]}`, `{"state":"running"}`, true},
		{"ArrayAnyElementOther", `{"state":[{"anything-but":"a"}]}`, `{"state":["a","b"]}`, true},
		{"ArrayAllExcluded", `{"state":[{"anything-but":["a","b"]}]}`, `{"state":["a","b"]}`, false},
		{"Number", `{"x-limit":[{"anything-but":123}]}`, `{"x-limit":124}`, true},
		{"NumberSame", `{"x-limit":[{"anything-but":123}]}`, `{"x-limit":123.0}`, false},
		{"NumberList", `{"x-limit":[{"anything-but":[100,200,300]}]}`, `{"x-limit":3e2}`, false},
		{"NumberListOther", `{"x-limit":[{"anything-but":[100,200,300]}]}`, `{"x-limit":250}`, true},
		{"NumberNeedsNumber", `{"x-limit":[{"anything-but":[100]}]}`, `{"x-limit":"abc"}`, false},
		{"Prefix", `{"state":[{"anything-but":{"prefix":"init"}}]}`, `{"state":"running"}`, true},
		{"PrefixExcluded", `{"state":[{"anything-but":{"prefix":"init"}}]}`, `{"state":"initializing"}`, false},
		{"PrefixList", `{"r":[{"anything-but":{"prefix":["us-","eu-"]}}]}`, `{"r":"eu-west-1"}`, false},
		{"Suffix", `{"f":[{"anything-but":{"suffix":".png"}}]}`, `{"f":"a.jpg"}`, true},
		{"SuffixExcluded", `{"f":[{"anything-but":{"suffix":".png"}}]}`, `{"f":"a.png"}`, false},
		{"IgnoreCase", `{"state":[{"anything-but":{"equals-ignore-case":"initializing"}}]}`, `{"state":"Running"}`, true},
		{"IgnoreCaseExcluded", `{"state":[{"anything-but":{"equals-ignore-case":"initializing"}}]}`, `{"state":"INITIALIZING"}`, false},
		{"IgnoreCaseList", `{"state":[{"anything-but":{"equals-ignore-case":["a","b"]}}]}`, `{"state":"B"}`, false},
		{"Wildcard", `{"FilePath":[{"anything-but":{"wildcard":"*/lib/*"}}]}`, `{"FilePath":"/usr/bin/x"}`, true},
		{"WildcardExcluded", `{"FilePath":[{"anything-but":{"wildcard":"*/lib/*"}}]}`, `{"FilePath":"/usr/lib/x"}`, false},
		{"WildcardList", `{"f":[{"anything-but":{"wildcard":["*.png","*.jpg"]}}]}`, `{"f":"a.jpg"}`, false},
		{"NullIsNotExcludedString", `{"state":[{"anything-but":"x"}]}`, `{"state":null}`, true},
	})
}

func TestPattern_Numeric(t *testing.T) {
	t.Parallel()
	const rng = `{"c":[{"numeric":[">",0,"<=",5]}]}`
	runMatchCases(t, []matchCase{
		{"RangeInside", rng, `{"c":5}`, true},
		{"RangeFraction", rng, `{"c":0.000001}`, true},
		{"RangeOpenBottom", rng, `{"c":0}`, false},
		{"RangeAbove", rng, `{"c":5.000001}`, false},
		{"RangeString", rng, `{"c":"3"}`, false},
		{"RangeMissing", rng, `{}`, false},
		{"RangeArrayElement", rng, `{"c":[9,3]}`, true},
		{"ClosedBottom", `{"c":[{"numeric":[">=",0,"<",5]}]}`, `{"c":0}`, true},
		{"OpenTop", `{"c":[{"numeric":[">=",0,"<",5]}]}`, `{"c":5}`, false},
		{"LessThan", `{"d":[{"numeric":["<",10]}]}`, `{"d":-3}`, true},
		{"LessThanEqual", `{"d":[{"numeric":["<",10]}]}`, `{"d":10}`, false},
		{"AtMost", `{"d":[{"numeric":["<=",10]}]}`, `{"d":10}`, true},
		{"GreaterThan", `{"d":[{"numeric":[">",10]}]}`, `{"d":10.5}`, true},
		{"AtLeast", `{"d":[{"numeric":[">=",10]}]}`, `{"d":9.999999}`, false},
		{"Equals", `{"x":[{"numeric":["=",3.018e2]}]}`, `{"x":301.8}`, true},
		{"EqualsDiffers", `{"x":[{"numeric":["=",3]}]}`, `{"x":3.1}`, false},
		{"EqualsExponent", `{"x":[{"numeric":["=",300]}]}`, `{"x":3e2}`, true},
		{"BeyondLimitNeverMatches", `{"x":[{"numeric":[">",0]}]}`, `{"x":6e9}`, false},
		{"AtLimit", `{"x":[{"numeric":[">",0]}]}`, `{"x":5e9}`, true},
		{"NegativeRange", `{"x":[{"numeric":[">",-10,"<",-5]}]}`, `{"x":-7}`, true},
	})
}

func TestPattern_Exists(t *testing.T) {
	t.Parallel()
	const present, absent = `{"detail":{"state":[{"exists":true}]}}`, `{"detail":{"c-count":[{"exists":false}]}}`
	runMatchCases(t, []matchCase{
		{"TruePresent", present, `{"detail":{"state":"pending"}}`, true},
		{"TrueNull", present, `{"detail":{"state":null}}`, true},
		{"TrueMissing", present, `{"detail":{"c-count":{"c1":100}}}`, false},
		{"TrueNoParent", present, `{"source":"x"}`, false},
		{"TrueObjectIsNotLeaf", present, `{"detail":{"state":{"name":"x"}}}`, false},
		{"TrueEmptyArray", present, `{"detail":{"state":[]}}`, false},
		{"TrueArray", present, `{"detail":{"state":["a"]}}`, true},
		{"FalseMissing", absent, `{"detail":{"state":"x"}}`, true},
		{"FalseNoParent", absent, `{"source":"x"}`, true},
		{"FalseParentNotObject", absent, `{"detail":"x"}`, true},
		{"FalseObjectIsNotLeaf", absent, `{"detail":{"c-count":{"c1":100}}}`, true},
		{"FalsePresent", absent, `{"detail":{"c-count":5}}`, false},
		{"FalseNullIsPresent", absent, `{"detail":{"c-count":null}}`, false},
		{"FalseEmptyArray", absent, `{"detail":{"c-count":[]}}`, true},
		{"FalseOrValue", `{"a":[{"exists":false},"x"]}`, `{"a":"x"}`, true},
		{"FalseOrValueMissing", `{"a":[{"exists":false},"x"]}`, `{}`, true},
		{"FalseOrValueOther", `{"a":[{"exists":false},"x"]}`, `{"a":"y"}`, false},
	})
}

func TestPattern_CIDR(t *testing.T) {
	t.Parallel()
	const v4 = `{"detail":{"sourceIPAddress":[{"cidr":"10.0.0.0/24"}]}}`
	runMatchCases(t, []matchCase{
		{"V4Inside", v4, `{"detail":{"sourceIPAddress":"10.0.0.255"}}`, true},
		{"V4First", v4, `{"detail":{"sourceIPAddress":"10.0.0.0"}}`, true},
		{"V4Outside", v4, `{"detail":{"sourceIPAddress":"10.0.1.0"}}`, false},
		{"V4NotAnAddress", v4, `{"detail":{"sourceIPAddress":"example.com"}}`, false},
		{"V4NotAString", v4, `{"detail":{"sourceIPAddress":10}}`, false},
		{"MixedNotationIsNotAnAddress", v4, `{"detail":{"sourceIPAddress":"::ffff:10.0.0.7"}}`, false},
		{"V4ArrayElement", v4, `{"detail":{"sourceIPAddress":["1.1.1.1","10.0.0.3"]}}`, true},
		{"V6Inside", `{"ip":[{"cidr":"2001:db8::/32"}]}`, `{"ip":"2001:db8:ffff::1"}`, true},
		{"V6Outside", `{"ip":[{"cidr":"2001:db8::/32"}]}`, `{"ip":"2001:db9::1"}`, false},
		{"FamiliesDoNotMix", `{"ip":[{"cidr":"::/0"}]}`, `{"ip":"10.0.0.1"}`, false},
		{"RangeStartsAtAddressAsWritten", `{"ip":[{"cidr":"10.0.0.5/24"}]}`, `{"ip":"10.0.0.4"}`, false},
		{"Slash8", `{"ip":[{"cidr":"10.0.0.0/8"}]}`, `{"ip":"10.200.3.4"}`, true},
		{"OddMask", `{"ip":[{"cidr":"10.0.0.0/30"}]}`, `{"ip":"10.0.0.4"}`, false},
	})
}

func TestPattern_Match_InvalidEvent(t *testing.T) {
	t.Parallel()
	p, err := Compile(`{"source":["a"]}`)
	require.NoError(t, err)
	for _, event := range []string{``, `null`, `[]`, `"x"`, `{"source":`, `{"source":"a"} {}`} {
		_, err := p.Match([]byte(event))
		require.ErrorIs(t, err, ErrInvalidEvent, event)
	}
}

func TestPattern_MatchValue_OtherNumberTypes(t *testing.T) {
	t.Parallel()
	p, err := Compile(`{"a":[5],"b":[{"numeric":[">",1]}]}`)
	require.NoError(t, err)
	require.True(t, p.MatchValue(map[string]any{"a": 5, "b": int64(2)}))
	require.True(t, p.MatchValue(map[string]any{"a": float32(5), "b": uint(2)}))
	require.False(t, p.MatchValue(map[string]any{"a": 5, "b": struct{}{}}))
	require.False(t, p.MatchValue(nil))
	require.Equal(t, `{"a":[5],"b":[{"numeric":[">",1]}]}`, p.String())
}

func TestLooksLikeIP(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"10.0.0.1": true, "999.1.1.1": true, "1.2.3": false, "1..2.3": false, "1.2.3.4.": false, ".1.2.3": false,
		"::": true, "2001:DB8::1": true, "fe80::1%eth0": false, "g::1": false, "::ffff:1.2.3.4": false, "": false,
	} {
		require.Equal(t, want, looksLikeIP(s), s)
	}
}
