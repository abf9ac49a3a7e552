package documents_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/store/memstore"
	"github.com/salvehq/salve/internal/tenant"
)

var scope = tenant.Scope{AccountID: "123456789012", Region: "us-east-1"}

// setup returns a service over a fresh memstore.
func setup(t *testing.T) (*documents.Service, store.Store) {
	t.Helper()
	st := memstore.New()
	t.Cleanup(func() { require.NoError(t, st.Close()) })
	svc := documents.New(documents.Params{Store: st, Clock: clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))})
	return svc, st
}

// runbook returns a valid runbook whose description is desc.
func runbook(desc string) string {
	return fmt.Sprintf(`{"schemaVersion":"0.3","description":%q,
"parameters":{"Name":{"type":"String"},"Count":{"type":"Integer","default":600},"Role":{"type":"String","default":""}},
"mainSteps":[{"name":"Wait","action":"aws:pause","inputs":{}}]}`, desc)
}

// resolve calls documents.Resolve in a read transaction.
func resolve(t *testing.T, st store.Store, s tenant.Scope, name, version string) (*documents.Document, error) {
	t.Helper()
	var d *documents.Document
	err := st.View(context.Background(), func(tx store.Tx) error {
		var err error
		d, err = documents.Resolve(tx, s, name, version)
		return err
	})
	return d, err
}

func TestResolve(t *testing.T) {
	t.Parallel()
	svc, st := setup(t)
	ctx := context.Background()
	_, err := svc.Create(ctx, documents.CreateParams{Scope: scope, Name: "mine", Content: runbook("v1"), DocumentType: "Automation"})
	require.NoError(t, err)
	_, err = svc.Update(ctx, documents.UpdateParams{Scope: scope, Name: "mine", Content: runbook("v2")})
	require.NoError(t, err)

	tests := []struct {
		name, doc, version, wantVersion, code string
	}{
		{"Default", "mine", "", "1", ""},
		{"DefaultSelector", "mine", "$DEFAULT", "1", ""},
		{"Latest", "mine", "$LATEST", "2", ""},
		{"Number", "mine", "2", "2", ""},
		{"Library", "AWS-ConfigureS3BucketEncryption", "", "1", ""},
		{"LibraryLatest", "AWS-ConfigureS3BucketEncryption", "$LATEST", "1", ""},
		{"Missing", "nope", "", "", awserr.InvalidDocument},
		{"BadNumber", "mine", "3", "", awserr.InvalidDocumentVersion},
		{"NotANumber", "mine", "x", "", awserr.InvalidDocumentVersion},
		{"LibraryBadVersion", "AWS-StopEC2Instance", "2", "", awserr.InvalidDocumentVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := resolve(t, st, scope, tt.doc, tt.version)
			if tt.code != "" {
				require.True(t, awserr.Is(err, tt.code), "got %v", err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.wantVersion, d.DocumentVersion)
			require.Equal(t, "Automation", d.DocumentType)
			require.Equal(t, "0.3", d.SchemaVersion)
			require.NotEmpty(t, d.Content)
			require.NotEmpty(t, d.Format)
		})
	}

	d, err := resolve(t, st, scope, "mine", "")
	require.NoError(t, err)
	require.Equal(t, "123456789012", d.Owner)
	require.Equal(t, "JSON", d.Format)
	require.Equal(t, []documents.Parameter{
		{Name: "Name", Type: "String"},
		{Name: "Count", Type: "Integer", HasDefault: true, Default: float64(600)},
		{Name: "Role", Type: "String", HasDefault: true, Default: ""},
	}, d.Parameters)
	lib, err := resolve(t, st, scope, "AWS-ConfigureS3BucketEncryption", "1")
	require.NoError(t, err)
	require.Equal(t, documents.OwnerAmazon, lib.Owner)
	require.Equal(t, "YAML", lib.Format)

	_, err = resolve(t, st, tenant.Scope{AccountID: "111122223333", Region: "us-east-1"}, "mine", "")
	require.True(t, awserr.Is(err, awserr.InvalidDocument), "another account sees nothing")
}

func TestParameter_DefaultString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		value any
		want  string
	}{
		{"AES256", "AES256"},
		{"", ""},
		{true, "true"},
		{false, "false"},
		{600, "600"},
		{float64(600), "600"},
		{0.5, "0.5"},
		{[]any{"a", "b"}, `["a","b"]`},
		{map[string]any{"k": "v"}, `{"k":"v"}`},
		{[]any{map[string]any{"a": float64(1)}}, `[{"a":1}]`},
	}
	for _, tt := range tests {
		got, ok := documents.Parameter{HasDefault: true, Default: tt.value}.DefaultString()
		require.True(t, ok)
		require.Equal(t, tt.want, got, "%#v", tt.value)
	}
	_, ok := documents.Parameter{}.DefaultString()
	require.False(t, ok, "no default")
}

func TestUpdate_VersionLimit(t *testing.T) {
	t.Parallel()
	svc, _ := setup(t)
	ctx := context.Background()
	_, err := svc.Create(ctx, documents.CreateParams{Scope: scope, Name: "busy", Content: runbook("0"), DocumentType: "Automation"})
	require.NoError(t, err)
	for i := 1; i < documents.MaxVersions; i++ {
		_, err := svc.Update(ctx, documents.UpdateParams{Scope: scope, Name: "busy", Content: runbook(fmt.Sprint(i))})
		require.NoError(t, err)
	}
	_, err = svc.Update(ctx, documents.UpdateParams{Scope: scope, Name: "busy", Content: runbook("one more")})
	require.True(t, awserr.Is(err, awserr.DocumentVersionLimitExceeded), "got %v", err)
	require.Contains(t, err.Error(), "1000 versions")
}

func TestContentAs(t *testing.T) {
	t.Parallel()
	d := &documents.Document{Name: "x", Format: "YAML", Content: "a: 1\nb: [x]\n"}
	c, f, err := d.ContentAs("JSON")
	require.NoError(t, err)
	require.Equal(t, "JSON", f)
	require.JSONEq(t, `{"a":1,"b":["x"]}`, c)
	c, f, err = d.ContentAs("")
	require.NoError(t, err)
	require.Equal(t, d.Content, c)
	require.Equal(t, "YAML", f)
	text := &documents.Document{Name: "cal", Format: "TEXT", Content: "BEGIN:VCALENDAR"}
	c, f, err = text.ContentAs("JSON")
	require.NoError(t, err)
	require.Equal(t, "TEXT", f, "TEXT is never converted")
	require.True(t, strings.HasPrefix(c, "BEGIN"))
}

func TestCreate_TextFormat(t *testing.T) {
	t.Parallel()
	svc, _ := setup(t)
	ctx := context.Background()
	d, err := svc.Create(ctx, documents.CreateParams{Scope: scope, Name: "calendar", Content: "BEGIN:VCALENDAR\nEND:VCALENDAR",
		DocumentType: "ChangeCalendar", Format: "TEXT"})
	require.NoError(t, err)
	require.Equal(t, "TEXT", d.Format)
	_, err = svc.Create(ctx, documents.CreateParams{Scope: scope, Name: "cmd-text", Content: "echo hi", Format: "TEXT"})
	require.True(t, awserr.Is(err, awserr.InvalidDocumentContent), "got %v", err)
}
