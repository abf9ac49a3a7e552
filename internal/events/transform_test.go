package events

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/tenant"
)

// testEnvelope is an event envelope for transformation tests.
func testEnvelope(t *testing.T, detail string) *envelope {
	t.Helper()
	ev, err := newEnvelope(tenantScope, Event{Source: "com.example", DetailType: "Thing", Resources: []string{"arn:a", "arn:b"}},
		[]byte(detail), time.Date(2026, 1, 2, 3, 4, 5, 600e6, time.UTC))
	require.NoError(t, err)
	return ev
}

var tenantScope = tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}

func TestJSONPath(t *testing.T) {
	t.Parallel()
	doc := map[string]any{"detail": map[string]any{"a-b": "x", "list": []any{"p", "q"}, "n": json.Number("3")},
		"resources": []any{"r0"}}
	cases := []struct {
		path  string
		want  any
		found bool
	}{
		{"$", doc, true},
		{"$.detail.a-b", "x", true},
		{"$.detail['a-b']", "x", true},
		{"$.detail.list[1]", "q", true},
		{"$.detail.list[2]", nil, false},
		{"$.detail.list[*]", []any{"p", "q"}, true},
		{"$.resources[0]", "r0", true},
		{"$.detail.n", json.Number("3"), true},
		{"$.detail.missing", nil, false},
		{"$.detail.a-b.deeper", nil, false},
	}
	for _, c := range cases {
		p, err := parseJSONPath(c.path)
		require.NoError(t, err, c.path)
		got, found := p.eval(doc)
		require.Equal(t, c.found, found, c.path)
		require.Equal(t, c.want, got, c.path)
	}
	for _, bad := range []string{"", "detail", "$.", "$..x", "$[", "$[x]", "$[-1]", "$x"} {
		_, err := parseJSONPath(bad)
		require.Error(t, err, bad)
	}
}

func TestRenderTemplate(t *testing.T) {
	t.Parallel()
	vars := map[string]any{"s": "RUNNING", "q": `say "hi"`, "n": json.Number("4"), "obj": map[string]any{"k": "v"},
		"gone": missing{}, "raw": rawJSON(`{"a":1}`)}
	lookup := func(name string) (any, bool) {
		v, ok := vars[name]
		return v, ok
	}
	cases := []struct{ name, tpl, want string }{
		{"TextString", `instance is <s>`, `instance is RUNNING`},
		{"TextQuoted", `"instance is <s>"`, `"instance is RUNNING"`},
		{"TextNumberAndObject", `<n> <obj>`, `4 {"k":"v"}`},
		{"TextMissing", `[<gone>]`, `[]`},
		{"TextUndefinedStays", `<b>bold</b> <s>`, `<b>bold</b> RUNNING`},
		{"JSONQuoted", `{"state": "<s>"}`, `{"state": "RUNNING"}`},
		{"JSONUnquoted", `{"state": <s>, "n": <n>, "o": <obj>}`, `{"state": "RUNNING", "n": 4, "o": {"k":"v"}}`},
		{"JSONEscapes", `{"said": "<q>"}`, `{"said": "say \"hi\""}`},
		{"JSONEscapedQuoteKeepsState", `{"a": "x \"<s>\"", "b": <s>}`, `{"a": "x \"RUNNING\"", "b": "RUNNING"}`},
		{"JSONMissing", `{"a": <gone>, "b": "<gone>"}`, `{"a": null, "b": ""}`},
		{"JSONRaw", `{"event": <raw>}`, `{"event": {"a":1}}`},
		{"JSONNumberInString", `{"n": "<n> items"}`, `{"n": "4 items"}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, c.want, string(renderTemplate(c.tpl, lookup)))
		})
	}
}

func TestPayload_PredefinedVariables(t *testing.T) {
	t.Parallel()
	r := &Rule{Name: "r", ARN: "arn:aws:events:us-east-1:123456789012:rule/r"}
	ev := testEnvelope(t, `{"k":"v"}`)
	tg := &Target{ID: "t", InputTransformer: &InputTransformer{InputTemplate: `{"arn": "<aws.events.rule-arn>", ` +
		`"name": "<aws.events.rule-name>", "at": "<aws.events.event.ingestion-time>", "env": <aws.events.event>, ` +
		`"full": <aws.events.event.json>}`}}
	require.NoError(t, checkTargetInput(tg))
	out, err := payload(r, tg, ev)
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(out, &got), string(out))
	require.Equal(t, r.ARN, got["arn"])
	require.Equal(t, "r", got["name"])
	require.Equal(t, "2026-01-02T03:04:05.600Z", got["at"])
	require.NotContains(t, got["env"], "detail")
	require.Equal(t, "com.example", got["env"].(map[string]any)["source"])
	require.Equal(t, map[string]any{"k": "v"}, got["full"].(map[string]any)["detail"])
}

func TestCheckTargetInput(t *testing.T) {
	t.Parallel()
	str := func(s string) *string { return &s }
	cases := []struct {
		name string
		tg   Target
		err  string
	}{
		{"Plain", Target{ID: "t"}, ""},
		{"Input", Target{ID: "t", Input: str(`"text"`)}, ""},
		{"InputNotJSON", Target{ID: "t", Input: str(`text`)}, "Input for target t is not valid JSON text."},
		{"InputPath", Target{ID: "t", InputPath: str("$.detail")}, ""},
		{"TextTemplate", Target{ID: "t", InputTransformer: &InputTransformer{InputTemplate: `<x> is "free" text {`}}, ""},
		{"ReservedName", Target{ID: "t", InputTransformer: &InputTransformer{InputPathsMap: map[string]string{"aws.events.x": "$"},
			InputTemplate: "x"}}, "reserved variable"},
		{"JSONTemplateOK", Target{ID: "t", InputTransformer: &InputTransformer{InputPathsMap: map[string]string{"a": "$.a"},
			InputTemplate: `{"a": <a>, "b": "<a>"}`}}, ""},
		{"JSONTemplateBroken", Target{ID: "t", InputTransformer: &InputTransformer{InputTemplate: `{"a": }`}}, "Invalid InputTemplate"},
	}
	for _, c := range cases {
		err := checkTargetInput(&c.tg)
		if c.err == "" {
			require.NoError(t, err, c.name)
			continue
		}
		require.ErrorContains(t, err, c.err, c.name)
	}
}

func TestValidSchedule(t *testing.T) {
	t.Parallel()
	for expr, want := range map[string]bool{
		"rate(1 minute)": true, "rate(5 minutes)": true, "rate(1 hour)": true, "rate(2 days)": true,
		"rate(1 minutes)": false, "rate(2 minute)": false, "rate(0 minutes)": false, "rate(5 weeks)": false,
		"cron(0 12 * * ? *)": true, "cron(15 10 ? * 6L 2026-2030)": true, "cron(0/5 8-17 ? * MON-FRI *)": true,
		"cron(0 12 * * *)": false, "cron(0 12 * * 1 *)": false, "every day": false, "": false,
	} {
		require.Equal(t, want, validSchedule(expr), expr)
	}
}

// FuzzInputTransformer: a transformer PutTargets accepts never fails to
// render, and a JSON template it accepts always renders valid JSON.
func FuzzInputTransformer(f *testing.F) {
	f.Add(`{"a": <a>, "b": "<a> and \"<b>\"", "r": <aws.events.event>}`, "$.detail.k", `{"k":"v"}`)
	f.Add(`"<a> is here"`, "$.detail.list[*]", `{"list":[1,2]}`)
	f.Add(`{"x": "<aws.events.rule-name>"}`, "$", `{}`)
	r := &Rule{Name: "r", ARN: "arn:aws:events:us-east-1:123456789012:rule/r"}
	f.Fuzz(func(t *testing.T, tpl, path, detail string) {
		if !isJSONObject([]byte(detail)) {
			return
		}
		tg := &Target{ID: "t", InputTransformer: &InputTransformer{InputTemplate: tpl,
			InputPathsMap: map[string]string{"a": path, "b": "$.detail"}}}
		if checkTargetInput(tg) != nil {
			return
		}
		ev, err := newEnvelope(tenantScope, Event{Source: "s", DetailType: "d"}, compact([]byte(detail)), time.Unix(0, 0))
		require.NoError(t, err)
		out, err := payload(r, tg, ev)
		require.NoError(t, err)
		if jsonTemplate(tpl) {
			require.True(t, json.Valid(out), "template %q rendered %q", tpl, out)
		}
	})
}
