package pattern

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/salvehq/salve/internal/awserr"
)

var fuzzPatterns = []string{
	`{"source":["aws.config"],"detail-type":["Config Rules Compliance Change"],"detail":{"newEvaluationResult":{"complianceType":["NON_COMPLIANT"]}}}`,
	`{"a":[{"prefix":"x"},{"suffix":{"equals-ignore-case":"Y"}},{"wildcard":"a*b\\*c"}]}`,
	`{"a":[{"anything-but":{"wildcard":["*x*","y*"]}},{"anything-but":[1,2.5]},{"numeric":[">",0,"<=",5]}]}`,
	`{"a":[{"cidr":"10.0.0.0/24"},{"exists":false},null,true,300,"10.0.0.1"]}`,
	`{"$or":[{"a":["x"]},{"b":{"c":[{"exists":true}]}}],"d":[{"equals-ignore-case":"Ä"}]}`,
	`{"a":[{"numeric":["=",3.018e2]}], "a":{"b":["c"]}}`,
	`{"a":["\u00e9\ud83d\ude00"]}`,
	`{"a":[{"numeric":[">",1,"<",5,6]}]}`,
	`{"a":[`,
	"{\n\"a\":[\"x\"],\n\"b\":5}",
}

var fuzzEvents = []string{
	`{"source":"aws.config","detail-type":"Config Rules Compliance Change","detail":{"newEvaluationResult":{"complianceType":"NON_COMPLIANT"}}}`,
	`{"a":["x","ab*c",3,null,true,{"b":{"c":1}}],"b":[{"c":[]}],"d":"ä"}`,
	`{"a":[[1,[2.5,"10.0.0.7"]],-0.0,1e308,123456789012]}`,
	`{"a":{"b":["c",{"d":1}]}}`,
	`{}`,
}

// FuzzCompile: Compile never panics, fails only with
// InvalidEventPatternException, accepts only valid JSON, and a compiled
// pattern matches without panicking.
func FuzzCompile(f *testing.F) {
	for _, p := range fuzzPatterns {
		f.Add(p)
	}
	events := make([]map[string]any, 0, len(fuzzEvents))
	for _, e := range fuzzEvents {
		m, err := DecodeEvent([]byte(e))
		if err != nil {
			f.Fatal(err)
		}
		events = append(events, m)
	}
	f.Fuzz(func(t *testing.T, pattern string) {
		p, err := Compile(pattern)
		if err != nil {
			e, ok := awserr.As(err)
			if !ok || e.Code != CodeInvalidEventPattern || !strings.HasPrefix(e.Message, invalidPrefix) {
				t.Fatalf("Compile(%q) = %v, want an InvalidEventPatternException", pattern, err)
			}
			return
		}
		if !json.Valid([]byte(pattern)) {
			t.Fatalf("Compile accepted invalid JSON %q", pattern)
		}
		for _, e := range events {
			p.MatchValue(e)
		}
	})
}

// FuzzMatch: matching never panics, and a json.Number decoding and a
// float64 decoding of the same event get the same answer.
func FuzzMatch(f *testing.F) {
	for i, p := range fuzzPatterns {
		f.Add(p, fuzzEvents[i%len(fuzzEvents)])
	}
	f.Fuzz(func(t *testing.T, pattern, event string) {
		p, err := Compile(pattern)
		if err != nil {
			return
		}
		got, err := p.Match([]byte(event))
		if err != nil {
			return
		}
		var floats map[string]any
		if json.Unmarshal([]byte(event), &floats) != nil {
			return
		}
		if want := p.MatchValue(floats); got != want {
			t.Fatalf("pattern %s event %s: json.Number %v, float64 %v", pattern, event, got, want)
		}
	})
}
