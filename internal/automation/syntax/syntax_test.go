package syntax_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/salvehq/salve/internal/automation/syntax"
)

func TestParse_JSONKeepsOrderAndTypes(t *testing.T) {
	t.Parallel()
	n, err := syntax.Parse([]byte(`{"z": 1, "a": 1.5, "m": "s", "t": true, "n": null, "l": [1, "x"]}`), syntax.JSON)
	require.NoError(t, err)
	var keys, tags []string
	for i := 0; i < len(n.Content); i += 2 {
		keys = append(keys, n.Content[i].Value)
		tags = append(tags, n.Content[i+1].ShortTag())
	}
	require.Equal(t, []string{"z", "a", "m", "t", "n", "l"}, keys)
	require.Equal(t, []string{"!!int", "!!float", "!!str", "!!bool", "!!null", "!!seq"}, tags)
}

func TestParse_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, format, content, want string
	}{
		{"Empty", syntax.JSON, "  \n", "JSON syntax error: the content is empty"},
		{"BadValue", syntax.JSON, "{\n\"a\":\n}", "JSON syntax error at line 3"},
		{"Truncated", syntax.JSON, "{\"a\": [1,\n2", "JSON syntax error at line 2"},
		{"DuplicateName", syntax.JSON, "{\"a\":1,\n\"a\":2}", "duplicate"},
		{"Trailing", syntax.JSON, "{}\n{}", "after the top-level value"},
		{"YAML", syntax.YAML, "a: 1\n b: 2\n", "YAML syntax error at line 2"},
		{"BillionLaughs", syntax.YAML, laughs(), "through aliases"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := syntax.Parse([]byte(tt.content), tt.format)
			var se *syntax.Error
			require.ErrorAs(t, err, &se)
			require.Contains(t, err.Error(), tt.want)
		})
	}
}

// laughs is a YAML document whose aliases expand exponentially.
func laughs() string {
	var b strings.Builder
	b.WriteString("a: &a [x, x, x, x, x, x, x, x, x, x]\n")
	prev := "a"
	for _, c := range "bcdefgh" {
		name := string(c)
		b.WriteString(name + ": &" + name + " [")
		for i := range 10 {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
		prev = name
	}
	return b.String()
}

func TestConvert_RoundTrip(t *testing.T) {
	t.Parallel()
	src := `{
  "description": "line one\nline two",
  "s": "true",
  "n": "12",
  "i": 600,
  "f": 0.5,
  "b": false,
  "x": null,
  "list": ["a", {"k": "v"}]
}`
	y, err := syntax.Convert([]byte(src), syntax.JSON, syntax.YAML)
	require.NoError(t, err)
	var fromYAML map[string]any
	require.NoError(t, yaml.Unmarshal(y, &fromYAML))
	require.Equal(t, "true", fromYAML["s"], "strings that look like booleans stay strings")
	require.Equal(t, "12", fromYAML["n"])
	require.Equal(t, 600, fromYAML["i"])
	require.Equal(t, "line one\nline two", fromYAML["description"])
	require.True(t, strings.Index(string(y), "description") < strings.Index(string(y), "list"), "key order kept")

	back, err := syntax.Convert(y, syntax.YAML, syntax.JSON)
	require.NoError(t, err)
	require.JSONEq(t, src, string(back))
	same, err := syntax.Convert([]byte(src), syntax.JSON, syntax.JSON)
	require.NoError(t, err)
	require.Equal(t, src, string(same))
}

func TestToJSON_YAMLOnlyValues(t *testing.T) {
	t.Parallel()
	n, err := syntax.Parse([]byte("when: 2024-01-01\ninf: .inf\nhex: 0x1F\nanchor: &a {k: v}\nref: *a\n"), syntax.YAML)
	require.NoError(t, err)
	b, err := syntax.ToJSON(n)
	require.NoError(t, err)
	require.JSONEq(t, `{"when":"2024-01-01","inf":".inf","hex":31,"anchor":{"k":"v"},"ref":{"k":"v"}}`, string(b))
}
