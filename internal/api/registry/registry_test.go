package registry_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/api/registry"
)

func TestOps_AddNames(t *testing.T) {
	t.Parallel()
	ops := registry.New[int]("svc")
	require.Empty(t, ops.Names())
	require.Equal(t, struct{}{}, ops.Add("GetB", 2))
	ops.Add("DeleteA", 1)
	require.Equal(t, []string{"DeleteA", "GetB"}, ops.Names(), "sorted")
	require.PanicsWithValue(t, "svc: operation registered twice: GetB", func() { ops.Add("GetB", 3) })
}

func TestBind(t *testing.T) {
	t.Parallel()
	ops := registry.New[int]("svc")
	ops.Add("One", 1)
	ops.Add("Two", 2)
	require.Equal(t, map[string]string{"One": "1!", "Two": "2!"},
		registry.Bind(ops, func(n int) string { return string(rune('0'+n)) + "!" }))
	require.Empty(t, registry.Bind(registry.New[int]("empty"), func(int) string { return "" }))
}

func TestApply(t *testing.T) {
	t.Parallel()
	type api struct{ name string }
	ops := registry.New[func(*api) func() string]("svc")
	ops.Add("Hello", func(a *api) func() string { return func() string { return "hello " + a.name } })
	handlers := registry.Apply(ops, &api{name: "salve"})
	require.Len(t, handlers, 1)
	require.Equal(t, "hello salve", handlers["Hello"]())
}

func TestQuery(t *testing.T) {
	t.Parallel()
	type api struct{ greeting string }
	ops := registry.New[registry.QueryOp[*api]]("svc")
	ops.Add("Greet", func(a *api, _ context.Context, form url.Values) (any, error) {
		return a.greeting + " " + form.Get("Name"), nil
	})
	handlers := registry.Query(ops, &api{greeting: "hello"})
	got, err := handlers["Greet"](context.Background(), nil, url.Values{"Name": {"salve"}})
	require.NoError(t, err)
	require.Equal(t, "hello salve", got)
}
