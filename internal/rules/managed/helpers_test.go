package managed

import (
	"context"
	"encoding/json"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/configitem"
)

// mustRule looks a rule up or fails the test.
func mustRule(t *testing.T, id string) *Rule {
	t.Helper()
	r, ok := Lookup(id)
	require.True(t, ok, "rule %s is not registered", id)
	return r
}

// mustParams parses InputParameters for a rule or fails the test.
func mustParams(t *testing.T, r *Rule, input string) Params {
	t.Helper()
	p, err := ParseParams(r, input)
	require.NoError(t, err)
	return p
}

// itemCase is one table case of an item-based rule.
type itemCase struct {
	name       string
	params     string
	item       *configitem.Item
	want       string
	annotation string // a fragment the annotation must contain, if set
}

// runItemCases evaluates every case through Rule.Evaluate.
func runItemCases(t *testing.T, id string, cases []itemCase) {
	t.Helper()
	r := mustRule(t, id)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ev := r.Evaluate(tc.item, mustParams(t, r, tc.params))
			require.Equal(t, tc.want, ev.ComplianceType, ev.Annotation)
			require.Equal(t, tc.item.ResourceType, ev.ResourceType)
			require.Equal(t, tc.item.ResourceID, ev.ResourceID)
			if tc.want != Compliant {
				require.NotEmpty(t, ev.Annotation, "a non-compliant verdict says why")
			}
			require.Contains(t, ev.Annotation, tc.annotation)
		})
	}
}

// roundTrip stores and reads an item back the way the store does, so
// numbers become float64 as they will in production.
func roundTrip(t *testing.T, item configitem.Item) *configitem.Item {
	t.Helper()
	b, err := json.Marshal(item)
	require.NoError(t, err)
	var out configitem.Item
	require.NoError(t, json.Unmarshal(b, &out))
	return &out
}

func jsonString(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// urlEncoded renders a policy as IAM configuration items record it.
func urlEncoded(t *testing.T, v any) string {
	t.Helper()
	return url.PathEscape(jsonString(t, v))
}

// fakeEnv is an Env answering from canned responses.
type fakeEnv struct {
	account, region string
	now             time.Time
	// responses maps "service:Operation" to a handler.
	responses map[string]func(input map[string]any) (map[string]any, error)
	items     map[string][]configitem.Item
	history   map[string][]configitem.Item // "type/id", newest first
	calls     []string
}

func newFakeEnv() *fakeEnv {
	return &fakeEnv{
		account: "123456789012", region: "us-east-1",
		now:       time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC),
		responses: map[string]func(map[string]any) (map[string]any, error){},
		items:     map[string][]configitem.Item{},
		history:   map[string][]configitem.Item{},
	}
}

func (f *fakeEnv) AccountID() string { return f.account }
func (f *fakeEnv) Region() string    { return f.region }
func (f *fakeEnv) Now() time.Time    { return f.now }

func (f *fakeEnv) Call(_ context.Context, service, operation string, input map[string]any) (map[string]any, error) {
	key := service + ":" + operation
	f.calls = append(f.calls, key)
	h, ok := f.responses[key]
	if !ok {
		return nil, &awserr.Error{Code: "UnknownOperationException", Message: key}
	}
	return h(input)
}

func (f *fakeEnv) Items(_ context.Context, resourceType string) ([]configitem.Item, error) {
	return f.items[resourceType], nil
}

func (f *fakeEnv) History(_ context.Context, resourceType, resourceID string) ([]configitem.Item, error) {
	return f.history[resourceType+"/"+resourceID], nil
}

// answer registers a fixed response.
func (f *fakeEnv) answer(key string, resp map[string]any) *fakeEnv {
	f.responses[key] = func(map[string]any) (map[string]any, error) { return resp, nil }
	return f
}

// fail registers an AWS error.
func (f *fakeEnv) fail(key, code string) *fakeEnv {
	f.responses[key] = func(map[string]any) (map[string]any, error) {
		return nil, &awserr.Error{Code: code, Message: code}
	}
	return f
}
